import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '@/lib/checks';
import { loadMessages } from '../locales/messages';


describe('预检 page locales', () => {
  it('says which language the findings are written in', async () => {
    const [zh, en] = await Promise.all([loadMessages('zh_CN'), loadMessages('en')]);
    expect(zh.get('check.lang')).toBe('zh');
    expect(en.get('check.lang')).toBe('en');
  });

  it('has a text for every verdict and overall result the page builds at run time', async () => {
    const zh = await loadMessages('zh_CN');
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
