import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '@/lib/checks';
import { loadMessages } from '../locales/messages';


describe('预检 page locales', () => {
  it('says which language the findings are written in', async () => {
    const [zh, en] = await Promise.all([loadMessages('zh_CN'), loadMessages('en')]);
    expect(zh.get('ui.lang')).toBe('zh');
    expect(en.get('ui.lang')).toBe('en');
  });

  it('has a text for every verdict and overall result the page builds at run time', async () => {
    const zh = await loadMessages('zh_CN');
    for (const v of VERDICTS) {
      expect(zh.get(`ui.verdict.${v}`), v).toBeTruthy();
      expect(zh.get(`check.overall.${v}`), v).toBeTruthy();
    }
    // The page and the shared components build only these two key families from values; every other key is typed
    // by `wxt prepare`.
    const dirs = ['../../entrypoints/check', '../../components'].map((d) => resolve(import.meta.dirname, d));
    const source = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(join(d, f), 'utf8'))).join('\n');
    const built = [...source.matchAll(/t\(`((?:check|ui)\.[a-z.]+)\$\{/g)].map((m) => m[1]).sort();
    expect([...new Set(built)]).toEqual(['check.overall.', 'ui.verdict.']);
  });
});
