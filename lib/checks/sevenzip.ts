/**
 * 7z directories (7-Zip's DOC/7zFormat.txt): the 32-byte signature header points at the header at the end of the
 * archive, which lists every file. 7-Zip compresses that header with LZMA by default ("encoded header"); it is
 * decoded with lzma1 within the directory cap. File data is never decompressed: a member of a folder packed
 * with the Copy method (`7z a -mx0`) is located so checks can read it in place.
 */
import { decompress as lzmaDecompress } from 'lzma1';
import { addMember, type ArchiveListing, crc32, HeaderCursor, normaliseMemberName, safe } from './archive';
import { LIMITS } from './limits';
import { CheckLimitError, concatBytes, FormatError, type Reader } from './source';

export const SEVEN_ZIP_SIG = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const SIGNATURE_HEADER = 32;

const K = {
  end: 0x00,
  header: 0x01,
  archiveProperties: 0x02,
  additionalStreams: 0x03,
  mainStreams: 0x04,
  filesInfo: 0x05,
  packInfo: 0x06,
  unpackInfo: 0x07,
  subStreamsInfo: 0x08,
  size: 0x09,
  crc: 0x0a,
  folder: 0x0b,
  codersUnpackSize: 0x0c,
  numUnpackStream: 0x0d,
  emptyStream: 0x0e,
  emptyFile: 0x0f,
  name: 0x11,
  winAttributes: 0x15,
  encodedHeader: 0x17,
  dummy: 0x19,
} as const;

const METHOD_COPY = '00';
const METHOD_LZMA = '030101';
const METHOD_AES = '06f10701';

interface Coder {
  method: string;
  inStreams: number;
  outStreams: number;
  props: Uint8Array;
}

interface Folder {
  coders: Coder[];
  bindPairs: Array<{ inIndex: number; outIndex: number }>;
  packedStreams: number[];
  unpackSizes: number[];
  crc?: number;
}

interface StreamsInfo {
  packPos: number;
  packSizes: number[];
  folders: Folder[];
  /** Per folder: the sizes of its substreams (files). */
  substreams: number[][];
}

class Cursor7z extends HeaderCursor {
  /** 7z NUMBER: the first byte's leading 1 bits say how many bytes follow (little-endian). */
  num(): number {
    const first = this.u8();
    let mask = 0x80;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if ((first & mask) === 0) return safe(value + (first & (mask - 1)) * scale, this.what);
      value += this.u8() * scale;
      scale *= 256;
      mask >>= 1;
    }
    return safe(value, this.what);
  }

  /** A count that indexes something in this header: never more than its bytes could describe. */
  count(): number {
    const n = this.num();
    if (n > this.bytes.length * 8 + 8) throw new FormatError(`${this.what} declares more items than it holds`);
    return n;
  }

  bits(n: number): boolean[] {
    const out: boolean[] = [];
    let byte = 0;
    for (let i = 0; i < n; i++) {
      if (i % 8 === 0) byte = this.u8();
      out.push((byte & (0x80 >> i % 8)) !== 0);
    }
    return out;
  }

  /** AllAreDefined byte, then a bit vector when it is 0. */
  defined(n: number): boolean[] {
    return this.u8() !== 0 ? new Array<boolean>(n).fill(true) : this.bits(n);
  }

  expect(id: number): void {
    const got = this.u8();
    if (got !== id) throw new FormatError(`7z header: expected property ${id}, found ${got}`);
  }
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function readDigests(c: Cursor7z, n: number): Array<number | undefined> {
  return c.defined(n).map((d) => (d ? c.u32() : undefined));
}

function readFolder(c: Cursor7z): Folder {
  const numCoders = c.count();
  if (numCoders === 0 || numCoders > 64) throw new FormatError('7z folder has an impossible number of coders');
  const coders: Coder[] = [];
  let totalIn = 0;
  let totalOut = 0;
  for (let i = 0; i < numCoders; i++) {
    const flag = c.u8();
    if (flag & 0x80) throw new FormatError('7z alternative coder methods are not supported');
    const method = hex(c.take(flag & 0x0f));
    const complex = (flag & 0x10) !== 0;
    const inStreams = complex ? c.count() : 1;
    const outStreams = complex ? c.count() : 1;
    const props = flag & 0x20 ? c.take(c.count()) : new Uint8Array(0);
    if (inStreams > 64 || outStreams > 64) throw new FormatError('7z coder has an impossible number of streams');
    coders.push({ method, inStreams, outStreams, props });
    totalIn += inStreams;
    totalOut += outStreams;
  }
  const bindPairs = Array.from({ length: totalOut - 1 }, () => ({ inIndex: c.count(), outIndex: c.count() }));
  const numPacked = totalIn - bindPairs.length;
  if (numPacked < 1) throw new FormatError('7z folder has no packed stream');
  let packedStreams: number[];
  if (numPacked === 1) {
    const bound = new Set(bindPairs.map((b) => b.inIndex));
    packedStreams = [Array.from({ length: totalIn }, (_, i) => i).find((i) => !bound.has(i)) ?? 0];
  } else packedStreams = Array.from({ length: numPacked }, () => c.count());
  return { coders, bindPairs, packedStreams, unpackSizes: [] };
}

/** The folder's final output: the one out stream no bind pair consumes. */
function folderSize(folder: Folder): number {
  const bound = new Set(folder.bindPairs.map((b) => b.outIndex));
  for (let i = folder.unpackSizes.length - 1; i >= 0; i--) if (!bound.has(i)) return folder.unpackSizes[i]!;
  throw new FormatError('7z folder has no final output');
}

function readStreamsInfo(c: Cursor7z): StreamsInfo {
  const info: StreamsInfo = { packPos: 0, packSizes: [], folders: [], substreams: [] };
  for (let id = c.u8(); id !== K.end; id = c.u8()) {
    if (id === K.packInfo) {
      info.packPos = c.num();
      const n = c.count();
      for (let p = c.u8(); p !== K.end; p = c.u8()) {
        if (p === K.size) info.packSizes = Array.from({ length: n }, () => c.num());
        else if (p === K.crc) readDigests(c, n);
        else throw new FormatError(`7z pack info: unexpected property ${p}`);
      }
    } else if (id === K.unpackInfo) {
      c.expect(K.folder);
      const n = c.count();
      if (c.u8() !== 0) throw new FormatError('7z external folders are not supported');
      info.folders = Array.from({ length: n }, () => readFolder(c));
      c.expect(K.codersUnpackSize);
      for (const f of info.folders) {
        const outs = f.coders.reduce((s, k) => s + k.outStreams, 0);
        f.unpackSizes = Array.from({ length: outs }, () => c.num());
      }
      for (let p = c.u8(); p !== K.end; p = c.u8()) {
        if (p !== K.crc) throw new FormatError(`7z coders info: unexpected property ${p}`);
        readDigests(c, n).forEach((d, i) => {
          if (d !== undefined) info.folders[i]!.crc = d;
        });
      }
      info.substreams = info.folders.map((f) => [folderSize(f)]);
    } else if (id === K.subStreamsInfo) {
      let counts = info.folders.map(() => 1);
      let p = c.u8();
      if (p === K.numUnpackStream) {
        counts = info.folders.map(() => c.count());
        p = c.u8();
      }
      info.substreams = info.folders.map((f, i) => {
        const n = counts[i]!;
        const total = folderSize(f);
        if (n === 0) return [];
        const sizes: number[] = [];
        let sum = 0;
        if (p === K.size) {
          for (let k = 0; k < n - 1; k++) {
            const s = c.num();
            sizes.push(s);
            sum += s;
          }
        }
        if (sum > total) throw new FormatError('7z substreams larger than their folder');
        sizes.push(total - sum);
        return sizes;
      });
      if (p === K.size) p = c.u8();
      while (p !== K.end) {
        if (p !== K.crc) throw new FormatError(`7z substreams: unexpected property ${p}`);
        const unknown = info.substreams.reduce((s, sub, i) => s + (sub.length === 1 && info.folders[i]!.crc !== undefined ? 0 : sub.length), 0);
        readDigests(c, unknown);
        p = c.u8();
      }
    } else throw new FormatError(`7z streams info: unexpected property ${id}`);
  }
  return info;
}

/** Decodes folder 0 of an encoded header: Copy or LZMA, the methods 7-Zip writes headers with. */
async function decodeHeader(reader: Reader, info: StreamsInfo): Promise<Uint8Array | 'encrypted'> {
  const folder = info.folders[0];
  if (!folder || info.folders.length !== 1) throw new FormatError('7z encoded header without one folder');
  if (folder.coders.some((k) => k.method === METHOD_AES)) return 'encrypted';
  if (folder.coders.length !== 1) throw new FormatError('7z header packed with a filter chain is not supported');
  const coder = folder.coders[0]!;
  const packSize = info.packSizes[0] ?? 0;
  const size = folderSize(folder);
  if (packSize > LIMITS.maxCentralDirectoryBytes || size > LIMITS.maxCentralDirectoryBytes) {
    throw new CheckLimitError('maxCentralDirectoryBytes', 'the 7z header is too large');
  }
  const packed = await reader.readExact(safe(SIGNATURE_HEADER + info.packPos, '7z header'), packSize, '7z header');
  let out: Uint8Array;
  if (coder.method === METHOD_COPY) out = packed;
  else if (coder.method === METHOD_LZMA) {
    if (coder.props.length !== 5) throw new FormatError('7z LZMA properties are malformed');
    // lzma1 reads the .lzma ("LZMA alone") layout: 5 property bytes, the 64-bit unpacked size, the stream.
    const sizeBytes = new Uint8Array(8);
    new DataView(sizeBytes.buffer).setBigUint64(0, BigInt(size), true);
    try {
      out = lzmaDecompress(concatBytes([coder.props, sizeBytes, packed]));
    } catch (e) {
      throw new FormatError(`7z header cannot be decompressed (${e instanceof Error ? e.message : String(e)})`);
    }
  } else throw new FormatError(`7z header packed with method ${coder.method} is not supported`);
  if (out.length !== size) throw new FormatError('7z header decompressed to the wrong size');
  if (folder.crc !== undefined && crc32(out) !== folder.crc) throw new FormatError('7z header checksum mismatch (damaged archive)');
  return out;
}

/** Lists a 7z archive; FormatError when the signature, a header or its checksum is wrong. */
export async function read7zDirectory(reader: Reader): Promise<ArchiveListing> {
  const listing: ArchiveListing = { format: '7z', members: [], solid: false, headersEncrypted: false, multiVolume: false };
  const start = await reader.readExact(0, SIGNATURE_HEADER, '7z signature header');
  if (!SEVEN_ZIP_SIG.every((b, i) => start[i] === b)) throw new FormatError('not a 7z archive');
  const s = new Cursor7z(start, 8, '7z signature header');
  const startCrc = s.u32();
  if (crc32(start, 12, 32) !== startCrc) throw new FormatError('7z start header checksum mismatch (damaged or cut off)');
  const nextOffset = s.u64();
  const nextSize = s.u64();
  const nextCrc = s.u32();
  if (nextSize === 0) return listing;
  if (nextSize > LIMITS.maxCentralDirectoryBytes) throw new CheckLimitError('maxCentralDirectoryBytes', 'the 7z header is too large');
  const headerPos = safe(SIGNATURE_HEADER + nextOffset, '7z header');
  if (headerPos + nextSize > reader.size) throw new FormatError('7z header is cut off at the end of the file (archive incomplete)');
  let header = await reader.readExact(headerPos, nextSize, '7z header');
  if (crc32(header) !== nextCrc) throw new FormatError('7z header checksum mismatch (damaged archive)');

  for (let round = 0; header[0] === K.encodedHeader; round++) {
    if (round > 3) throw new FormatError('7z header encoded too many times');
    const c = new Cursor7z(header, 1, '7z encoded header');
    const decoded = await decodeHeader(reader, readStreamsInfo(c));
    if (decoded === 'encrypted') {
      listing.headersEncrypted = true;
      return listing;
    }
    header = decoded;
  }
  const c = new Cursor7z(header, 0, '7z header');
  c.expect(K.header);
  let main: StreamsInfo = { packPos: 0, packSizes: [], folders: [], substreams: [] };
  let names: string[] = [];
  let emptyStream: boolean[] = [];
  let emptyFile: boolean[] = [];
  let attributes: Array<number | undefined> = [];
  let numFiles = 0;
  for (let id = c.u8(); id !== K.end; id = c.u8()) {
    if (id === K.archiveProperties) {
      for (let p = c.u8(); p !== K.end; p = c.u8()) c.skip(c.num());
    } else if (id === K.additionalStreams) readStreamsInfo(c);
    else if (id === K.mainStreams) main = readStreamsInfo(c);
    else if (id === K.filesInfo) {
      numFiles = c.count();
      for (let p = c.u8(); p !== K.end; p = c.u8()) {
        const size = c.num();
        const body = new Cursor7z(c.take(size), 0, '7z file property');
        if (p === K.emptyStream) emptyStream = body.bits(numFiles);
        else if (p === K.emptyFile) emptyFile = body.bits(emptyStream.filter(Boolean).length);
        else if (p === K.name) {
          if (body.u8() !== 0) throw new FormatError('7z external names are not supported');
          names = new TextDecoder('utf-16le').decode(body.take(body.left)).split('\0').slice(0, numFiles);
        } else if (p === K.winAttributes) {
          const defined = body.defined(numFiles);
          if (body.u8() !== 0) throw new FormatError('7z external attributes are not supported');
          attributes = defined.map((d) => (d ? body.u32() : undefined));
        }
      }
    } else throw new FormatError(`7z header: unexpected property ${id}`);
  }

  // Where each folder's packed bytes start, and whether its files lie there unchanged.
  const packStarts: number[] = [];
  let packAt = SIGNATURE_HEADER + main.packPos;
  for (const size of main.packSizes) {
    packStarts.push(packAt);
    packAt = safe(packAt + size, '7z pack stream');
  }
  if (packAt > reader.size) throw new FormatError('7z packed data is cut off at the end of the file (archive incomplete)');
  let packIndex = 0;
  const folderInfo = main.folders.map((f) => {
    const first = packIndex;
    packIndex += f.packedStreams.length;
    return {
      start: packStarts[first] ?? 0,
      packSize: f.packedStreams.reduce((sum, _, k) => sum + (main.packSizes[first + k] ?? 0), 0),
      copy: f.coders.length === 1 && f.coders[0]!.method === METHOD_COPY,
      encrypted: f.coders.some((k) => k.method === METHOD_AES),
    };
  });
  listing.solid = main.substreams.some((s) => s.length > 1);

  let folder = 0;
  let sub = 0;
  let within = 0;
  let emptyIndex = 0;
  for (let i = 0; i < numFiles; i++) {
    const name = normaliseMemberName(names[i] ?? `file${i + 1}`);
    if (emptyStream[i]) {
      const isFile = emptyFile[emptyIndex++] ?? false;
      const dirAttr = ((attributes[i] ?? 0) & 0x10) !== 0;
      addMember(listing, { name, size: 0, packedSize: 0, isDirectory: !isFile || dirAttr, encrypted: false });
      continue;
    }
    while (folder < main.substreams.length && sub >= main.substreams[folder]!.length) {
      folder++;
      sub = 0;
      within = 0;
    }
    const sizes = main.substreams[folder];
    if (!sizes) throw new FormatError('7z lists more files than its streams hold');
    const size = sizes[sub]!;
    const f = folderInfo[folder]!;
    addMember(listing, {
      name,
      size,
      packedSize: sizes.length === 1 ? f.packSize : 0,
      isDirectory: false,
      encrypted: f.encrypted,
      ...(f.copy ? { stored: { offset: f.start + within, size } } : {}),
    });
    within += size;
    sub++;
  }
  return listing;
}
