/**
 * 书名号 in a work's name. Every registration form says "作品名称请勿使用书名号《》" (district notice, 附件1/附件2/
 * 附件11; REFERENCE.md "All categories").
 *
 * Two kinds are reported:
 * - `book-title`: the marks GB/T 15834 defines as 书名号 — double 《》 and single 〈〉 — plus code points that are the
 *   same marks in another encoding (U+2329/U+232A normalise to 〈〉; the vertical forms ︽︾︿﹀). These break the
 *   rule and must be removed.
 * - `lookalike`: angle brackets a teacher may type instead of 书名号 (＜＞ ﹤﹥ < > ≪≫ « » ‹ › ⟨⟩). They are not
 *   书名号, so they do not break the rule's letter, but a reviewer reading 作品名称 sees a substituted 书名号; the UI
 *   should warn rather than fail.
 */

/** Whether a found mark is a real 书名号 or a bracket standing in for one. */
export type BookTitleMarkKind = 'book-title' | 'lookalike';

/** One mark found in the text; `index` is a UTF-16 offset, usable with `String.prototype.slice`. */
export interface BookTitleMark {
  index: number;
  char: string;
  kind: BookTitleMarkKind;
}

const MARK_KINDS: ReadonlyMap<number, BookTitleMarkKind> = new Map<number, BookTitleMarkKind>([
  ...[0x300a, 0x300b, 0x3008, 0x3009, 0x2329, 0x232a, 0xfe3d, 0xfe3e, 0xfe3f, 0xfe40].map(
    (cp) => [cp, 'book-title'] as const,
  ),
  ...[0xff1c, 0xff1e, 0xfe64, 0xfe65, 0x3c, 0x3e, 0x226a, 0x226b, 0xab, 0xbb, 0x2039, 0x203a, 0x27e8, 0x27e9].map(
    (cp) => [cp, 'lookalike'] as const,
  ),
]);

/** Every 书名号 and lookalike bracket in `text`, in order. */
export function findBookTitleMarks(text: string): BookTitleMark[] {
  const marks: BookTitleMark[] = [];
  for (let i = 0; i < text.length; i++) {
    // All marks are in the BMP and no surrogate half equals one, so code units suffice.
    const kind = MARK_KINDS.get(text.charCodeAt(i));
    if (kind !== undefined) marks.push({ index: i, char: text.charAt(i), kind });
  }
  return marks;
}

/** True when `text` holds a real 书名号 (what the forms forbid); lookalikes alone do not count. */
export function hasBookTitleMarks(text: string): boolean {
  return findBookTitleMarks(text).some((mark) => mark.kind === 'book-title');
}
