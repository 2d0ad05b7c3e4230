/**
 * Is this PDF a scan? A signed 登记表 / 信息表 / 申报表 must be "签字扫描为PDF格式": pages that are pictures of paper.
 * The unsigned file printed straight from Word, WPS or the 填表 page is a PDF too, and it is the mistake teachers
 * make: its pages hold text and fonts and no page-sized picture.
 *
 * What is read, in one left-to-right pass over the objects (`N G obj … endobj`):
 * - raster images (`/Subtype /Image`) with their pixel size. Image streams can never sit inside an object stream,
 *   so every image dictionary is at the top level of the file whatever writer made it; soft masks are not counted;
 * - page objects with their `/MediaBox` (or the page tree's, inherited), and fonts;
 * - object streams (`/Type /ObjStm`, PDF 1.5; pdf-lib, Word and Acrobat hide pages and fonts there): inflated
 *   under a cap and read the same way.
 * Stream data is skipped by its direct `/Length` (checked against the `endstream` that must follow), so a 40 MB
 * scan costs its object headers, not its pictures; without a usable length the pass searches for `endstream`.
 * Every byte looked at is counted, the bytes loaded and inflated are capped (LIMITS.pdfScanMaxBytes,
 * LIMITS.pdfObjStmMaxBytes), and no regular expression runs on more than one object's dictionary, itself capped.
 * Past a cap the facts say `complete: false`.
 *
 * Not read: content streams. A page's images are counted by their dictionaries, not by the operators that paint
 * them; inline images (`BI … ID … EI`) and text drawn in a content stream are not seen. That is enough to tell a
 * scan (one page-sized picture per page, with or without an OCR text layer) from a typed file (fonts, no picture).
 */
import { Unzlib } from 'fflate';
import { LIMITS } from './limits';
import { find, headerBefore, isDigit, isPdfSpace, isWordChar, type ScanCounter } from './pdf';
import { concatBytes, type Reader } from './source';

/** What the objects of a PDF say about its pages. */
export interface PdfScanFacts {
  /** Page objects found (an object redefined by an incremental update counts once). */
  pageObjects: number;
  /** Raster images, soft masks excluded. */
  images: number;
  /** Images at least SCAN_MIN_LONG_EDGE_PX on their long edge: a scanned or photographed page. */
  pageImages: number;
  fonts: number;
  /** Pages whose size could be read (their MediaBox; without any, the page-sized images), and how many are A4-shaped. */
  sizedPages: number;
  a4Pages: number;
  /** False when a cap stopped the pass before the end of the file: the counts may be short. */
  complete: boolean;
}

/**
 * A page-sized picture: a long edge of 800 px is an A4 sheet at 70 dpi, below any scanner's or phone app's
 * output (150–300 dpi gives 1754–3508 px). Logos, stamps and ☑ glyphs drawn as images in typed forms are smaller.
 */
export const SCAN_MIN_LONG_EDGE_PX = 800;

/** A4 is 1 : √2 (210 × 297 mm). Letter (1.29) and an uncropped 4:3 photo (1.33) are more than 4 % off. */
export const A4_RATIO = Math.SQRT2;
export const A4_TOLERANCE = 0.04;

/** Whether a width × height (any unit, either orientation) has A4's proportions. */
export function isA4Shape(width: number, height: number): boolean {
  const long = Math.max(Math.abs(width), Math.abs(height));
  const short = Math.min(Math.abs(width), Math.abs(height));
  if (!(short > 0)) return false;
  return Math.abs(long / short - A4_RATIO) / A4_RATIO <= A4_TOLERANCE;
}

/** Bytes loaded at once; an object header is far smaller, a skipped stream loads the next window past it. */
const WINDOW = 64 * 1024;
/** Longest dictionary read as one object's head; longer ones (a CJK font's /W array) are passed over. */
const MAX_HEAD = 16 * 1024;
/** Bytes kept from the end of a window when the next is loaded, so a keyword split across the edge is seen. */
const OVERLAP = 128;

const enc = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const OBJ = enc('obj');
const ENDOBJ = enc('endobj');
const STREAM = enc('stream');
const ENDSTREAM = enc('endstream');

type Entry =
  | { kind: 'image'; width: number; height: number }
  | { kind: 'page'; box?: [number, number] }
  | { kind: 'pages'; box?: [number, number] }
  | { kind: 'font' };

/** What one dictionary says, read from its text (at most MAX_HEAD characters). */
interface Head {
  entry?: Entry;
  smask?: number;
  /** A direct `/Length`; undefined when absent or indirect (`/Length 12 0 R`). */
  length?: number;
  objStm?: { n: number; first: number };
}

const NAME_END = '(?![A-Za-z0-9_.#-])';
const RE = {
  image: new RegExp(`/Subtype\\s*/Image${NAME_END}`),
  width: /\/Width\s+(\d{1,9})(?!\d)/,
  height: /\/Height\s+(\d{1,9})(?!\d)/,
  smask: /\/SMask\s+(\d{1,10})\s+\d{1,5}\s+R/,
  page: new RegExp(`/Type\\s*/Page${NAME_END}`),
  pages: new RegExp(`/Type\\s*/Pages${NAME_END}`),
  font: new RegExp(`/Type\\s*/Font${NAME_END}`),
  objStm: new RegExp(`/Type\\s*/ObjStm${NAME_END}`),
  /** Flate alone: `/Filter /FlateDecode` or `/Filter [/FlateDecode]`, not a chain of filters. */
  flate: new RegExp(`/Filter\\s*(?:/FlateDecode${NAME_END}|\\[\\s*/FlateDecode\\s*\\])`),
  decodeParms: /\/DecodeParms/,
  n: /\/N\s+(\d{1,9})(?!\d)/,
  first: /\/First\s+(\d{1,9})(?!\d)/,
  length: /\/Length\s+(\d{1,15})(\s+\d{1,5}\s+R)?(?!\d)/,
  mediaBox: /\/MediaBox\s*\[\s*(-?[\d.]{1,20})\s+(-?[\d.]{1,20})\s+(-?[\d.]{1,20})\s+(-?[\d.]{1,20})\s*\]/,
};

const latin1 = new TextDecoder('latin1');

function box(text: string): [number, number] | undefined {
  const m = RE.mediaBox.exec(text);
  if (!m) return undefined;
  const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? [w, h] : undefined;
}

function readHead(text: string): Head {
  const head: Head = {};
  const length = RE.length.exec(text);
  if (length && length[2] === undefined) head.length = Number(length[1]);
  if (RE.image.test(text)) {
    const w = RE.width.exec(text);
    const h = RE.height.exec(text);
    if (w && h) head.entry = { kind: 'image', width: Number(w[1]), height: Number(h[1]) };
    const smask = RE.smask.exec(text);
    if (smask) head.smask = Number(smask[1]);
    return head;
  }
  if (RE.objStm.test(text)) {
    const n = RE.n.exec(text);
    const first = RE.first.exec(text);
    if (n && first && RE.flate.test(text) && !RE.decodeParms.test(text)) head.objStm = { n: Number(n[1]), first: Number(first[1]) };
    return head;
  }
  if (RE.pages.test(text)) {
    const b = box(text);
    head.entry = { kind: 'pages', ...(b ? { box: b } : {}) };
  } else if (RE.page.test(text)) {
    const b = box(text);
    head.entry = { kind: 'page', ...(b ? { box: b } : {}) };
  } else if (RE.font.test(text)) {
    head.entry = { kind: 'font' };
  }
  return head;
}

/** The object number of the `N G obj` header whose `obj` starts at `at` (headerBefore already said there is one). */
function objectNumberBefore(b: Uint8Array, at: number): number {
  let i = at - 1;
  while (i >= 0 && isPdfSpace(b[i])) i--;
  while (i >= 0 && isDigit(b[i])) i--;
  while (i >= 0 && isPdfSpace(b[i])) i--;
  let end = i + 1;
  while (i >= 0 && isDigit(b[i])) i--;
  let n = 0;
  for (let k = i + 1; k < end; k++) n = n * 10 + (b[k]! - 0x30);
  return n;
}

/**
 * Where an object's dictionary ends, in one pass from `from`: at `stream` (its data follows) or at `endobj`,
 * whichever comes first, looking no further than `end`. -1 when neither is there.
 */
function headEnd(b: Uint8Array, from: number, end: number, counter: ScanCounter): { at: number; stream: boolean } | undefined {
  for (let i = from; i < end; i++) {
    const c = b[i];
    if (c === 0x73 /* s */ && !isWordChar(b[i - 1]) && matches(b, STREAM, i) && !isWordChar(b[i + STREAM.length])) {
      counter.steps += i - from;
      return { at: i, stream: true };
    }
    if (c === 0x65 /* e */ && matches(b, ENDOBJ, i) && !isWordChar(b[i + ENDOBJ.length])) {
      counter.steps += i - from;
      return { at: i, stream: false };
    }
  }
  counter.steps += Math.max(0, end - from);
  return undefined;
}

function matches(b: Uint8Array, needle: readonly number[], at: number): boolean {
  if (at + needle.length > b.length) return false;
  for (let j = 0; j < needle.length; j++) if (b[at + j] !== needle[j]) return false;
  return true;
}

/** A window of the file, loaded on demand and counted against the pass's byte budget. */
class FileWindow {
  start = 0;
  bytes: Uint8Array = new Uint8Array(0);
  loaded = 0;

  constructor(private readonly reader: Reader) {}

  get end(): number {
    return this.start + this.bytes.length;
  }

  /** Makes [pos, pos + need) available (or up to the end of the file); false when the budget is spent. */
  async ensure(pos: number, need: number): Promise<boolean> {
    if (pos >= this.start && Math.min(pos + need, this.reader.size) <= this.end) return true;
    const length = Math.min(Math.max(need, WINDOW), this.reader.size - pos);
    if (this.loaded + length > LIMITS.pdfScanMaxBytes) return false;
    this.bytes = await this.reader.read(pos, length);
    this.start = pos;
    this.loaded += this.bytes.length;
    return true;
  }

  /** Reads bytes outside the window (an object stream's data) against the same budget; undefined when spent. */
  async readCharged(pos: number, length: number): Promise<Uint8Array | undefined> {
    if (this.loaded + length > LIMITS.pdfScanMaxBytes) return undefined;
    this.loaded += length;
    return this.reader.read(pos, length);
  }
}

/**
 * The first `endstream` at or after `from`, searched window by window; -1 when the file ends first, undefined when
 * the budget is spent first.
 */
async function findEndstream(win: FileWindow, size: number, from: number, counter: ScanCounter): Promise<number | undefined> {
  // What the window already holds past `from` is searched first; after that, each window loads the next.
  let need = OVERLAP;
  for (let pos = from; pos < size; ) {
    if (!(await win.ensure(pos, need))) return undefined;
    const rel = pos - win.start;
    const at = find(win.bytes, ENDSTREAM, rel, win.bytes.length, counter);
    if (at >= 0) return win.start + at;
    if (win.end >= size) return -1;
    pos = win.end - OVERLAP;
    need = WINDOW;
  }
  return -1;
}

/** Inflates an object stream's data, stopping at the pass's inflate budget; undefined when it is spent or bad. */
function inflateObjStm(data: Uint8Array, budget: { left: number }): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let produced = 0;
  let over = false;
  const inflater = new Unzlib((chunk) => {
    produced += chunk.length;
    if (produced > budget.left) {
      over = true;
      throw new Error('over budget');
    }
    parts.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch {
    if (over) budget.left = 0;
    return undefined;
  }
  budget.left -= produced;
  return concatBytes(parts);
}

/** The objects inside an inflated object stream: `n` pairs of (object number, offset from `first`), then bodies. */
function objStmEntries(bytes: Uint8Array, n: number, first: number, counter: ScanCounter): Array<{ num: number; head: Head }> {
  const header = latin1.decode(bytes.subarray(0, Math.min(first, bytes.length)));
  counter.steps += header.length;
  const numbers = header.trim().split(/\s+/).slice(0, 2 * n).map(Number);
  const out: Array<{ num: number; head: Head }> = [];
  for (let k = 0; k + 1 < numbers.length; k += 2) {
    const num = numbers[k]!;
    const start = first + numbers[k + 1]!;
    const end = k + 3 < numbers.length ? first + numbers[k + 3]! : bytes.length;
    if (!Number.isInteger(num) || !(start >= first) || !(end >= start) || end > bytes.length) break;
    if (end - start > MAX_HEAD) continue;
    counter.steps += end - start;
    out.push({ num, head: readHead(latin1.decode(bytes.subarray(start, end))) });
  }
  return out;
}

/** Reads what the PDF's objects say about its pages; never throws for bad input (only for timeouts and aborts). */
export async function readPdfScan(reader: Reader, counter: ScanCounter = { steps: 0 }): Promise<PdfScanFacts> {
  const size = reader.size;
  const entries = new Map<number, Entry>();
  const smasks = new Set<number>();
  const inflateBudget = { left: LIMITS.pdfObjStmMaxBytes };
  const win = new FileWindow(reader);
  let complete = true;
  let objects = 0;

  for (let pos = 0; pos < size; ) {
    if (!(await win.ensure(pos, OVERLAP))) {
      complete = false;
      break;
    }
    const at = find(win.bytes, OBJ, pos - win.start, win.bytes.length, counter);
    if (at < 0) {
      if (win.end >= size) break;
      pos = Math.max(pos + 1, win.end - OVERLAP);
      if (!(await win.ensure(pos, WINDOW))) complete = false;
      if (!complete) break;
      continue;
    }
    const objAt = win.start + at;
    pos = objAt + OBJ.length;
    if (isWordChar(win.bytes[at + OBJ.length]) || !headerBefore(win.bytes, at)) continue;
    if (++objects > LIMITS.pdfMaxObjects) {
      complete = false;
      break;
    }
    const num = objectNumberBefore(win.bytes, at);
    if (!(await win.ensure(pos, MAX_HEAD + STREAM.length + 2))) {
      complete = false;
      break;
    }
    const rel = pos - win.start;
    const end = headEnd(win.bytes, rel, Math.min(win.bytes.length, rel + MAX_HEAD), counter);
    if (!end) {
      // No end within MAX_HEAD: a malformed or oversized object. Pass over what was looked at, so nothing is read twice.
      pos = Math.min(size, pos + MAX_HEAD);
      continue;
    }
    const head = readHead(latin1.decode(win.bytes.subarray(rel, end.at)));
    if (head.entry) entries.set(num, head.entry);
    if (head.smask !== undefined) smasks.add(head.smask);
    if (!end.stream) {
      pos = win.start + end.at + ENDOBJ.length;
      continue;
    }

    // Stream data starts after `stream` and its end of line (CRLF or LF; a lone CR is read as a writer's slip).
    let dataStart = win.start + end.at + STREAM.length;
    const next = win.bytes[dataStart - win.start];
    if (next === 0x0d) dataStart += win.bytes[dataStart - win.start + 1] === 0x0a ? 2 : 1;
    else if (next === 0x0a) dataStart += 1;
    let dataEnd: number | undefined;
    if (head.length !== undefined && dataStart + head.length <= size) {
      const candidate = dataStart + head.length;
      if (!(await win.ensure(candidate, OVERLAP))) {
        complete = false;
        break;
      }
      let i = candidate - win.start;
      while (i < win.bytes.length && isPdfSpace(win.bytes[i]) && i - (candidate - win.start) < 32) i++;
      counter.steps += i - (candidate - win.start);
      if (matches(win.bytes, ENDSTREAM, i)) dataEnd = candidate;
    }
    let resume: number;
    if (dataEnd !== undefined) {
      resume = dataEnd;
    } else {
      const found = await findEndstream(win, size, dataStart, counter);
      if (found === undefined) {
        complete = false;
        break;
      }
      if (found < 0) break;
      dataEnd = found;
      resume = found + ENDSTREAM.length;
    }
    if (head.objStm && dataEnd - dataStart <= LIMITS.pdfObjStmMaxBytes && inflateBudget.left > 0) {
      const data = await win.readCharged(dataStart, dataEnd - dataStart);
      if (!data) {
        complete = false;
        break;
      }
      const inflated = inflateObjStm(data, inflateBudget);
      if (inflated) {
        for (const inner of objStmEntries(inflated, head.objStm.n, head.objStm.first, counter)) {
          if (inner.head.entry) entries.set(inner.num, inner.head.entry);
        }
      } else if (inflateBudget.left === 0) {
        complete = false;
      }
    }
    pos = resume;
  }

  return summarise(entries, smasks, complete);
}

function summarise(entries: ReadonlyMap<number, Entry>, smasks: ReadonlySet<number>, complete: boolean): PdfScanFacts {
  let pageObjects = 0;
  let images = 0;
  let pageImages = 0;
  let fonts = 0;
  let inherited: [number, number] | undefined;
  const pageBoxes: Array<[number, number] | undefined> = [];
  const imageShapes: Array<[number, number]> = [];
  for (const [num, e] of entries) {
    if (e.kind === 'image') {
      if (smasks.has(num)) continue;
      images++;
      if (Math.max(e.width, e.height) >= SCAN_MIN_LONG_EDGE_PX) {
        pageImages++;
        imageShapes.push([e.width, e.height]);
      }
    } else if (e.kind === 'page') {
      pageObjects++;
      pageBoxes.push(e.box);
    } else if (e.kind === 'pages') {
      // The root's box is the one most pages inherit; any node's box is better than none.
      inherited ??= e.box;
    } else {
      fonts++;
    }
  }
  const boxes = pageBoxes.map((b) => b ?? inherited).filter((b): b is [number, number] => b !== undefined);
  const shapes = boxes.length > 0 ? boxes : imageShapes;
  return {
    pageObjects,
    images,
    pageImages,
    fonts,
    sizedPages: shapes.length,
    a4Pages: shapes.filter(([w, h]) => isA4Shape(w, h)).length,
    complete,
  };
}
