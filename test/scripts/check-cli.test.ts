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

const summary = async (input: string) => {
  const plan = await planUnits([input], zhijiao, pack, dir);
  return { units: plan.units.map((u) => ({ folder: u.folder, paths: u.files.map((f) => f.path ?? f.name) })), skipped: plan.skipped, batch: plan.batch };
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-plan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('planUnits', () => {
  it('treats a teacher folder as one submission, with paths as a folder pick gives them', async () => {
    touch('中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/职业教育实践性教学案例/作品/视频.mp4');
    expect(await summary('中职+甲校+张三')).toEqual({
      units: [{ folder: '中职+甲校+张三', paths: ['中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/职业教育实践性教学案例/作品/视频.mp4'] }],
      skipped: [],
      batch: false,
    });
  });

  it('keeps a misnamed category folder in the submission so the layout check can name it', async () => {
    touch('中职+甲校+张三/职教实践案例/作品/教案.docx');
    const { units } = await summary('中职+甲校+张三');
    expect(units).toEqual([{ folder: '中职+甲校+张三', paths: ['中职+甲校+张三/职教实践案例/作品/教案.docx'] }]);
  });

  it('leaves out another category of the same teacher', async () => {
    touch('中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '中职+甲校+张三/自制教学工具软件/软件/a.zip');
    const { units } = await summary('中职+甲校+张三');
    expect(units[0]!.paths).toEqual(['中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx']);
  });

  it('splits a district folder into teachers, also when their category folders are misnamed', async () => {
    touch('区/中职+甲校+张三/职教案例/作品/教案.docx', '区/高职+乙校+李四/职教案例/作品/教案.docx', '区/汇总表.xlsx');
    const { units, batch } = await summary('区');
    expect(batch).toBe(true);
    expect(units.map((u) => u.folder)).toEqual(['高职+乙校+李四', '中职+甲校+张三']);
    expect(units[1]!.paths).toEqual(['中职+甲校+张三/职教案例/作品/教案.docx']);
  });

  it('reports a teacher who submits only another category as skipped', async () => {
    touch('区/中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx', '区/中职+丙校+王五/自制教学工具软件/软件/a.zip');
    const plan = await summary('区');
    expect(plan.units.map((u) => u.folder)).toEqual(['中职+甲校+张三']);
    expect(plan.skipped).toEqual(['中职+丙校+王五']);
  });

  it('puts loose files in one unit without paths', async () => {
    touch('a/登记表.pdf', 'a/教案.docx');
    const plan = await planUnits(['a/登记表.pdf', 'a/教案.docx'], zhijiao, pack, dir);
    expect(plan.units).toEqual([{ folder: null, files: [expect.objectContaining({ name: '登记表.pdf' }), expect.objectContaining({ name: '教案.docx' })] }]);
    expect(plan.units[0]!.files[0]).not.toHaveProperty('path');
  });

  it('refuses a path that does not exist', async () => {
    await expect(planUnits(['missing'], zhijiao, pack, dir)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('parseCliArgs', () => {
  it('reads flags in any order with repeated --applies', () => {
    expect(parseCliArgs(['a', '--applies', 'space_ppt', '-c', 'ronghe', '--json', '--applies', 'space_guide', 'b'])).toEqual({
      category: 'ronghe', json: true, lang: 'zh', applies: ['space_ppt', 'space_guide'], paths: ['a', 'b'], help: false,
    });
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
