export { countBreakdown, countChars, type CharBreakdown } from './count';
export { countKeywords, splitKeywords } from './keywords';
export { findBookTitleMarks, hasBookTitleMarks, type BookTitleMark, type BookTitleMarkKind } from './title';
