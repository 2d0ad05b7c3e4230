import { closeSync, ftruncateSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { cadenceOf, readMp4, rotationOf } from '../../../lib/checks/mp4';
import { Reader } from '../../../lib/checks/source';
import { be32, latin1, memorySource } from '../../fixtures/checks/bytes';
import { ffmpeg, ffprobe, requireFfmpeg, tempDir } from '../../fixtures/checks/ffmpeg';
import { FileSource } from '../../fixtures/checks/file-source';
import { avSpec, buildMp4Bytes, buildMp4Pieces, buildMp4Source, matrixFor, type Mp4Spec } from '../../fixtures/checks/mp4-builder';

const GB = 1024 ** 3;

async function facts(spec: Mp4Spec) {
  const source = buildMp4Source(spec);
  const result = await readMp4(new Reader(source, { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
  return { result, source };
}

async function okFacts(spec: Mp4Spec) {
  const { result, source } = await facts(spec);
  if (!result.ok) throw new Error(`expected readable, got ${result.code} ${JSON.stringify(result.params)}`);
  return { ...result.facts, source };
}

describe('readMp4', () => {
  it.each([
    ['moov first', false],
    ['moov at the end', true],
  ])('reads duration, size, frame rate and codecs with %s', async (_label, moovAtEnd) => {
    const f = await okFacts(avSpec({ seconds: 26 * 60 + 3, moovAtEnd, mdatPayload: 300 * 1024 * 1024 }));
    expect(f.container).toBe('mp4');
    expect(f.durationSec).toBeCloseTo(1563, 1);
    expect([f.width, f.height]).toEqual([1280, 720]);
    expect(f.fps).toBe(25);
    expect(f.vfr).toBe(false);
    expect(f.videoCodec).toBe('avc1.64001f');
    expect(f.audioCodec).toBe('mp4a.40.2');
    expect(f.fragmented).toBe(false);
    // Headers only: the first 4 KiB for type detection, box headers and the moov itself.
    expect(f.source.bytesRead).toBeLessThanOrEqual(f.source.moovSize + 64 * 1024);
  });

  it("reports QuickTime for the 'qt  ' brand and for files without ftyp", async () => {
    expect((await okFacts(avSpec({ seconds: 10, brand: 'qt  ' }))).container).toBe('mov');
    const noFtyp = await readMp4(new Reader(buildMp4Source(avSpec({ seconds: 10, brand: null })), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mov');
    expect(noFtyp.ok && noFtyp.facts.container).toBe('mov');
  });

  it.each([
    [0, 1920, 1080],
    [90, 1080, 1920],
    [180, 1920, 1080],
    [270, 1080, 1920],
  ] as const)('applies a %i° tkhd rotation to the display size', async (rotation, w, h) => {
    const spec = avSpec({ seconds: 5, width: 1920, height: 1080 });
    spec.tracks[0]!.rotation = rotation;
    const f = await okFacts(spec);
    expect(f.rotation).toBe(rotation);
    expect([f.width, f.height]).toEqual([w, h]);
  });

  it('reads a 64-bit mdat and co64 chunk offsets', async () => {
    const spec = avSpec({ seconds: 60, mdat64: true, moovAtEnd: true });
    spec.tracks.forEach((t) => (t.co64 = true));
    const f = await okFacts(spec);
    expect(f.durationSec).toBeCloseTo(60, 1);
  });

  it('reads a file over 4 GB with moov at the end, touching only headers', async () => {
    const f = await okFacts(avSpec({ seconds: 20 * 60, moovAtEnd: true, mdatPayload: 5 * GB }));
    expect(f.source.size).toBeGreaterThan(5 * GB);
    expect(f.durationSec).toBeCloseTo(1200, 1);
    expect(f.source.bytesRead).toBeLessThanOrEqual(f.source.moovSize + 64 * 1024);
  });

  it('reads 64-bit mvhd/mdhd durations (v1 boxes)', async () => {
    // 14 hours at 90 kHz is more than 2^32 ticks.
    const f = await okFacts({ movieTimescale: 90000, tracks: [{ kind: 'video', timescale: 90000, stts: [[14 * 3600 * 25, 3600]], width: 1280, height: 720 }] });
    expect(f.durationSec).toBeCloseTo(14 * 3600, 3);
    expect(f.fps).toBe(25);
  });

  it('falls back to track durations when mvhd says 0', async () => {
    const f = await okFacts(avSpec({ seconds: 90, movieDuration: 0 }));
    expect(f.durationSec).toBeCloseTo(90, 1);
  });

  it('ignores a constant-size stsz with tens of millions of samples (PCM audio) and stays fast', async () => {
    const spec: Mp4Spec = {
      brand: 'qt  ',
      tracks: [
        { kind: 'video', timescale: 90000, stts: [[3 * 3600 * 25, 3600]], width: 1920, height: 1080 },
        { kind: 'audio', codec: 'sowt', timescale: 48000, stts: [[3 * 3600 * 48000, 1]], constantSampleSize: 4 },
      ],
    };
    const started = Date.now();
    const f = await okFacts(spec);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(f.durationSec).toBeCloseTo(3 * 3600, 1);
    expect(f.audioCodec).toBe('sowt');
  });

  describe('frame rate', () => {
    it('calls a file with a few odd intervals at joins CFR', async () => {
      const spec = avSpec({ seconds: 0 });
      spec.tracks[0]!.stts = [[5000, 3600], [1, 1800], [5000, 3600], [1, 5400], [3000, 3600]];
      const f = await okFacts(spec);
      expect(f.vfr).toBe(false);
      expect(f.fps).toBeCloseTo(25, 2);
    });

    it('calls a phone recording with scattered intervals VFR', async () => {
      const spec = avSpec({ seconds: 0 });
      spec.tracks[0]!.timescale = 600;
      spec.tracks[0]!.stts = Array.from({ length: 300 }, (_, i) => [3, [20, 19, 21, 24, 17][i % 5]!] as [number, number]);
      const f = await okFacts(spec);
      expect(f.vfr).toBe(true);
      expect(f.fps).toBeGreaterThan(29);
      expect(f.fps).toBeLessThan(31);
    });

    it('treats 29.97 fps in a millisecond timescale (33, 33, 34 ms) as constant', async () => {
      const spec = avSpec({ seconds: 0 });
      spec.tracks[0]!.timescale = 1000;
      spec.tracks[0]!.stts = Array.from({ length: 600 }, (_, i) => [1, i % 3 === 2 ? 34 : 33] as [number, number]);
      const f = await okFacts(spec);
      expect(f.vfr).toBe(false);
      expect(f.fps).toBeCloseTo(30, 0);
    });
  });

  describe('fragmented MP4', () => {
    const base = (extra: Partial<Mp4Spec>): Mp4Spec => ({
      tracks: [{ kind: 'video', timescale: 90000, stts: [], width: 1280, height: 720 }],
      fragments: Array.from({ length: 10 }, (_, i) => ({ trackId: 1, baseTime: i * 50 * 3600, durations: new Array<number>(50).fill(3600) })),
      movieDuration: 0,
      ...extra,
    });

    it('takes the duration from mehd when present', async () => {
      const f = await okFacts(base({ mehd: 20_000 }));
      expect(f.fragmented).toBe(true);
      expect(f.durationSec).toBe(20);
      expect(f.fps).toBe(25);
    });

    it('sums trun durations when there is no mehd', async () => {
      const f = await okFacts(base({}));
      expect(f.durationSec).toBeCloseTo(20, 3);
      expect(f.vfr).toBe(false);
    });

    it('uses tfhd and trex default durations when trun has none', async () => {
      const f = await okFacts(
        base({
          trexDefaultDuration: 3000,
          fragments: [
            { trackId: 1, count: 300 },
            { trackId: 1, count: 300, defaultDuration: 3000 },
          ],
        }),
      );
      expect(f.durationSec).toBeCloseTo(20, 3);
      expect(f.fps).toBe(30);
    });
  });

  describe('unreadable files', () => {
    it('says a file without moov has no index', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10, moovAtEnd: true }));
      const mdatEnd = bytes.length - (buildMp4Pieces(avSpec({ seconds: 10, moovAtEnd: true })).moovSize);
      const r = await readMp4(new Reader(memorySource(bytes.subarray(0, mdatEnd)), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r).toMatchObject({ ok: false, code: 'video_no_moov' });
    });

    it('says a file cut inside mdat is truncated, with the expected size', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10, mdatPayload: 5000 }));
      const r = await readMp4(new Reader(memorySource(bytes.subarray(0, bytes.length - 100)), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r).toMatchObject({ ok: false, code: 'video_truncated', params: { expected: bytes.length, actual: bytes.length - 100 } });
    });

    it('says a file cut inside moov is truncated', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10, moovAtEnd: true }));
      const r = await readMp4(new Reader(memorySource(bytes.subarray(0, bytes.length - 10)), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r).toMatchObject({ ok: false, code: 'video_truncated' });
    });

    it('says an audio-only file has no video track', async () => {
      const { result } = await facts({ tracks: [{ kind: 'audio', timescale: 48000, stts: [[1000, 1024]] }] });
      expect(result).toMatchObject({ ok: false, code: 'video_no_track' });
    });

    it('rejects an stts whose entry count exceeds its box, without looping', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10 }));
      const at = indexOf(bytes, 'stts');
      bytes.set(be32(0xfffffff0), at + 8);
      const started = Date.now();
      const r = await readMp4(new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r).toMatchObject({ ok: false, code: 'video_damaged' });
      expect(Date.now() - started).toBeLessThan(500);
    });

    it('rejects a child box that overruns moov', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10 }));
      const at = indexOf(bytes, 'trak');
      bytes.set(be32(0x7fffffff), at - 4);
      const r = await readMp4(new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r).toMatchObject({ ok: false, code: 'video_damaged' });
    });

    it('accepts zero padding after a complete movie', async () => {
      const bytes = buildMp4Bytes(avSpec({ seconds: 10, moovAtEnd: true }));
      const padded = new Uint8Array(bytes.length + 4096);
      padded.set(bytes);
      const r = await readMp4(new Reader(memorySource(padded), { deadline: Date.now() + 5000, timeoutMs: 5000 }), 'mp4');
      expect(r.ok).toBe(true);
    });
  });
});

describe('cadenceOf', () => {
  it.each([
    ['all equal', [[3600, 1000]], 90000, 25, false],
    ['98 % on cadence', [[3600, 980], [1800, 20]], 90000, 25.26, false],
    ['97 % on cadence', [[3600, 970], [1800, 30]], 90000, 25.39, true],
  ] as const)('%s', (_label, entries, ts, fps, vfr) => {
    const c = cadenceOf(new Map(entries.map(([d, n]) => [d, n])), ts)!;
    expect(c.fps).toBeCloseTo(fps, 1);
    expect(c.vfr).toBe(vfr);
  });

  it('has no answer for a single frame', () => {
    expect(cadenceOf(new Map([[3600, 1]]), 90000)).toBeUndefined();
  });
});

describe('rotationOf', () => {
  it.each([0, 90, 180, 270] as const)('reads %i° back from the matrix', (deg) => {
    const bytes = matrixFor(deg);
    const m = Array.from({ length: 9 }, (_, i) => new DataView(new Uint8Array(bytes).buffer).getInt32(i * 4));
    expect(rotationOf(m)).toBe(deg);
  });
});

describe('inspectFile on MP4', () => {
  it('reports a .mov extension on a real MP4 as fine and a QuickTime file named .mp4 as a warning', async () => {
    const mp4 = await inspectFile(buildMp4Source(avSpec({ seconds: 5 })), '课堂.mov');
    expect(mp4.findings).toEqual([]);
    const qt = await inspectFile(buildMp4Source(avSpec({ seconds: 5, brand: 'qt  ' })), '课堂.mp4');
    expect(qt.findings.map((f) => [f.code, f.verdict])).toEqual([['type_mismatch_mov', 'warn']]);
  });

  it('reads a sparse 5 GB file on disk', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.mp4');
    const { pieces, size, moovSize } = buildMp4Pieces(avSpec({ seconds: 25 * 60, moovAtEnd: true, mdatPayload: 5 * GB }));
    const fd = openSync(path, 'w');
    try {
      ftruncateSync(fd, size);
      for (const p of pieces) writeSync(fd, p.bytes, 0, p.bytes.length, p.offset);
    } finally {
      closeSync(fd);
    }
    const file = await FileSource.open(path);
    try {
      expect(file.size).toBe(size);
      const r = await inspectFile(file, 'big.mp4');
      expect(r.findings).toEqual([]);
      expect(r.media?.durationSec).toBeCloseTo(1500, 1);
      expect(r.stats.bytesRead).toBeLessThanOrEqual(moovSize + 64 * 1024);
      expect(file.bytesRead).toBe(r.stats.bytesRead);
    } finally {
      await file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('real files made by ffmpeg, compared with ffprobe', () => {
  requireFfmpeg();
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const src = ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'];
  const cases: Array<[string, string[], Partial<{ container: string; vfr: boolean; swap: boolean; fragmented: boolean }>]> = [
    ['moov at the end', [...src, '-t', '6', ...h264, 'plain.mp4'], { container: 'mp4' }],
    ['faststart at 30 fps', ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-t', '4', '-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart', 'fast.mp4'], { container: 'mp4' }],
    ['QuickTime', [...src, '-t', '3', ...h264, '-f', 'mov', 'qt.mov'], { container: 'mov' }],
    ['fragmented', [...src, '-t', '5', ...h264, '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-g', '25', 'frag.mp4'], { fragmented: true }],
    ['variable frame rate', ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '6', '-vf', "setpts='N/30/TB+if(gt(N,60),(N-60)*(N-60)/9000/TB,0)'", '-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast', 'vfr.mp4'], { vfr: true }],
  ];

  it.each(cases)('%s', async (_label, args, expected) => {
    const out = join(dir, args[args.length - 1]!);
    ffmpeg([...args.slice(0, -1), out]);
    const probe = ffprobe(out);
    const blob = await openAsBlob(out);
    const r = await inspectFile(blob, out);
    expect(r.findings).toEqual([]);
    const m = r.media!;
    expect(Math.abs(m.durationSec! - probe.durationSec)).toBeLessThan(0.05);
    expect([m.width, m.height]).toEqual([probe.width, probe.height]);
    expect(m.fps! / probe.fps).toBeCloseTo(1, 2);
    expect(m.videoCodec).toMatch(/^avc1\./);
    if (probe.audioCodec) expect(m.audioCodec).toBe('mp4a.40.2');
    if (expected.container) expect(m.container).toBe(expected.container);
    expect(m.vfr).toBe(expected.vfr ?? false);
    expect(m.fragmented).toBe(expected.fragmented ?? false);
  });

  it('swaps width and height for a rotated recording', async () => {
    const plain = join(dir, 'rot-src.mp4');
    const rotated = join(dir, 'rot.mp4');
    ffmpeg([...src, '-t', '2', ...h264, plain]);
    ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    const r = await inspectFile(await openAsBlob(rotated), 'rot.mp4');
    expect([r.media!.width, r.media!.height]).toEqual([360, 640]);
    expect([90, 270]).toContain(r.media!.rotation);
  });
});

function indexOf(bytes: Uint8Array, fourcc: string): number {
  const needle = latin1(fourcc);
  for (let i = 0; i < bytes.length - 4; i++) if (needle.every((b, j) => bytes[i + j] === b)) return i;
  throw new Error(`${fourcc} not found`);
}
