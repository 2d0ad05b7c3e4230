import { chineseNumber, foldWidth } from './text';

/** The five numbering styles of a notice, outermost first: 一、 （一） 1. （1） ①. */
type Marker = 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'circled';

/** One numbered section of a notice. */
export interface Section {
  /** Path of numbers as the notice writes it: "二(二)2(3)①", "附件14 三"; "" before the first heading. */
  label: string;
  /** The heading line without its number, e.g. "职业教育实践性教学案例：是指…". */
  title: string;
  /** The annex the section belongs to ("附件3"), if any. */
  annex?: string;
  /** Original offsets of the section's own text (its heading up to the next heading of any level). */
  start: number;
  end: number;
  /** Index of the parent section in the list, -1 for a top-level one. */
  parent: number;
}

const MARKERS: Array<{ marker: Marker; pattern: RegExp; show: (n: string) => string }> = [
  { marker: 'chinese', pattern: /^([一二三四五六七八九十]{1,3})[、.]/u, show: (n) => n },
  { marker: 'paren-chinese', pattern: /^\(([一二三四五六七八九十]{1,3})\)/u, show: (n) => `(${n})` },
  { marker: 'arabic', pattern: /^(\d{1,2})(?:[.、](?!\d)|\.(?=\s))/u, show: (n) => n },
  { marker: 'paren-arabic', pattern: /^\((\d{1,2})\)/u, show: (n) => `(${n})` },
  { marker: 'circled', pattern: /^([\u2460-\u2473])/u, show: (n) => n },
];

const ANNEX = /^附件\s*(\d{1,2})\s*[:：]?\s*$|^附件\s*(\d{1,2})\s*[:：]/u;
const CITED_ANNEX = /附件\s*(\d{1,2})/gu;

/**
 * A line that reads like a document's title: 4–40 characters, mostly Chinese, no space inside, no sentence
 * punctuation, ending in a Chinese character ("作品登记表", "数字化和智能化应用能力提升案例申报表"). Cells of a form
 * (tab-led lines), numbered items and dates ("年    月    日") are not.
 */
function isTitleLine(original: string, body: string): boolean {
  if (original.startsWith('\t') || body.length < 4 || body.length > 40 || /\s/u.test(body)) return false;
  if (/[，,。.；;：:、！？!?*＊]/u.test(body) || MARKERS.some((entry) => entry.pattern.test(body))) return false;
  if (!/\p{Script=Han}$/u.test(body)) return false;
  return (body.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4;
}

/**
 * Annexes the notice cites in its body ("作品登记表（附件11)") past the last one that has its own "附件N" line: a
 * document converted from Word often loses that line for the last few annexes, whose text then follows the last
 * marked annex. They are found by their titles, in the order cited (lib/rules/draft/sections.ts `segment`).
 */
function unmarkedAnnexes(lines: readonly string[]): { lastMarked: number; pending: number[] } {
  let firstAnnex = -1;
  let lastMarked = 0;
  lines.forEach((line, i) => {
    const body = foldWidth(line).trim();
    const match = ANNEX.exec(body);
    if (!match || body.length > 16) return;
    if (firstAnnex < 0) firstAnnex = i;
    lastMarked = Math.max(lastMarked, Number(match[1] ?? match[2]));
  });
  if (firstAnnex < 0) return { lastMarked, pending: [] };
  const cited = new Set<number>();
  for (const line of lines.slice(0, firstAnnex)) {
    for (const match of foldWidth(line).matchAll(CITED_ANNEX)) cited.add(Number(match[1]));
  }
  return { lastMarked, pending: [...cited].filter((n) => n > lastMarked).sort((a, b) => a - b) };
}

interface Open {
  marker: Marker;
  number: number;
  index: number;
}

function numberOf(marker: Marker, raw: string): number {
  if (marker === 'circled') return raw.codePointAt(0)! - 0x245f;
  return chineseNumber(raw) ?? Number(raw);
}

/**
 * Cuts a notice into its numbered sections. A number continues the open list of its style when it is the next one
 * (（3） after （2）); a list restarting at 1 inside a section opens a deeper level (the four video kinds (1)–(4)
 * listed inside 二(二)2(3)①); a line "附件N" starts an annex and closes everything. Past the last "附件N" line, an
 * annex the body cites but that has no such line starts at the first title-like line once the annex before it has
 * content of its own (its own title right after "附件N" is not a new annex).
 */
export function segment(text: string): Section[] {
  const sections: Section[] = [{ label: '', title: '', start: 0, end: text.length, parent: -1 }];
  const lines = text.split('\n');
  const { lastMarked, pending } = unmarkedAnnexes(lines);
  let open: Open[] = [];
  let annex: string | undefined;
  let annexIndex = -1;
  /** Lines of the current annex after its title: a title-like line starts the next annex only past these. */
  let annexContent = 0;
  let marked = 0;
  let offset = 0;
  const startAnnex = (label: string, title: string, start: number) => {
    annex = label;
    open = [];
    annexContent = 0;
    sections[sections.length - 1]!.end = start;
    annexIndex = sections.length;
    sections.push({ label, title, annex: label, start, end: text.length, parent: -1 });
  };
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    const folded = foldWidth(line);
    const lead = folded.length - folded.trimStart().length;
    const body = folded.trim();
    if (body === '') continue;

    const annexMatch = ANNEX.exec(body);
    if (annexMatch && body.length <= 16) {
      const n = Number(annexMatch[1] ?? annexMatch[2]);
      marked = Math.max(marked, n);
      startAnnex(`附件${n}`, body, lineStart + lead);
      continue;
    }
    const next = marked >= lastMarked ? pending.find((n) => n > Number(annex?.slice(2) ?? 0)) : undefined;
    if (annex !== undefined && next !== undefined && annexContent > 0 && isTitleLine(folded.trimEnd(), body)) {
      startAnnex(`附件${next}`, body, lineStart + lead);
      continue;
    }
    if (annex !== undefined && (annexContent > 0 || !isTitleLine(folded.trimEnd(), body))) annexContent++;

    const hit = MARKERS.map((entry) => ({ entry, match: entry.pattern.exec(body) })).find((item) => item.match);
    if (!hit?.match) continue;
    const marker = hit.entry.marker;
    const number = numberOf(marker, hit.match[1]!);
    // Inside an annex, numbered lines are mostly items of a form's boxes; only its 一、二、 chapters and the
    // numbers under them are sections ("附件14 四2").
    if (annex !== undefined && marker !== 'chinese' && !open.some((entry) => entry.marker === 'chinese')) continue;

    // The deepest open entry of this style that this number continues, else restart or replace.
    let depth = -1;
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.marker === marker && open[i]!.number + 1 === number) {
        depth = i;
        break;
      }
    }
    if (depth < 0 && number !== 1) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.marker === marker) { depth = i; break; }
    }
    if (depth < 0 && number === 1) {
      // A restart at 1 of an open style directly under it is a sibling run only when nothing deeper is open.
      depth = open.length;
    }
    open = open.slice(0, depth);
    const parent = open.length > 0 ? open[open.length - 1]!.index : annexIndex;
    const labelParts = open.map((entry) => sections[entry.index]!).map((section) => section.label);
    const own = hit.entry.show(hit.match[1]!);
    const base = labelParts.length > 0 ? labelParts[labelParts.length - 1]! : annex ?? '';
    const label = base === '' ? own : annex !== undefined && open.length === 0 ? `${base} ${own}` : `${base}${own}`;

    sections[sections.length - 1]!.end = lineStart;
    const index = sections.length;
    sections.push({
      label,
      title: body.slice(hit.match[0].length).trim(),
      ...(annex === undefined ? {} : { annex }),
      start: lineStart + lead,
      end: text.length,
      parent,
    });
    open.push({ marker, number, index });
  }
  return sections;
}

/** The section whose own text contains `offset`. */
export function sectionAt(sections: readonly Section[], offset: number): Section {
  let found = sections[0]!;
  for (const section of sections) if (section.start <= offset) found = section;
  return found;
}

/** Indices of a section and all its ancestors, innermost first. */
export function ancestry(sections: readonly Section[], index: number): number[] {
  const chain: number[] = [];
  for (let at = index; at >= 0; at = sections[at]!.parent) chain.push(at);
  return chain;
}
