/**
 * The hostile MP4 structures of issue 12, each with the verdict it must get: box walking capped and windowed,
 * fragments accumulated per track (not stored per run), no recursion, sizes that cannot become Infinity.
 */
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { LIMITS } from '../../../lib/checks/limits';
import { readMp4 } from '../../../lib/checks/mp4';
import { Reader } from '../../../lib/checks/source';
import { be32, be64, concat, latin1, memorySource } from '../../fixtures/checks/bytes';
import { box, buildMp4Bytes, fullBox, type FragmentSpec } from '../../fixtures/checks/mp4-builder';

const codes = (r: { findings: Array<{ code: string; verdict: string }> }) => r.findings.map((f) => [f.code, f.verdict]);

/** ftyp + moov of a fragmented 640×360 track at 90 kHz, with `fragments` after it. */
function fragmentedFile(fragments: FragmentSpec[]): Uint8Array {
  return buildMp4Bytes({ tracks: [{ kind: 'video', timescale: 90000, stts: [], width: 640, height: 360 }], fragments });
}

/** The same file's ftyp + moov only (first bytes up to the first moof). */
function initSegment(): Uint8Array {
  const whole = fragmentedFile([{ trackId: 1, baseTime: 0, durations: [3600] }]);
  for (let i = 0; i + 8 <= whole.length; ) {
    const size = (whole[i]! << 24) | (whole[i + 1]! << 16) | (whole[i + 2]! << 8) | whole[i + 3]!;
    if (String.fromCharCode(...whole.subarray(i + 4, i + 8)) === 'moof') return whole.subarray(0, i);
    i += size;
  }
  throw new Error('no moof');
}

function reader(bytes: Uint8Array) {
  return new Reader(memorySource(bytes), { deadline: Date.now() + 60_000, timeoutMs: 60_000 });
}

describe('MP4: top-level boxes', () => {
  const freeBoxes = (n: number) => {
    const out = new Uint8Array(n * 8);
    const one = box('free');
    for (let i = 0; i < n; i++) out.set(one, i * 8);
    return out;
  };

  it('500k top-level boxes stop at the box cap with a check_limit finding', async () => {
    const file = concat([initSegment(), freeBoxes(500_000)]);
    const r = await inspectFile(memorySource(file), '实录.mp4', { timeoutMs: 60_000 });
    expect(codes(r)).toEqual([['check_limit', 'unreadable']]);
    expect(r.findings[0]!.params.limit).toBe('maxTopLevelBoxes');
    // Headers come through a growing window: a few hundred reads, not one per box.
    expect(r.stats.reads).toBeLessThan(200);
  });

  it('at the cap the file is read, and reads grow linearly with the boxes (n vs 2n)', async () => {
    const init = initSegment();
    const count = (n: number) => {
      // init holds ftyp and moov: two boxes.
      const file = concat([init, freeBoxes(n - 2)]);
      const rd = reader(file);
      return readMp4(rd, 'mp4').then((o) => ({ o, reads: rd.reads, bytes: rd.bytesRead, size: file.length }));
    };
    const at = await count(LIMITS.maxTopLevelBoxes);
    expect(at.o.ok).toBe(true);
    const half = await count(LIMITS.maxTopLevelBoxes / 2);
    expect(at.reads).toBeLessThanOrEqual(2 * half.reads + 2);
    // Every byte of the headers read about once.
    expect(at.bytes).toBeLessThan(at.size + 64 * 1024);
  });

  it('64-bit box sizes of 2^62 and 2^64 - 1 are invalid sizes, not Infinity; 2^40 is a truncated file', async () => {
    const size64 = (bytes: ArrayLike<number>) => concat([initSegment(), be32(1), latin1('mdat'), bytes, new Uint8Array(16)]);
    for (const bytes of [be64(2 ** 62), new Uint8Array(8).fill(0xff)]) {
      expect(await readMp4(reader(size64(bytes)), 'mp4')).toMatchObject({ ok: false, code: 'video_damaged', params: { reason: "box 'mdat' has an invalid size" } });
    }
    const o = await readMp4(reader(size64(be64(2 ** 40))), 'mp4');
    expect(o).toMatchObject({ ok: false, code: 'video_truncated', params: { expected: initSegment().length + 2 ** 40 } });
  });

  it.each([
    [0, 'a zero size runs to the end of the file'],
    [1, 'size 1 with no 64-bit size'],
    [7, 'a size smaller than its header'],
  ])('box size %i: %s, still a verdict', async (size) => {
    const file = concat([initSegment(), be32(size), latin1('free')]);
    const r = await inspectFile(memorySource(file), 'a.mp4');
    // The movie itself was complete before the odd box: size 0 is legal; the others are damage or truncation.
    if (size === 0) expect(r.findings).toEqual([]);
    else expect(r.findings.map((f) => f.verdict)).toEqual(['unreadable']);
  });
});

describe('MP4: fragments', () => {
  it('20,000 moofs are summed, not stored: exact duration and frame rate', async () => {
    const fragments: FragmentSpec[] = Array.from({ length: 20_000 }, (_, i) => ({ trackId: 1, baseTime: i * 25 * 3600, durations: new Array<number>(25).fill(3600) }));
    const r = await inspectFile(memorySource(fragmentedFile(fragments)), '直播回放.mp4', { timeoutMs: 60_000 });
    expect(r.findings).toEqual([]);
    expect(r.media?.durationSec).toBeCloseTo(20_000, 3);
    expect(r.media?.fps).toBe(25);
    expect(r.media?.vfr).toBe(false);
  }, 60_000);

  it('more distinct frame durations than the histogram keeps still give the rate, as VFR', async () => {
    const n = LIMITS.maxDistinctDurations * 2;
    const durations = Array.from({ length: n }, (_, i) => 3000 + i);
    const total = durations.reduce((a, b) => a + b, 0);
    const r = await inspectFile(memorySource(fragmentedFile([{ trackId: 1, baseTime: 0, durations }])), 'a.mp4');
    expect(r.findings).toEqual([]);
    expect(r.media?.fps).toBeCloseTo((n * 90000) / total, 6);
    expect(r.media?.vfr).toBe(true);
  });

  it('a million trafs in one moof stop at the traf cap (no stack overflow); at the cap it is read', async () => {
    const tfhd = fullBox('tfhd', 0, 0x020008, be32(1), be32(3600));
    const trun = fullBox('trun', 0, 0, be32(2));
    const traf = box('traf', tfhd, trun);
    const moofWith = (n: number) => {
      const body = new Uint8Array(n * traf.length);
      for (let i = 0; i < n; i++) body.set(traf, i * traf.length);
      return concat([initSegment(), box('moof', fullBox('mfhd', 0, 0, be32(1)), body)]);
    };
    const million = moofWith(1_000_000 / 4);
    // 250k full trafs fit in the moof cap; a million bare 8-byte trafs as well:
    const bare = concat([initSegment(), box('moof', new Uint8Array(1_000_000 * 8).map((_, i) => [0, 0, 0, 8, 0x74, 0x72, 0x61, 0x66][i % 8]!))]);
    for (const file of [million, bare]) {
      const r = await inspectFile(memorySource(file), 'a.mp4', { timeoutMs: 60_000 });
      expect(codes(r)).toEqual([['check_limit', 'unreadable']]);
      expect(r.findings[0]!.params.limit).toBe('maxTrafsPerMoof');
    }
    const r = await inspectFile(memorySource(moofWith(LIMITS.maxTrafsPerMoof)), 'a.mp4');
    expect(r.findings).toEqual([]);
    expect(r.media?.durationSec).toBeCloseTo((LIMITS.maxTrafsPerMoof * 2 * 3600) / 90000, 6);
  }, 60_000);

  it('trafs nested 10,000 deep are not followed', async () => {
    let nested = box('traf');
    for (let i = 0; i < 10_000; i++) nested = box('traf', nested);
    const file = concat([initSegment(), box('moof', fullBox('mfhd', 0, 0, be32(1)), nested)]);
    const r = await inspectFile(memorySource(file), 'a.mp4');
    expect(r.findings).toEqual([]);
    expect(r.media?.fragmented).toBe(true);
  });

  it('a moof larger than the moof cap is refused before it is read', async () => {
    const size = LIMITS.maxMoofBytes + 8;
    const file = concat([initSegment(), be32(size), latin1('moof'), new Uint8Array(size - 8)]);
    const rd = reader(file);
    await expect(readMp4(rd, 'mp4')).rejects.toMatchObject({ name: 'CheckLimitError', limit: 'maxMoofBytes' });
    expect(rd.bytesRead).toBeLessThan(128 * 1024);
  });

  it('fragments naming more tracks than the cap are refused', async () => {
    const fragments: FragmentSpec[] = Array.from({ length: LIMITS.maxTracks + 1 }, (_, i) => ({ trackId: i + 1, baseTime: 0, durations: [3600] }));
    const r = await inspectFile(memorySource(fragmentedFile(fragments)), 'a.mp4');
    expect(codes(r)).toEqual([['check_limit', 'unreadable']]);
    expect(r.findings[0]!.params.limit).toBe('maxTracks');
  });
});
