// Renders the extension icon (public/icon/*.png) with Chromium from one SVG, so every size is drawn, not scaled.
// Run: node scripts/make-icons.mjs (needs Debian's chromium and fonts-noto-cjk).
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';

const svg = (size) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1d5fbf"/>
  <text x="64" y="90" font-family="Noto Sans CJK SC, sans-serif" font-weight="700" font-size="76" fill="#fff"
        text-anchor="middle">报</text>
  <circle cx="101" cy="101" r="19" fill="#19a463" stroke="#fff" stroke-width="5"/>
  <path d="M91 101 l7 7 l13 -14" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(size)}`);
  await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), await page.screenshot({ omitBackground: true }));
}
await browser.close();
