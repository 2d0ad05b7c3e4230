import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentPack, findCategory } from '@/lib/rules';
import { displayWidth, parseCliArgs, planUnits, UsageError } from '@/scripts/check-cli';

const pack = currentPack();
const zhijiao = findCategory(pack, 'zhijiao_shijian')!;
let dir: string;

function touch(...paths: string[]): void {
  for (const p of paths) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), 'x');
  }
}

const summary = async (input: string, only = zhijiao) => {
  const plan = await planUnits([input], pack, dir, only);
  return {
    units: plan.layout.units.map((u) => ({ folder: u.teacherFolder, paths: u.files.map((f) => f.path) })),
    skipped: plan.layout.skipped,
    batch: plan.batch,
  };
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-plan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('planUnits', () => {
  it('treats a teacher folder as one submission, with paths as a folder pick gives them, and knows each file on disk', async () => {
    touch('中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/职业教育实践性教学案例/作品/视频.mp4');
    expect(await summary('中职+甲校+张三')).toEqual({
      units: [{ folder: '中职+甲校+张三', paths: ['中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/职业教育实践性教学案例/作品/视频.mp4'] }],
      skipped: [],
      batch: false,
    });
    const plan = await planUnits(['中职+甲校+张三'], pack, dir);
    const file = plan.layout.units[0]!.files[0]!;
    expect(plan.absPath.get(file.source)).toBe(join(dir, '中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx'));
    expect(file.size).toBe(1);
  });

  it('keeps a misnamed category folder in the submission when -c says the category', async () => {
    touch('中职+甲校+张三/职教实践案例/作品/教案.docx');
    const { units } = await summary('中职+甲校+张三');
    expect(units).toEqual([{ folder: '中职+甲校+张三', paths: ['中职+甲校+张三/职教实践案例/作品/教案.docx'] }]);
    const inferred = await planUnits(['中职+甲校+张三'], pack, dir);
    expect(inferred.layout.units[0]!.issues.map((i) => i.code)).toEqual(['category_unknown']);
  });

  it('leaves out another category of the same teacher with -c, and keeps both without', async () => {
    touch('中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/自制教学工具软件/软件/a.zip');
    const { units } = await summary('中职+甲校+张三');
    expect(units.map((u) => u.paths)).toEqual([['中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx']]);
    const both = await planUnits(['中职+甲校+张三'], pack, dir);
    expect(both.layout.units.map((u) => u.category?.id)).toEqual(['zhijiao_shijian', 'zizhi']);
    expect(both.batch).toBe(true);
  });

  it('splits a district folder into teachers, finds empty ones, and keeps the district\'s own files out', async () => {
    touch('区/中职+甲校+张三/职教案例/作品/教案.docx', '区/高职+乙校+李四/职业教育实践性教学案例/作品/教案.docx', '区/汇总表.xlsx');
    mkdirSync(join(dir, '区/中职+丙校+王五'));
    const plan = await planUnits(['区'], pack, dir);
    expect(plan.batch).toBe(true);
    expect(plan.layout.outside).toEqual(['区/汇总表.xlsx']);
    expect(plan.layout.units.map((u) => [u.teacherFolder, u.category?.id ?? null, u.issues.map((i) => i.code)])).toEqual([
      ['高职+乙校+李四', 'zhijiao_shijian', []],
      ['中职+丙校+王五', null, ['teacher_empty']],
      ['中职+甲校+张三', null, ['category_unknown']],
    ]);
  });

  it('reports a teacher who submits only another category as skipped with -c', async () => {
    touch('区/中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '区/中职+丙校+王五/自制教学工具软件/软件/a.zip');
    const plan = await summary('区');
    expect(plan.units.map((u) => u.folder)).toEqual(['中职+甲校+张三']);
    expect(plan.skipped).toEqual(['中职+丙校+王五']);
  });

  it('puts loose files in one unit without a teacher folder, and needs -c for them', async () => {
    touch('a/登记表.pdf', 'a/教案.docx');
    const plan = await planUnits(['a/登记表.pdf', 'a/教案.docx'], pack, dir, zhijiao);
    expect(plan.layout.units.map((u) => [u.teacherFolder, u.files.map((f) => f.name)])).toEqual([['', ['登记表.pdf', '教案.docx']]]);
    await expect(planUnits(['a/登记表.pdf'], pack, dir)).rejects.toThrow('请用 --category 指定');
  });

  it('refuses a path that does not exist', async () => {
    await expect(planUnits(['missing'], pack, dir)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('parseCliArgs', () => {
  it('reads flags in any order with repeated --applies', () => {
    expect(parseCliArgs(['a', '--applies', 'space_ppt', '-c', 'ronghe', '--json', '--applies', 'space_guide', 'b'])).toEqual({
      category: 'ronghe', json: true, lang: 'zh', applies: ['space_ppt', 'space_guide'], route: 'district', paths: ['a', 'b'], help: false,
    });
    expect(parseCliArgs(['--csv', 'out.csv', 'd'])).toEqual({ csv: 'out.csv', json: false, lang: 'zh', applies: [], route: 'district', paths: ['d'], help: false });
  });

  it('reads --route and refuses a route it does not know', () => {
    expect(parseCliArgs(['--route', 'platform', 'd']).route).toBe('platform');
    expect(parseCliArgs(['--route', 'hecloudnet', 'd']).route).toBe('hecloudnet');
    expect(() => parseCliArgs(['--route', 'email', 'd'])).toThrow(UsageError);
  });

  it.each([[['--category']], [['-c', 'x', '--json=yes', 'a']], [['-x', 'a']]])('rejects %j as a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('displayWidth', () => {
  it.each([['abc', 3], ['教案', 4], ['作品登记表（附件11）', 20], ['a+中职', 6]])('%s is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
