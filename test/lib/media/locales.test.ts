import { describe, expect, it } from 'vitest';
import { ENGINE_IDS } from '@/lib/media/engine';
import { BLOCK_REASONS, ISSUE_CODES } from '@/lib/media/plan';
import { loadMessages } from '../../locales/messages';

// The repair page builds some keys from codes at run time, which the typed i18n cannot check.
describe('repair page messages', () => {
  it('names every issue, block reason and engine', async () => {
    const zh = await loadMessages('zh_CN');
    const needed = [
      ...ISSUE_CODES.map((c) => `repair.issues.${c}`),
      ...BLOCK_REASONS.map((r) => `repair.blocked.${r}`),
      ...ENGINE_IDS.map((id) => `repair.engine.${id.replace('-', '_')}`),
    ];
    expect(needed.filter((key) => !zh.has(key))).toEqual([]);
  });
});
