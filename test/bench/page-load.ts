/**
 * What the extension costs a page of the sites when it loads (issue #12), side by side: the same fixture form under
 * its real host name loaded in Debian's Chromium without the extension and with the built one (`npm run build`).
 * Per load: DOMContentLoaded and load event end (navigation timing), and the page thread's long-task time from
 * navigation until 1.5 s after load (the content script runs at document_idle, after the load event). Also the size
 * of the content script every page of the sites is given.
 *
 *   npm run build && npx vite-node --config scripts/vite-node.config.ts test/bench/page-load.ts [-- --runs 15]
 */

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, SITE_HOSTS, findChromium, launchWithExtension, startFixtureServer } from '../e2e/harness';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 15;
const PATHS = ['/forms/element-ui/#/case/shijian', '/forms/element-plus/#/form/jiaoshi-fujian1'];

interface Sample { dcl: number; load: number; longTaskMs: number }

async function measure(context: BrowserContext, url: string): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { longTaskMs: number };
    w.longTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTaskMs += e.duration;
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const sample = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, longTaskMs: (window as unknown as { longTaskMs: number }).longTaskMs };
  });
  await page.close();
  return sample;
}

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms`;
}

const server = await startFixtureServer();
const rules = SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.port}`).join(', ');
const plainDir = mkdtempSync(join(tmpdir(), 'page-load-plain-'));
const plain = await chromium.launchPersistentContext(plainDir, {
  executablePath: findChromium(),
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [`--host-resolver-rules=${rules}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const withExt = await launchWithExtension(server.port);

const results: Record<string, Record<'without' | 'with', Sample[]>> = {};
for (const path of PATHS) {
  const url = `http://www.hecloudnet.com${path}`;
  const entry: Record<'without' | 'with', Sample[]> = (results[path] = { without: [], with: [] });
  // One warm-up each (HTTP cache, compiled fixtures), then interleaved so a busy moment hits both equally.
  await measure(plain, url);
  await measure(withExt.context, url);
  for (let i = 0; i < runs; i++) {
    entry.without.push(await measure(plain, url));
    entry.with.push(await measure(withExt.context, url));
  }
}
await plain.close();
await withExt.close();
await server.close();
rmSync(plainDir, { recursive: true, force: true });

const contentScript = statSync(join(EXTENSION_DIR, 'content-scripts', 'panel.js')).size;
console.log(`content script: ${(contentScript / 1024).toFixed(0)} KiB (content-scripts/panel.js); ${runs} loads per row`);
for (const [path, { without, with: withSamples }] of Object.entries(results)) {
  console.log(`\n${path}`);
  for (const [name, samples] of [['without', without], ['with   ', withSamples]] as const) {
    console.log(`  ${name} DOMContentLoaded ${stats(samples.map((s) => s.dcl))} | load ${stats(samples.map((s) => s.load))}`
      + ` | long tasks to load+1.5 s ${stats(samples.map((s) => s.longTaskMs))}`);
  }
}
