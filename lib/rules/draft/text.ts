/**
 * Text helpers of the drafter. A notice arrives as a Word or PDF text extract: full-width digits and punctuation,
 * hard line wraps in the middle of words and numbers ("不超过 100\n\nM"), spaces around numbers. Every pattern runs on a
 * *flat* copy (full-width folded to ASCII, all whitespace removed) that keeps, for each of its characters, the offset
 * in the original, so a match is quoted — and highlighted — exactly as the notice prints it.
 */

/** Folds full-width ASCII (Ａ１（：，) and the ideographic space to their ASCII forms; one character for one. */
export function foldWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}

/** The notice with its extraction noise (Word bookmarks) blanked out, length kept so offsets stay true. */
export function cleanNotice(text: string): string {
  return text.replace(/\[bookmark:[^\]]*\]/gu, (match) => ' '.repeat(match.length));
}

/** A flat view of a range of the original text. */
export interface Flat {
  /** Width-folded text without whitespace (table tabs kept as one tab; line breaks too, when they end paragraphs). */
  text: string;
  /** `offsets[i]` is the original index of `text[i]`. */
  offsets: number[];
}

export function flatten(original: string, start = 0, end = original.length, breaks: 'keep' | 'join' = 'join'): Flat {
  const folded = foldWidth(original.slice(start, end));
  let text = '';
  const offsets: number[] = [];
  // foldWidth maps UTF-16 units one to one in the ranges it touches (all BMP), so indices line up.
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i]!;
    // A tab separates table cells: kept (as one tab) so no pattern reads across two cells.
    if (char === '\t' && !text.endsWith('\t')) {
      text += '\t';
      offsets.push(start + i);
      continue;
    }
    if (char === '\n' && breaks === 'keep' && text !== '' && !text.endsWith('\n') && !text.endsWith('\t')) {
      text += '\n';
      offsets.push(start + i);
      continue;
    }
    if (/\s/u.test(char)) continue;
    text += char;
    offsets.push(start + i);
  }
  return { text, offsets };
}

/** A span of the original notice: what a value quotes and what the page highlights. */
export interface Span {
  start: number;
  end: number;
}

/** The original span of `flat.text[from, to)`. */
export function spanOf(flat: Flat, from: number, to: number): Span {
  return { start: flat.offsets[from]!, end: flat.offsets[Math.max(from, to - 1)]! + 1 };
}

/** The notice's own wording of a span: line wraps joined, table tabs shown as one space. */
export function quoteOf(original: string, span: Span): string {
  return original
    .slice(span.start, span.end)
    .replace(/[ \t]*\r?\n\s*/gu, '')
    .replace(/\t+/gu, ' ')
    .trim();
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 … 九十九 as a number (section numbers, "标题不超过四级"); undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return undefined;
  const [, tens, ten, ones] = match;
  if (ten === undefined) return tens !== undefined && ones === undefined ? CHINESE_DIGITS[tens] : undefined;
  return (tens === undefined ? 1 : CHINESE_DIGITS[tens]!) * 10 + (ones === undefined ? 0 : CHINESE_DIGITS[ones]!);
}

/** Character bigrams' Dice coefficient: how alike two names are (1 = same). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (text: string): string[] => {
    const list: string[] = [];
    for (let i = 0; i < text.length - 1; i++) list.push(text.slice(i, i + 2));
    return list;
  };
  const left = grams(a);
  const right = grams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = [...right];
  let shared = 0;
  for (const gram of left) {
    const index = pool.indexOf(gram);
    if (index >= 0) {
      shared++;
      pool.splice(index, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Whether every character of `short` appears in `long`, in order ("研修方案" in "校本研修实施方案"). */
export function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/** Text without its bracketed parts: "作品登记表（附件1）" → "作品登记表". */
export function withoutBrackets(text: string): string {
  let out = '';
  let depth = 0;
  for (const char of foldWidth(text)) {
    if (char === '(' || char === '【' || char === '[') depth++;
    else if ((char === ')' || char === '】' || char === ']') && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

/** Splits at the given separators, but never inside brackets or quotes. Returns [from, to) ranges. */
export function splitOutside(text: string, separators: RegExp): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if ('(（《“【['.includes(char)) depth++;
    else if (')）》”】]'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      separators.lastIndex = i;
      const match = separators.exec(text);
      if (match && match.index === i) {
        parts.push([from, i]);
        from = i + match[0].length;
        i = from - 1;
      }
    }
  }
  parts.push([from, text.length]);
  return parts.filter(([start, end]) => end > start);
}
