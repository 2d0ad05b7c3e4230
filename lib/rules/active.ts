import { storage } from '#imports';
import { RULE_PACKS, compareVersions, parseRulePack, windowState, type ParseRulePackResult } from './index';
import type { RulePack } from './schema';

/**
 * A rule pack the teacher imported (next year's notice, before an update of the extension ships it). Stored as the
 * raw JSON and validated again on every read, so a pack written by an older schema can never slip through.
 */
export const importedPackItem = storage.defineItem<unknown>('local:importedRulePack', { fallback: null });

/** The imported pack when it is valid and newer than every bundled one. */
export async function loadImportedPack(): Promise<RulePack | undefined> {
  const raw = await importedPackItem.getValue();
  if (raw === null) return undefined;
  const result = parseRulePack(raw);
  return result.ok && compareVersions(result.pack, RULE_PACKS[0]!) < 0 ? result.pack : undefined;
}

/** The pack every feature should use: an imported newer pack, else the newest bundled one. */
export async function loadActivePack(): Promise<RulePack> {
  return (await loadImportedPack()) ?? RULE_PACKS[0]!;
}

/**
 * Validates and stores a pack from a file's text. A pack that is malformed, or not newer than the bundled one,
 * is refused with readable errors and nothing stored changes.
 */
export async function importRulePack(text: string): Promise<ParseRulePackResult> {
  const result = parseRulePack(text);
  if (!result.ok) return result;
  const bundled = RULE_PACKS[0]!;
  if (compareVersions(result.pack, bundled) >= 0) {
    return {
      ok: false,
      errors: [
        `规则包版本 ${result.pack.version} 不比内置的 ${bundled.version} 新，无需导入（the pack is not newer than the built-in ${bundled.version}）`,
      ],
    };
  }
  await importedPackItem.setValue(JSON.parse(text));
  return result;
}

/**
 * Saves a pack drafted or edited on the 规则包 page: validated by the same schema and cross-checks as an import,
 * stored as plain JSON and active at once (features read it through loadActivePack; the background rebuilds
 * reminder alarms when this item changes).
 */
export async function savePack(pack: unknown): Promise<ParseRulePackResult> {
  return importRulePack(JSON.stringify(pack));
}

/**
 * A short content hash (SHA-256 of the pack's JSON, 12 hex digits). With the version it names a pack exactly:
 * two colleagues who edited "2026.1" differently see different hashes.
 */
export async function packHash(pack: RulePack): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(pack));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The pack as a JSON file to share, named after its version and hash. */
export async function exportPack(pack: RulePack): Promise<{ name: string; text: string }> {
  return { name: `rule-pack-${pack.version}-${await packHash(pack)}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
}

/** Whether every window of the pack (the organisers' and each category's) is over at `now`. */
export function allWindowsPast(pack: RulePack, now: Date): boolean {
  const windows = [...pack.windows, ...pack.categories.flatMap((category) => category.windows)];
  return windows.length > 0 && windows.every((window) => windowState(window, now) === 'closed');
}

/** Goes back to the bundled pack. */
export async function removeImportedPack(): Promise<void> {
  await importedPackItem.removeValue();
}
