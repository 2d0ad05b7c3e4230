import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SubmitHelperDB } from '@/lib/db';
import { DB_VERSION, SCHEMA_V1, deadlineIdFromDraft } from '@/lib/db/versions';
import { fakeDexieOptions } from './fake-db';

/** Opens the database as the given historic version and lets the test seed it the way that version wrote rows. */
async function openAs(version: number, options: ReturnType<typeof fakeDexieOptions>, seed: (db: Dexie) => Promise<void>) {
  const old = new Dexie('submit-helper', options);
  if (version === 1) old.version(1).stores(SCHEMA_V1);
  await old.open();
  await seed(old);
  old.close();
}

const person = { id: 'p1', name: '王芳', organization: '实验小学', title: '', mobile: '13800138000', landline: '',
  email: '', schoolType: '', subject: '', grade: '', major: '', region: '', createdAt: 1, updatedAt: 1 };

describe('version 1 → 2', () => {
  it('moves each draft deadline into the deadlines table and keeps everything else', async () => {
    const options = fakeDexieOptions();
    await openAs(1, options, async (db) => {
      await db.table('people').add(person);
      await db.table('teams').add({ id: 't1', name: '语文组', authorIds: ['p1'], contactId: 'p1', createdAt: 1, updatedAt: 1 });
      await db.table('drafts').bulkAdd([
        { id: 'd1', title: '古诗词群文阅读', categoryId: 'ronghe', teamId: 't1', fields: { work_features: '特点' },
          deadline: '2025-06-20', deadlineTime: '17:00', createdAt: 1, updatedAt: 2 },
        { id: 'd2', title: '没有截止日期的草稿', fields: {}, createdAt: 1, updatedAt: 1 },
        { id: 'd3', title: '日期写错的草稿', fields: {}, deadline: '2025-02-30', createdAt: 1, updatedAt: 1 },
      ]);
      await db.table('fills').add({ id: 'f1', at: 5, url: 'https://huodong.ncet.edu.cn/#/x', fields: ['姓名'] });
    });

    const db = new SubmitHelperDB('submit-helper', options);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    expect(await db.deadlines.toArray()).toEqual([
      { id: deadlineIdFromDraft('d1'), label: '古诗词群文阅读', categoryId: 'ronghe', date: '2025-06-20', time: '17:00' },
    ]);
    const drafts = await db.drafts.toArray();
    expect(drafts.map((d) => Object.keys(d).filter((k) => k.startsWith('deadline')))).toEqual([[], [], []]);
    expect(drafts[0]).toEqual({ id: 'd1', title: '古诗词群文阅读', categoryId: 'ronghe', teamId: 't1',
      fields: { work_features: '特点' }, createdAt: 1, updatedAt: 2 });
    // The new teamId index answers.
    expect((await db.drafts.where('teamId').equals('t1').toArray()).map((d) => d.id)).toEqual(['d1']);
    expect(await db.people.get('p1')).toEqual(person);
    expect(await db.fills.count()).toBe(1);
    db.close();
  });

  it('upgrades an empty v1 database', async () => {
    const options = fakeDexieOptions();
    await openAs(1, options, async () => {});
    const db = new SubmitHelperDB('submit-helper', options);
    await db.open();
    expect(await db.deadlines.count()).toBe(0);
    db.close();
  });
});

describe('migration meta', () => {
  it('has an upgrade test for every version before the current one', () => {
    // Each historic version needs a branch in openAs and a describe block above.
    const tested = [1];
    expect(tested).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });
});
