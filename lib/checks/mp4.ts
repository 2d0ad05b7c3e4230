/**
 * MP4 / QuickTime headers, read without touching the media data.
 *
 * How mp4box is used, and why not more of it: `ISOFile.appendBuffer` is built for streaming — a truncated file
 * just asks for bytes past the end, a file without `ftyp` throws from inside it, `onError` misses most failures,
 * and on `moov` it builds one object per sample (`buildSampleLists`), so memory grows with the recording's length.
 * So the file is walked here, box header by box header, with `Blob.slice` (which also covers moov-at-end, 64-bit
 * sizes and files over 4 GB, and detects truncation exactly). `moov` is read whole, checked and *pruned* to the
 * boxes this check needs (mvhd, tkhd, mdhd, hdlr, stsd, stts, mehd, trex) — the per-sample tables (stsz, stco/co64,
 * stsc, stss, ctts…) are dropped, both because they are not needed and because mp4box expands a constant-size
 * `stsz` into one array slot per sample (tens of millions for PCM audio). Only that small, validated
 * `ftyp` + pruned `moov` is handed to mp4box (`ISOFile.parse`, never `appendBuffer`), which parses the boxes and
 * produces the codec strings. Fragment headers (`moof`) are outside `moov`; their few fields are read here.
 */
import { ISOFile, MP4BoxBuffer } from 'mp4box';
import { LIMITS } from './limits';
import { ascii, CheckLimitError, concatBytes, FormatError, type Reader, u32be, u64be } from './source';

export interface Mp4Facts {
  container: 'mp4' | 'mov';
  brand?: string;
  durationSec: number;
  width?: number;
  height?: number;
  /** Angle of the tkhd matrix, atan2(b, a), as 0/90/180/270; 90 and 270 swap width and height. */
  rotation: number;
  fps?: number;
  vfr?: boolean;
  /** Share of frames on the dominant frame interval (1 = perfectly constant). */
  cadenceShare?: number;
  videoCodec?: string;
  audioCodec?: string;
  fragmented: boolean;
  moovBytes: number;
}

export type Mp4FailureCode = 'video_no_moov' | 'video_truncated' | 'video_damaged' | 'video_no_track' | 'video_moov_too_large';

export type Mp4Outcome =
  | { ok: true; facts: Mp4Facts }
  | { ok: false; code: Mp4FailureCode; params: Record<string, string | number> };

const MAX_FTYP_BYTES = 4096;
/** Top-level headers are read through a window that grows while the boxes stay small (500k tiny boxes: ~70 reads). */
const FIRST_WINDOW = 4096;
const MAX_WINDOW = 64 * 1024;

/**
 * Constant frame rate rule: a video is CFR when at least 98 % of its frames last the dominant frame interval.
 * A few odd intervals — the first or last frame, joins between clips — leave a file CFR. An interval within one
 * tick (or 0.2 %) of the dominant one counts as the same, because muxers with a coarse timescale write
 * 29.97 fps in milliseconds as 33, 33, 34, 33, 33, 34…
 */
export const CFR_SHARE = 0.98;

interface TopBox {
  type: string;
  start: number;
  size: number;
  hdr: number;
}

function fail(code: Mp4FailureCode, params: Record<string, string | number> = {}): Mp4Outcome {
  return { ok: false, code, params };
}

const PRINTABLE_FOURCC = /^[\x20-\x7e]{4}$/;

/**
 * Reads the top-level boxes once, front to back. Bounded by construction: at most LIMITS.maxTopLevelBoxes boxes,
 * headers read through a window (a run of tiny boxes costs a few reads, not one each), each moof summarised into
 * per-track totals as it is met (memory does not grow with the number of fragments), moov and moof sizes capped.
 * Past a cap it throws CheckLimitError; the engine reports which cap.
 */
export async function readMp4(reader: Reader, containerHint: 'mp4' | 'mov'): Promise<Mp4Outcome> {
  const fileSize = reader.size;
  let ftypBytes: Uint8Array | undefined;
  let moov: TopBox | undefined;
  let moovBytes: Uint8Array | undefined;
  let parsed: MoovLike | undefined;
  const fragments = new FragmentAccumulator();
  let off = 0;
  let count = 0;
  let window: Uint8Array = new Uint8Array(0);
  let windowStart = 0;
  let windowSize = FIRST_WINDOW / 2;
  let lastSize = 0;

  /** Bytes [at, at + length) from the window when it holds them, else from the file. */
  const bytesAt = async (at: number, length: number, what: string): Promise<Uint8Array> => {
    if (at >= windowStart && at + length <= windowStart + window.length) return window.subarray(at - windowStart, at - windowStart + length);
    return reader.readExact(at, length, what);
  };

  /** Parses moov once (first needed by a moof, or at the end); failures become outcomes. */
  const parseMoov = async (): Promise<Mp4Outcome | undefined> => {
    if (parsed || !moov) return undefined;
    if (moov.size > LIMITS.maxMoovBytes) return fail('video_moov_too_large', { bytes: moov.size });
    moovBytes = await bytesAt(moov.start, moov.size, 'moov');
    let pruned: Uint8Array;
    try {
      pruned = pruneBox(moovBytes, 0, moov.hdr, moov.size, 'moov', 0);
    } catch (e) {
      if (e instanceof FormatError) return fail('video_damaged', { reason: e.message });
      throw e;
    }
    reader.checkpoint();
    try {
      parsed = parseWithMp4box(ftypBytes, pruned);
    } catch (e) {
      return fail('video_damaged', { reason: `moov cannot be parsed (${e instanceof Error ? e.message : String(e)})` });
    }
    if (!parsed?.mvhd) return fail('video_damaged', { reason: 'moov has no mvhd' });
    fragments.setDefaults(parsed);
    return undefined;
  };

  while (off < fileSize) {
    if (++count > LIMITS.maxTopLevelBoxes) throw new CheckLimitError('maxTopLevelBoxes', 'the file has too many top-level boxes');
    // Fewer than 8 bytes left cannot hold a box: stray padding after the last box.
    if (fileSize - off < 8) break;
    if (off < windowStart || off + 16 > windowStart + window.length) {
      // Small boxes come in runs (fragments; hostile files): read ahead, more the longer the run lasts. After a
      // big box (mdat), read just the next header: most files have a handful of boxes.
      const small = lastSize > 0 && lastSize < MAX_WINDOW;
      windowSize = small ? Math.min(MAX_WINDOW, windowSize * 2) : FIRST_WINDOW;
      window = await reader.read(off, small ? windowSize : 16);
      windowStart = off;
    }
    const h = window.subarray(off - windowStart);
    let size = u32be(h, 0);
    const type = ascii(h, 4, 4);
    let hdr = 8;
    if (!PRINTABLE_FOURCC.test(type)) {
      // Zero padding or junk after a complete movie is harmless; before the movie it means damage.
      if (moov) break;
      return fail('video_damaged', { reason: `no valid box at byte ${off}` });
    }
    if (size === 1) {
      if (h.length < 16) return fail('video_truncated', { expected: off + 16, actual: fileSize, box: type });
      size = u64be(h, 8);
      hdr = 16;
    } else if (size === 0) {
      size = fileSize - off;
    }
    if (!Number.isSafeInteger(size) || size < hdr) return fail('video_damaged', { reason: `box '${type}' has an invalid size` });
    if (off + size > fileSize) return fail('video_truncated', { expected: off + size, actual: fileSize, box: type });

    if (type === 'ftyp' && !ftypBytes) {
      if (size <= MAX_FTYP_BYTES) ftypBytes = (await bytesAt(off, size, 'ftyp')).slice();
    } else if (type === 'moov') {
      if (!moov) moov = { type, start: off, size, hdr };
    } else if (type === 'moof') {
      if (size > LIMITS.maxMoofBytes) throw new CheckLimitError('maxMoofBytes', 'a moof is too large');
      const failed = await parseMoov();
      if (failed) return failed;
      // Summarised at once into per-track totals, so a long fragmented recording never holds its moofs.
      const moofBytes = await bytesAt(off, size, 'moof');
      try {
        readMoof(moofBytes, fragments);
      } catch (e) {
        if (e instanceof FormatError) return fail('video_damaged', { reason: e.message });
        throw e;
      }
      reader.checkpoint();
    }
    lastSize = size;
    off += size;
  }

  if (!moov) return fail('video_no_moov');
  const failed = await parseMoov();
  if (failed) return failed;

  const brand = ftypBytes && ftypBytes.length >= 12 ? ascii(ftypBytes, 8, 4) : undefined;
  const container: 'mp4' | 'mov' = brand ? (brand === 'qt  ' ? 'mov' : 'mp4') : containerHint;
  return summarise(parsed!, fragments, { container, brand, moovBytes: moov.size });
}

/* ------------------------------------------------------------------------------------------------------------ */
/* moov pruning                                                                                                 */

const KEEP_CONTAINERS: Readonly<Record<string, ReadonlySet<string>>> = {
  moov: new Set(['trak', 'mvex']),
  trak: new Set(['mdia']),
  mdia: new Set(['minf']),
  minf: new Set(['stbl']),
  stbl: new Set(),
  mvex: new Set(),
};
const KEEP_LEAVES: Readonly<Record<string, ReadonlySet<string>>> = {
  moov: new Set(['mvhd']),
  trak: new Set(['tkhd']),
  mdia: new Set(['mdhd', 'hdlr']),
  minf: new Set(),
  stbl: new Set(['stsd', 'stts']),
  mvex: new Set(['mehd', 'trex']),
};
/** Smallest valid payload (after the 8-byte header) of each kept leaf, version 0; mp4box reads these blindly. */
const MIN_PAYLOAD: Readonly<Record<string, number>> = {
  mvhd: 100, tkhd: 84, mdhd: 24, hdlr: 24, stsd: 8, stts: 8, mehd: 8, trex: 24,
};
const MIN_PAYLOAD_V1: Readonly<Record<string, number>> = { mvhd: 112, tkhd: 96, mdhd: 36, mehd: 12 };

function boxHeader(type: string, payload: number): Uint8Array {
  const h = new Uint8Array(8);
  const size = payload + 8;
  h[0] = size >>> 24;
  h[1] = (size >>> 16) & 0xff;
  h[2] = (size >>> 8) & 0xff;
  h[3] = size & 0xff;
  for (let i = 0; i < 4; i++) h[4 + i] = type.charCodeAt(i);
  return h;
}

/** Copies a container box keeping only the children in the tables above; throws FormatError on bad nesting. */
function pruneBox(buf: Uint8Array, start: number, hdr: number, size: number, type: string, depth: number): Uint8Array {
  if (depth > 6) throw new FormatError('boxes nested too deep');
  const keepContainers = KEEP_CONTAINERS[type]!;
  const keepLeaves = KEEP_LEAVES[type]!;
  const end = start + size;
  const children: Uint8Array[] = [];
  let traks = 0;
  let p = start + hdr;
  while (p < end) {
    // QuickTime allows a 32-bit zero terminator at the end of a container.
    if (end - p < 8) break;
    let childSize = u32be(buf, p);
    const childType = ascii(buf, p + 4, 4);
    let childHdr = 8;
    if (childSize === 1) {
      if (end - p < 16) throw new FormatError(`box '${childType}' in '${type}' is cut off`);
      childSize = u64be(buf, p + 8);
      childHdr = 16;
    } else if (childSize === 0) {
      childSize = end - p;
    }
    if (!Number.isFinite(childSize) || childSize < childHdr || p + childSize > end) {
      throw new FormatError(`box '${childType}' overruns '${type}'`);
    }
    if (childType === 'trak' && type === 'moov' && ++traks > LIMITS.maxTracks) throw new CheckLimitError('maxTracks', 'the movie lists too many tracks');
    if (keepContainers.has(childType)) {
      children.push(pruneBox(buf, p, childHdr, childSize, childType, depth + 1));
    } else if (keepLeaves.has(childType)) {
      children.push(copyLeaf(buf, p, childHdr, childSize, childType));
    }
    p += childSize;
  }
  return concatBytes([boxHeader(type, children.reduce((n, c) => n + c.length, 0)), ...children]);
}

function copyLeaf(buf: Uint8Array, start: number, hdr: number, size: number, type: string): Uint8Array {
  const payload = buf.subarray(start + hdr, start + size);
  const version = payload[0] ?? 0;
  const min = (version === 1 ? MIN_PAYLOAD_V1[type] : undefined) ?? MIN_PAYLOAD[type] ?? 0;
  if (payload.length < min) throw new FormatError(`'${type}' is too short`);
  // Counts that promise more entries than the box holds would make mp4box loop billions of times.
  if (type === 'stts' && 8 + u32be(payload, 4) * 8 > payload.length) throw new FormatError(`'stts' entry count exceeds its box`);
  if (type === 'stsd' && 8 + u32be(payload, 4) * 8 > payload.length) throw new FormatError(`'stsd' entry count exceeds its box`);
  return concatBytes([boxHeader(type, payload.length), payload]);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* mp4box                                                                                                       */

/** The parts of mp4box's box objects this module reads; kept structural so a library update fails loudly here. */
interface SampleEntryLike {
  type: string;
  width?: number;
  height?: number;
  getCodec?: () => string;
}
interface TrakLike {
  tkhd?: { track_id: number; width: number; height: number; duration: number; matrix?: ArrayLike<number> };
  mdia?: {
    mdhd?: { timescale: number; duration: number };
    hdlr?: { handler: string };
    minf?: { stbl?: { stsd?: { entries?: SampleEntryLike[] }; stts?: { sample_counts: number[]; sample_deltas: number[] } } };
  };
}
interface MoovLike {
  mvhd?: { timescale: number; duration: number };
  traks?: TrakLike[];
  mvex?: { mehd?: { fragment_duration: number }; trexs?: Array<{ track_id: number; default_sample_duration: number }> };
}

function parseWithMp4box(ftyp: Uint8Array | undefined, moov: Uint8Array): MoovLike | undefined {
  const bytes = ftyp ? concatBytes([ftyp, moov]) : moov;
  const buffer = MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 0);
  // Not `new ISOFile(stream)`: that constructor parses before `stream.isofile` is set, and QuickTime sound
  // descriptions (v1/v2, whose esds sits after 16 or 36 extra bytes) are only parsed right when mp4box can see
  // the file's 'qt  ' brand through it.
  const iso = new ISOFile();
  if (iso.checkBuffer(buffer)) iso.parse();
  return iso.moov as unknown as MoovLike | undefined;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* fragments                                                                                                    */

/**
 * Frame durations → sample counts, with at most LIMITS.maxDistinctDurations distinct durations; samples with any
 * other duration are only counted (with their total), which is enough for the frame rate — a file with that many
 * distinct frame durations is variable-rate whatever they are.
 */
export class DurationHistogram {
  readonly counts = new Map<number, number>();
  otherSamples = 0;
  otherTotal = 0;

  add(duration: number, samples: number): void {
    if (samples <= 0) return;
    const had = this.counts.get(duration);
    if (had !== undefined) this.counts.set(duration, had + samples);
    else if (this.counts.size < LIMITS.maxDistinctDurations) this.counts.set(duration, samples);
    else {
      this.otherSamples += samples;
      this.otherTotal += duration * samples;
    }
  }

  merge(other: DurationHistogram): void {
    for (const [d, n] of other.counts) this.add(d, n);
    this.otherSamples += other.otherSamples;
    this.otherTotal += other.otherTotal;
  }
}

interface TrackFragments {
  histogram: DurationHistogram;
  samples: number;
  /** Where the next fragment starts without a tfdt (media timescale units). */
  cursor: number;
  /** End of the last fragment (tfdt + durations). */
  end: number;
  /** Samples that take the trex default duration while it is not known (a moof before the moov). */
  pending: number;
}

/**
 * Per-track totals of every fragment seen, updated moof by moof: memory holds one entry per track and the
 * bounded histogram, however many fragments the file has.
 */
class FragmentAccumulator {
  readonly tracks = new Map<number, TrackFragments>();
  private trexDefault = new Map<number, number>();
  private start = new Map<number, number>();
  private known = false;

  /** trex defaults and where each track's stts ends; before this, default durations wait in `pending`. */
  setDefaults(moov: MoovLike): void {
    for (const trex of moov.mvex?.trexs ?? []) this.trexDefault.set(trex.track_id, trex.default_sample_duration);
    for (const trak of moov.traks ?? []) if (trak.tkhd) this.start.set(trak.tkhd.track_id, sttsTotal(trak));
    this.known = true;
    for (const [id, t] of this.tracks) {
      if (t.pending === 0) continue;
      const d = this.trexDefault.get(id) ?? 0;
      t.histogram.add(d, t.pending);
      t.end += d * t.pending;
      t.cursor += d * t.pending;
      t.pending = 0;
    }
  }

  track(id: number): TrackFragments {
    let t = this.tracks.get(id);
    if (!t) {
      if (this.tracks.size >= LIMITS.maxTracks) throw new CheckLimitError('maxTracks', 'fragments name too many tracks');
      const at = this.start.get(id) ?? 0;
      t = { histogram: new DurationHistogram(), samples: 0, cursor: at, end: at, pending: 0 };
      this.tracks.set(id, t);
    }
    return t;
  }

  defaultFor(trackId: number, tfhdDefault: number | undefined): number | undefined {
    return tfhdDefault ?? (this.known ? (this.trexDefault.get(trackId) ?? 0) : undefined);
  }
}

/** Adds the trafs of one moof (tfhd/tfdt/trun) to the totals; the moof was already bounded in size. */
function readMoof(moof: Uint8Array, acc: FragmentAccumulator): void {
  const hdr = u32be(moof, 0) === 1 ? 16 : 8;
  let trafs = 0;
  forEachChild(moof, hdr, moof.length, (type, s, h, e) => {
    if (type !== 'traf') return;
    if (++trafs > LIMITS.maxTrafsPerMoof) throw new CheckLimitError('maxTrafsPerMoof', 'a moof holds too many trafs');
    readTraf(moof, s + h, e, acc);
  });
}

function forEachChild(buf: Uint8Array, start: number, end: number, fn: (type: string, s: number, hdr: number, e: number) => void): void {
  let p = start;
  while (p + 8 <= end) {
    let size = u32be(buf, p);
    const type = ascii(buf, p + 4, 4);
    let hdr = 8;
    if (size === 1) {
      if (p + 16 > end) throw new FormatError(`'${type}' in moof is cut off`);
      size = u64be(buf, p + 8);
      hdr = 16;
    } else if (size === 0) size = end - p;
    if (!Number.isFinite(size) || size < hdr || p + size > end) throw new FormatError(`box '${type}' overruns its moof`);
    fn(type, p, hdr, p + size);
    p += size;
  }
}

function readTraf(buf: Uint8Array, start: number, end: number, acc: FragmentAccumulator): void {
  let trackId = 0;
  let tfhdDefault: number | undefined;
  let baseTime: number | undefined;
  const truns: Array<[number, number]> = [];
  forEachChild(buf, start, end, (type, s, h, e) => {
    const p = s + h;
    if (type === 'tfhd') {
      if (e - p < 8) throw new FormatError(`'tfhd' is too short`);
      const flags = u32be(buf, p) & 0xffffff;
      trackId = u32be(buf, p + 4);
      let q = p + 8;
      if (flags & 0x01) q += 8;
      if (flags & 0x02) q += 4;
      if (flags & 0x08) {
        if (q + 4 > e) throw new FormatError(`'tfhd' is too short`);
        tfhdDefault = u32be(buf, q);
      }
    } else if (type === 'tfdt') {
      if (e - p < 8) throw new FormatError(`'tfdt' is too short`);
      baseTime = buf[p] === 1 ? (e - p >= 12 ? u64be(buf, p + 4) : Number.NaN) : u32be(buf, p + 4);
      if (!Number.isFinite(baseTime)) throw new FormatError(`'tfdt' is invalid`);
    } else if (type === 'trun') {
      // A traf holds a handful of truns; more than the moof could describe samples for is hostile.
      if (truns.length >= LIMITS.maxTrafsPerMoof) throw new CheckLimitError('maxTrafsPerMoof', 'a traf holds too many truns');
      truns.push([p, e]);
    }
  });
  const t = acc.track(trackId);
  const fallback = acc.defaultFor(trackId, tfhdDefault);
  let time = baseTime ?? t.cursor;
  for (const [p, e] of truns) {
    if (e - p < 8) throw new FormatError(`'trun' is too short`);
    const flags = u32be(buf, p) & 0xffffff;
    const n = u32be(buf, p + 4);
    let q = p + 8;
    if (flags & 0x001) q += 4;
    if (flags & 0x004) q += 4;
    const hasDuration = (flags & 0x100) !== 0;
    const stride = (hasDuration ? 4 : 0) + (flags & 0x200 ? 4 : 0) + (flags & 0x400 ? 4 : 0) + (flags & 0x800 ? 4 : 0);
    if (q + n * stride > e) throw new FormatError(`'trun' sample count exceeds its box`);
    t.samples += n;
    if (hasDuration) {
      // Run-length first: the histogram sees one add per run of equal durations.
      let run = -1;
      let runCount = 0;
      for (let i = 0; i < n; i++) {
        const d = u32be(buf, q + i * stride);
        time += d;
        if (d === run) runCount++;
        else {
          t.histogram.add(run, runCount);
          run = d;
          runCount = 1;
        }
      }
      t.histogram.add(run, runCount);
    } else if (fallback === undefined) {
      t.pending += n;
    } else {
      t.histogram.add(fallback, n);
      time += fallback * n;
    }
  }
  t.cursor = time;
  t.end = Math.max(t.end, time);
}

/** Sum of a track's stts durations: where its fragments start when they carry no tfdt. */
function sttsTotal(trak: TrakLike): number {
  const stts = trak.mdia?.minf?.stbl?.stts;
  let sum = 0;
  if (stts) for (let i = 0; i < stts.sample_counts.length; i++) sum += stts.sample_counts[i]! * (stts.sample_deltas[i] ?? 0);
  return sum;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* summary                                                                                                      */

export interface Cadence {
  fps: number;
  vfr: boolean;
  share: number;
}

/**
 * Frame rate and CFR/VFR from a histogram of frame durations (stts run-lengths or trun durations); `other` are
 * samples past the histogram's cap, counted for the rate but never on the cadence.
 */
export function cadenceOf(histogram: Map<number, number>, timescale: number, other = { samples: 0, total: 0 }): Cadence | undefined {
  let samples = other.samples;
  let total = other.total;
  let dominant = 0;
  let dominantCount = -1;
  for (const [delta, n] of histogram) {
    samples += n;
    total += delta * n;
    if (n > dominantCount || (n === dominantCount && delta < dominant)) {
      dominant = delta;
      dominantCount = n;
    }
  }
  if (samples < 2 || total <= 0 || timescale <= 0) return undefined;
  const tolerance = Math.max(1, dominant * 0.002);
  let onCadence = 0;
  for (const [delta, n] of histogram) if (Math.abs(delta - dominant) <= tolerance) onCadence += n;
  const share = onCadence / samples;
  return { fps: (samples * timescale) / total, vfr: share < CFR_SHARE, share };
}

/**
 * The tkhd matrix {a, b, u, c, d, v, x, y, w} (16.16 fixed point) as an angle atan2(b, a) snapped to 0/90/180/270.
 * iPhone portrait recordings give 90; ffmpeg's `rotate=90` tag gives 270. Either way 90/270 mean a portrait
 * display, which is all the size check needs.
 */
export function rotationOf(matrix: ArrayLike<number> | undefined): number {
  if (!matrix || matrix.length < 5) return 0;
  const a = matrix[0]!;
  const b = matrix[1]!;
  if (a === 0 && b === 0) return 0;
  const deg = Math.round((Math.atan2(b, a) * 180) / Math.PI);
  return (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
}

function codecOf(entry: SampleEntryLike | undefined): string | undefined {
  if (!entry) return undefined;
  try {
    return entry.getCodec?.() ?? entry.type;
  } catch {
    return entry.type;
  }
}

function summarise(
  moov: MoovLike,
  fragments: FragmentAccumulator,
  meta: { container: 'mp4' | 'mov'; brand?: string; moovBytes: number },
): Mp4Outcome {
  const traks = moov.traks ?? [];
  const fragmented = moov.mvex !== undefined;

  const trackInfo = traks.map((trak) => {
    const id = trak.tkhd?.track_id ?? 0;
    const timescale = trak.mdia?.mdhd?.timescale ?? 0;
    const histogram = new DurationHistogram();
    const stts = trak.mdia?.minf?.stbl?.stts;
    if (stts) for (let i = 0; i < stts.sample_counts.length; i++) histogram.add(stts.sample_deltas[i] ?? 0, stts.sample_counts[i]!);
    const frag = fragments.tracks.get(id);
    if (frag) histogram.merge(frag.histogram);
    const mediaUnits = Math.max(sttsTotal(trak), frag?.end ?? 0, trak.mdia?.mdhd?.duration ?? 0);
    return {
      trak,
      handler: trak.mdia?.hdlr?.handler,
      timescale,
      histogram,
      mediaSec: timescale > 0 ? mediaUnits / timescale : 0,
    };
  });

  const video = trackInfo
    .filter((t) => t.handler === 'vide')
    .sort((x, y) => y.mediaSec - x.mediaSec)[0];
  if (!video) return fail('video_no_track');
  const audio = trackInfo.find((t) => t.handler === 'soun');

  const mvhd = moov.mvhd!;
  const mehd = moov.mvex?.mehd?.fragment_duration;
  let durationSec: number;
  // A v0 mvhd of all ones means "unknown" (live recordings, fragmented files).
  if (mvhd.timescale > 0 && mvhd.duration > 0 && mvhd.duration !== 0xffffffff && !(fragmented && fragments.tracks.size > 0)) {
    durationSec = mvhd.duration / mvhd.timescale;
  } else if (mehd && mvhd.timescale > 0) {
    durationSec = mehd / mvhd.timescale;
  } else {
    durationSec = 0;
    for (const t of trackInfo) durationSec = Math.max(durationSec, t.mediaSec);
  }

  const entry = video.trak.mdia?.minf?.stbl?.stsd?.entries?.[0];
  const tkhd = video.trak.tkhd;
  let width = tkhd ? Math.round(tkhd.width / 65536) : 0;
  let height = tkhd ? Math.round(tkhd.height / 65536) : 0;
  if ((!width || !height) && entry?.width && entry?.height) {
    width = entry.width;
    height = entry.height;
  }
  const rotation = rotationOf(tkhd?.matrix);
  if (rotation === 90 || rotation === 270) [width, height] = [height, width];
  const cadence = cadenceOf(video.histogram.counts, video.timescale, { samples: video.histogram.otherSamples, total: video.histogram.otherTotal });

  return {
    ok: true,
    facts: {
      container: meta.container,
      ...(meta.brand !== undefined ? { brand: meta.brand } : {}),
      durationSec,
      ...(width && height ? { width, height } : {}),
      rotation,
      ...(cadence ? { fps: cadence.fps, vfr: cadence.vfr, cadenceShare: cadence.share } : {}),
      ...(codecOf(entry) ? { videoCodec: codecOf(entry)! } : {}),
      ...(audio && codecOf(audio.trak.mdia?.minf?.stbl?.stsd?.entries?.[0])
        ? { audioCodec: codecOf(audio.trak.mdia?.minf?.stbl?.stsd?.entries?.[0])! }
        : {}),
      fragmented,
      moovBytes: meta.moovBytes,
    },
  };
}
