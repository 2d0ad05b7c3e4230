import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ffmpegArgs } from '@/lib/media/ffmpeg-args';
import { planRepair } from '@/lib/media/plan';
import { probeVideo } from '@/lib/media/probe';
import { FFMPEG, ffprobe, makeClip } from '../fixtures/media/make-clip';
import { REPAIR_CATEGORY, shortClipPack } from '../fixtures/media/repair-pack';
import { extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from '../e2e/harness';

/*
 * The same clip (60 s of 1080p30 with motion and sensor-like noise, a phone-style MOV) through every in-browser
 * engine of the built extension's repair page and through native ffmpeg with the same arguments the wasm engines
 * run, in one run. Speed is media seconds per wall-clock second (× real time) and the ratio to native ffmpeg.
 * Native runs before and after the browser runs, so drift in machine load shows up instead of skewing one side.
 * The Chromium build ships only the multi-thread core (the single-thread one is Firefox's), so `ffmpeg` is not run.
 */
const SECONDS = Number(process.env.REPAIR_BENCH_SECONDS ?? 60);
const ENGINES = (process.env.REPAIR_BENCH_ENGINES ?? 'webcodecs,ffmpeg-mt').split(',');
const run = promisify(execFile);

let dir: string;
let clip: string;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repair-bench-'));
  clip = await makeClip(join(dir, 'phone.mov'), { seconds: SECONDS, width: 1920, height: 1080, fps: 30, container: 'mov', bitrate: 12_000_000 });
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
  await browser.serviceWorker.evaluate(
    (pack) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ importedRulePack: pack }),
    shortClipPack() as unknown as Record<string, unknown>,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Row {
  name: string;
  seconds?: number;
  error?: string;
  output?: string;
}

async function native(name: string, threads?: number): Promise<Row> {
  const result = await probeVideo(new Blob([await readFile(clip)]), 'phone.mov');
  if (!result.ok) throw new Error('clip unreadable');
  const slot = shortClipPack().categories.find((c) => c.id === REPAIR_CATEGORY)!.slots.find((s) => s.video)!;
  const plan = planRepair(result.probe, { ...(slot.maxBytes !== undefined ? { maxBytes: slot.maxBytes } : {}), video: slot.video });
  const output = join(dir, `${name}.mp4`);
  const began = performance.now();
  await run(FFMPEG, ['-loglevel', 'error', ...ffmpegArgs(plan, clip, output, threads !== undefined ? { threads } : {})]);
  return { name, seconds: (performance.now() - began) / 1000, output };
}

async function inBrowser(engine: string): Promise<Row> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, `repair.html?category=${REPAIR_CATEGORY}&engine=${engine}`));
    await page.getByLabel('选择视频').setInputFiles(clip);
    const start = page.getByRole('button', { name: '开始修复' });
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    await start.click();
    const done = page.locator('[data-testid="repair-result"], [data-testid="repair-failed"]');
    await done.waitFor({ timeout: 30 * 60_000 });
    if ((await done.getAttribute('data-testid')) === 'repair-failed') return { name: engine, error: (await done.textContent()) ?? 'failed' };
    const verdict = await done.getAttribute('data-verdict');
    if (verdict !== 'pass') return { name: engine, error: `result verdict ${verdict}` };
    const output = join(dir, `${engine}.mp4`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('repair-download').click()]);
    await download.saveAs(output);
    // Engine time as the page measured it: from start to the finished MP4, before the re-check.
    return { name: engine, seconds: Number(await done.getAttribute('data-ms')) / 1000, output };
  } finally {
    await page.close();
  }
}

it(`repairs ${SECONDS} s of 1080p30 with every engine and native ffmpeg`, async () => {
  const rows: Row[] = [];
  const load = [loadavg()[0]!];
  rows.push(await native('native ffmpeg (all cores)'));
  rows.push(await native('native ffmpeg (1 thread)', 1));
  for (const engine of ENGINES) {
    rows.push(await inBrowser(engine).catch((error: unknown) => ({ name: engine, error: error instanceof Error ? error.message : String(error) })));
    load.push(loadavg()[0]!);
  }
  rows.push(await native('native ffmpeg (all cores, again)'));
  load.push(loadavg()[0]!);

  const baseline = rows.filter((r) => r.name.startsWith('native ffmpeg (all cores')).map((r) => r.seconds!);
  const nativeSeconds = baseline.reduce((a, b) => a + b, 0) / baseline.length;
  const lines = [
    `clip: ${SECONDS} s 1920×1080 30 fps H.264 12 Mbit/s MOV → 1920×1080 25 fps H.264, AAC copied`,
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; 1-min load average during the run: ${load.map((l) => l.toFixed(1)).join(' → ')}`,
    '',
    '| engine | time (s) | × real time | ÷ native |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) =>
      r.seconds === undefined
        ? `| ${r.name} | failed: ${r.error} | | |`
        : `| ${r.name} | ${r.seconds.toFixed(1)} | ${(SECONDS / r.seconds).toFixed(2)} | ${(nativeSeconds / r.seconds).toFixed(2)} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);

  for (const row of rows.filter((r) => r.output)) {
    expect(await ffprobe(row.output!)).toMatchObject({ width: 1920, height: 1080, fps: '25/1' });
  }
  const best = Math.max(...rows.filter((r) => !r.name.startsWith('native') && r.seconds !== undefined).map((r) => nativeSeconds / r.seconds!));
  // The target: the best in-browser path at least half native speed. Reported, not asserted: a loaded
  // machine moves both sides, and the table is the result.
  console.log(`best in-browser engine: ${best.toFixed(2)} × native speed (target ≥ 0.5)`);
  expect(rows.some((r) => !r.name.startsWith('native') && r.seconds !== undefined)).toBe(true);
});
