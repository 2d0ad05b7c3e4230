/**
 * `npm run demo`: try the extension without an account. Opens Chromium with a window, the built extension loaded, a
 * sample teacher's data restored (three authors, a contact, a team, drafts), and the fixture registration forms —
 * real Element Plus, Element UI and Ant Design Vue pages — served under the real host names (huodong.ncet.edu.cn,
 * www.hecloudnet.com), which Chromium resolves to a local server. Nothing leaves this computer. Close the window to end.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, FIXTURES_DIR, ROOT, launchWithExtension, panel, startFixtureServer } from './browser';
import { seedSampleProfile } from './sample-profile';

const PAGES = [
  'http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1',
  'http://www.hecloudnet.com/forms/element-ui/#/case/shijian',
  'http://huodong.ncet.edu.cn/forms/antdv/#/apply/gongzuoshi',
  'http://huodong.ncet.edu.cn/forms/',
];

function run(what: string, command: string, args: string[]): void {
  console.log(what);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) run('No built extension yet; building it (npx wxt build)…', 'npx', ['wxt', 'build']);
// Element UI needs Vue 2, kept in its own package beside the forms (the root has Vue 3): installed once, offline-safe.
if (!existsSync(join(FIXTURES_DIR, 'vue2/node_modules/vue'))) {
  run('Installing Vue 2 + Element UI for the Element UI form (once)…', 'npm', ['ci', '--prefix', join(FIXTURES_DIR, 'vue2'), '--no-audit', '--no-fund']);
}

// `--smoke`: no window; checks that every form gets a ready fill button, then exits (for machines without a display).
const smoke = process.argv.includes('--smoke');
const server = await startFixtureServer();
const browser = await launchWithExtension(server.port, { headless: smoke });
await seedSampleProfile(browser);
for (const url of PAGES) {
  const page = await browser.context.newPage();
  await page.goto(url);
  if (smoke && url.includes('#/')) {
    await panel(page).getByTestId('fill-go').and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    console.log(`ready: ${url}`);
  }
}
if (smoke) {
  await browser.close();
  await server.close();
  process.exit(0);
}
await browser.context.pages()[0]?.bringToFront();
console.log([
  '',
  '报送助手 demo is open. Sample data: team 数学组 (王晓燕, 李明, 赵婷; contact 张建国) and three drafts.',
  'On each form: check the preview in the panel, untick what you do not want, press 一键填写, then 撤销填写.',
  '“指定字段” teaches a field; the 字数 counters sit under limited text fields. Close the window to quit.',
  '',
].join('\n'));

await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
await browser.close().catch(() => undefined);
await server.close();
