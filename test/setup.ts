import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// fakeBrowser leaves i18n unimplemented; serve the real messages so components render the strings users see.
const locale = process.env.TEST_LOCALE ?? 'zh_CN';
const messages = generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, `../locales/${locale}.yml`)));

function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = messages[name]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
}

function install() {
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => locale.replace('_', '-'),
  });
}

// waitFor/findBy return as soon as the page shows what they wait for; the default 1 s bound fails tests on a busy
// 2-core machine without anything being wrong. Speed is measured by test/bench, never here.
configure({ asyncUtilTimeout: 5000 });

install();
beforeEach(() => {
  fakeBrowser.reset();
  install();
});

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
});
