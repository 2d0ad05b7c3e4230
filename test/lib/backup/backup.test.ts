import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyImport,
  BACKUP_VERSION,
  checksumOf,
  hasChanges,
  parseBackup,
  previewImport,
  serializeBackup,
  type Backup,
} from '@/lib/backup';
import {
  readSnapshot,
  recordFill,
  saveDeadline,
  saveDraft,
  savePerson,
  saveTeam,
  TABLE_NAMES,
  type SubmitHelperDB,
} from '@/lib/db';
import { freshDb } from '../db/fake-db';

let db: SubmitHelperDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

async function seed() {
  const ids: string[] = [];
  for (const [name, mobile] of [['王芳', '13800138000'], ['李雷', '13900139000'], ['韩梅梅', '']] as const) {
    const r = await savePerson(db, { name, mobile, organization: '北京市第一中学', landline: '010-62345678转12' });
    if (!r.ok) throw new Error('seed');
    ids.push(r.value.id);
  }
  const team = await saveTeam(db, { name: '语文组', authorIds: ids, contactId: ids[0] });
  if (!team.ok) throw new Error('seed');
  await saveDraft(db, { title: '古诗词群文阅读', categoryId: 'ronghe', teamId: team.value.id,
    fields: { work_features: '以“诗意”为线索，整合三首古诗。' } });
  await saveDeadline(db, { label: '区级FTP报送', date: '2025-06-20', time: '17:00', note: '以区通知为准' });
  await recordFill(db, { url: 'https://huodong.ncet.edu.cn/#/works', siteId: 'huodong', fields: ['姓名', '手机'] });
}

async function exported(): Promise<string> {
  return serializeBackup(await readSnapshot(db));
}

async function parsedOk(text: string): Promise<Backup> {
  const result = await parseBackup(text);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.backup;
}

describe('serializeBackup / parseBackup / applyImport', () => {
  it('round-trips: export → wipe → import gives equal data', async () => {
    await seed();
    const before = await readSnapshot(db);
    const text = await exported();
    await Promise.all(TABLE_NAMES.map((t) => db.table(t).clear()));
    expect((await readSnapshot(db)).people).toEqual([]);
    await applyImport(db, await parsedOk(text), 'replace');
    expect(await readSnapshot(db)).toEqual(before);
  });

  it('checksum does not depend on key order', async () => {
    expect(await checksumOf({ a: 1, b: [{ x: 1, y: 2 }] })).toBe(await checksumOf({ b: [{ y: 2, x: 1 }], a: 1 }));
  });
});

describe('parseBackup refusals', () => {
  it.each([
    ['an empty file', () => '', 'empty'],
    ['malformed JSON', (t: string) => t.replace('{', '{{'), 'notJson'],
    ['a truncated file', (t: string) => t.slice(0, Math.floor(t.length * 0.6)), 'notJson'],
    ['another JSON file', () => JSON.stringify({ name: 'package', version: '1.0.0' }), 'notBackup'],
    ['a future version', (t: string) => t.replace(`"version": ${BACKUP_VERSION}`, '"version": 99'), 'futureVersion'],
    ['an edited value', (t: string) => t.replace('13800138000', '13800138001'), 'checksum'],
  ] as const)('refuses %s', async (_, damage, code) => {
    await seed();
    const result = await parseBackup(damage(await exported()));
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('refuses a well-formed file whose rows break the schema, naming the place', async () => {
    await seed();
    const file = JSON.parse(await exported());
    file.data.people[0].mobile = '12345';
    file.checksum = await checksumOf(file.data);
    const result = await parseBackup(JSON.stringify(file));
    expect(result).toEqual({ ok: false, error: { code: 'invalid', detail: 'data.people.0.mobile' } });
  });

  it('a refused file changes nothing in the database', async () => {
    await seed();
    const before = await readSnapshot(db);
    const result = await parseBackup((await exported()).slice(0, 100));
    expect(result.ok).toBe(false);
    expect(await readSnapshot(db)).toEqual(before);
  });
});

describe('previewImport', () => {
  it('lists what merge and replace would add, update and remove', async () => {
    await seed();
    const backup = await parsedOk(await exported());
    const unchanged = previewImport(await readSnapshot(db), backup, 'merge');
    expect(hasChanges(unchanged)).toBe(false);
    expect(unchanged.people.unchanged).toBe(3);

    const wang = (await db.people.where('name').equals('王芳').first())!;
    await savePerson(db, { ...wang, title: '高级教师' }, wang.updatedAt + 1);
    await savePerson(db, { name: '新同事' });
    const now = await readSnapshot(db);
    const merge = previewImport(now, backup, 'merge');
    expect(merge.people).toEqual({ added: [], updated: ['王芳'], removed: [], unchanged: 2 });
    const replace = previewImport(now, backup, 'replace');
    expect(replace.people.removed).toEqual(['新同事']);
  });

  it('merge keeps rows the file does not have', async () => {
    await seed();
    const backup = await parsedOk(await exported());
    await savePerson(db, { name: '新同事' });
    await applyImport(db, backup, 'merge');
    expect(await db.people.count()).toBe(4);
  });
});

describe('applyImport atomicity', () => {
  it('rolls everything back when one row fails to write', async () => {
    await seed();
    const before = await readSnapshot(db);
    const backup = await parsedOk(await exported());
    // A row that got past parsing by a bug must still not half-apply an import.
    const broken = { ...backup, data: { ...backup.data, people: [], fills: [{ ...backup.data.fills[0]!, url: 'not a url' }] } };
    await expect(applyImport(db, broken as Backup, 'replace')).rejects.toThrow();
    expect(await readSnapshot(db)).toEqual(before);
  });
});
