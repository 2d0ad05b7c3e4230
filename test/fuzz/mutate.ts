/**
 * Seeded, reproducible mutation: input i of run `seed` is always the same bytes (a small PRNG, no Math.random).
 * Mutations aim at what parsers trust: box and record sizes, entry counts, signatures, lengths, plus plain byte
 * damage, truncation and repetition of a slice (which grows counts and nesting).
 */
import type { FuzzInput } from './seeds';

/** mulberry32: a 32-bit PRNG, good enough to spread mutations and exactly reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG of input `index` in run `seed`: independent of every other input, so any one can be replayed. */
export function inputRng(seed: number, index: number): () => number {
  return prng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

const INTERESTING_32 = [0, 1, 7, 8, 9, 16, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
/** Names whose 4 bytes before (box size) or 4–8 after (full-box counts) a parser reads as a number. */
const HOT_NAMES = ['ftyp', 'moov', 'mvhd', 'trak', 'tkhd', 'mdia', 'mdhd', 'hdlr', 'minf', 'stbl', 'stsd', 'stts', 'stsz', 'stco', 'co64', 'avc1', 'avcC', 'mp4a', 'esds', 'mdat', 'moof', 'traf', 'tfhd', 'tfdt', 'trun', 'mvex', 'trex', 'mehd', 'PK\x01\x02', 'PK\x03\x04', 'PK\x05\x06', 'PK\x06\x06', 'PK\x06\x07', ' obj', '/Count', 'IHDR', 'w:t>', 'w:p>'];
const MAX_GROWN = 2 * 1024 * 1024;

function hotSpots(bytes: Uint8Array): number[] {
  const spots: number[] = [];
  const limit = Math.min(bytes.length, 512 * 1024);
  for (const name of HOT_NAMES) {
    const first = name.charCodeAt(0);
    for (let i = 0; i + name.length <= limit && spots.length < 4096; i++) {
      if (bytes[i] !== first) continue;
      let j = 1;
      while (j < name.length && bytes[i + j] === name.charCodeAt(j)) j++;
      if (j === name.length) spots.push(i);
    }
  }
  return spots;
}

function write32(bytes: Uint8Array, at: number, value: number, littleEndian: boolean): void {
  if (at < 0 || at + 4 > bytes.length) return;
  for (let k = 0; k < 4; k++) bytes[at + (littleEndian ? k : 3 - k)] = (value >>> (8 * k)) & 0xff;
}

export type MutationKind = 'flip' | 'set32' | 'truncate' | 'repeat' | 'insert' | 'splice';

/** Applies 1–4 mutations chosen by `rng` to a copy of `seed`. */
export function mutate(seed: FuzzInput, rng: () => number): FuzzInput & { mutations: MutationKind[] } {
  let bytes = seed.bytes.slice();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const pos = (n: number) => Math.floor(rng() * Math.max(1, n));
  const spots = hotSpots(bytes);
  const mutations: MutationKind[] = [];
  const count = 1 + Math.floor(rng() * 4);
  for (let m = 0; m < count; m++) {
    const kind = pick<MutationKind>(['flip', 'set32', 'set32', 'set32', 'truncate', 'repeat', 'insert', 'splice']);
    mutations.push(kind);
    if (bytes.length === 0) break;
    switch (kind) {
      case 'flip':
        for (let k = 1 + pos(16); k > 0; k--) bytes[pos(bytes.length)] = Math.floor(rng() * 256);
        break;
      case 'set32': {
        const base = spots.length > 0 && rng() < 0.8 ? pick(spots) : pos(bytes.length);
        // Before the name (a box size), or a field after it (version/flags, counts, ZIP sizes).
        const at = base + pick([-4, 4, 8, 12, 16, 20, 24, 28, 32]);
        write32(bytes, at, rng() < 0.7 ? pick(INTERESTING_32) : (rng() * 2 ** 32) >>> 0, rng() < 0.4);
        break;
      }
      case 'truncate':
        bytes = bytes.subarray(0, pos(bytes.length));
        break;
      case 'repeat': {
        // A slice repeated many times: more boxes, deeper nesting, longer counts (the input grows to ≤ 2 MiB).
        const start = pos(bytes.length);
        const len = 1 + pos(Math.min(256, bytes.length - start));
        const room = Math.max(0, MAX_GROWN - bytes.length);
        const times = Math.min(1 + pos(Math.floor(MAX_GROWN / len / 2)), Math.floor(room / len));
        const slice = bytes.subarray(start, start + len);
        const out = new Uint8Array(bytes.length + times * len);
        out.set(bytes.subarray(0, start + len));
        let o = start + len;
        for (let t = 0; t < times; t++, o += len) out.set(slice, o);
        out.set(bytes.subarray(start + len), o);
        bytes = out;
        break;
      }
      case 'insert': {
        const at = pos(bytes.length);
        const junk = new Uint8Array(1 + pos(64)).map(() => Math.floor(rng() * 256));
        const out = new Uint8Array(bytes.length + junk.length);
        out.set(bytes.subarray(0, at));
        out.set(junk, at);
        out.set(bytes.subarray(at), at + junk.length);
        bytes = out;
        break;
      }
      case 'splice': {
        // Copy one region over another: moves a header into the middle of a payload.
        const from = pos(bytes.length);
        const to = pos(bytes.length);
        const len = Math.min(1 + pos(64), bytes.length - from, bytes.length - to);
        bytes.copyWithin(to, from, from + len);
        break;
      }
    }
  }
  return { name: seed.name, bytes, origin: `${seed.origin}+${mutations.join(',')}`, mutations };
}
