import { inflateSync } from 'fflate';
import { FormatError, type Reader, u16le, u32le, u64le } from './source';

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
/** A central directory this large would list hundreds of thousands of files; nothing a teacher uploads. */
const MAX_CD_BYTES = 64 * 1024 * 1024;
/** document.xml of a 300-page report is a few MB; refuse to inflate more than this (zip bombs). */
export const MAX_INFLATE_BYTES = 64 * 1024 * 1024;

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
  if (cdSize > MAX_CD_BYTES) throw new FormatError('central directory too large');
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

/** Inflates one entry; reads its local header and compressed bytes, nothing else. */
export async function readEntry(reader: Reader, entry: ZipEntry, maxBytes = MAX_INFLATE_BYTES): Promise<Uint8Array> {
  if (entry.encrypted) throw new FormatError(`${entry.name} is encrypted`);
  if (entry.uncompressedSize > maxBytes) throw new FormatError(`${entry.name} is too large to read`);
  if (!Number.isFinite(entry.compressedSize)) throw new FormatError(`${entry.name} has an invalid size`);
  const lfh = await reader.readExact(entry.localHeaderOffset, 30, `local header of ${entry.name}`);
  if (u32le(lfh, 0) !== LFH_SIG) throw new FormatError(`local header of ${entry.name} not found`);
  const dataStart = entry.localHeaderOffset + 30 + u16le(lfh, 26) + u16le(lfh, 28);
  const data = await reader.readExact(dataStart, entry.compressedSize, entry.name);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new FormatError(`${entry.name} uses unsupported compression ${entry.method}`);
  const out = new Uint8Array(entry.uncompressedSize);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data, { out });
  } catch (e) {
    throw new FormatError(`${entry.name} cannot be decompressed (${e instanceof Error ? e.message : String(e)})`);
  }
  return inflated;
}
