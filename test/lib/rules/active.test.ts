import { describe, expect, it } from 'vitest';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import {
  allWindowsPast, exportPack, importRulePack, importedPackItem, loadActivePack, packHash, removeImportedPack, savePack,
} from '@/lib/rules/active';

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

describe('savePack', () => {
  it('stores a drafted pack, validated, and makes it the active one', async () => {
    const result = await savePack(nextYear());
    expect(result.ok).toBe(true);
    expect((await loadActivePack()).version).toBe('2026.1');
    await removeImportedPack();
  });

  it('refuses a pack whose edit broke a cross-check, and keeps the active one', async () => {
    await savePack(nextYear());
    const broken = nextYear() as unknown as { categories: Array<{ windows: Array<{ from?: string; to: string }> }> };
    broken.categories[7]!.windows[0] = { ...broken.categories[7]!.windows[0]!, from: '2026-09-30', to: '2026-09-01' };
    const result = await savePack(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/晚于截止日期/);
    expect((await loadActivePack()).version).toBe('2026.1');
    await removeImportedPack();
  });
});

describe('packHash and exportPack', () => {
  it('names a pack by version and content, and the export parses back to the same pack', async () => {
    const pack = await loadActivePack();
    const edited = structuredClone(pack);
    edited.categories[0]!.maxAuthors = 2;
    expect(await packHash(pack)).toMatch(/^[0-9a-f]{12}$/);
    expect(await packHash(edited)).not.toBe(await packHash(pack));
    expect(await packHash(structuredClone(pack))).toBe(await packHash(pack));
    const file = await exportPack(pack);
    expect(file.name).toBe(`rule-pack-2025.1-${await packHash(pack)}.json`);
    expect(JSON.parse(file.text)).toEqual(pack);
  });
});

describe('allWindowsPast', () => {
  it('is true the day after the last window closes (Beijing time), not on that day', async () => {
    const pack = await loadActivePack();
    const last = [...pack.windows, ...pack.categories.flatMap((category) => category.windows)]
      .map((window) => window.to).sort().at(-1)!;
    expect(allWindowsPast(pack, new Date(`${last}T23:59:00+08:00`))).toBe(false);
    expect(allWindowsPast(pack, new Date(`${last}T23:59:59.999+08:00`))).toBe(false);
    expect(allWindowsPast(pack, new Date(new Date(`${last}T23:59:59.999+08:00`).getTime() + 1))).toBe(true);
  });
});
