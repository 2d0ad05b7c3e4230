/**
 * `npm run check`: the 预检 of the extension page, for a folder on disk. A district organiser points it at the
 * folder holding every teacher's `学段+学校+教师姓名/类别名/作品名称/files` folder and gets one report per teacher.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkFiles,
  checkReportSchema,
  formatBytes,
  formatFinding,
  VERDICTS,
  type CheckReport,
  type Finding,
  type InputFile,
  type Lang,
  type Verdict,
} from '../lib/checks';
import { DiskFile } from '../lib/checks/node/file-source';
import { createNodeCheckPool } from '../lib/checks/node/pool';
import { currentPack, findCategory, parseRulePack, type Category, type RulePack } from '../lib/rules';
import { z } from 'zod';

/** A usage mistake: the command prints the message and the usage text and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  category: string;
  json: boolean;
  lang: Lang;
  /** Slot ids whose `requiredIf` question the user answers yes. */
  applies: string[];
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
        rules: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`参数有误（bad arguments）：${error instanceof Error ? error.message : String(error)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { category: '', json: false, lang: 'zh', applies: [], paths: [], help: true };
  if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en（--lang must be zh or en）：${values.lang}`);
  if (!values.category) throw new UsageError('缺少 --category（--category is required）');
  if (positionals.length === 0) throw new UsageError('没有给出要检查的文件或文件夹（no files or folders given）');
  return {
    category: values.category,
    json: values.json,
    lang: values.lang,
    applies: values.applies,
    ...(values.rules !== undefined ? { rules: values.rules } : {}),
    paths: positionals,
    help: false,
  };
}

export function usage(pack: RulePack): string {
  const width = Math.max(...pack.categories.map((c) => c.id.length));
  const ids = pack.categories.map((c) => `  ${c.id.padEnd(width)}  ${c.name}`).join('\n');
  return `用法 / Usage:
  npm run check -- --category <类别编号> [--json] [--lang zh|en] [--applies <材料编号>] [--rules <规则包.json>] <文件或文件夹…>

  -c, --category  报送类别编号（必填） / category id (required)
      --json      输出 JSON 报告，不输出表格 / print the JSON report instead of a table
      --lang      表格语言 zh（默认）或 en / table language
      --applies   “视情况必交”的材料按“适用”检查，可重复 / treat that item's condition as met; repeatable
      --rules     使用规则包 JSON 文件（明年的通知） / use a rule-pack JSON file
  -h, --help      显示本说明 / show this help

  文件夹按“学段+学校+教师姓名/类别名/作品名称/文件”检查；装有多个教师文件夹的文件夹逐个教师检查，每位教师一份报告。
  A folder of teacher folders is checked teacher by teacher, one report each.
  退出码 / exit code: 0 全部通过 all pass · 1 有不合格或无法读取 something fails · 2 用法错误 usage error

类别编号 / category ids (规则包 / rule pack ${pack.version}):
${ids}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Which files make one report

/** A file on disk and the relative path the engine sees (as a browser's folder pick would give it). */
export interface PlannedFile {
  absPath: string;
  name: string;
  path?: string;
}

/** The files of one report: a teacher's folder, a single folder, or the loose files given on the command line. */
export interface CheckUnit {
  /** Teacher (or chosen) folder name; null for loose files. */
  folder: string | null;
  files: PlannedFile[];
}

export interface Plan {
  units: CheckUnit[];
  /** Teacher folders without this category's folder (they submit another category). */
  skipped: string[];
  /** A district folder was given (or several units): the JSON output is a batch even for one teacher. */
  batch: boolean;
}

interface Tree {
  name: string;
  files: string[];
  dirs: Tree[];
}

async function readTree(dir: string, name = basename(dir)): Promise<Tree> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const tree: Tree = { name, files: [], dirs: [] };
  for (const e of entries) {
    if (e.isDirectory()) tree.dirs.push(await readTree(join(dir, e.name), e.name));
    else if (e.isFile()) tree.files.push(e.name);
  }
  return tree;
}

/** Every file under `tree`, as path segments from `tree` itself (its own name first). */
function flatten(tree: Tree, skip: (segments: string[]) => boolean = () => false, prefix: string[] = []): string[][] {
  const here = [...prefix, tree.name];
  if (skip(here)) return [];
  return [...tree.files.map((f) => [...here, f]), ...tree.dirs.flatMap((d) => flatten(d, skip, here))];
}

function unitFrom(parentDir: string, segments: string[][], folder: string | null): CheckUnit {
  return {
    folder,
    files: segments.map((s) => ({ absPath: join(parentDir, ...s), name: s[s.length - 1]!, path: s.join('/') })),
  };
}

/**
 * Groups the command line's paths into reports. A folder is a district batch when its subfolders are teacher
 * folders, i.e. they hold category folders (named exactly as in the pack) or at least two carry the notice's
 * `学段+学校+教师姓名` pluses; otherwise it is one submission. Inside a teacher folder, folders named after another
 * category belong to that category's check and are left out.
 */
export async function planUnits(inputs: readonly string[], category: Category, pack: RulePack, cwd: string): Promise<Plan> {
  const categoryNames = new Set(pack.categories.map((c) => c.name));
  const otherCategory = (segments: string[]) => segments.length === 2 && segments[1] !== category.name && categoryNames.has(segments[1]!);
  const loose: PlannedFile[] = [];
  const units: CheckUnit[] = [];
  const skipped: string[] = [];
  let districtSeen = false;

  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new UsageError(`找不到文件或文件夹（not found）：${input}`);
    if (info.isFile()) {
      loose.push({ absPath: abs, name: basename(abs) });
      continue;
    }
    if (!info.isDirectory()) throw new UsageError(`不是文件或文件夹（not a file or folder）：${input}`);
    const tree = await readTree(abs);
    const parent = resolve(abs, '..');
    const isTeacher = (t: Tree) => t.dirs.some((d) => categoryNames.has(d.name));
    const district =
      tree.name !== category.name &&
      !isTeacher(tree) &&
      (tree.dirs.some(isTeacher) || tree.dirs.filter((d) => d.name.includes('+')).length >= 2);
    if (!district) {
      const files = flatten(tree, otherCategory);
      if (files.length > 0) units.push(unitFrom(parent, files, tree.name));
      else if (flatten(tree).length > 0) skipped.push(tree.name);
      continue;
    }
    districtSeen = true;
    for (const teacher of tree.dirs) {
      const files = flatten(teacher, otherCategory);
      if (files.length === 0) skipped.push(teacher.name);
      else units.push(unitFrom(abs, files, teacher.name));
    }
  }
  if (loose.length > 0) units.unshift({ folder: null, files: loose });
  if (units.length === 0) {
    throw new UsageError(
      skipped.length > 0
        ? `没有“${category.name}”的文件夹（no folder of this category）：${skipped.join('、')}`
        : '给出的文件夹里没有文件（the folders hold no files）',
    );
  }
  return { units, skipped, batch: districtSeen || units.length > 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/** JSON for several reports; each `report` is exactly what the extension page exports. */
export const BATCH_SCHEMA_ID = 'submit-helper/check-batch@1';
export const batchReportSchema = z.object({
  schema: z.literal(BATCH_SCHEMA_ID),
  category: z.string(),
  rulePack: z.string(),
  reports: z.array(z.object({ folder: z.string().nullable(), report: checkReportSchema })),
  skipped: z.array(z.string()),
});
export type BatchReport = z.infer<typeof batchReportSchema>;

/** Columns of a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
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
    summary: (n: number) => `汇总：${n} 份报告`, folder: '文件夹', failing: '不合格文件', skipped: '未检查（没有本类别的文件夹）',
    sep: '、',
    colon: '：',
  },
  en: {
    verdict: { pass: 'pass', warn: 'note', fail: 'FAIL', unreadable: 'unreadable' } as Record<Verdict, string>,
    category: 'Category', rulePack: 'rule pack', result: 'Result', missing: 'Missing', whole: 'Submission',
    slot: 'Item', file: 'File', size: 'Size', none: '(unmatched)', looseFiles: '(files given one by one)',
    summary: (n: number) => `Summary: ${n} reports`, folder: 'Folder', failing: 'Failing files', skipped: 'Not checked (no folder of this category)',
    sep: ', ',
    colon: ': ',
  },
} as const;

const MARK: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✗', unreadable: '?' };

function findingLines(findings: readonly Finding[], lang: Lang, indent: string): string[] {
  return findings.filter((f) => f.verdict !== 'pass').map((f) => `${indent}${MARK[f.verdict]} ${formatFinding(f, lang)}`);
}

/** One report as a table: a row per file (verdict, item, file, size), its problems beneath it. */
export function formatReport(report: CheckReport, category: Category, folder: string | null, lang: Lang): string {
  const w = WORDS[lang];
  const slotLabel = (id: string | null) => {
    const slot = category.slots.find((s) => s.id === id);
    return slot ? (lang === 'en' ? slot.labelEn : slot.label) : w.none;
  };
  const lines: string[] = [];
  if (folder !== null) lines.push(`== ${folder} ==`);
  lines.push(`${w.category}${w.colon}${lang === 'en' ? category.nameEn : category.name} (${category.id}) · ${w.rulePack} ${report.rulePack}`);
  lines.push(`${w.result}${w.colon}${w.verdict[report.verdict]}`);
  if (report.missing.length > 0) {
    lines.push(`${w.missing}${w.colon}${report.missing.map((m) => slotLabel(m.slot)).join(w.sep)}`);
  }
  const rows = [[w.result, w.slot, w.file, w.size], ...report.files.map((f) => [
    // The folder is the heading already; the rest of the path still shows 类别名/作品名称.
    w.verdict[f.verdict], slotLabel(f.slot), f.path !== undefined && folder !== null ? f.path.replace(`${folder}/`, '') : f.name, formatBytes(f.size, lang),
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

export function formatSummary(results: ReadonlyArray<{ folder: string | null; report: CheckReport }>, skipped: readonly string[], lang: Lang): string {
  const w = WORDS[lang];
  const rows = [
    [w.folder, w.result, w.failing, w.missing],
    ...results.map(({ folder, report }) => [
      folder ?? w.looseFiles,
      w.verdict[report.verdict],
      String(report.files.filter((f) => f.verdict === 'fail' || f.verdict === 'unreadable').length),
      report.missing.map((m) => m.label).join(w.sep),
    ]),
  ];
  const lines = [w.summary(results.length), ...table(rows)];
  if (skipped.length > 0) lines.push('', `${w.skipped}${w.colon}${skipped.join(w.sep)}`);
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
    const category = findCategory(pack, options.category);
    if (!category) throw new UsageError(`没有这个类别编号（unknown category）：${options.category}`);
    const unknownSlot = options.applies.find((id) => !category.slots.some((s) => s.id === id && s.requiredIf));
    if (unknownSlot !== undefined) {
      const ids = category.slots.filter((s) => s.requiredIf).map((s) => s.id);
      throw new UsageError(
        `--applies ${unknownSlot}：本类别没有这个视情况必交的材料（no such conditional item）；可用 / valid: ${ids.join(', ') || '（无 none）'}`,
      );
    }
    const plan = await planUnits(options.paths, category, pack, io.cwd);
    const answers = Object.fromEntries(options.applies.map((id) => [id, true]));

    const results: Array<{ folder: string | null; report: CheckReport }> = [];
    // Every file is checked in a worker thread with a hard time and memory bound (lib/checks/node/pool.ts): a
    // hostile file in a district folder costs its own verdict, never the run.
    const pool = await createNodeCheckPool();
    try {
      for (const unit of plan.units) {
        const files: InputFile[] = await Promise.all(
          unit.files.map(async (f) => ({
            // Known by path: the worker opens it and reads only the byte ranges it needs, never the whole video.
            blob: await DiskFile.at(f.absPath),
            name: f.name,
            ...(f.path !== undefined ? { path: f.path } : {}),
          })),
        );
        const label = unit.folder ?? '';
        const report = await checkFiles(category, files, {
          rulePack: pack.version,
          answers,
          concurrency: pool.size,
          inspect: (file, { timeoutMs }) => pool.inspect(file.blob as DiskFile, file.name, { timeoutMs }),
          onProgress: ({ done, total }) => io.progress?.(`${label} ${done}/${total}`),
        });
        results.push({ folder: unit.folder, report });
        if (!options.json) io.stdout(`${results.length > 1 ? '\n' : ''}${formatReport(report, category, unit.folder, options.lang)}`);
      }
    } finally {
      pool.dispose();
    }

    if (options.json) {
      const single = !plan.batch;
      const batch: BatchReport = { schema: BATCH_SCHEMA_ID, category: category.id, rulePack: pack.version, reports: results, skipped: plan.skipped };
      io.stdout(JSON.stringify(single ? results[0]!.report : batch, null, 2));
    } else if (plan.batch) {
      io.stdout(`\n${formatSummary(results, plan.skipped, options.lang)}`);
    }
    const failing = results.some(({ report }) => VERDICTS.indexOf(report.verdict) >= VERDICTS.indexOf('fail'));
    return failing ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${usage(pack)}`);
    return 2;
  }
}
