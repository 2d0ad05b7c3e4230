import { LIMITS, type LimitName } from './limits';

/**
 * What the engine reads: a `Blob`/`File`, or anything that slices lazily the same way (a file-backed Blob from
 * `fs.openAsBlob`, a sparse test file, a wrapper that counts bytes). Only `size` and `slice().arrayBuffer()` are
 * used, so a 5 GB file is never loaded: every check reads the few ranges it needs.
 */
export interface ByteSource {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * `size` bytes of `source` from `offset` on, as a source of its own: an archive member stored unchanged (RAR,
 * 7z and ZIP "store") is checked in place, with no copy and no extraction.
 */
export function rangeOf<S extends ByteSource>(source: S, offset: number, size: number): ByteSource {
  const length = Math.max(0, Math.min(size, source.size - offset));
  return {
    size: length,
    slice: (start = 0, end = length) => {
      const s = Math.max(0, Math.min(start, length));
      const e = Math.max(s, Math.min(end, length));
      return source.slice(offset + s, offset + e);
    },
  };
}

/** Thrown inside a check when its time bound has passed; the engine turns it into an `unreadable` finding. */
export class CheckTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`check did not finish within ${ms} ms`);
    this.name = 'CheckTimeoutError';
  }
}

/** Thrown when the caller's AbortSignal fires. */
export class CheckAbortedError extends Error {
  constructor() {
    super('check aborted');
    this.name = 'CheckAbortedError';
  }
}

/**
 * A structure past one of the caps in lib/checks/limits.ts (too many boxes, an entry inflating past its cap, more
 * bytes to read than one check may read). The check stops there; the engine turns it into an `unreadable`
 * finding naming the cap, so the bound holds by construction and the teacher learns why.
 */
export class CheckLimitError extends Error {
  constructor(
    /** Which cap. */
    readonly limit: LimitName,
    /** A short English description of what went past it. */
    readonly what: string,
  ) {
    super(`${what} (limit ${limit})`);
    this.name = 'CheckLimitError';
  }
}

/** A problem with the bytes themselves (truncated, malformed); carries a short English reason for the finding. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

export interface ReadLimits {
  /** Epoch ms after which any further read throws CheckTimeoutError. */
  deadline: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Total bytes this reader may return over its life; past it a read throws CheckLimitError. */
  maxBytesRead?: number;
  /** Called after every read with the running total: the worker turns it into progress messages. */
  onRead?: (bytesRead: number) => void;
}

/**
 * Bounded, counted reads over a ByteSource. Every read checks the deadline and the abort signal first, so work
 * abandoned by a timeout stops at its next read instead of running on in the background.
 */
export class Reader {
  bytesRead = 0;
  reads = 0;

  constructor(
    readonly source: ByteSource,
    readonly limits: ReadLimits,
  ) {}

  get size(): number {
    return this.source.size;
  }

  checkpoint(): void {
    if (this.limits.signal?.aborted) throw new CheckAbortedError();
    if (Date.now() > this.limits.deadline) throw new CheckTimeoutError(this.limits.timeoutMs);
  }

  /** Reads up to `length` bytes at `offset`; fewer at the end of the file, none past it. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    this.checkpoint();
    const start = Math.max(0, Math.min(offset, this.size));
    const end = Math.max(start, Math.min(offset + length, this.size));
    if (end === start) return new Uint8Array(0);
    const max = this.limits.maxBytesRead ?? LIMITS.maxBytesRead;
    if (this.bytesRead + (end - start) > max) {
      throw new CheckLimitError('maxBytesRead', `the check would read more than ${Math.round(max / 1024 / 1024)} MB`);
    }
    const buffer = await this.source.slice(start, end).arrayBuffer();
    this.bytesRead += buffer.byteLength;
    this.reads++;
    this.limits.onRead?.(this.bytesRead);
    this.checkpoint();
    return new Uint8Array(buffer);
  }

  /** Like `read` but the whole range must exist. */
  async readExact(offset: number, length: number, what: string): Promise<Uint8Array> {
    const bytes = await this.read(offset, length);
    if (bytes.length < length) throw new FormatError(`${what} is cut off at the end of the file`);
    return bytes;
  }
}

export function u16le(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8)) >>> 0;
}

export function u32le(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** 64-bit little-endian as a JS number; values past 2^53 come back as Infinity so callers reject them. */
export function u64le(b: Uint8Array, o: number): number {
  const lo = u32le(b, o);
  const hi = u32le(b, o + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
}

export function u16be(b: Uint8Array, o: number): number {
  return ((b[o]! << 8) | b[o + 1]!) >>> 0;
}

export function u32be(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

export function u64be(b: Uint8Array, o: number): number {
  const hi = u32be(b, o);
  const lo = u32be(b, o + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
}

export function ascii(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = o; i < o + n && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export function startsWith(b: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (b.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

/** Index of `needle` in `hay` (latin1 bytes), searching from the end; -1 when absent. */
export function lastIndexOfAscii(hay: Uint8Array, needle: string, from = hay.length - needle.length): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = Math.min(from, hay.length - needle.length); i >= 0; i--) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function indexOfAscii(hay: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  const last = hay.length - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Joins byte arrays into one. */
export function concatBytes(parts: readonly ArrayLike<number>[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
