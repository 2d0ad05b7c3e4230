import { z } from 'zod';
import { rulePackSchema, type Category, type RulePack, type Window } from './schema';
import { PACK_2025 } from './packs/2025';

export * from './schema';

/** Result of checking a rule pack that came from outside the code (an import, a download). */
export type ParseRulePackResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

/** The state of a submission window at one instant. */
export type WindowState = 'upcoming' | 'open' | 'closed';

// ---------------------------------------------------------------------------------------------------------------
// Error messages

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  // zod 4 reports a fraction where .int() is required as invalid_type with expected "int".
  int: '整数',
  boolean: '是/否（true/false）',
  array: '列表',
  object: '对象',
  undefined: '空',
  null: '空值',
};

const typeName = (name: string): string => TYPE_NAMES[name] ?? name;

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Chinese wording for the zod issues a rule pack can produce; zod's English message follows in brackets. */
function chineseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') return `应为整数，实际是 ${issue.input}`;
      return issue.input === undefined
        ? `缺少此项（应为${typeName(issue.expected)}）`
        : `应为${typeName(issue.expected)}，实际是${typeName(receivedType(issue.input))}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return `至少需要 ${min} 项`;
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${min} 个字符`;
      return issue.inclusive ? `不能小于 ${min}` : `必须大于 ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return `最多 ${max} 项`;
      if (issue.origin === 'string') return `最多 ${max} 个字符`;
      return issue.inclusive ? `不能大于 ${max}` : `必须小于 ${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) {
        const pattern = String(issue.pattern);
        if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return '日期须写成 YYYY-MM-DD';
        if (pattern.includes('[a-z][a-z0-9_]*')) return '编号只能用小写字母、数字和下划线，并以字母开头';
        if (pattern.includes('\\d{4}\\.\\d+')) return '版本号须写成“年份.修订号”，如 2025.1';
        if (pattern.includes('[a-z0-9]+')) return '扩展名须写成小写并带点，如 .pdf';
        return `格式不对（应匹配 ${pattern}）`;
      }
      return '格式不对';
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${JSON.stringify(issue.values[0])}`
        : `应为以下之一：${issue.values.map((value) => JSON.stringify(value)).join('、')}`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? '应为整数' : `应为 ${String(issue.divisor)} 的倍数`;
    default:
      return '内容无效';
  }
}

const englishLocale = z.locales.en();

function englishMessage(issue: z.core.$ZodRawIssue): string {
  const message = englishLocale.localeError(issue);
  if (typeof message === 'string') return message;
  return message?.message ?? 'Invalid input';
}

const errorMap: z.core.$ZodErrorMap = (issue) => `${chineseMessage(issue)}（${englishMessage(issue)}）`;

/**
 * A readable path: `categories[3]（ronghe）.slots[4]（space_ppt）.minCount`. The ids are looked up in the raw input,
 * so a reader can find the entry without counting array items.
 */
function describePath(path: readonly PropertyKey[], root: unknown): string {
  if (path.length === 0) return '（整个规则包）';
  let node: unknown = root;
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = isRecord(node) ? node.id : undefined;
      if (typeof id === 'string' && id !== '') text += `（${id}）`;
    } else {
      const name = String(key);
      text += text === '' ? name : `.${name}`;
      node = isRecord(node) ? node[name] : undefined;
    }
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-reference checks zod cannot express on its own

interface Problem {
  path: readonly PropertyKey[];
  message: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days that exist on the calendar ("2025-02-30" passes the schema's pattern but names no day). */
function isRealDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

function checkRange(problems: Problem[], path: readonly PropertyKey[], lowKey: string, low: number | undefined,
  highKey: string, high: number | undefined): void {
  if (low !== undefined && high !== undefined && low > high) {
    problems.push({
      path,
      message: `${lowKey}（${low}）大于 ${highKey}（${high}）（${lowKey} must not exceed ${highKey}）`,
    });
  }
}

function checkWindows(problems: Problem[], windows: readonly Window[], path: readonly PropertyKey[]): void {
  for (const id of duplicates(windows.map((window) => window.id))) {
    problems.push({ path, message: `时间窗口编号“${id}”重复（duplicate window id）` });
  }
  windows.forEach((window, index) => {
    const at = [...path, index];
    for (const key of ['from', 'to'] as const) {
      const day = window[key];
      if (day !== undefined && !isRealDay(day)) {
        problems.push({ path: [...at, key], message: `日期“${day}”不存在（no such calendar day）` });
      }
    }
    if (window.from !== undefined && window.from > window.to) {
      problems.push({
        path: at,
        message: `开始日期 ${window.from} 晚于截止日期 ${window.to}（from is after to）`,
      });
    }
  });
}

function crossReferenceProblems(pack: RulePack): Problem[] {
  const problems: Problem[] = [];

  const [yearPart] = pack.version.split('.');
  if (Number(yearPart) !== pack.year) {
    problems.push({
      path: ['version'],
      message: `版本号 ${pack.version} 与年份 ${pack.year} 不一致（version does not start with year）`,
    });
  }

  for (const id of duplicates(pack.categories.map((category) => category.id))) {
    problems.push({ path: ['categories'], message: `项目编号“${id}”重复（duplicate category id）` });
  }
  checkWindows(problems, pack.windows, ['windows']);

  pack.categories.forEach((category, categoryIndex) => {
    const at = ['categories', categoryIndex] as const;
    for (const id of duplicates(category.slots.map((slot) => slot.id))) {
      problems.push({ path: [...at, 'slots'], message: `材料编号“${id}”在本项目中重复（duplicate slot id）` });
    }
    for (const id of duplicates(category.fields.map((field) => field.id))) {
      problems.push({ path: [...at, 'fields'], message: `字段编号“${id}”在本项目中重复（duplicate field id）` });
    }
    for (const site of duplicates(category.sites)) {
      problems.push({ path: [...at, 'sites'], message: `报送平台“${site}”重复（duplicate site）` });
    }
    if (category.maxTotalVideoSec !== undefined && !category.slots.some((slot) => slot.accept.types.includes('mp4'))) {
      problems.push({
        path: [...at, 'maxTotalVideoSec'],
        message: '设置了录像总时长，但本项目没有接收视频的材料（total video length without a video slot）',
      });
    }
    checkWindows(problems, category.windows, [...at, 'windows']);

    category.slots.forEach((slot, slotIndex) => {
      const slotAt = [...at, 'slots', slotIndex] as const;
      checkRange(problems, slotAt, 'minCount', slot.minCount, 'maxCount', slot.maxCount);
      checkRange(problems, slotAt, 'maxBytes', slot.maxBytes, 'maxTotalBytes', slot.maxTotalBytes);
      if (slot.video) {
        checkRange(problems, [...slotAt, 'video'], 'minDurationSec', slot.video.minDurationSec,
          'maxDurationSec', slot.video.maxDurationSec);
      }
      if (slot.document) {
        checkRange(problems, [...slotAt, 'document'], 'minChars', slot.document.minChars,
          'maxChars', slot.document.maxChars);
      }
      if (slot.required && slot.requiredIf) {
        problems.push({
          path: [...slotAt, 'requiredIf'],
          message: '必交材料不应再设条件；有条件时 required 应为 false（requiredIf needs required: false）',
        });
      }
      if (slot.maxCount === 0) {
        problems.push({ path: [...slotAt, 'maxCount'], message: 'maxCount 为 0 时无法提交任何文件（maxCount is 0）' });
      }
      slot.variants.forEach((variant, variantIndex) => {
        if (!category.sites.includes(variant.site)) {
          problems.push({
            path: [...slotAt, 'variants', variantIndex, 'site'],
            message: `平台“${variant.site}”不在本项目的报送平台中（variant site not among the category's sites）`,
          });
        }
      });
    });

    category.fields.forEach((field, fieldIndex) => {
      const fieldAt = [...at, 'fields', fieldIndex] as const;
      checkRange(problems, fieldAt, 'minChars', field.minChars, 'maxChars', field.maxChars);
      if (field.options !== undefined) {
        if (field.options.length === 0) {
          problems.push({ path: [...fieldAt, 'options'], message: '选项列表为空（empty option list）' });
        }
        for (const option of duplicates(field.options)) {
          problems.push({ path: [...fieldAt, 'options'], message: `选项“${option}”重复（duplicate option）` });
        }
      } else if (field.multiple) {
        problems.push({ path: [...fieldAt, 'multiple'], message: '可多选的字段须给出选项（multiple needs options）' });
      }
      for (const slotId of field.sizeOf?.exceptSlots ?? []) {
        if (!category.slots.some((slot) => slot.id === slotId)) {
          problems.push({
            path: [...fieldAt, 'sizeOf', 'exceptSlots'],
            message: `材料“${slotId}”不在本项目中（unknown slot）`,
          });
        }
      }
    });
  });

  return problems;
}

/**
 * Keys the schema does not know are dropped silently by zod; in a hand-written pack they are almost always typos
 * ("maxCont") that would switch a limit off, so they are errors.
 */
function unknownKeyProblems(input: unknown, output: unknown, path: PropertyKey[] = []): Problem[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => unknownKeyProblems(item, output[index], [...path, index]));
  }
  if (!isRecord(input) || !isRecord(output)) return [];
  return Object.keys(input).flatMap((key) =>
    key in output
      ? unknownKeyProblems(input[key], output[key], [...path, key])
      : [{ path: [...path, key], message: '未知字段，可能拼写错误（unknown key）' }],
  );
}

/**
 * Validates a rule pack given as parsed JSON (or as JSON text) and returns it with defaults filled in; errors name
 * the place (with ids) and say what is wrong in Chinese, then in English.
 */
export function parseRulePack(json: unknown): ParseRulePackResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [`不是有效的 JSON 文本（not valid JSON: ${reason}）`] };
    }
  }

  const parsed = rulePackSchema.safeParse(input, { error: errorMap });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${describePath(issue.path, input)}：${issue.message}`),
    };
  }

  const problems = [...unknownKeyProblems(input, parsed.data), ...crossReferenceProblems(parsed.data)];
  if (problems.length > 0) {
    return { ok: false, errors: problems.map((problem) => `${describePath(problem.path, input)}：${problem.message}`) };
  }
  return { ok: true, pack: parsed.data };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundled packs

/** Sort order for packs: newest (year, then revision) first. */
export function compareVersions(a: Pick<RulePack, 'version'>, b: Pick<RulePack, 'version'>): number {
  const [aYear = 0, aRevision = 0] = a.version.split('.').map(Number);
  const [bYear = 0, bRevision = 0] = b.version.split('.').map(Number);
  return bYear - aYear || bRevision - aRevision;
}

function loadBundled(raw: readonly unknown[]): RulePack[] {
  return raw
    .map((pack) => {
      const result = parseRulePack(pack);
      // A bundled pack that fails validation is a build error: shipping it would check teachers against wrong rules.
      if (!result.ok) throw new Error(`Bundled rule pack is invalid:\n${result.errors.join('\n')}`);
      return result.pack;
    })
    .sort(compareVersions);
}

/** Every rule pack shipped with the extension, validated, newest first. */
export const RULE_PACKS: readonly RulePack[] = loadBundled([PACK_2025]);

/** The newest pack: the rules of the activity currently running. */
export function currentPack(packs: readonly RulePack[] = RULE_PACKS): RulePack {
  const [newest] = packs;
  if (!newest) throw new Error('No rule pack available');
  return newest;
}

/** The category with this id, if the pack has one. */
export function findCategory(pack: RulePack, id: string): Category | undefined {
  return pack.categories.find((category) => category.id === id);
}

// ---------------------------------------------------------------------------------------------------------------
// Windows

/*
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991, so a fixed offset gives the same instants
 * as the tz database without depending on the host's Intl data or time zone.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight at the start of a Beijing calendar day, as an instant. */
function chinaMidnight(day: string): Date {
  const match = DAY_PATTERN.exec(day);
  if (!match || !isRealDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - CHINA_OFFSET_MS);
}

/** First and last instant of a window: `from` 00:00 and `to` 23:59:59.999, Beijing time. */
export function windowBounds(window: Pick<Window, 'from' | 'to'>): { start?: Date; end: Date } {
  const end = new Date(chinaMidnight(window.to).getTime() + DAY_MS - 1);
  return window.from === undefined ? { end } : { start: chinaMidnight(window.from), end };
}

/** Whether a window has not begun, is running or is over at `now`, judged on Beijing calendar days. */
export function windowState(window: Pick<Window, 'from' | 'to'>, now: Date): WindowState {
  const { start, end } = windowBounds(window);
  const time = now.getTime();
  if (start !== undefined && time < start.getTime()) return 'upcoming';
  return time > end.getTime() ? 'closed' : 'open';
}
