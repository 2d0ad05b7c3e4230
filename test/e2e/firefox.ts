/**
 * Debian's Firefox ESR with the built Firefox add-on, driven by puppeteer-core over WebDriver BiDi. Firefox has no
 * --host-resolver-rules, so the fixture server doubles as the browser's HTTP proxy: every request for the real host
 * names reaches it with an absolute URL, and the add-on's real `matches` run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ROOT } from '../../scripts/browser';

export const FIREFOX_EXTENSION_DIR =
  process.env.E2E_FIREFOX_EXTENSION_DIR ?? join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error("Firefox not found. Install Debian's package (`sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.");
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  close: () => Promise<void>;
}

/** Launches headless Firefox with every http request sent to the fixture server, and installs the add-on (temporary). */
export async function launchFirefoxWithExtension(proxyPort: number): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      // The fixture sites are plain http, as mapped; Firefox must not try https first.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
    },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return { browser, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The tab showing one of the add-on's pages. BiDi cannot navigate to moz-extension:// and reports such a tab's URL
 * as about:blank, so each tab is asked where it is.
 */
export async function extensionTab(browser: Browser, path: string, timeout = 15_000): Promise<Page> {
  for (const start = Date.now(); Date.now() - start < timeout; await new Promise((r) => setTimeout(r, 200))) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${path}`) return page;
    }
  }
  throw new Error(`No tab showed ${path} within ${timeout} ms`);
}

/**
 * The first element matching `selector` in the page or any of its frames, piercing open shadow roots: the panel
 * lives in a shadow root, and its UI may sit in an extension frame inside it.
 */
export async function findInFrames(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle> {
  for (const start = Date.now(); Date.now() - start < timeout; await new Promise((r) => setTimeout(r, 200))) {
    for (const frame of page.frames()) {
      const found = await frame.$(`pierce/${selector}`).catch(() => null);
      if (found) return found;
    }
  }
  throw new Error(`Nothing matched ${selector} within ${timeout} ms`);
}
