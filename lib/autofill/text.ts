/** Label text helpers shared by detection and classification. */

const SPACES = /[\s\u00a0\u3000\u200b]+/g;
/** Required-field stars and trailing colons are decoration, not part of the label. */
const DECORATION = /^[*＊✱\s]+|[:：*＊\s]+$/g;
/** A parenthesised note after a label: 所在单位（按单位公章填写）, 作品大小（MB）, 作品特点（300字以内）. */
const NOTE = /[（(【[][^）)】\]]*[）)】\]]/g;

/** Collapses runs of whitespace to one space and trims; the label as a person would read it. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(SPACES, ' ').trim();
}

/**
 * The label reduced for matching: no whitespace at all (forms print 职  务, 邮  箱 with spaces for alignment), no
 * required stars, no trailing colon, lower-case Latin.
 */
export function normalizeLabel(text: string): string {
  return cleanText(text).replace(DECORATION, '').replace(SPACES, '').toLowerCase();
}

/** `normalizeLabel` without parenthesised notes: 单位名称（按单位公章填写） → 单位名称. */
export function coreLabel(text: string): string {
  const normal = normalizeLabel(text);
  const core = normal.replace(NOTE, '');
  return core === '' ? normal : core;
}

const CHINESE_DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** For comparing option texts: 七年级 and 7年级, full-width digits, spaces and brackets all compare equal. */
export function optionKey(text: string): string {
  return normalizeLabel(text)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[零〇一二两三四五六七八九](?=年级|学段|作者)/g, (d) => CHINESE_DIGITS[d] ?? d)
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[-－—~～至]/g, '-');
}

/** Splits a stored multi-value text (学段 "第一学段、第二学段") into its items. */
export function splitValues(value: string): string[] {
  return value
    .split(/[、,，;；\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The best option for a wanted value: equal keys first, then one containing the other (小学 ↔ 小学阶段). */
export function matchOption(options: readonly string[], wanted: string): string | undefined {
  const key = optionKey(wanted);
  if (key === '') return undefined;
  const keys = options.map(optionKey);
  const exact = keys.indexOf(key);
  if (exact >= 0) return options[exact];
  const starts = keys.findIndex((option) => option !== '' && (option.startsWith(key) || key.startsWith(option)));
  if (starts >= 0) return options[starts];
  const contains = keys.findIndex((option) => option !== '' && (option.includes(key) || key.includes(option)));
  return contains >= 0 ? options[contains] : undefined;
}
