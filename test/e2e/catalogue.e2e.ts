/**
 * Replays the selector catalogue (lib/autofill/catalogue.ts) against the fixture pages each library rendered with its
 * own package: every entry's form item, label, widget roots, section titles, openable containers, upload parts and —
 * after opening it as a person would — its select's dropdown, options and shown value must be found on the page.
 * A library update that renames a class fails here, not on a teacher's form. No extension is loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CATALOGUE, type CatalogueEntry } from '@/lib/autofill/catalogue';
import { waitForFixture } from './fixtures/forms/fixture-api';
import { findChromium, startFixtureServer } from './harness';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The fixture pages of each library, and what they are expected to show of the entry. */
const PAGES: Record<CatalogueEntry['library'], { urls: string[]; roots: string[]; headings: boolean; openable: boolean; select: boolean }> = {
  element: { urls: ['element-plus/#/form/jiaoshi-fujian1', 'element-plus/#/form/xiaoben', 'element-ui/#/case/shijian'],
    roots: ['el-select', 'el-radio-group', 'el-checkbox-group', 'el-date-editor', 'el-input', 'el-cascader', 'el-input-number', 'el-checkbox'],
    headings: true, openable: false, select: false },
  antd: { urls: ['antdv/#/apply/shuzihua', 'antdv/#/apply/gongzuoshi'],
    roots: ['ant-select', 'ant-radio-group', 'ant-checkbox-group', 'ant-picker', 'ant-input'], headings: false, openable: false, select: false },
  naive: { urls: ['naive-ui/'], roots: ['n-select', 'n-radio-group', 'n-input'], headings: true, openable: true, select: true },
  arco: { urls: ['arco/'], roots: ['arco-select', 'arco-radio-group', 'arco-input-wrapper', 'arco-textarea-wrapper'],
    headings: false, openable: true, select: true },
  tdesign: { urls: ['tdesign/'], roots: ['t-select', 't-radio-group', 't-checkbox-group', 't-input__wrap', 't-textarea'],
    headings: true, openable: true, select: true },
  layui: { urls: ['layui/'], roots: ['layui-form-select'], headings: true, openable: true, select: true },
  native: { urls: [], roots: [], headings: false, openable: false, select: false },
};

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${server.port}/forms/${url}`);
  await waitForFixture(page);
  await page.waitForTimeout(300);
  return page;
}

const count = (page: Page, selector: string) => page.locator(selector).count();

describe.each(CATALOGUE.map((entry) => [entry.library, entry] as const))('catalogue entry %s', (library, entry) => {
  const expected = PAGES[library];

  it(`names the library and version it was seen on (${entry.seen})`, () => {
    expect(entry.seen).toMatch(/\d+\.\d+/);
    expect(expected.urls.length).toBeGreaterThan(0);
  });

  it('finds its form items, labels, roots, titles, openable containers and uploads on its fixture pages', async () => {
    const found = new Map<string, number>();
    const add = (key: string, n: number) => found.set(key, (found.get(key) ?? 0) + n);
    for (const url of expected.urls) {
      const page = await open(url);
      if (entry.formItem) {
        add('formItem', await count(page, entry.formItem.item));
        const labels = await page.locator(entry.formItem.label).allTextContents();
        add('label', labels.filter((text) => text.trim() !== '').length);
      }
      for (const root of expected.roots) add(`root .${root}`, await count(page, `.${root}`));
      for (const selector of entry.headings ?? []) add('headings', await count(page, selector));
      for (const selector of entry.openable ?? []) add('openable', await count(page, selector));
      if (entry.upload) {
        add('upload root', await count(page, entry.upload.root));
        add('upload trigger', await count(page, entry.upload.trigger));
      }
      await page.close();
    }
    const missing = [...found].filter(([key, n]) => n === 0 && (key !== 'headings' || expected.headings)
      && (key !== 'openable' || expected.openable)).map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it.runIf(expected.select)('opens its select where a person clicks, finds the options, and reads the chosen one', async () => {
    const parts = entry.select!;
    const page = await open(expected.urls[0]!);
    const root = page.locator(`.${entry.roots.find(([, kind]) => kind === 'select')![0]}`).first();
    if (parts.placeholder) expect(await root.locator(parts.placeholder).count()).toBeGreaterThan(0);
    await (parts.trigger ? root.locator(parts.trigger).first() : root).click();
    const popup = page.locator(parts.dropdown).filter({ has: page.locator(parts.option) }).last();
    await popup.waitFor({ state: 'visible' });
    const option = popup.locator(parts.option).filter({ hasText: '数学' }).first();
    await option.click();
    await expect.poll(async () => {
      const shown = root.locator(parts.value!).first();
      const tag = await shown.evaluate((el) => el.tagName);
      return tag === 'INPUT' ? shown.inputValue() : shown.textContent();
    }).toMatch(/数学/);
    await page.close();
  });
});
