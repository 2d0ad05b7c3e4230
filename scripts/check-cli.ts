/**
 * `npm run check`: the 预检 of the extension page, for a folder on disk. A district organiser points it at the
 * folder holding every teacher's `学段+学校+教师姓名/类别名/作品名称/files` folder and gets one report per teacher.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkFiles,
  checkReportSchema,
  ROUTE_CHOICES,
  routeFor,
  type RouteChoice,
  formatBytes,
  formatFinding,
  VERDICTS,
  type CheckReport,
  type Finding,
  type InputFile,
  type Lang,
  type Verdict,
} from '../lib/checks';
import type { Inspection } from '../lib/checks/inspect';
import { inspectFile } from '../lib/checks/inspect';
import { DiskFile, FileSource } from '../lib/checks/node/file-source';
import { createNodeCheckPool } from '../lib/checks/node/pool';
import { verdictSchema } from '../lib/checks/report';
import { checkDistrict, failuresOf, formatLayoutIssue, inferLayout, type Layout, type LayoutEntry, type WorkResult, type WorkUnit } from '../lib/organiser';
import {
  archiveReadOf,
  attachArchiveIssues,
  expandTeacherArchives,
  memberBytes,
  memberSources,
  PackedMember,
  packedInspection,
  type MemberSource,
} from '../lib/organiser/archives';
import { toHtml } from '../lib/organiser/html';
import { cjkWidth, summaryTable, toCsv } from '../lib/organiser/table';
import { toXlsx } from '../lib/organiser/xlsx';
import { currentPack, findCategory, parseRulePack, type Category, type RulePack } from '../lib/rules';
import { z } from 'zod';

/** A usage mistake: the command prints the message and the usage text and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  /** Narrows the run to one category; without it each work's category comes from its folder's name. */
  category?: string;
  /** Write the 汇总表 here as .xlsx / CSV. */
  xlsx?: string;
  csv?: string;
  /** Write the 汇总表 as a printable HTML page. */
  html?: string;
  json: boolean;
  lang: Lang;
  /** Slot ids whose `requiredIf` question the user answers yes. */
  applies: string[];
  /** How the works are submitted; default `district` (the organiser's district round, where a category has one). */
  route: RouteChoice;
  rules?: string;
  paths: string[];
  help: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        category: { type: 'string', short: 'c' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        applies: { type: 'string', multiple: true, default: [] },
        route: { type: 'string', default: 'district' },
        rules: { type: 'string' },
        xlsx: { type: 'string' },
        csv: { type: 'string' },
        html: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`参数有误（bad arguments）：${error instanceof Error ? error.message : String(error)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { json: false, lang: 'zh', applies: [], route: 'district', paths: [], help: true };
  const route = values.route as RouteChoice;
  if (!ROUTE_CHOICES.includes(route)) {
    throw new UsageError(`--route 只能是 ${ROUTE_CHOICES.join('、')}（--route must be one of ${ROUTE_CHOICES.join(', ')}）：${values.route}`);
  }
  if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en（--lang must be zh or en）：${values.lang}`);
  if (positionals.length === 0) throw new UsageError('没有给出要检查的文件或文件夹（no files or folders given）');
  return {
    ...(values.category !== undefined ? { category: values.category } : {}),
    ...(values.xlsx !== undefined ? { xlsx: values.xlsx } : {}),
    ...(values.csv !== undefined ? { csv: values.csv } : {}),
    ...(values.html !== undefined ? { html: values.html } : {}),
    json: values.json,
    lang: values.lang,
    applies: values.applies,
    route,
    ...(values.rules !== undefined ? { rules: values.rules } : {}),
    paths: positionals,
    help: false,
  };
}

export function usage(pack: RulePack): string {
  const width = Math.max(...pack.categories.map((c) => c.id.length));
  const ids = pack.categories.map((c) => `  ${c.id.padEnd(width)}  ${c.name}`).join('\n');
  return `用法 / Usage:
  npm run check -- [--category <类别编号>] [--json] [--xlsx 汇总表.xlsx] [--csv 汇总表.csv] [--html 汇总表.html] [--lang zh|en] [--applies <材料编号>] [--route district|platform] [--rules <规则包.json>] <文件或文件夹…>

  -c, --category  只检查这个类别（不给时按类别文件夹的名称判断） / only this category (default: from the category folders' names)
      --json      输出 JSON 报告，不输出表格 / print the JSON report instead of a table
      --xlsx      把汇总表（每件作品一行）写成 Excel 文件 / write the summary table (a row per work) as .xlsx
      --csv       把汇总表写成 CSV（UTF-8，Excel/WPS 可直接打开） / write the summary table as CSV
      --html      把汇总表写成可打印的网页 / write the summary table as a printable HTML page
      --lang      表格语言 zh（默认）或 en / table language
      --applies   “视情况必交”的材料按“适用”检查，可重复 / treat that item's condition as met; repeatable
      --route     报送途径：district 区级FTP报送（默认；职业教育专项不参与区级评选，仍按其平台检查）、platform 活动平台
                  （也可写 district-ftp、huodong、hecloudnet）；决定材料格式（区级：信息表签字PDF、支撑材料一个ZIP）和
                  是否检查文件夹结构 / submission route: district FTP round (default; the vocational specials have none
                  and keep their platform) or the online platform; decides the formats and the folder-layout check
      --rules     使用规则包 JSON 文件（明年的通知） / use a rule-pack JSON file
  -h, --help      显示本说明 / show this help

  文件夹按“学段+学校+教师姓名/类别名/作品名称/文件”检查：一次检查整个区县文件夹，每件作品一份报告；类别名写错、
  空的教师文件夹、认不出的类别文件夹都列为不合格并说明原因。单独给出的文件须用 --category 指定类别。
  A district folder is checked in one run, one report per work, each work's category from its category folder;
  misspelt category names, empty teacher folders and unknown folders are failures with the reason.
  退出码 / exit code: 0 全部通过 all pass · 1 有不合格或无法读取 something fails · 2 用法错误 usage error

类别编号 / category ids (规则包 / rule pack ${pack.version}):
${ids}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Which files make one report

/** The works found under the command line's paths, and where each entry is on disk. */
export interface Plan {
  layout: Layout;
  /** Entry path (as in the layout) → absolute path. */
  absPath: Map<string, string>;
  /** A district folder was given (or several works): the JSON output is a batch even for one work. */
  batch: boolean;
  /** Files inside teachers' archives, by their layout path. */
  members: Map<string, MemberSource>;
}

/** Inspects one file on disk (the check pool's `inspect`; in this thread when none is given). */
export type InspectDisk = (file: DiskFile, name: string) => Promise<Inspection>;
const inspectHere: InspectDisk = async (file, name) => {
  const source = await FileSource.open(file.path);
  try {
    return await inspectFile(source, name);
  } finally {
    await source.close();
  }
};

/** Every file and folder under `dir` as layout entries, the folder's own name first (as a folder pick gives). */
async function walk(dir: string, rel: string, entries: LayoutEntry[], absPath: Map<string, string>): Promise<void> {
  const children = await readdir(dir, { withFileTypes: true });
  if (children.length === 0) entries.push({ path: rel, dir: true });
  for (const e of children) {
    const abs = join(dir, e.name);
    const path = `${rel}/${e.name}`;
    if (e.isDirectory()) await walk(abs, path, entries, absPath);
    else if (e.isFile()) {
      entries.push({ path, size: (await stat(abs)).size });
      absPath.set(path, abs);
    }
  }
}

/**
 * Finds the works under the command line's paths by their layout (lib/organiser): teachers, each work's category
 * from its category folder's name (misspellings named as such), empty and unrecognised folders as failures.
 * `only` (the command's `-c`) narrows to one category and gives loose files theirs.
 */
export async function planUnits(
  inputs: readonly string[],
  pack: RulePack,
  cwd: string,
  only?: Category,
  inspect: InspectDisk = inspectHere,
): Promise<Plan> {
  const found: LayoutEntry[] = [];
  const entries = found;
  const absPath = new Map<string, string>();
  const taken = new Set<string>();
  let folders = 0;
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new UsageError(`找不到文件或文件夹（not found）：${input}`);
    let name = basename(abs);
    // Two inputs of the same name (a/张三, b/张三) stay two.
    for (let n = 2; taken.has(name); n++) name = `${basename(abs)} (${n})`;
    taken.add(name);
    if (info.isFile()) {
      entries.push({ path: name, size: info.size });
      absPath.set(name, abs);
    } else if (info.isDirectory()) {
      folders++;
      await walk(abs, name, entries, absPath);
    } else throw new UsageError(`不是文件或文件夹（not a file or folder）：${input}`);
  }
  if (absPath.size === 0) throw new UsageError('给出的文件夹里没有文件（the folders hold no files）');
  // A teacher's .rar/.zip/.7z (the notice's form) is opened as the folder it holds, from its directory alone.
  const opened = await expandTeacherArchives(found, pack.categories, async (path) => {
    const abs = absPath.get(path)!;
    return archiveReadOf(await inspect(await DiskFile.at(abs), basename(abs)));
  });
  for (const e of opened.expansions) {
    for (const member of e.members.keys()) absPath.set(member, absPath.get(e.archive)!);
  }
  const layout = inferLayout(opened.entries, pack.categories, only ? { only } : {});
  attachArchiveIssues(layout, opened.expansions);
  if (layout.units.length === 0) {
    throw new UsageError(`没有“${only?.name ?? ''}”的文件夹（no folder of this category）：${layout.skipped.join('、')}`);
  }
  if (!only && layout.units.some((u) => u.teacherFolder === '' && u.categoryFolder === null)) {
    throw new UsageError('单独给出的文件看不出类别，请用 --category 指定（give --category for files given one by one）');
  }
  return { layout, absPath, batch: layout.district || layout.units.length > 1 || folders > 1 || opened.expansions.length > 0, members: memberSources(opened.expansions) };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/** JSON for a batch: one entry per work, `report` exactly what the extension page exports (null: not checkable). */
export const BATCH_SCHEMA_ID = 'submit-helper/check-batch@2';
export const batchReportSchema = z.object({
  schema: z.literal(BATCH_SCHEMA_ID),
  /** The `-c` the run was narrowed to; null when every work's category came from its folder. */
  category: z.string().nullable(),
  rulePack: z.string(),
  works: z.array(
    z.object({
      folder: z.string(),
      categoryFolder: z.string().nullable(),
      category: z.string().nullable(),
      work: z.string().nullable(),
      verdict: verdictSchema,
      layout: z.array(z.object({ code: z.string(), verdict: z.enum(['warn', 'fail']), message: z.string() })),
      report: checkReportSchema.nullable(),
    }),
  ),
  skipped: z.array(z.string()),
  /** Files beside the teacher folders (a district's own 汇总表): not part of any submission. */
  outside: z.array(z.string()),
});
export type BatchReport = z.infer<typeof batchReportSchema>;

/** Columns of a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  return cjkWidth(text);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => displayWidth(r[col] ?? ''))));
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : pad(cell, widths[col]!))).join('  ').trimEnd());
}

const WORDS = {
  zh: {
    verdict: { pass: '通过', warn: '提醒', fail: '不合格', unreadable: '无法读取' } as Record<Verdict, string>,
    category: '类别', rulePack: '规则包', result: '结论', missing: '缺少', whole: '整体',
    slot: '材料', file: '文件', size: '大小', none: '（未归类）', looseFiles: '（单独给出的文件）',
    summary: (works: number, teachers: number) => `汇总：${teachers} 位教师，${works} 件作品`, folder: '教师文件夹', work: '作品', problems: '问题数',
    skipped: '未检查（没有本类别的文件夹）', outside: '不属于任何教师的文件',
    sep: '、',
    colon: '：',
  },
  en: {
    verdict: { pass: 'pass', warn: 'note', fail: 'FAIL', unreadable: 'unreadable' } as Record<Verdict, string>,
    category: 'Category', rulePack: 'rule pack', result: 'Result', missing: 'Missing', whole: 'Submission',
    slot: 'Item', file: 'File', size: 'Size', none: '(unmatched)', looseFiles: '(files given one by one)',
    summary: (works: number, teachers: number) => `Summary: ${teachers} teachers, ${works} works`, folder: 'Teacher folder', work: 'Work', problems: 'Problems',
    skipped: 'Not checked (no folder of this category)', outside: 'Files outside any teacher folder',
    sep: ', ',
    colon: ': ',
  },
} as const;

const MARK: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✗', unreadable: '?' };

function findingLines(findings: readonly Finding[], lang: Lang, indent: string): string[] {
  return findings.filter((f) => f.verdict !== 'pass').map((f) => `${indent}${MARK[f.verdict]} ${formatFinding(f, lang)}`);
}

/** The heading of a work: teacher folder · category folder · work. */
function workTitle(unit: WorkUnit, w: (typeof WORDS)[Lang]): string {
  return [unit.teacherFolder || w.looseFiles, unit.categoryFolder, unit.workName].filter((p) => p !== null && p !== '').join(' · ');
}

/** One work as a table: its layout faults, then a row per file (verdict, item, file, size), its problems beneath it. */
export function formatReport(result: WorkResult, lang: Lang): string {
  const { unit, report } = result;
  const w = WORDS[lang];
  const category = unit.category;
  const slotLabel = (id: string | null) => {
    const slot = category?.slots.find((s) => s.id === id);
    return slot ? (lang === 'en' ? slot.labelEn : slot.label) : w.none;
  };
  const lines: string[] = [`== ${workTitle(unit, w)} ==`];
  if (category) lines.push(`${w.category}${w.colon}${lang === 'en' ? category.nameEn : category.name} (${category.id})${report ? ` · ${w.rulePack} ${report.rulePack}` : ''}`);
  lines.push(`${w.result}${w.colon}${w.verdict[result.verdict]}`);
  for (const issue of unit.issues) lines.push(`  ${MARK[issue.verdict]} ${formatLayoutIssue(issue, lang)}`);
  if (!report) return lines.join('\n');
  if (report.missing.length > 0) {
    lines.push(`${w.missing}${w.colon}${report.missing.map((m) => slotLabel(m.slot)).join(w.sep)}`);
  }
  const folder = unit.teacherFolder;
  const rows = [[w.result, w.slot, w.file, w.size], ...report.files.map((f) => [
    // The folder is the heading already; the rest of the path still shows 类别名/作品名称.
    w.verdict[f.verdict], slotLabel(f.slot), f.path !== undefined && folder !== '' ? f.path.replace(`${folder}/`, '') : f.name, formatBytes(f.size, lang),
  ])];
  const rendered = table(rows);
  lines.push('', rendered[0]!);
  report.files.forEach((f, i) => {
    lines.push(rendered[i + 1]!);
    lines.push(...findingLines(f.findings, lang, '    '));
  });
  const whole = findingLines(report.findings.filter((f) => f.code !== 'slot_missing'), lang, '  ');
  if (whole.length > 0) lines.push('', `${w.whole}${w.colon.trim()}`, ...whole);
  return lines.join('\n');
}

export function formatSummary(results: readonly WorkResult[], layout: Pick<Layout, 'skipped' | 'outside'>, lang: Lang): string {
  const w = WORDS[lang];
  const rows = [
    [w.folder, w.category, w.work, w.result, w.problems],
    ...results.map((r) => [
      r.unit.teacherFolder || w.looseFiles,
      r.unit.category ? (lang === 'en' ? r.unit.category.nameEn : r.unit.category.name) : (r.unit.categoryFolder ?? '—'),
      r.unit.workName ?? '—',
      w.verdict[r.verdict],
      String(failuresOf(r, lang).length),
    ]),
  ];
  const lines = [w.summary(results.length, new Set(results.map((r) => r.unit.teacherPath)).size), ...table(rows)];
  if (layout.skipped.length > 0) lines.push('', `${w.skipped}${w.colon}${layout.skipped.join(w.sep)}`);
  if (layout.outside.length > 0) lines.push('', `${w.outside}${w.colon}${layout.outside.join(w.sep)}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are written only to a terminal. */
  progress?: (text: string) => void;
}

async function loadPack(rules: string | undefined, cwd: string): Promise<RulePack> {
  if (rules === undefined) return currentPack();
  const text = await readFile(resolve(cwd, rules), 'utf8').catch(() => {
    throw new UsageError(`无法读取规则包（cannot read the rule pack）：${rules}`);
  });
  const result = parseRulePack(text);
  if (!result.ok) throw new UsageError(`规则包有误（invalid rule pack）：\n${result.errors.join('\n')}`);
  return result.pack;
}

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

function batchJson(results: readonly WorkResult[], layout: Layout, pack: RulePack, only: Category | undefined): BatchReport {
  return {
    schema: BATCH_SCHEMA_ID,
    category: only?.id ?? null,
    rulePack: pack.version,
    works: results.map((r) => ({
      folder: r.unit.teacherFolder,
      categoryFolder: r.unit.categoryFolder,
      category: r.unit.category?.id ?? null,
      work: r.unit.workName,
      verdict: r.verdict,
      layout: r.unit.issues.map((i) => ({ code: i.code, verdict: i.verdict, message: formatLayoutIssue(i) })),
      report: r.report,
    })),
    skipped: layout.skipped,
    outside: layout.outside,
  };
}

/** Runs the command; resolves to the exit code (0 all pass, 1 something fails or is unreadable, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let pack = currentPack();
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(usage(pack));
      return 0;
    }
    pack = await loadPack(options.rules, io.cwd);
    const only = options.category !== undefined ? findCategory(pack, options.category) : undefined;
    if (options.category !== undefined && !only) throw new UsageError(`没有这个类别编号（unknown category）：${options.category}`);
    const conditional = (only ? [only] : pack.categories).flatMap((c) => c.slots.filter((s) => s.requiredIf).map((s) => s.id));
    const unknownSlot = options.applies.find((id) => !conditional.includes(id));
    if (unknownSlot !== undefined) {
      throw new UsageError(
        `--applies ${unknownSlot}：${only ? '本类别' : '各类别都'}没有这个视情况必交的材料（no such conditional item）；可用 / valid: ${[...new Set(conditional)].join(', ') || '（无 none）'}`,
      );
    }
    // Every file is checked in a worker thread with a hard time and memory bound (lib/checks/node/pool.ts): a
    // hostile file in a district folder costs its own verdict, never the run. Teachers' archives are listed there too.
    const pool = await createNodeCheckPool();
    let results: WorkResult[];
    let plan: Plan;
    try {
      plan = await planUnits(options.paths, pack, io.cwd, only, (file, name) => pool.inspect(file, name));
      const answers = Object.fromEntries(options.applies.map((id) => [id, true]));
      let printed = 0;
      const pending = new Map<number, WorkResult>();
      results = await checkDistrict(plan.layout, {
        concurrency: 2,
        check: async (unit) => {
          const files: InputFile[] = unit.files.map((f) => {
            const abs = plan.absPath.get(f.source)!;
            const member = plan.members.get(f.source);
            // Known by path: the worker opens it and reads only the byte ranges it needs, never the whole video;
            // a member stored in an archive is a range of the archive.
            const blob = member ? memberBytes(member, (offset, size) => new DiskFile(abs, size, offset)) : new DiskFile(abs, f.size);
            return { blob, name: f.name, ...(unit.teacherFolder !== '' || unit.categoryFolder !== null ? { path: f.path } : {}) };
          });
          return checkFiles(unit.category, files, {
            rulePack: pack.version,
            route: routeFor(unit.category, options.route),
            answers,
            concurrency: pool.size,
            inspect: (file, { timeoutMs }) =>
              file.blob instanceof PackedMember ? Promise.resolve(packedInspection(file.blob, file.name)) : pool.inspect(file.blob as DiskFile, file.name, { timeoutMs }),
          });
        },
        onProgress: (p) => io.progress?.(`${p.teachersDone}/${p.teachersTotal} 位教师 teachers · ${p.worksDone}/${p.worksTotal} 件作品 works`),
        // Printed in the layout's order as soon as every earlier work is done.
        onResult: (result, index) => {
          pending.set(index, result);
          while (pending.has(printed)) {
            if (!options.json) io.stdout(`${printed > 0 ? '\n' : ''}${formatReport(pending.get(printed)!, options.lang)}`);
            pending.delete(printed++);
          }
        },
      });
    } finally {
      pool.dispose();
    }

    if (options.json) {
      const single = !plan.batch && results.length === 1 && results[0]!.report !== null;
      io.stdout(JSON.stringify(single ? results[0]!.report : batchJson(results, plan.layout, pack, only), null, 2));
    } else if (plan.batch) {
      io.stdout(`\n${formatSummary(results, plan.layout, options.lang)}`);
    }
    const summary = summaryTable(results, options.lang);
    if (options.xlsx !== undefined) await writeOut(resolve(io.cwd, options.xlsx), await toXlsx(summary));
    if (options.csv !== undefined) await writeOut(resolve(io.cwd, options.csv), toCsv(summary));
    if (options.html !== undefined) {
      const title = options.lang === 'en' ? 'Submission check: summary' : '报送作品预检汇总表';
      const teachers = new Set(results.map((r) => r.unit.teacherPath)).size;
      const meta = [`${WORDS[options.lang].rulePack} ${pack.version}`, WORDS[options.lang].summary(results.length, teachers)];
      await writeOut(resolve(io.cwd, options.html), toHtml(summary, { title, meta, lang: options.lang }));
    }
    const failing = results.some((r) => VERDICTS.indexOf(r.verdict) >= VERDICTS.indexOf('fail'));
    return failing ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${usage(pack)}`);
    return 2;
  }
}
