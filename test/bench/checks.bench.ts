/**
 * The header-only MP4 check against mediainfo.js on the same files, in one run:
 *   npx vitest bench --run test/bench/checks.bench.ts
 * Files: a real 20-minute ffmpeg recording with moov at the end, a real 5-minute one (to show memory does not
 * grow with length), and a sparse 5 GB file on disk with a realistic per-sample moov. They are made once under
 * the system temp folder. Printed: time per file (median), bytes read, moov size, and peak memory growth.
 * Targets: ≤ half of mediainfo.js's time; bytes read ≤ moov + 64 KiB; memory growth independent of file length.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mediaInfoFactory from 'mediainfo.js';
import { bench, describe } from 'vitest';
import { inspectFile } from '../../lib/checks/inspect';
import { ffmpeg, requireFfmpeg } from '../fixtures/checks/ffmpeg';
import { FileSource } from '../fixtures/checks/file-source';
import { avSpec, buildMp4Pieces } from '../fixtures/checks/mp4-builder';

const DIR = join(tmpdir(), 'submit-helper-bench');
mkdirSync(DIR, { recursive: true });

function realRecording(name: string, seconds: number): string {
  const path = join(DIR, name);
  if (!existsSync(path)) {
    requireFfmpeg();
    ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '35', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', path,
    ]);
  }
  return path;
}

function sparseBig(): string {
  const path = join(DIR, 'sparse-5gb.mp4');
  const spec = avSpec({ seconds: 25 * 60, moovAtEnd: true, mdatPayload: 5 * 1024 ** 3, width: 1920, height: 1080 });
  spec.tracks.forEach((t) => {
    t.perSampleSizes = true;
    t.co64 = true;
  });
  const { pieces, size } = buildMp4Pieces(spec);
  if (!existsSync(path) || statSync(path).size !== size) {
    const fd = openSync(path, 'w');
    try {
      ftruncateSync(fd, size);
      for (const p of pieces) writeSync(fd, p.bytes, 0, p.bytes.length, p.offset);
    } finally {
      closeSync(fd);
    }
  }
  return path;
}

const FILES: Array<[string, string]> = [
  ['20-min MP4, moov at end', realRecording('real-20min.mp4', 1200)],
  ['5-min MP4, moov at end', realRecording('real-5min.mp4', 300)],
  ['5 GB sparse MP4, moov at end', sparseBig()],
];

const mediainfo = await mediaInfoFactory({ format: 'object' });

async function moovSize(file: FileSource): Promise<number> {
  let off = 0;
  while (off + 16 <= file.size) {
    const h = new DataView(await file.slice(off, off + 16).arrayBuffer());
    let size = h.getUint32(0);
    if (size === 1) size = Number(h.getBigUint64(8));
    const type = String.fromCharCode(h.getUint8(4), h.getUint8(5), h.getUint8(6), h.getUint8(7));
    if (type === 'moov') return size;
    off += size;
  }
  return 0;
}

async function runOurs(file: FileSource): Promise<{ bytes: number; durationSec?: number }> {
  const before = file.bytesRead;
  const r = await inspectFile(file, 'x.mp4');
  return { bytes: file.bytesRead - before, ...(r.media?.durationSec !== undefined ? { durationSec: r.media.durationSec } : {}) };
}

async function runMediainfo(file: FileSource): Promise<{ bytes: number; durationSec?: number }> {
  const before = file.bytesRead;
  const result = await mediainfo.analyzeData(file.size, async (size, offset) => new Uint8Array(await file.slice(offset, offset + size).arrayBuffer()));
  const general = result.media?.track.find((t) => t['@type'] === 'General') as { Duration?: number } | undefined;
  return { bytes: file.bytesRead - before, ...(general?.Duration !== undefined ? { durationSec: Number(general.Duration) } : {}) };
}

function memNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

async function peakGrowth(fn: () => Promise<unknown>): Promise<{ heap: number; rss: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = memNow();
  const baseRss = process.memoryUsage().rss;
  let peak = base;
  let peakRss = baseRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, memNow());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 1);
  await fn();
  clearInterval(timer);
  peak = Math.max(peak, memNow());
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { heap: peak - base, rss: peakRss - baseRss };
}

async function median(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const opened = await Promise.all(FILES.map(async ([label, path]) => [label, await FileSource.open(path)] as const));
const rows: string[] = [];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
for (const [label, file] of opened) {
  // Warm both once (JIT, WASM instantiation inside the first analysis).
  await runOurs(file);
  await runMediainfo(file);
  const ours = await runOurs(file);
  const theirs = await runMediainfo(file);
  const oursMs = await median(() => runOurs(file));
  const theirsMs = await median(() => runMediainfo(file));
  const oursMem = await peakGrowth(() => runOurs(file));
  const theirsMem = await peakGrowth(() => runMediainfo(file));
  const moov = await moovSize(file);
  rows.push(
    [
      `${label} (${(file.size / 1024 ** 2).toFixed(0)} MiB, moov ${kib(moov)})`,
      `  submit-helper: ${oursMs.toFixed(2)} ms, read ${kib(ours.bytes)} (limit moov + 64 KiB = ${kib(moov + 65536)}: ${ours.bytes <= moov + 65536 ? 'ok' : 'OVER'}), peak heap+external +${kib(oursMem.heap)}, rss +${kib(oursMem.rss)}, duration ${ours.durationSec?.toFixed(3)} s`,
      `  mediainfo.js:  ${theirsMs.toFixed(2)} ms, read ${kib(theirs.bytes)}, peak heap+external +${kib(theirsMem.heap)}, rss +${kib(theirsMem.rss)}, duration ${theirs.durationSec?.toFixed(3)} s`,
      `  time ratio submit-helper / mediainfo.js = ${(oursMs / theirsMs).toFixed(3)} (target ≤ 0.5: ${oursMs <= theirsMs / 2 ? 'ok' : 'MISSED'})`,
    ].join('\n'),
  );
}
console.log(`\nsubmit-helper checks vs mediainfo.js\n${rows.join('\n')}\n`);

for (const [label, file] of opened) {
  describe(label, () => {
    bench('submit-helper inspectFile', async () => {
      await runOurs(file);
    });
    bench('mediainfo.js analyzeData', async () => {
      await runMediainfo(file);
    });
  });
}
