import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from '../../scripts/browser';

// The browser launcher and fixture server are shared with `npm run demo`, so they live in scripts/; the e2e tests
// import them from here. Helpers only the tests need go below.
export * from '../../scripts/browser';

/** Where the e2e tests write screenshots and other artefacts: git-ignored, so a test run leaves the tree clean. */
export const ARTIFACTS_DIR = join(ROOT, 'test/e2e/artifacts');

/** The path of one artefact (e.g. `popup.png`) in {@link ARTIFACTS_DIR}, creating the folder. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/** What a suite gets from `extensionSuite`: valid from its `beforeAll` on. */
export interface ExtensionSuite {
  readonly browser: ExtensionBrowser;
  /** A scratch folder for the suite's files, removed after the suite. */
  readonly dir: string;
}

/**
 * Registers the suite's set-up and teardown: a scratch folder filled by `prepare`, the fixture server and Chromium
 * with the built extension; all of them closed and removed after the suite, whatever failed.
 */
export function extensionSuite(prefix: string, prepare: (dir: string) => void | Promise<void> = () => {}): ExtensionSuite {
  let server: Awaited<ReturnType<typeof startFixtureServer>> | undefined;
  let browser: ExtensionBrowser | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    await prepare(dir);
    server = await startFixtureServer();
    browser = await launchWithExtension(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      if (!browser) throw new Error('extensionSuite: the browser is used before beforeAll ran');
      return browser;
    },
    get dir() {
      if (!dir) throw new Error('extensionSuite: the folder is used before beforeAll ran');
      return dir;
    },
  };
}

/** Opens one of the extension's pages in a new tab and collects the page's uncaught errors. */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(extensionPage(browser, path));
  return { page, errors };
}
