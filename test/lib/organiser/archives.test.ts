import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRarDirectory } from '@/lib/checks/rar';
import { rangeOf, Reader } from '@/lib/checks/source';
import { formatLayoutIssue, inferLayout, type LayoutEntry } from '@/lib/organiser';
import {
  type ArchiveRead,
  attachArchiveIssues,
  expandTeacherArchives,
  memberBytes,
  memberSources,
  PackedMember,
  packedInspection,
} from '@/lib/organiser/archives';
import { currentPack } from '@/lib/rules';
import { memorySource } from '@/test/fixtures/checks/bytes';
import { type RarItem, writeRar5 } from '@/test/fixtures/checks/rar-writer';

const cats = currentPack().categories;
const RONGHE = '融合创新应用教学案例';
const TEACHER = '初中+实验中学+张三';

async function rar(items: RarItem[]): Promise<ArchiveRead> {
  const bytes = writeRar5(items);
  return { listing: await readRarDirectory(new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 })) };
}

/** Expands `archives` (path → what reading it gives) among `entries`, then infers the layout as the page does. */
async function district(entries: LayoutEntry[], archives: Record<string, ArchiveRead>) {
  const opened = await expandTeacherArchives(entries, cats, async (path) => archives[path]!);
  const layout = inferLayout(opened.entries, cats);
  attachArchiveIssues(layout, opened.expansions);
  return { opened, layout, rows: layout.units.map((u) => [u.teacherFolder, u.category?.id ?? null, u.workName, u.files.map((f) => f.path), u.issues.map((i) => i.code)]) };
}

const work = (teacher: string) => [
  { name: `${teacher}/${RONGHE}/函数的图像/课堂实录.mp4`, data: new Uint8Array(100) },
  { name: `${teacher}/${RONGHE}/函数的图像/教学设计.docx`, data: new Uint8Array(20) },
];

describe('expandTeacherArchives', () => {
  it('opens a teacher RAR of the notice\'s shape as its folder, beside unpacked teachers', async () => {
    const { rows } = await district(
      [{ path: `区/${TEACHER}.rar`, size: 400 }, { path: `区/小学+一小+李四/${RONGHE}/认识图形/课堂实录.mp4`, size: 5 }],
      { [`区/${TEACHER}.rar`]: await rar(work(TEACHER)) },
    );
    expect(rows).toEqual([
      [TEACHER, 'ronghe', '函数的图像', [`${TEACHER}/${RONGHE}/函数的图像/教学设计.docx`, `${TEACHER}/${RONGHE}/函数的图像/课堂实录.mp4`], []],
      ['小学+一小+李四', 'ronghe', '认识图形', [`小学+一小+李四/${RONGHE}/认识图形/课堂实录.mp4`], []],
    ]);
  });

  it('many teachers\' archives dropped without a district folder are a district', async () => {
    const { layout } = await district(
      [{ path: `${TEACHER}.rar` }, { path: '小学+一小+李四.rar' }],
      { [`${TEACHER}.rar`]: await rar(work(TEACHER)), '小学+一小+李四.rar': await rar(work('小学+一小+李四')) },
    );
    expect(layout.district).toBe(true);
    expect(layout.units.map((u) => u.teacherFolder)).toEqual([TEACHER, '小学+一小+李四']);
  });

  it('names an archive whose name differs from the teacher folder inside, and still checks its works', async () => {
    const { layout, rows } = await district([{ path: '区/张三.rar' }], { '区/张三.rar': await rar(work(TEACHER)) });
    expect(rows).toEqual([[TEACHER, 'ronghe', '函数的图像', expect.any(Array), ['archive_name_mismatch']]]);
    expect(formatLayoutIssue(layout.units[0]!.issues[0]!)).toBe(`压缩包“张三.rar”里的教师文件夹叫“${TEACHER}”，通知要求压缩包与教师文件夹同名`);
  });

  it('an archive holding the category folder without the teacher folder stands for the teacher by its name', async () => {
    const items = work(TEACHER).map((i) => ({ ...i, name: i.name.slice(TEACHER.length + 1) }));
    const { rows } = await district([{ path: `区/${TEACHER}.rar` }], { [`区/${TEACHER}.rar`]: await rar(items) });
    expect(rows).toEqual([[TEACHER, 'ronghe', '函数的图像', expect.any(Array), ['archive_no_teacher_folder']]]);
  });

  it('an archive whose names are encrypted is a failure row with the reason, not an empty teacher', async () => {
    const { rows, layout } = await district([{ path: `区/${TEACHER}.rar` }, { path: `区/小学+一小+李四/${RONGHE}/a/b.mp4` }], {
      [`区/${TEACHER}.rar`]: { problem: 'names_encrypted', reason: '' },
    });
    expect(rows[0]).toEqual([TEACHER, null, null, [], ['archive_unreadable']]);
    expect(formatLayoutIssue(layout.units[0]!.issues[0]!)).toContain('连文件名都设置了密码');
  });

  it('leaves a work\'s materials ZIP and a district\'s own archive as files', async () => {
    const materials = `区/${TEACHER}/自制教学工具软件/软件/相关材料.zip`;
    const own = '区/往年资料.zip';
    const { opened, layout } = await district([{ path: materials, size: 9 }, { path: own, size: 9 }], {
      [own]: await rar([{ name: '说明.txt', data: new Uint8Array(1) }]),
    });
    expect(opened.expansions).toEqual([]);
    expect(layout.outside).toEqual([own]);
    expect(layout.units[0]!.files.map((f) => f.name)).toEqual(['相关材料.zip']);
  });
});

describe('member bytes', () => {
  it('a stored member is a range of the archive; a compressed one is checked by name, type and size only', async () => {
    const bytes = writeRar5(work(TEACHER));
    const { opened } = await district([{ path: `${TEACHER}.rar` }], {
      [`${TEACHER}.rar`]: { listing: await readRarDirectory(new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 })) },
    });
    const sources = memberSources(opened.expansions);
    const mp4 = sources.get(`${TEACHER}/${RONGHE}/函数的图像/课堂实录.mp4`)!;
    const range = memberBytes(mp4, (offset, size) => rangeOf(memorySource(bytes), offset, size));
    expect(range.size).toBe(100);
    expect(new Uint8Array(await range.slice().arrayBuffer())).toEqual(new Uint8Array(100));
    expect(mp4.member.stored!.offset).toBeGreaterThan(0);

    const packed = memberBytes({ ...mp4, member: { ...mp4.member, stored: undefined }, format: '7z', solid: true }, () => memorySource(bytes));
    expect(packed).toBeInstanceOf(PackedMember);
    const inspection = packedInspection(packed as PackedMember, '课堂实录.mp4');
    expect(inspection).toMatchObject({ size: 100, detected: { type: 'mp4' }, findings: [{ code: 'archive_member_packed', verdict: 'warn' }] });
    await expect((packed as PackedMember).slice().arrayBuffer()).rejects.toThrow();
  });
});

describe('real RAR fixture as a teacher archive', () => {
  it('libarchive\'s RAR4 Unicode archive lists Chinese/Japanese paths that map under the district', async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/archives/test_read_format_rar_unicode.rar')));
    const listing = await readRarDirectory(new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 }));
    const { opened } = await district([{ path: '区/表だよ.rar' }], { '区/表だよ.rar': { listing } });
    // Not a submission's shape (no teacher name, no category folder): it stays a file.
    expect(opened.expansions).toEqual([]);
  });
});
