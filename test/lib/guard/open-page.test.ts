import { describe, expect, it } from 'vitest';
import { extensionPagePath, installOpenPageListener, openPageMessage, type OpenPageApi } from '@/lib/guard/open-page';

function fakeApi() {
  const created: unknown[] = [];
  let listener: ((m: unknown, s: { tab?: { id?: number; index?: number } }) => Promise<unknown> | undefined) | undefined;
  const api: OpenPageApi = {
    runtime: { getURL: (p) => `chrome-extension://id${p}`, onMessage: { addListener: (l) => void (listener = l) } },
    tabs: { create: async (props) => void created.push(props) },
  };
  installOpenPageListener(api);
  return { created, send: (m: unknown, tab?: { id?: number; index?: number }) => listener!(m, tab ? { tab } : {}) };
}

describe('installOpenPageListener', () => {
  it('opens the repair page for the category next to the asking tab', async () => {
    const { created, send } = fakeApi();
    await expect(send(openPageMessage('repair.html', 'zhijiao_shijian'), { id: 7, index: 2 })).resolves.toEqual({ ok: true });
    expect(created).toEqual([{ url: 'chrome-extension://id/repair.html?category=zhijiao_shijian', index: 3, openerTabId: 7 }]);
  });

  it('leaves other messages to other listeners and refuses other pages or odd ids', () => {
    const { created, send } = fakeApi();
    expect(send({ channel: 'submit-helper', name: 'getPeople', data: {} })).toBeUndefined();
    expect(send({ ...openPageMessage('check.html', 'x'), page: 'options.html' })).toBeUndefined();
    expect(send({ ...openPageMessage('check.html', 'x'), category: 'x&y=1' })).toBeUndefined();
    expect(created).toEqual([]);
  });
});

describe('extensionPagePath', () => {
  it('puts the category in the query', () => {
    expect(extensionPagePath('check.html', 'xiaoben')).toBe('/check.html?category=xiaoben');
  });
});
