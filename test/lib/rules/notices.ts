import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RulePack, Source } from '@/lib/rules';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

/*
 * The notices live beside the repository in shared/seeds; a copy under test/fixtures/notices (same file names) wins
 * so the tests can run from a checkout that has no shared folder. SUBMIT_HELPER_NOTICES overrides both.
 */
const CANDIDATE_DIRS = [
  process.env.SUBMIT_HELPER_NOTICES,
  resolve(repoRoot, 'test/fixtures/notices'),
  resolve(repoRoot, '../shared/seeds'),
].filter((dir): dir is string => dir !== undefined && dir !== '');

export function readNotice(file: string): string {
  for (const dir of CANDIDATE_DIRS) {
    const path = resolve(dir, file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`Notice ${file} not found in ${CANDIDATE_DIRS.join(', ')}`);
}

/** The notices are text extracts with hard line wraps and table cells split by tabs; only whitespace is ignored. */
export const squash = (text: string): string => text.replace(/\s+/gu, '');

export function noticeTexts(pack: RulePack): Record<Source['notice'], string> {
  return {
    district: squash(readNotice(pack.notices.district.file)),
    national: squash(readNotice(pack.notices.national.file)),
  };
}

/** Every source object anywhere in the pack, with where it sits. */
export function allSources(node: unknown, path = 'pack'): Array<{ path: string; source: Source }> {
  if (Array.isArray(node)) return node.flatMap((item, index) => allSources(item, `${path}[${index}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.notice === 'string' && typeof record.section === 'string'
    ? [{ path, source: record as unknown as Source }]
    : [];
  return [...own, ...Object.entries(record).flatMap(([key, value]) => allSources(value, `${path}.${key}`))];
}
