import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_FEATURES } from '@/entrypoints/panel.content/features';
import { PAGE_FEATURES } from '@/entrypoints/panel.content/features/page';

describe('panel features', () => {
  it('registers every feature file, under its file name', () => {
    const dir = resolve(import.meta.dirname, '../../entrypoints/panel.content/features');
    // A feature is a file, or a folder (with an index) when it needs several files.
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() || (/\.tsx?$/.test(e.name) && !['index.ts', 'define.ts', 'page.ts'].includes(e.name)))
      .map((e) => e.name.replace(/\.tsx?$/, ''));
    const ids = new Set([...PANEL_FEATURES, ...PAGE_FEATURES].map((f) => f.id));
    expect([...ids].sort()).toEqual(files.sort());
  });

  it('keeps page layers apart from panel sections: nothing drawn on the page comes from the frame registry', () => {
    for (const feature of PAGE_FEATURES) expect(typeof feature.Layer).toBe('function');
    for (const feature of PANEL_FEATURES) expect('Layer' in feature).toBe(false);
  });
});
