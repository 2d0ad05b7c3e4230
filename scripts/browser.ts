/**
 * Chromium with the built extension, and the fixture forms served under the real host names: used by `npm run demo`
 * and, through test/e2e/harness.ts, by the end-to-end tests. Lives in scripts/ because the demo ships to users and
 * must not import test code.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'test/e2e/fixtures');

/** The real host names the extension matches; Chromium resolves them to the local fixture server. */
export const SITE_HOSTS = ['huodong.ncet.edu.cn', 'www.hecloudnet.com', 'hecloudnet.com'] as const;

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install Debian\'s package (`sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Serves `test/e2e/fixtures` at `/` and the UI libraries' own packages at `/node_modules/`, to any Host header:
 * the same server answers for every mapped host name.
 */
export async function startFixtureServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const roots: Array<[prefix: string, dir: string]> = [
    ['/node_modules/', join(ROOT, 'node_modules')],
    ['/', FIXTURES_DIR],
  ];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = roots.find(([p]) => path.startsWith(p))!;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Service-worker errors seen since launch. */
  errors: string[];
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

/** Launches Chromium with the built extension; `userDataDir` may be reused to test persistence across restarts. */
export async function launchWithExtension(
  port: number,
  options: { userDataDir?: string; headless?: boolean; language?: 'zh_CN' | 'en' } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'submit-helper-e2e-')));
  const rules = SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    locale: options.language === 'en' ? 'en-US' : 'zh-CN',
    // On Linux, Chromium takes its UI language (and so chrome.i18n's) from LANGUAGE; --lang is ignored there.
    env: { ...process.env, LANGUAGE: options.language ?? 'zh_CN' },
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const errors: string[] = [];
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  serviceWorker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.userDataDir) {
    // A fresh install opens the options page (a welcome for new users); close it so a test's own navigation to the
    // same page cannot race with it.
    const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/options.html`;
    let welcome: Page | undefined;
    for (const start = Date.now(); !welcome && Date.now() - start < 15_000; ) {
      welcome = context.pages().find(isWelcome);
      if (!welcome) await new Promise((r) => setTimeout(r, 100));
    }
    if (!welcome) throw new Error('The extension did not open its options page on install.');
    // With a window, closing the only tab would end the browser: open a blank one first.
    if (context.pages().length === 1) await context.newPage();
    await welcome.close();
  }
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    errors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export function extensionPage(browser: ExtensionBrowser, path: string): string {
  return `chrome-extension://${browser.extensionId}/${path}`;
}

/**
 * The panel's root inside its frame: an extension page in an iframe in the host's shadow root (Playwright's CSS
 * selectors pierce open shadow roots, and frame locators enter the extension's frame).
 */
export function panel(page: Page) {
  return page.frameLocator('submit-helper-panel iframe').locator('[data-testid="submit-helper-panel"]');
}
