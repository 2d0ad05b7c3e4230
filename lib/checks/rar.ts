/**
 * RAR directories, read from the block headers alone (RARLAB's "RAR 5.0 archive format" and the RAR 2.9–4.x
 * technote, technote.txt of unrar 3.x/4.x): every header is a few tens of bytes and says how long the data after
 * it is, so the walk reads the headers and jumps over the data — a 4 GB archive costs a few kilobytes per file.
 * Nothing is decompressed; a stored member's bytes are located so checks can read them in place.
 */
import { addMember, type ArchiveListing, crc32, HeaderCursor, normaliseMemberName, safe } from './archive';
import type { Reader } from './source';
import { FormatError } from './source';
import { decodeZipName } from './zip';

const RAR4_SIG = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
const RAR5_SIG = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
/** RAR5: "Header size … Must not exceed 2 MB" (header CRC32 excluded). */
const RAR5_MAX_HEADER = 2 * 1024 * 1024;
/** Bytes read ahead for one header; longer headers (long names, many extras) get a second read. */
const HEADER_PEEK = 512;

/** Which RAR generation a file's signature names; null when it is not RAR. */
export function rarVersion(head: Uint8Array): 'rar4' | 'rar5' | null {
  const at = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (at(RAR5_SIG)) return 'rar5';
  if (at(RAR4_SIG)) return 'rar4';
  return null;
}

/** Lists a RAR4 or RAR5 archive; FormatError when the signature, a header or its checksum is wrong. */
export async function readRarDirectory(reader: Reader): Promise<ArchiveListing> {
  const head = await reader.read(0, 8);
  const version = rarVersion(head);
  if (version === 'rar5') return readRar5(reader);
  if (version === 'rar4') return readRar4(reader);
  throw new FormatError('not a RAR archive (RAR 1.x archives are not supported)');
}

// ---------------------------------------------------------------------------------------------------------------
// RAR5

/** RAR5 variable-length integer: 7 bits a byte, low first, high bit set on all but the last (≤ 10 bytes). */
function vint(c: HeaderCursor): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = c.u8();
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return safe(value, c.what);
    scale *= 128;
  }
  throw new FormatError(`${c.what} has a malformed number`);
}

const RAR5_MAIN = 1;
const RAR5_FILE = 2;
const RAR5_CRYPT = 4;
const RAR5_END = 5;

async function readRar5(reader: Reader): Promise<ArchiveListing> {
  const listing: ArchiveListing = { format: 'rar5', members: [], solid: false, headersEncrypted: false, multiVolume: false };
  let pos = RAR5_SIG.length;
  let main = false;
  while (pos < reader.size) {
    let bytes = await reader.read(pos, HEADER_PEEK);
    const sizeField = new HeaderCursor(bytes, 4, 'RAR header');
    const headerSize = vint(sizeField);
    if (headerSize === 0 || headerSize > RAR5_MAX_HEADER) throw new FormatError('RAR header size is out of range');
    const total = sizeField.pos + headerSize;
    if (total > bytes.length) bytes = await reader.readExact(pos, total, 'RAR header');
    bytes = bytes.subarray(0, total);
    if (bytes.length < total) throw new FormatError('RAR header is cut off');
    if (crc32(bytes, 4, total) !== new HeaderCursor(bytes, 0).u32()) throw new FormatError('RAR header checksum mismatch (damaged archive)');

    const c = new HeaderCursor(bytes, sizeField.pos, 'RAR header');
    const type = vint(c);
    const flags = vint(c);
    const extraSize = flags & 0x0001 ? vint(c) : 0;
    const dataSize = flags & 0x0002 ? vint(c) : 0;
    if (extraSize > total - c.pos) throw new FormatError('RAR extra area larger than its header');
    const extraStart = total - extraSize;
    const dataStart = pos + total;
    const next = safe(dataStart + dataSize, 'RAR block');

    if (!main && type !== RAR5_MAIN && type !== RAR5_CRYPT) throw new FormatError('RAR archive header missing');
    if (type === RAR5_MAIN) {
      main = true;
      const archiveFlags = vint(c);
      listing.multiVolume = (archiveFlags & 0x0001) !== 0;
      listing.solid = (archiveFlags & 0x0004) !== 0;
    } else if (type === RAR5_FILE) {
      const fileFlags = vint(c);
      const unpackedSize = vint(c);
      vint(c); // attributes
      if (fileFlags & 0x0002) c.skip(4); // mtime
      if (fileFlags & 0x0004) c.skip(4); // data CRC32
      const compression = vint(c);
      vint(c); // host OS
      const nameLength = vint(c);
      if (c.pos + nameLength > extraStart) throw new FormatError('RAR file name runs into the extra area');
      const name = normaliseMemberName(new TextDecoder('utf-8').decode(c.take(nameLength)));
      const encrypted = hasRar5Record(bytes, extraStart, total, 0x01);
      const split = (flags & 0x0008) !== 0 || (flags & 0x0010) !== 0;
      const isDirectory = (fileFlags & 0x0001) !== 0;
      const method = (compression >> 7) & 0x07;
      if (next > reader.size) throw new FormatError(`${name} is cut off at the end of the archive`);
      // Size unknown (flag 0x0008) only happens for streams written to stdout; the packed size is the best bound.
      const size = fileFlags & 0x0008 ? dataSize : unpackedSize;
      addMember(listing, {
        name,
        size,
        packedSize: dataSize,
        isDirectory,
        encrypted,
        ...(method === 0 && !encrypted && !split && !isDirectory ? { stored: { offset: dataStart, size: dataSize } } : {}),
      });
      if (compression & 0x0040) listing.solid = true;
    } else if (type === RAR5_CRYPT) {
      listing.headersEncrypted = true;
      break;
    } else if (type === RAR5_END) {
      break;
    }
    // Service headers (comments, recovery records, NTFS streams) and unknown types are skipped by their sizes.
    pos = next;
    reader.checkpoint();
  }
  if (!main && !listing.headersEncrypted) throw new FormatError('RAR archive header missing (file cut off?)');
  return listing;
}

/** Whether a RAR5 extra area holds a record of `type` (0x01: file encryption). */
function hasRar5Record(bytes: Uint8Array, start: number, end: number, type: number): boolean {
  const c = new HeaderCursor(bytes.subarray(0, end), start, 'RAR extra record');
  while (c.pos < end) {
    const size = vint(c);
    const recordStart = c.pos;
    if (size === 0 || recordStart + size > end) throw new FormatError('RAR extra record is cut off');
    if (vint(c) === type) return true;
    c.pos = recordStart + size;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// RAR 2.9–4.x

const RAR4_MAIN = 0x73;
const RAR4_FILE = 0x74;
const RAR4_END = 0x7b;
const LONG_BLOCK = 0x8000;

async function readRar4(reader: Reader): Promise<ArchiveListing> {
  const listing: ArchiveListing = { format: 'rar4', members: [], solid: false, headersEncrypted: false, multiVolume: false };
  let pos = RAR4_SIG.length;
  let main = false;
  while (pos < reader.size) {
    let bytes = await reader.read(pos, HEADER_PEEK);
    const base = new HeaderCursor(bytes, 0, 'RAR header');
    const headCrc = base.u16();
    const type = base.u8();
    const flags = base.u16();
    const headSize = base.u16();
    if (headSize < 7) throw new FormatError('RAR header size is out of range');
    if (headSize > bytes.length) bytes = await reader.readExact(pos, headSize, 'RAR header');
    bytes = bytes.subarray(0, headSize);
    if (bytes.length < headSize) throw new FormatError('RAR header is cut off');
    if ((crc32(bytes, 2, headSize) & 0xffff) !== headCrc) throw new FormatError('RAR header checksum mismatch (damaged archive)');
    if (type < 0x72 || type > 0x7b) throw new FormatError(`unknown RAR block type 0x${type.toString(16)}`);
    const c = new HeaderCursor(bytes, 7, 'RAR header');
    const addSize = flags & LONG_BLOCK || type === RAR4_FILE ? c.u32() : 0;

    if (!main && type !== RAR4_MAIN) throw new FormatError('RAR archive header missing');
    if (type === RAR4_MAIN) {
      main = true;
      listing.multiVolume = (flags & 0x0001) !== 0;
      listing.solid = (flags & 0x0008) !== 0;
      if (flags & 0x0080) {
        listing.headersEncrypted = true;
        break;
      }
    } else if (type === RAR4_FILE) {
      const lowUnpacked = c.u32();
      c.skip(1 + 4 + 4 + 1); // host OS, file CRC, time, version needed
      const method = c.u8();
      const nameSize = c.u16();
      c.skip(4); // attributes
      const highPacked = flags & 0x0100 ? c.u32() : 0;
      const highUnpacked = flags & 0x0100 ? c.u32() : 0;
      const packedSize = safe(highPacked * 0x100000000 + addSize, 'RAR file');
      const size = safe(highUnpacked * 0x100000000 + lowUnpacked, 'RAR file');
      const name = normaliseMemberName(rar4Name(c.take(nameSize), (flags & 0x0200) !== 0));
      const encrypted = (flags & 0x0004) !== 0;
      const split = (flags & 0x0003) !== 0;
      const isDirectory = (flags & 0x00e0) === 0x00e0;
      const dataStart = pos + headSize;
      const next = safe(dataStart + packedSize, 'RAR block');
      if (next > reader.size) throw new FormatError(`${name} is cut off at the end of the archive`);
      addMember(listing, {
        name,
        size,
        packedSize,
        isDirectory,
        encrypted,
        ...(method === 0x30 && !encrypted && !split && !isDirectory ? { stored: { offset: dataStart, size: packedSize } } : {}),
      });
      if (flags & 0x0010) listing.solid = true;
    } else if (type === RAR4_END) {
      break;
    }
    pos = safe(pos + headSize + addSize, 'RAR block');
    reader.checkpoint();
  }
  if (!main && !listing.headersEncrypted) throw new FormatError('RAR archive header missing (file cut off?)');
  return listing;
}

/**
 * A RAR4 name: with flag 0x200 an OEM name, a zero byte and RAR's compact Unicode encoding of the same name (or,
 * without the zero byte, UTF-8); without it the OEM code page of the packing PC — GBK on a Chinese Windows.
 */
export function rar4Name(bytes: Uint8Array, unicode: boolean): string {
  if (!unicode) return decodeZipName(bytes, false);
  const zero = bytes.indexOf(0);
  if (zero < 0) return new TextDecoder('utf-8').decode(bytes);
  return decodeRarUnicode(bytes.subarray(0, zero), bytes.subarray(zero + 1));
}

/** unrar's DecodeFileName (encname.cpp): UTF-16 units built from the OEM name and a stream of 2-bit opcodes. */
function decodeRarUnicode(oem: Uint8Array, enc: Uint8Array): string {
  const out: number[] = [];
  const max = 1024;
  let p = 0;
  if (enc.length === 0) return decodeZipName(oem, false);
  const high = enc[p++]!;
  let flags = 0;
  let bits = 0;
  while (p < enc.length && out.length < max) {
    if (bits === 0) {
      flags = enc[p++]!;
      bits = 8;
    }
    switch (flags >> 6) {
      case 0:
        out.push(enc[p++] ?? 0);
        break;
      case 1:
        out.push((enc[p++] ?? 0) + (high << 8));
        break;
      case 2:
        out.push((enc[p] ?? 0) + ((enc[p + 1] ?? 0) << 8));
        p += 2;
        break;
      default: {
        let length = enc[p++] ?? 0;
        if (length & 0x80) {
          const correction = enc[p++] ?? 0;
          for (length = (length & 0x7f) + 2; length > 0 && out.length < max; length--) {
            out.push((((oem[out.length] ?? 0) + correction) & 0xff) + (high << 8));
          }
        } else {
          for (length += 2; length > 0 && out.length < max; length--) out.push(oem[out.length] ?? 0);
        }
      }
    }
    flags = (flags << 2) & 0xff;
    bits -= 2;
  }
  let s = '';
  for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode(...out.slice(i, i + 4096));
  return s.replace(/\0+$/, '');
}
