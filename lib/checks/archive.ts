/**
 * One listing shape for every archive a teacher or a district hands in (ZIP, RAR4, RAR5, 7z), read from the
 * archive's own directory: names, sizes, folders, encryption, and where a member's bytes lie unchanged so that a
 * check can read them in place (a stored MP4's header, a stored DOCX) without extracting anything.
 */
import { LIMITS } from './limits';
import type { ArchiveInfo } from './report';
import { CheckLimitError, FormatError } from './source';
import { isJunkPath, type ZipDirectory } from './zip';

/** Which archive format a listing came from. */
export type ArchiveFormat = NonNullable<ArchiveInfo['format']>;

/** One file or folder of an archive. */
export interface ArchiveMember {
  /** `/`-separated path inside the archive. */
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** Bytes the member takes in the archive. */
  packedSize: number;
  isDirectory: boolean;
  encrypted: boolean;
  /**
   * Where the member's bytes lie unchanged in the archive (stored, not encrypted, not split across volumes): a
   * check reads them in place. Absent when they would have to be decompressed.
   */
  stored?: { offset: number; size: number };
}

/** An archive's directory. */
export interface ArchiveListing {
  format: ArchiveFormat;
  members: ArchiveMember[];
  /** Solid archives compress files as one stream: a member's bytes need everything before it decompressed. */
  solid: boolean;
  /** The headers themselves are encrypted: not even the names can be read without the password. */
  headersEncrypted: boolean;
  /** One volume of a multi-volume set: members may continue in the other volumes. */
  multiVolume: boolean;
}

/** Pushes a member, bounded like the ZIP directory: a teacher's archive holds tens of files. */
export function addMember(listing: ArchiveListing, member: ArchiveMember): void {
  if (listing.members.length >= LIMITS.maxZipEntries) throw new CheckLimitError('maxZipEntries', 'the archive lists too many entries');
  listing.members.push(member);
}

/** Archive paths use `/`; RAR4 written on Windows uses `\`. Leading `./` and `/` are dropped. */
export function normaliseMemberName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, as ZIP, RAR and 7z use it) of `bytes`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A reader over one in-memory header: every read is bounds-checked and throws FormatError past the end. */
export class HeaderCursor {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    /** What the header is, for the error message. */
    readonly what = 'header',
  ) {}

  get left(): number {
    return this.bytes.length - this.pos;
  }

  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length) throw new FormatError(`${this.what} is cut off`);
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  u16(): number {
    this.need(2);
    const v = this.bytes[this.pos]! | (this.bytes[this.pos + 1]! << 8);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const b = this.bytes;
    const v = (b[this.pos]! | (b[this.pos + 1]! << 8) | (b[this.pos + 2]! << 16) | (b[this.pos + 3]! << 24)) >>> 0;
    this.pos += 4;
    return v;
  }

  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    return safe(hi * 0x100000000 + lo, this.what);
  }

  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

/** A size or offset past 2^53 cannot be a real file's: the header is damaged or hostile. */
export function safe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new FormatError(`${what} declares an impossible size`);
  return value;
}

/** A ZIP directory in the common shape; stored members are located by their local headers only when read. */
export function zipListing(dir: ZipDirectory): ArchiveListing {
  return {
    format: 'zip',
    members: dir.entries.map((e) => ({
      name: normaliseMemberName(e.name),
      size: e.uncompressedSize,
      packedSize: e.compressedSize,
      isDirectory: e.isDirectory,
      encrypted: e.encrypted,
    })),
    solid: false,
    headersEncrypted: false,
    multiVolume: false,
  };
}

/** Files a person would count in the archive: no folders, no system files (`__MACOSX/`, `.DS_Store`, …). */
export function countedMembers(listing: ArchiveListing): ArchiveMember[] {
  return listing.members.filter((m) => !m.isDirectory && !isJunkPath(m.name));
}
