import { describe, expect, it } from 'vitest';
import { FrameChecker } from '@/entrypoints/panel.content/frame-checker';
import type { FileCheck } from '@/lib/guard';
import { CHECK_CHANNEL, isCheckRequest } from '@/lib/panel/protocol';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function fakeFrame() {
  const posted: Array<{ data: Record<string, unknown>; origin: string }> = [];
  const win = { postMessage: (data: Record<string, unknown>, origin: string) => posted.push({ data, origin }) } as unknown as Window;
  return { win, posted };
}

const verdict = (name: string): FileCheck => ({
  name, size: 3, slotId: null, verdict: 'pass', findings: [], startedAt: 0, finishedAt: 1, bytesRead: 3,
});

describe('FrameChecker', () => {
  it('holds files until the frame sends its key, posts them to the extension origin only, and settles by id', async () => {
    const { win, posted } = fakeFrame();
    const checker = new FrameChecker(() => win, ORIGIN);
    const file = new File(['abc'], 'a.mp4');
    const result = checker.check(file, undefined, 'hecloudnet');
    expect(posted).toEqual([]);
    checker.receive({ kind: 'checkKey', key: 'k1' });
    expect(posted).toHaveLength(1);
    expect(posted[0]!.origin).toBe(ORIGIN);
    expect(posted[0]!.data).toMatchObject({ channel: CHECK_CHANNEL, key: 'k1', id: 1, file, route: 'hecloudnet' });
    checker.receive({ kind: 'checked', id: 99, ok: true, check: verdict('other') });
    checker.receive({ kind: 'checked', id: 1, ok: true, check: verdict('a.mp4') });
    await expect(result).resolves.toMatchObject({ name: 'a.mp4', verdict: 'pass' });
  });

  it('sends what is still waiting again to a reloaded frame, under its new key', async () => {
    const { win, posted } = fakeFrame();
    const checker = new FrameChecker(() => win, ORIGIN);
    checker.receive({ kind: 'checkKey', key: 'k1' });
    const result = checker.check(new File(['x'], 'b.docx'), undefined, 'huodong');
    checker.receive({ kind: 'checkKey', key: 'k2' });
    expect(posted.map((p) => p.data.key)).toEqual(['k1', 'k2']);
    checker.receive({ kind: 'checked', id: 1, ok: false, error: 'worker gone' });
    await expect(result).rejects.toThrow('worker gone');
  });
});

describe('isCheckRequest', () => {
  const file = new File(['x'], 'c.pdf');
  it.each([
    [{ channel: CHECK_CHANNEL, key: 'k', id: 1, file, route: 'huodong' }, true],
    // A page that read the frame's URL still lacks the key, which travels over the port only.
    [{ channel: CHECK_CHANNEL, key: 'guess', id: 1, file, route: 'huodong' }, false],
    [{ channel: CHECK_CHANNEL, key: 'k', id: '1', file, route: 'huodong' }, false],
    [{ channel: CHECK_CHANNEL, key: 'k', id: 1, file: 'not a file', route: 'huodong' }, false],
    [{ channel: CHECK_CHANNEL, key: 'k', id: 1, file }, false],
    [null, false],
  ])('%o → %s', (data, expected) => {
    expect(isCheckRequest(data, 'k')).toBe(expected);
  });
});
