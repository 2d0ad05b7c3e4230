import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { APPLIED, schemaKeys } from '@/lib/rules/applied';

const ROOT = join(__dirname, '..', '..');
const leaf = (key: string) => key.replace(/\[\]$/, '').split('.').at(-1)!.replace(/\[\]$/, '');
const mentions = (source: string, name: string) => new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`).test(source);

describe('every rule pack key is applied', () => {
  const keys = schemaKeys();

  it('walks the whole schema: leaves, shared schemas once, nested arrays', () => {
    expect(keys).toContain('categories[].slots[].video.fps');
    expect(keys).toContain('categories[].slots[].variants[].accept');
    expect(keys).toContain('Source.quote');
    expect(keys.filter((k) => k.startsWith('Source.'))).toEqual(['Source.notice', 'Source.section', 'Source.quote']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(keys)('%s has a consumer', (key) => {
    expect(APPLIED[key], `${key} is read by no code: apply it (and list it in lib/rules/applied.ts) or remove it from the schema`).toBeDefined();
    expect(APPLIED[key]!.length).toBeGreaterThan(0);
    for (const use of APPLIED[key]!) {
      expect(existsSync(join(ROOT, use.module)), `${use.module} (listed for ${key}) does not exist`).toBe(true);
      expect(mentions(readFileSync(join(ROOT, use.module), 'utf8'), leaf(key)), `${use.module} does not read ${leaf(key)} (${key})`).toBe(true);
      expect(use.shows.length).toBeGreaterThan(0);
    }
  });

  it('lists no key the schema does not have', () => {
    expect(Object.keys(APPLIED).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('fails for a key with no consumer, and for a consumer that does not read it', () => {
    const extended = z.object({ used: z.number(), unused: z.string().optional(), nested: z.array(z.object({ deep: z.boolean() })) });
    const extraKeys = schemaKeys(extended, []);
    expect(extraKeys).toEqual(['used', 'unused', 'nested[].deep']);
    expect(extraKeys.filter((k) => APPLIED[k] === undefined)).toEqual(extraKeys);
    expect(mentions('const x = slot.maxBytes;', 'maxBytes')).toBe(true);
    expect(mentions('const x = slot.maxBytesTotal;', 'maxBytes')).toBe(false);
  });
});
