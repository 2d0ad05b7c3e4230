import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deletePerson,
  deleteTeam,
  duplicateTeam,
  MAX_FILL_RECORDS,
  readSnapshot,
  recordFill,
  resolveTeam,
  saveDeadline,
  saveDraft,
  savePerson,
  saveTeam,
  ValidationError,
  type SubmitHelperDB,
} from '@/lib/db';
import { freshDb } from './fake-db';

let db: SubmitHelperDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const person = (name: string, extra: Record<string, string> = {}) => ({ name, ...extra });

async function people(...names: string[]) {
  const ids: string[] = [];
  for (const name of names) {
    const r = await savePerson(db, person(name));
    if (!r.ok) throw new Error('seed failed');
    ids.push(r.value.id);
  }
  return ids;
}

describe('savePerson', () => {
  it('stores the normalised row and keeps createdAt on update', async () => {
    const first = await savePerson(db, person('王芳', { mobile: '138-0013-8000' }), 100);
    expect(first.ok && first.value.mobile).toBe('13800138000');
    if (!first.ok) return;
    const second = await savePerson(db, { ...first.value, title: '高级教师' }, 200);
    expect(second.ok && [second.value.createdAt, second.value.updatedAt]).toEqual([100, 200]);
    expect(await db.people.count()).toBe(1);
  });

  it('stores nothing when a number is in a wrong format', async () => {
    const result = await savePerson(db, person('王芳', { mobile: '1380013800', email: 'x@y' }));
    expect(result).toEqual({ ok: false, errors: { mobile: 'mobile', email: 'email' } });
    expect(await db.people.count()).toBe(0);
  });
});

describe('validation middleware', () => {
  it('rejects a direct table write that skips the repository', async () => {
    await expect(
      db.people.put({ id: 'x', name: '李雷', organization: '', title: '', mobile: '12345', landline: '', email: '',
        schoolType: '', subject: '', grade: '', major: '', region: '', createdAt: 1, updatedAt: 1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.people.count()).toBe(0);
  });
});

describe('teams', () => {
  it('keeps author order, refuses unknown people and a fourth author', async () => {
    const [a, b, c, d] = await people('甲', '乙', '丙', '丁');
    const saved = await saveTeam(db, { name: '组', authorIds: [c!, a!, b!], contactId: d });
    expect(saved.ok && saved.value.authorIds).toEqual([c, a, b]);
    expect(await saveTeam(db, { name: '组', authorIds: [a!, b!, c!, d!] })).toEqual({
      ok: false,
      errors: { authorIds: 'tooManyAuthors' },
    });
    expect(await saveTeam(db, { name: '组', authorIds: ['nobody'] })).toEqual({ ok: false, errors: { authorIds: 'invalid' } });
  });

  it('duplicates a team with a new id and the same ordered authors', async () => {
    const [a, b] = await people('甲', '乙');
    const team = await saveTeam(db, { name: '语文组', authorIds: [b!, a!], contactId: a });
    if (!team.ok) throw new Error();
    const copy = await duplicateTeam(db, team.value.id, '语文组 副本');
    expect(copy.ok && copy.value).toMatchObject({ name: '语文组 副本', authorIds: [b, a], contactId: a });
    expect(copy.ok && copy.value.id).not.toBe(team.value.id);
    expect(await db.teams.count()).toBe(2);
  });

  it('deleting a person removes them from teams; deleting a team unlinks its drafts', async () => {
    const [a, b] = await people('甲', '乙');
    const team = await saveTeam(db, { name: '组', authorIds: [a!, b!], contactId: a });
    if (!team.ok) throw new Error();
    const draft = await saveDraft(db, { title: '作品', teamId: team.value.id, fields: { work_features: '文' } });
    await deletePerson(db, a!);
    expect(await db.teams.get(team.value.id)).toMatchObject({ authorIds: [b] });
    expect((await db.teams.get(team.value.id))?.contactId).toBeUndefined();
    await deleteTeam(db, team.value.id);
    const kept = await db.drafts.get(draft.ok ? draft.value.id : '');
    expect(kept).toMatchObject({ title: '作品', fields: { work_features: '文' } });
    expect(kept?.teamId).toBeUndefined();
  });

  it('resolves a team to its people in author order', async () => {
    const [a, b, c] = await people('甲', '乙', '丙');
    const team = await saveTeam(db, { name: '组', authorIds: [c!, a!], contactId: b });
    const resolved = await resolveTeam(db, team.ok ? team.value.id : '');
    expect(resolved?.authors.map((p) => p.name)).toEqual(['丙', '甲']);
    expect(resolved?.contact?.name).toBe('乙');
  });
});

describe('saveDraft / saveDeadline', () => {
  it('refuses 《》 in the work name and keeps nothing', async () => {
    expect(await saveDraft(db, { title: '《春晓》', fields: {} })).toEqual({ ok: false, errors: { title: 'bookTitleMarks' } });
    expect(await db.drafts.count()).toBe(0);
  });
  it('stores a deadline with a real date only', async () => {
    expect((await saveDeadline(db, { label: '区级报送', date: '2025-06-31' })).ok).toBe(false);
    expect((await saveDeadline(db, { label: '区级报送', date: '2025-06-30', time: '17:00' })).ok).toBe(true);
  });
});

describe('recordFill', () => {
  it('keeps only the newest entries', async () => {
    for (let i = 0; i < MAX_FILL_RECORDS + 3; i++) {
      await recordFill(db, { url: 'https://huodong.ncet.edu.cn/#/a', fields: ['姓名'] }, i);
    }
    const fills = (await readSnapshot(db)).fills;
    expect(fills).toHaveLength(MAX_FILL_RECORDS);
    expect(Math.min(...fills.map((f) => f.at))).toBe(3);
  });
  it('refuses a non-web URL', async () => {
    expect((await recordFill(db, { url: 'javascript:alert(1)', fields: [] })).ok).toBe(false);
  });
});
