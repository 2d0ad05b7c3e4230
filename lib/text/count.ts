/**
 * 字数 as Microsoft Word reports it: 字数 = 中文字符和朝鲜语单词 + 非中文单词.
 *
 * The notices set their limits in 字 ("不超过 300 字", "全文不超过 2000字"), and teachers check them with Word's
 * 审阅 → 字数统计, so this counter reproduces that number rather than a character count. Decisions, each meant to
 * match what Word shows for text typed with a Chinese input method (taken from Word's 字数 split and published
 * guides to it; no copy of Word was at hand to confirm the edge cases):
 *
 * - Every East Asian character counts 1 on its own: CJK ideographs in every block (URO, Ext A–I, compatibility
 *   ideographs), radicals, kana, bopomofo, and full-width letters and digits (２０２５ is 4: Word treats full-width
 *   forms as double-byte East Asian characters, not as a Latin word).
 * - Every full-width punctuation mark or CJK symbol counts 1: 。，、；：？！“”‘’（）《》【】「」『』〈〉, each — and …
 *   (so —— and …… are 2), ·, the Fullwidth Forms punctuation and signs (＋＝￥), circled numbers ①, ㈠ and ㎡.
 * - Every other maximal run of non-space characters between East Asian characters counts 1 if it holds at least one
 *   letter, digit or symbol (Unicode L, N, S): `don't`, `3.14`, `1,000`, `15-25`, `e-mail`, `MP4`, `café`, `😀`.
 *   A Korean word is such a run, which is Word's "朝鲜语单词".
 * - A run made only of punctuation (Unicode P), marks or control characters counts 0: a half-width `,` `.` `(`
 *   `-` standing alone, even between Chinese characters (你好,世界 is 4). Guides to Word's 字数统计 say half-width
 *   punctuation adds to 字符数 but not to 字数, and that punctuation alone is never a word; attached to a word it is
 *   part of that word. Undercounting a stray `,` by one is the small error here, and a teacher who sees the same
 *   number in Word trusts the check. ASCII symbols (`+ = $ < > | ~`) are Unicode S, so `1 + 1` is 3 words; this
 *   follows the category rule and is not verified against Word.
 * - A right single quotation mark between two word characters (don’t, Word's AutoFormat apostrophe) is an
 *   apostrophe inside the word, not a full-width quote.
 * - Whitespace (JavaScript's `\s`, including the ideographic space U+3000) counts 0 and ends a run.
 *
 * The scan is one pass over UTF-16 code units with no regular expression on the hot path; a surrogate pair is one
 * code point and counts once.
 */

/** 字数 split the way a UI may want to show it; `total` is what Word shows as 字数. */
export interface CharBreakdown {
  /** East Asian characters counted one by one (ideographs, kana, bopomofo, full-width letters and digits). */
  cjk: number;
  /** Full-width punctuation marks and CJK symbols, one each. */
  punctuation: number;
  /** Runs of other letters, digits and symbols (English words, numbers, Korean words, emoji), one per run. */
  words: number;
  total: number;
}

const SPACE = 0;
const EAST_ASIAN = 1;
const PUNCTUATION = 2;
/** Letter, digit or symbol: makes the run it sits in count as a word. */
const WORD = 3;
/** Half-width punctuation, marks, controls: lives inside a run but never makes one count. */
const JOINER = 4;
type CharClass = typeof SPACE | typeof EAST_ASIAN | typeof PUNCTUATION | typeof WORD | typeof JOINER;

const RIGHT_SINGLE_QUOTE = 0x2019;

const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128).fill(JOINER);
  for (let c = 0x30; c <= 0x39; c++) table[c] = WORD;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = WORD;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = WORD;
  // Unicode calls these symbols (Sc, Sm, Sk), not punctuation, so they count like a word: `+` in `1 + 1`.
  for (const ch of '$+<=>^`|~') table[ch.charCodeAt(0)] = WORD;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[c] = SPACE;
  return table;
})();

/** Code points in General Punctuation and nearby blocks that Chinese text uses as full-width marks. */
const CJK_PUNCTUATION_SINGLES = new Set([
  0x00b7, // · 间隔号
  0x2014, 0x2015, // — ― 破折号 (each half of —— counts)
  0x2016, // ‖
  0x2018, 0x2019, 0x201c, 0x201d, // ‘ ’ “ ”
  0x2025, 0x2026, // ‥ …
  0x2030, // ‰
  0x2032, 0x2033, // ′ ″
  0x203b, // ※
  0x2103, // ℃
  0x2116, // №
  0x2121, // ℡
]);

function isSpace(cp: number): boolean {
  return (
    cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 ||
    cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff
  );
}

function isEastAsian(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK Unified Ideographs
  if (cp >= 0x3400 && cp <= 0x4dbf) return true; // Ext A
  if (cp >= 0x20000 && cp <= 0x323af) return true; // Ext B–I, Compatibility Supplement, Ext G–H
  if (cp >= 0xf900 && cp <= 0xfaff) return true; // Compatibility Ideographs
  if (cp >= 0x2e80 && cp <= 0x2fdf) return true; // Radicals Supplement, Kangxi Radicals
  if (cp === 0x3005 || cp === 0x3006 || cp === 0x3007) return true; // 々 〆 〇
  if ((cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303b)) return true; // Hangzhou numerals
  if (cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30fb) return true; // kana (・ is punctuation)
  if (cp >= 0x3105 && cp <= 0x312f) return true; // Bopomofo
  if (cp >= 0x31a0 && cp <= 0x31ff) return true; // Bopomofo Extended, CJK Strokes, Katakana Ext
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) {
    return true; // full-width digits and letters
  }
  return cp >= 0xff66 && cp <= 0xff9f; // half-width katakana
}

function isCjkPunctuation(cp: number): boolean {
  if (cp >= 0x3001 && cp <= 0x303f) return true; // CJK Symbols and Punctuation (ideographic ones caught above)
  if (cp === 0x30fb) return true; // ・
  if (cp >= 0xff01 && cp <= 0xff65) return true; // Fullwidth Forms punctuation, half-width ｡｢｣､
  if (cp >= 0xffe0 && cp <= 0xffee) return true; // ￠￡￥ and other full-width signs
  if (cp >= 0xfe10 && cp <= 0xfe1f) return true; // Vertical Forms
  if (cp >= 0xfe30 && cp <= 0xfe6f) return true; // CJK Compatibility Forms, Small Form Variants
  if (cp >= 0x2460 && cp <= 0x24ff) return true; // ① ⑴ ⒈ Enclosed Alphanumerics
  if (cp >= 0x3200 && cp <= 0x33ff) return true; // ㈠ ㊣ ㎡ Enclosed CJK, CJK Compatibility
  return CJK_PUNCTUATION_SINGLES.has(cp);
}

const WORD_CHARACTER = /^[\p{L}\p{N}\p{S}]$/u;
/** Unicode category lookups are rare (non-ASCII, non-CJK text) and memoised, so they stay off the hot path. */
const otherClassCache = new Map<number, CharClass>();

function classifyOther(cp: number): CharClass {
  let cls = otherClassCache.get(cp);
  if (cls === undefined) {
    // A lone surrogate (broken text) tests false here and becomes a harmless joiner.
    cls = WORD_CHARACTER.test(String.fromCodePoint(cp)) ? WORD : JOINER;
    otherClassCache.set(cp, cls);
  }
  return cls;
}

function classify(cp: number): CharClass {
  if (cp < 0x80) return ASCII_CLASS[cp] as CharClass;
  if (isEastAsian(cp)) return EAST_ASIAN;
  if (isSpace(cp)) return SPACE;
  if (isCjkPunctuation(cp)) return PUNCTUATION;
  return classifyOther(cp);
}

function codePointAt(text: string, i: number): number {
  const hi = text.charCodeAt(i);
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < text.length) {
    const lo = text.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return hi;
}

/** Word's 字数 with its parts. Linear in the length of `text`. */
export function countBreakdown(text: string): CharBreakdown {
  let cjk = 0;
  let punctuation = 0;
  let words = 0;
  let runCounts = false;
  let lastWasWord = false;
  const length = text.length;

  for (let i = 0; i < length; ) {
    const unit = text.charCodeAt(i);
    // Plain Chinese text is almost all URO ideographs: settle them before any other test.
    if (unit >= 0x4e00 && unit <= 0x9fff) {
      cjk++;
      if (runCounts) words++;
      runCounts = lastWasWord = false;
      i++;
      continue;
    }
    const cp = unit < 0xd800 || unit > 0xdbff ? unit : codePointAt(text, i);
    const width = cp > 0xffff ? 2 : 1;
    let cls = classify(cp);
    if (cls === PUNCTUATION && cp === RIGHT_SINGLE_QUOTE && lastWasWord && i + 1 < length) {
      if (classify(codePointAt(text, i + 1)) === WORD) cls = JOINER;
    }
    i += width;

    if (cls === WORD || cls === JOINER) {
      if (cls === WORD) runCounts = true;
      lastWasWord = cls === WORD;
      continue;
    }
    if (runCounts) words++;
    runCounts = lastWasWord = false;
    if (cls === EAST_ASIAN) cjk++;
    else if (cls === PUNCTUATION) punctuation++;
  }
  if (runCounts) words++;

  return { cjk, punctuation, words, total: cjk + punctuation + words };
}

/** Word's 字数 of `text` (see the notes at the top of this file for what counts). */
export function countChars(text: string): number {
  return countBreakdown(text).total;
}
