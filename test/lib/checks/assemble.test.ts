import { describe, expect, it } from 'vitest';
import { assignSlots, isSystemFile, layoutFindings, slotFindings } from '../../../lib/checks/assemble';
import type { FileType } from '../../../lib/rules/schema';
import { makeCategory } from '../../fixtures/checks/category';

const category = makeCategory();
const files = (...list: Array<[string, FileType]>) => list.map(([name, type]) => ({ name, type }));

describe('assignSlots', () => {
  it('places files by real type and name keywords', () => {
    const result = assignSlots(
      category,
      files(['作品登记表（签字扫描）.pdf', 'pdf'], ['案例介绍.docx', 'docx'], ['第一课时实录.mp4', 'mp4'], ['第二课时.mp4', 'mp4'], ['相关材料.zip', 'zip'], ['课堂照片1.jpg', 'jpeg']),
    );
    expect(result).toEqual(['form', 'case_doc', 'recording', 'recording', 'materials', 'photos']);
  });

  it('lets a keyword win over the type, so the wrong format is reported where the teacher meant it', () => {
    expect(assignSlots(category, files(['登记表.docx', 'docx']))).toEqual(['form']);
  });

  it('uses the teacher’s override by path or by name', () => {
    const result = assignSlots(category, [{ name: 'x.pdf', type: 'pdf' }, { name: 'y.mp4', path: 'a/y.mp4', type: 'mp4' }], { 'x.pdf': 'materials', 'a/y.mp4': 'form' });
    expect(result).toEqual(['materials', 'form']);
  });

  it('fills a free slot before overfilling one', () => {
    const two = makeCategory({
      slots: [
        { ...category.slots[1]!, id: 'plan', keywords: ['实施方案'] },
        { ...category.slots[1]!, id: 'report', keywords: ['总结报告'] },
      ],
    });
    expect(assignSlots(two, files(['a.docx', 'docx'], ['b.docx', 'docx']))).toEqual(['plan', 'report']);
    expect(assignSlots(two, files(['总结报告.docx', 'docx'], ['总结报告2.docx', 'docx']))).toEqual(['report', 'report']);
  });

  it('leaves a file no slot takes unassigned', () => {
    expect(assignSlots(category, files(['setup.exe', 'exe']))).toEqual([null]);
  });
});

describe('slotFindings', () => {
  it('lists missing required slots and respects requiredIf answers', () => {
    const assigned = [{ slot: 'form', size: 1 }];
    const plain = slotFindings(category, assigned);
    expect(plain.missing.map((m) => m.slot)).toEqual(['case_doc', 'recording']);
    const withSpace = slotFindings(category, assigned, { space_ppt: true });
    expect(withSpace.missing.map((m) => m.slot)).toEqual(['case_doc', 'recording', 'space_ppt']);
    expect(withSpace.findings.filter((f) => f.code === 'slot_missing').map((f) => f.message)).toContain('缺少：网络学习空间 PPT');
  });

  it('reports too many files, slot totals and the category’s total recording time', () => {
    const { findings } = slotFindings(category, [
      { slot: 'form', size: 1 },
      { slot: 'form', size: 1 },
      { slot: 'photos', size: 2 * 1024 * 1024 },
      { slot: 'photos', size: 2 * 1024 * 1024 },
      { slot: 'recording', size: 1, media: { durationSec: 25 * 60 } },
      { slot: 'recording', size: 1, media: { durationSec: 25 * 60 + 1 } },
    ]);
    expect(findings.map((f) => [f.code, f.verdict])).toEqual([
      ['slot_too_many', 'fail'],
      ['slot_missing', 'fail'],
      ['slot_total_bytes_over', 'fail'],
      ['video_total_over', 'fail'],
    ]);
    expect(findings.at(-1)!.message).toBe('录像总时长 50 分 01 秒，超过 50 分钟上限');
  });

  it('warns when a recording’s duration is unknown', () => {
    const { findings } = slotFindings(category, [{ slot: 'recording', size: 1 }]);
    expect(findings.map((f) => f.code)).toContain('video_total_unknown');
  });
});

describe('layoutFindings', () => {
  const name = category.name;
  it('accepts 学段+学校+教师姓名/项目/作品/files', () => {
    const f = layoutFindings(category, [`小学+实验小学+张三/${name}/春天的诗/登记表.pdf`, `小学+实验小学+张三/${name}/春天的诗/录像.mp4`]);
    expect(f.map((x) => x.code)).toEqual(['layout_ok']);
  });

  it('requires the category folder to match the name exactly', () => {
    const wrong = '融合创新应用教学案例(素质教育)';
    const f = layoutFindings(category, [`初中+一中+李四/${wrong}/作品/a.pdf`]);
    expect(f.map((x) => [x.code, x.params['found']])).toEqual([['layout_category_folder', wrong]]);
  });

  it.each([
    ['a file outside the work folder', [`小学+实验小学+张三/${name}/a.pdf`], 'layout_depth'],
    ['two teacher folders', [`小学+甲+张三/${name}/作品/a.pdf`, `小学+乙+李四/${name}/作品/b.pdf`], 'layout_multiple_roots'],
    ['a teacher folder without a stage', [`实验小学张三/${name}/作品/a.pdf`], 'layout_teacher_folder'],
    ['two work folders', [`小学+甲+张三/${name}/作品一/a.pdf`, `小学+甲+张三/${name}/作品二/b.pdf`], 'layout_multiple_works'],
    ['the category folder picked itself', [`${name}/作品/a.pdf`], 'layout_no_teacher_folder'],
  ])('flags %s', (_label, paths, code) => {
    expect(layoutFindings(category, paths).map((f) => f.code)).toContain(code);
  });

  it('says nothing without paths', () => {
    expect(layoutFindings(category, [])).toEqual([]);
  });
});

describe('isSystemFile', () => {
  it.each([
    ['__MACOSX/a/._b.jpg', true],
    ['a/.DS_Store', true],
    ['Thumbs.db', true],
    ['~$案例介绍.docx', true],
    ['案例介绍.docx', false],
  ])('%s → %s', (path, expected) => expect(isSystemFile(path)).toBe(expected));
});
