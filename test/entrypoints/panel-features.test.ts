import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_FEATURES } from '@/entrypoints/panel.content/features';

describe('panel features', () => {
  it('registers every feature file, under its file name', () => {
    const dir = resolve(import.meta.dirname, '../../entrypoints/panel.content/features');
    // A feature is a file, or a folder (with an index) when it needs several files.
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() || (/\.tsx?$/.test(e.name) && !['index.ts', 'define.ts'].includes(e.name)))
      .map((e) => e.name.replace(/\.tsx?$/, ''));
    expect(PANEL_FEATURES.map((f) => f.id).sort()).toEqual(files.sort());
  });
});
