import { describe, expect, it } from 'vitest';
import { loadMessages, placeholders } from './messages';

// The UI is Chinese first, English second: every message exists in both, with the same substitutions.
describe('locale files', () => {
  it('have the same keys and $n placeholders in zh_CN and en', async () => {
    const [zh, en] = await Promise.all([loadMessages('zh_CN'), loadMessages('en')]);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
  });

  it('have no empty message and only names Chrome accepts', async () => {
    for (const messages of await Promise.all([loadMessages('zh_CN'), loadMessages('en')])) {
      for (const [key, text] of messages) {
        expect(text.trim(), key).not.toBe('');
        // Chrome's messages.json names allow ASCII letters, digits and underscores; dots become underscores.
        expect(key, key).toMatch(/^[A-Za-z0-9_.]+$/);
      }
    }
  });
});
