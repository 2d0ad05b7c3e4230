import { Inflate } from 'fflate';
import { LIMITS } from './limits';
import { CheckLimitError, concatBytes, FormatError, type Reader, u16le, u32le, u64le } from './source';

/** One central-directory record. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  isDirectory: boolean;
  encrypted: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  zip64: boolean;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
/** Compressed bytes read from the file at once while inflating. */
const READ_CHUNK = 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at once. Deflate expands at most ~1032:1, so one push yields at most
 * ~16 MB: the output cap is checked after every push, and a bomb is stopped within that much past the cap.
 */
const PUSH_CHUNK = 16 * 1024;

let gbkDecoder: TextDecoder | null | undefined;
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextDecoder('utf-8');

/**
 * Entry names: UTF-8 when general-purpose flag bit 11 says so or an Info-ZIP Unicode Path field (0x7075) is
 * present. Otherwise Windows' built-in zip and WinRAR on a Chinese system write GBK, while macOS' Archive Utility
 * writes UTF-8 without setting the flag; a name that decodes as strict UTF-8 with a multi-byte sequence is taken as
 * UTF-8 (GBK text that also happens to be valid UTF-8 is rare), everything else as GBK.
 */
export function decodeZipName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8.decode(bytes);
  let ascii = true;
  for (const b of bytes) if (b >= 0x80) ascii = false;
  if (ascii) return utf8.decode(bytes);
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    // not UTF-8: fall through to GBK
  }
  if (gbkDecoder === undefined) {
    try {
      gbkDecoder = new TextDecoder('gbk');
    } catch {
      gbkDecoder = null;
    }
  }
  return gbkDecoder ? gbkDecoder.decode(bytes) : utf8.decode(bytes);
}

/** Reads the central directory only: the end of the file, then the directory itself. */
export async function readZipDirectory(reader: Reader): Promise<ZipDirectory> {
  const size = reader.size;
  if (size < EOCD_MIN) throw new FormatError('too short to be a ZIP');
  const tailLen = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tailStart = size - tailLen;
  const tail = await reader.read(tailStart, tailLen);

  let eocd = -1;
  let fallback = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (u32le(tail, i) !== EOCD_SIG) continue;
    const commentLen = u16le(tail, i + 20);
    if (i + EOCD_MIN + commentLen === tail.length) {
      eocd = i;
      break;
    }
    // Tools that append bytes after the archive (or a comment length that lies) still leave a usable EOCD.
    if (fallback < 0 && i + EOCD_MIN + commentLen <= tail.length) fallback = i;
  }
  if (eocd < 0) eocd = fallback;
  if (eocd < 0) throw new FormatError('end of central directory not found (file truncated?)');

  let totalEntries = u16le(tail, eocd + 10);
  let cdSize = u32le(tail, eocd + 12);
  let cdOffset = u32le(tail, eocd + 16);
  const eocdPos = tailStart + eocd;
  let cdEnd = eocdPos;
  let zip64 = false;

  if (eocdPos >= 20) {
    const loc = await reader.read(eocdPos - 20, 20);
    if (loc.length === 20 && u32le(loc, 0) === ZIP64_LOCATOR_SIG) {
      const recPos = u64le(loc, 8);
      const rec = await reader.read(recPos, 56);
      if (rec.length === 56 && u32le(rec, 0) === ZIP64_EOCD_SIG) {
        zip64 = true;
        totalEntries = u64le(rec, 32);
        cdSize = u64le(rec, 40);
        cdOffset = u64le(rec, 48);
        cdEnd = recPos;
      } else if (cdSize === 0xffffffff || cdOffset === 0xffffffff || totalEntries === 0xffff) {
        throw new FormatError('Zip64 end record missing');
      }
    }
  }
  if (!Number.isFinite(cdSize) || !Number.isFinite(cdOffset)) throw new FormatError('directory offsets out of range');
  if (cdSize > LIMITS.maxCentralDirectoryBytes) throw new CheckLimitError('maxCentralDirectoryBytes', 'the central directory is too large');
  if (cdSize > cdEnd) throw new FormatError('central directory larger than the file');
  // Self-extracting archives and files with bytes prepended keep offsets relative to the original start.
  const cdStart = cdEnd - cdSize;
  const shift = cdStart - cdOffset;
  if (shift < 0) throw new FormatError('central directory offset past the end of the file');
  const cd = await reader.read(cdStart, cdSize);
  if (cd.length < cdSize) throw new FormatError('central directory cut off');

  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length) {
    if (u32le(cd, p) !== CDH_SIG) break;
    const flags = u16le(cd, p + 8);
    const method = u16le(cd, p + 10);
    let compressedSize = u32le(cd, p + 20);
    let uncompressedSize = u32le(cd, p + 24);
    const nameLen = u16le(cd, p + 28);
    const extraLen = u16le(cd, p + 30);
    const commentLen = u16le(cd, p + 32);
    let localHeaderOffset = u32le(cd, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > cd.length) throw new FormatError('central directory record cut off');
    const nameBytes = cd.subarray(nameStart, extraStart);
    let unicodeName: string | undefined;

    for (let e = extraStart; e + 4 <= extraStart + extraLen; ) {
      const id = u16le(cd, e);
      const len = u16le(cd, e + 2);
      const body = e + 4;
      if (body + len > extraStart + extraLen) break;
      if (id === 0x0001) {
        let q = body;
        if (uncompressedSize === 0xffffffff && q + 8 <= body + len) {
          uncompressedSize = u64le(cd, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= body + len) {
          compressedSize = u64le(cd, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= body + len) localHeaderOffset = u64le(cd, q);
      } else if (id === 0x7075 && len > 5 && cd[body] === 1) {
        unicodeName = utf8.decode(cd.subarray(body + 5, body + len));
      }
      e = body + len;
    }

    const name = unicodeName ?? decodeZipName(nameBytes, (flags & 0x0800) !== 0);
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset: localHeaderOffset + shift,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      encrypted: (flags & 1) !== 0,
    });
    p = next;
    if (entries.length > LIMITS.maxZipEntries) throw new CheckLimitError('maxZipEntries', 'the archive lists too many entries');
    if ((entries.length & 0x3ff) === 0) reader.checkpoint();
  }
  if (totalEntries > 0 && entries.length === 0) throw new FormatError('central directory is damaged');
  return { entries, zip64 };
}

/** System files that zip tools add and nobody means to submit. */
export function isJunkPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter(Boolean);
  if (parts.some((s) => s === '__MACOSX')) return true;
  const base = parts[parts.length - 1] ?? '';
  return base === '.DS_Store' || base.toLowerCase() === 'thumbs.db' || base.toLowerCase() === 'desktop.ini';
}

/** Files a person would count in the archive: no folders, no system files. */
export function countedEntries(dir: ZipDirectory): ZipEntry[] {
  return dir.entries.filter((e) => !e.isDirectory && !isJunkPath(e.name));
}

export function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  return dir.entries.find((e) => e.name === name);
}

/**
 * Sum of the entries' declared uncompressed sizes, in safe integers: a size that is not a safe integer (Zip64 lets
 * an entry declare up to 2^64 - 1) or a sum past 2^53 saturates at Number.MAX_SAFE_INTEGER with `saturated` set,
 * so the caller can say the directory declares impossible sizes instead of reporting Infinity.
 */
export function totalDeclaredBytes(entries: ReadonlyArray<Pick<ZipEntry, 'uncompressedSize'>>): { totalBytes: number; saturated: boolean } {
  let total = 0;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.uncompressedSize) || e.uncompressedSize < 0) return { totalBytes: Number.MAX_SAFE_INTEGER, saturated: true };
    total += e.uncompressedSize;
    if (total > Number.MAX_SAFE_INTEGER) return { totalBytes: Number.MAX_SAFE_INTEGER, saturated: true };
  }
  return { totalBytes: total, saturated: false };
}

/**
 * Streams one entry's inflated bytes to `onChunk`, reading its local header and compressed bytes and nothing else.
 *
 * The bound is decided before inflating, from the central directory: an entry declaring more than `maxBytes`
 * (default LIMITS.maxInflateBytes) is refused with CheckLimitError. It is enforced while inflating: output past the
 * declared size (a directory that lies, the classic zip bomb) stops the inflater at once with a FormatError.
 * Memory is one read chunk plus one push's output, whatever the entry holds.
 */
export async function inflateEntry(
  reader: Reader,
  entry: ZipEntry,
  onChunk: (bytes: Uint8Array) => void,
  maxBytes: number = LIMITS.maxInflateBytes,
): Promise<void> {
  if (entry.encrypted) throw new FormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new FormatError(`${entry.name} uses unsupported compression ${entry.method}`);
  if (!Number.isSafeInteger(entry.uncompressedSize) || !Number.isSafeInteger(entry.compressedSize)) {
    throw new FormatError(`${entry.name} declares an impossible size`);
  }
  if (entry.uncompressedSize > maxBytes) throw new CheckLimitError('maxInflateBytes', `${entry.name} declares more than the inflate cap`);
  const declared = entry.uncompressedSize;
  const lfh = await reader.readExact(entry.localHeaderOffset, 30, `local header of ${entry.name}`);
  if (u32le(lfh, 0) !== LFH_SIG) throw new FormatError(`local header of ${entry.name} not found`);
  const dataStart = entry.localHeaderOffset + 30 + u16le(lfh, 26) + u16le(lfh, 28);

  let produced = 0;
  const accept = (bytes: Uint8Array): void => {
    produced += bytes.length;
    if (produced > declared) throw new FormatError(`${entry.name} inflates past its declared ${declared} bytes`);
    if (bytes.length > 0) onChunk(bytes);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => accept(chunk)) : undefined;
  const push = (chunk: Uint8Array, final: boolean): void => {
    if (!inflater) return accept(chunk);
    try {
      inflater.push(chunk, final);
    } catch (e) {
      if (e instanceof FormatError || e instanceof CheckLimitError) throw e;
      throw new FormatError(`${entry.name} cannot be decompressed (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  const total = entry.compressedSize;
  for (let at = 0; at < total || (at === 0 && total === 0); ) {
    const want = Math.min(READ_CHUNK, total - at);
    const data = want > 0 ? await reader.readExact(dataStart + at, want, entry.name) : new Uint8Array(0);
    at += want;
    for (let p = 0; p < data.length; p += PUSH_CHUNK) {
      const end = Math.min(data.length, p + PUSH_CHUNK);
      push(data.subarray(p, end), at >= total && end === data.length);
    }
    if (data.length === 0) {
      push(data, true);
      break;
    }
    reader.checkpoint();
  }
}

/** Inflates one entry into memory (small parts, tests); the same bounds as `inflateEntry`. */
export async function readEntry(reader: Reader, entry: ZipEntry, maxBytes: number = LIMITS.maxInflateBytes): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await inflateEntry(reader, entry, (bytes) => parts.push(bytes.slice()), maxBytes);
  return parts.length === 1 ? parts[0]! : concatBytes(parts);
}
