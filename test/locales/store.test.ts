import { describe, expect, it } from 'vitest';
import { declaredManifest } from '../manifest';
import { loadMessages } from './messages';

// The stores' limits (Chrome Web Store developer docs, "Creating a great listing page" and the manifest's
// `description`; addons.mozilla.org's submission form): a listing over a limit is refused at upload.
const CHROME_SHORT_DESCRIPTION = 132;
const AMO_NAME = 50;
const STORE_DESCRIPTION = 16_000;
const CHROME_JUSTIFICATION = 1_000;

const LOCALES = ['zh_CN', 'en'] as const;

describe('manifest texts', () => {
  it.each(LOCALES)('%s: the description fits the Chrome Web Store short description and the name fits AMO', async (locale) => {
    const messages = await loadMessages(locale);
    expect([...messages.get('extDescription')!].length).toBeLessThanOrEqual(CHROME_SHORT_DESCRIPTION);
    expect([...messages.get('extName')!].length).toBeLessThanOrEqual(AMO_NAME);
  });
});

describe('store listings (locales/store/)', () => {
  it('have the same keys in zh_CN and en', async () => {
    const [zh, en] = await Promise.all(LOCALES.map((l) => loadMessages(l, 'store')));
    expect([...en!.keys()].sort()).toEqual([...zh!.keys()].sort());
  });

  it.each(LOCALES)('%s: fits the stores and names the manifest itself', async (locale) => {
    const [store, messages] = await Promise.all([loadMessages(locale, 'store'), loadMessages(locale)]);
    expect(store.get('name')).toBe(messages.get('extName'));
    expect([...store.get('description')!].length).toBeLessThanOrEqual(STORE_DESCRIPTION);
    for (const [key, text] of store) {
      if (key === 'description') continue;
      expect([...text].length, key).toBeLessThanOrEqual(CHROME_JUSTIFICATION);
    }
  });

  it.each(LOCALES)('%s: justifies exactly the permissions the manifest asks for', async (locale) => {
    const store = await loadMessages(locale, 'store');
    const manifest = await declaredManifest();
    const justified = [...store.keys()].filter((k) => k.startsWith('permissions.')).map((k) => k.slice('permissions.'.length));
    expect(justified.filter((k) => k !== 'contentScripts' && k !== 'wasm').sort()).toEqual([...(manifest.permissions ?? [])].sort());
  });
});
