import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMessageHandlers, saveDraft, savePerson, saveTeam, type SubmitHelperDB } from '@/lib/db';
import { MessageError, onMessage, sendMessage, type RuntimeLike } from '@/lib/messaging';
import { freshDb } from './db/fake-db';

const runtime = fakeBrowser.runtime as unknown as RuntimeLike;
let db: SubmitHelperDB;
let stop: () => void;

beforeEach(() => {
  db = freshDb();
  stop = onMessage(createMessageHandlers(() => db), runtime);
});
afterEach(() => {
  stop();
  db.close();
});

describe('sendMessage / onMessage', () => {
  it('reads a team with its authors in order', async () => {
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙']) {
      const r = await savePerson(db, { name, mobile: '13800138000' });
      if (r.ok) ids.push(r.value.id);
    }
    const team = await saveTeam(db, { name: '组', authorIds: [ids[2]!, ids[0]!, ids[1]!] });
    if (!team.ok) throw new Error();
    const resolved = await sendMessage('getTeam', { id: team.value.id }, runtime);
    expect(resolved?.authors.map((p) => p.name)).toEqual(['丙', '甲', '乙']);
    expect(await sendMessage('getTeam', { id: 'missing' }, runtime)).toBeNull();
    expect((await sendMessage('getPeople', {}, runtime)).map((p) => p.name).sort()).toEqual(['丙', '乙', '甲'].sort());
  });

  it('filters drafts by category', async () => {
    await saveDraft(db, { title: '甲', categoryId: 'ronghe', fields: {} });
    await saveDraft(db, { title: '乙', categoryId: 'xiaoben', fields: {} });
    expect((await sendMessage('getDrafts', { categoryId: 'xiaoben' }, runtime)).map((d) => d.title)).toEqual(['乙']);
    expect(await sendMessage('getDrafts', {}, runtime)).toHaveLength(2);
  });

  it('records a fill and refuses a malformed request', async () => {
    const { id } = await sendMessage('recordFill', { url: 'https://huodong.ncet.edu.cn/#/w', fields: ['姓名'] }, runtime);
    expect((await db.fills.get(id))?.fields).toEqual(['姓名']);
    await expect(sendMessage('getTeam', { id: '' }, runtime)).rejects.toBeInstanceOf(MessageError);
    await expect(
      sendMessage('recordFill', { url: 'file:///etc/passwd', fields: [] }, runtime),
    ).rejects.toThrow(/recordFill/);
    expect(await db.fills.count()).toBe(1);
  });

  it('leaves messages that are not ours to other listeners', async () => {
    fakeBrowser.runtime.onMessage.addListener(((msg: unknown) =>
      (msg as { ping?: boolean }).ping ? Promise.resolve('pong') : undefined) as never);
    expect(await fakeBrowser.runtime.sendMessage({ ping: true })).toBe('pong');
  });
});
