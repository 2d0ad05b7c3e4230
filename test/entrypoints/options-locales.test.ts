import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = async (locale: string) =>
  new Map((await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${locale}.yml`))).map((m) => [m.key.join('.'), m]));

// The options page works in zh_CN and en: every key it uses must exist in both, with the same substitutions.
describe('options page locales', () => {
  it.each(['profile', 'optionsPage', 'backup'])('%s has the same keys and $n placeholders in zh_CN and en', async (section) => {
    const [zh, en] = await Promise.all([load('zh_CN'), load('en')]);
    const keys = (m: Map<string, unknown>) => [...m.keys()].filter((k) => k.startsWith(`${section}.`)).sort();
    expect(keys(zh).length).toBeGreaterThan(5);
    expect(keys(en)).toEqual(keys(zh));
    for (const key of keys(zh)) {
      const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();
      const zhMessage = zh.get(key) as { message: string };
      const enMessage = en.get(key) as { message: string };
      expect(placeholders(enMessage.message), key).toEqual(placeholders(zhMessage.message));
    }
  });
});
