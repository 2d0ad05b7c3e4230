import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '@/lib/checks';

const load = async (locale: string) =>
  new Map((await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${locale}.yml`))).map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '']));

describe('预检 page locales', () => {
  it('has the same check.* keys and $n placeholders in zh_CN and en', async () => {
    const [zh, en] = await Promise.all([load('zh_CN'), load('en')]);
    const keys = (m: Map<string, string>) => [...m.keys()].filter((k) => k.startsWith('check.')).sort();
    expect(keys(zh).length).toBeGreaterThan(20);
    expect(keys(en)).toEqual(keys(zh));
    const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();
    for (const key of keys(zh)) expect(placeholders(en.get(key)!), key).toEqual(placeholders(zh.get(key)!));
    expect(zh.get('check.lang')).toBe('zh');
    expect(en.get('check.lang')).toBe('en');
  });

  it('has a text for every verdict and overall result the page builds at run time', async () => {
    const zh = await load('zh_CN');
    for (const v of VERDICTS) {
      expect(zh.get(`check.verdict.${v}`), v).toBeTruthy();
      expect(zh.get(`check.overall.${v}`), v).toBeTruthy();
    }
    // The page builds only these two key families from values; every other key is typed by `wxt prepare`.
    const source = readFileSync(resolve(import.meta.dirname, '../../entrypoints/check/check.tsx'), 'utf8');
    const built = [...source.matchAll(/t\(`(check\.[a-z.]+)\$\{/g)].map((m) => m[1]).sort();
    expect([...new Set(built)]).toEqual(['check.overall.', 'check.verdict.']);
  });
});
