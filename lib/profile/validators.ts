/**
 * Format rules for the contact details every registration form asks for (手机, 固定电话, 电子邮箱).
 *
 * Inputs are normalised before they are judged, so the separators people type (spaces, hyphens, a +86 prefix,
 * 转 for an extension) do not count as mistakes; what is stored is always the canonical form the forms expect.
 */

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (the MIIT numbering plan). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Strips spaces, hyphens and a +86 / 0086 country prefix; keeps anything else so a wrong number stays visible. */
export function normalizeMobile(raw: string): string {
  const compact = raw.replace(/[\s\-－—()（）]/g, '');
  const prefixed = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return prefixed ? prefixed[1]! : compact;
}

export function isMobile(raw: string): boolean {
  return MOBILE_RE.test(normalizeMobile(raw));
}

// Area codes: 010 and 020–029 have three digits with the leading 0, every other mainland area code four
// (0311, 0571 …). Local numbers are 7 or 8 digits and never start with 0 or 1.
const LANDLINE_RE =
  /^(?:\((0(?:10|2\d|[3-9]\d{2}))\)|(0(?:10|2\d|[3-9]\d{2})))[-\s]?([2-9]\d{6,7})(?:(?:\s*(?:-|转|分机|ext\.?|x|#)\s*|\s+)(\d{1,6}))?$/i;

/** `010-12345678`, `(0571)8765432`, `021 12345678 转 123` → `010-12345678`, `0571-8765432`, `021-12345678-123`. */
export function normalizeLandline(raw: string): string | null {
  const text = raw.trim().replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[－—]/g, '-');
  const match = LANDLINE_RE.exec(text);
  if (!match) return null;
  const area = match[1] ?? match[2]!;
  const local = match[3]!;
  const ext = match[4];
  return ext ? `${area}-${local}-${ext}` : `${area}-${local}`;
}

export function isLandline(raw: string): boolean {
  return normalizeLandline(raw) !== null;
}

// Deliberately plain: ASCII local part and a dotted domain with a letter TLD. A full-width ＠ or a trailing 。
// typed with a Chinese input method fails here, which is the mistake worth catching.
const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isEmail(raw: string): boolean {
  const text = raw.trim();
  return text.length <= 254 && EMAIL_RE.test(text) && !text.includes('..');
}

/** A real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `HH:MM`, 24-hour. */
export function isClockTime(text: string): boolean {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(text);
}
