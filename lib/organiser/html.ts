/** The 汇总表 as a self-contained, printable HTML page (A4 landscape, header repeated on every page). */
import type { Lang } from '../checks/messages';
import type { SummaryTable } from './table';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface HtmlOptions {
  title: string;
  /** Lines under the title (rule pack, date, counts). */
  meta?: string[];
  lang?: Lang;
}

export function toHtml(table: SummaryTable, options: HtmlOptions): string {
  const head = table.columns.map((c) => `<th scope="col">${escape(c.header)}</th>`).join('');
  const body = table.rows
    .map((r) => {
      const cells = table.columns.map((c) => {
        const text = escape(String(r.cells[c.key] ?? '')).replace(/\n/g, '<br>');
        return c.key === 'verdict' ? `<td class="v-${r.verdict}">${text}</td>` : `<td>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const meta = (options.meta ?? []).map((m) => `<p>${escape(m)}</p>`).join('');
  return `<!doctype html>
<html lang="${options.lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${escape(options.title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 14pt; margin: 0 0 4pt; }
p { margin: 0 0 2pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin-top: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #888; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #dde3ea; }
.v-pass { background: #e6f4ea; } .v-warn { background: #fff4ce; } .v-fail { background: #fde7e9; font-weight: bold; } .v-unreadable { background: #ede7f6; font-weight: bold; }
</style>
</head>
<body>
<h1>${escape(options.title)}</h1>
${meta}
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
