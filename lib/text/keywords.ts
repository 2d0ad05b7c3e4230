/**
 * 案例关键词 as teachers type them: one field, several keywords, separated by whatever punctuation their input
 * method produced. The forms cap the number (附件5/附件8: 案例关键词 ≤ 4), so the split must agree with how a reader
 * would count them.
 */

const SEPARATORS = new Set([
  0x3001, // 、
  0xff0c, 0x2c, // ， ,
  0xff1b, 0x3b, // ； ;
  0xff0f, 0x2f, // ／ /
  0xff5c, 0x7c, // ｜ |
  0xfe50, 0xfe51, 0xfe54, // ﹐ ﹑ ﹔ small forms some fonts substitute
]);

/** JavaScript's `\s`: spaces of every width (incl. the full-width 　), tabs and line breaks all separate keywords. */
function isSpace(unit: number): boolean {
  return (
    (unit >= 0x09 && unit <= 0x0d) || unit === 0x20 || unit === 0xa0 || unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f ||
    unit === 0x205f || unit === 0x3000 || unit === 0xfeff
  );
}

/** The keywords in `text`, in order, without separators; duplicates are kept because the form counts what is typed. */
export function splitKeywords(text: string): string[] {
  const keywords: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : -1;
    if (unit === -1 || SEPARATORS.has(unit) || isSpace(unit)) {
      if (i > start) keywords.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return keywords;
}

/** How many keywords `text` holds. */
export function countKeywords(text: string): number {
  return splitKeywords(text).length;
}
