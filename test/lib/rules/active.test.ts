import { describe, expect, it } from 'vitest';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { importRulePack, importedPackItem, loadActivePack, removeImportedPack } from '@/lib/rules/active';

const nextYear = () => {
  const pack = structuredClone(PACK_2025) as unknown as Record<string, unknown>;
  return { ...pack, version: '2026.1', year: 2026 };
};

describe('importRulePack', () => {
  it('stores a valid newer pack, which then becomes the active one', async () => {
    const result = await importRulePack(JSON.stringify(nextYear()));
    expect(result.ok).toBe(true);
    expect((await loadActivePack()).version).toBe('2026.1');
    await removeImportedPack();
    expect((await loadActivePack()).version).toBe('2025.1');
  });

  it.each([
    ['truncated JSON', () => JSON.stringify(nextYear()).slice(0, 500), /不是有效的 JSON/],
    ['a pack with a broken limit', () => JSON.stringify({ ...nextYear(), categories: [] }), /categories/],
    ['the bundled version again', () => JSON.stringify(PACK_2025), /不比内置的 2025\.1 新/],
  ])('refuses %s and changes nothing', async (_, text, message) => {
    await importRulePack(JSON.stringify(nextYear()));
    const result = await importRulePack(text());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
    expect((await loadActivePack()).version).toBe('2026.1');
  });

  it('ignores a stored pack that no longer validates', async () => {
    await importedPackItem.setValue({ schema: 'submit-helper/rule-pack@1', version: '2027.1' });
    expect((await loadActivePack()).version).toBe('2025.1');
  });
});
