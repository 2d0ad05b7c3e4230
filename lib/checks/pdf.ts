/**
 * PDF: header, end marker and page count, by bounded scans of the first and last LIMITS.pdfScanBytes.
 *
 * The page count is the /Count of the root page-tree node (the /Type /Pages dictionary without a /Parent), found
 * by one left-to-right pass over the window: each `N G obj` header is checked by a bounded look back, its body
 * runs to the next `endobj` (searched once and reused, so an object without one ends the scan instead of sending
 * every later header to the end of the window), and the bodies are disjoint. No regular expression runs over the
 * file: `1 0 obj` repeated a hundred thousand times, or a megabyte of digits, costs one pass.
 */
import { indexOfPdfHeader } from './detect';
import { LIMITS } from './limits';
import { type Reader, lastIndexOfAscii } from './source';

export interface PdfFacts {
  header: boolean;
  /** `%%EOF` within the last 1 KiB, where readers look for it. */
  eof: boolean;
  pages?: number;
}

/** Work done by a scan, for the linear-time tests. */
export interface ScanCounter {
  steps: number;
}

const enc = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const OBJ = enc('obj');
const ENDOBJ = enc('endobj');
const TYPE = enc('/Type');
const PAGES = enc('/Pages');
const PARENT = enc('/Parent');
const COUNT = enc('/Count');
const LINEARIZED = enc('/Linearized');
const N_KEY = enc('/N');
/** An object number has at most 10 digits, a generation number at most 5; look no further back than that. */
const MAX_DIGITS = 10;
const MAX_GAP = 32;

export function isPdfSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** A character that may continue a name or keyword (what `\b` would not break at). */
export function isWordChar(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
}

/** First index of `needle` in b[from, end), or -1; every byte looked at is counted. */
export function find(b: Uint8Array, needle: readonly number[], from: number, end: number, counter: ScanCounter): number {
  const first = needle[0]!;
  const last = end - needle.length;
  let i = from;
  for (; i <= last; i++) {
    if (b[i] !== first) continue;
    let j = 1;
    while (j < needle.length && b[i + j] === needle[j]) j++;
    counter.steps += j;
    if (j === needle.length) {
      counter.steps += i - from;
      return i;
    }
  }
  counter.steps += Math.max(0, i - from);
  return -1;
}

/** True when `N G ` (digits, space, digits, space) ends right before `at`; looks back a bounded distance. */
export function headerBefore(b: Uint8Array, at: number): boolean {
  let i = at - 1;
  const skip = (test: (c: number | undefined) => boolean, max: number): number => {
    let n = 0;
    while (i >= 0 && n < max && test(b[i])) {
      i--;
      n++;
    }
    return n;
  };
  return skip(isPdfSpace, MAX_GAP) > 0 && skip(isDigit, MAX_DIGITS) > 0 && skip(isPdfSpace, MAX_GAP) > 0 && skip(isDigit, MAX_DIGITS) > 0;
}

/** Index just after `key` followed by a non-word character, searching b[from, end); -1 when absent. */
function findKey(b: Uint8Array, key: readonly number[], from: number, end: number, counter: ScanCounter): number {
  for (let p = from; ; ) {
    const at = find(b, key, p, end, counter);
    if (at < 0) return -1;
    const after = at + key.length;
    if (!isWordChar(b[after])) return after;
    p = at + 1;
  }
}

/** A non-negative integer after at least one whitespace (`\s+(\d+)`), when it fits a safe integer. */
function integerAfterSpace(b: Uint8Array, at: number, end: number, counter: ScanCounter): number | undefined {
  let i = at;
  while (i < end && isPdfSpace(b[i])) i++;
  if (i === at) return undefined;
  let value = 0;
  let digits = 0;
  while (i < end && isDigit(b[i]) && digits <= 15) {
    value = value * 10 + (b[i]! - 0x30);
    i++;
    digits++;
  }
  counter.steps += i - at;
  return digits > 0 && digits <= 15 ? value : undefined;
}

function isRootPages(b: Uint8Array, start: number, end: number, counter: ScanCounter): number | undefined {
  let typePages = false;
  for (let p = start; !typePages; ) {
    const after = findKey(b, TYPE, p, end, counter);
    if (after < 0) break;
    let i = after;
    while (i < end && isPdfSpace(b[i])) i++;
    counter.steps += i - after;
    if (find(b, PAGES, i, Math.min(end, i + PAGES.length), counter) === i && !isWordChar(b[i + PAGES.length])) typePages = true;
    p = after;
  }
  if (!typePages || findKey(b, PARENT, start, end, counter) >= 0) return undefined;
  for (let p = start; ; ) {
    const after = findKey(b, COUNT, p, end, counter);
    if (after < 0) return undefined;
    const n = integerAfterSpace(b, after, end, counter);
    if (n !== undefined) return n;
    p = after;
  }
}

/**
 * /Count of the last root page-tree node in the window (incremental updates append the newer version), or
 * undefined. Linear in the window: at most LIMITS.pdfMaxObjects objects are looked at.
 */
export function rootPagesCount(b: Uint8Array, counter: ScanCounter = { steps: 0 }): number | undefined {
  let found: number | undefined;
  let nextEnd = -1;
  let objects = 0;
  for (let p = 0; p < b.length; ) {
    const at = find(b, OBJ, p, b.length, counter);
    if (at < 0) break;
    p = at + OBJ.length;
    // `endobj` contains `obj`; a header needs `obj` as a whole keyword after `N G `.
    if (isWordChar(b[p]) || !headerBefore(b, at)) continue;
    counter.steps += MAX_DIGITS;
    if (++objects > LIMITS.pdfMaxObjects) break;
    if (nextEnd < p) {
      nextEnd = find(b, ENDOBJ, p, b.length, counter);
      // No object after this one can be complete either.
      if (nextEnd < 0) break;
    }
    const count = isRootPages(b, p, nextEnd, counter);
    if (count !== undefined) found = count;
    p = nextEnd + ENDOBJ.length;
  }
  return found;
}

/** `/Linearized … /N pages` in the first dictionary of the file (first 2 KiB). */
export function linearizedPages(head: Uint8Array, counter: ScanCounter = { steps: 0 }): number | undefined {
  const end = Math.min(head.length, 2048);
  const after = findKey(head, LINEARIZED, 0, end, counter);
  if (after < 0) return undefined;
  // The dictionary ends at the first `>`.
  let close = after;
  while (close < end && head[close] !== 0x3e) close++;
  counter.steps += close - after;
  for (let p = after; ; ) {
    const at = find(head, N_KEY, p, close, counter);
    if (at < 0) return undefined;
    const n = integerAfterSpace(head, at + N_KEY.length, close, counter);
    if (n !== undefined) return n;
    p = at + 1;
  }
}

/** Header, end marker and, when cheap, page count: linearization dictionary, else the last or first window. */
export async function readPdf(reader: Reader): Promise<PdfFacts> {
  const scan = LIMITS.pdfScanBytes;
  const head = await reader.read(0, Math.min(reader.size, scan));
  const header = indexOfPdfHeader(head) >= 0;
  const tailStart = Math.max(0, reader.size - scan);
  const tail = tailStart === 0 ? head : await reader.read(tailStart, reader.size - tailStart);
  const eof = lastIndexOfAscii(tail.subarray(Math.max(0, tail.length - 1024)), '%%EOF') >= 0;
  const facts: PdfFacts = { header, eof };

  let pages = linearizedPages(head);
  if (pages === undefined) pages = rootPagesCount(tail);
  reader.checkpoint();
  if (pages === undefined && tailStart > 0) pages = rootPagesCount(head);
  if (pages !== undefined) facts.pages = pages;
  return facts;
}
