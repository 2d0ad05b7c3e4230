import { describe, expect, it } from 'vitest';
import { editDistance, inferLayout, matchCategory, parseTeacherFolder, formatLayoutIssue, type LayoutEntry } from '@/lib/organiser';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const cats = pack.categories;
const RONGHE = '融合创新应用教学案例';
const SUZHI = '融合创新应用教学案例（“素质教育”主题）';
const files = (...paths: string[]): LayoutEntry[] => paths.map((path) => ({ path, size: 10 }));
const rows = (entries: LayoutEntry[], only?: string) =>
  inferLayout(entries, cats, only ? { only: findCategory(pack, only)! } : {}).units.map((u) => ({
    teacher: u.teacherFolder,
    category: u.category?.id ?? null,
    work: u.workName,
    files: u.files.map((f) => f.path),
    issues: u.issues.map((i) => i.code),
  }));

describe('matchCategory', () => {
  it.each([
    [SUZHI, 'ronghe_suzhi', 'exact', []],
    [RONGHE, 'ronghe', 'exact', []],
    ['融合创新应用教学案例（素质教育主题）', 'ronghe_suzhi', 'close', ['quotes']],
    ['融合创新应用教学案例("素质教育"主题)', 'ronghe_suzhi', 'close', ['brackets', 'quotes']],
    ['融合创新应用教学案例(“素质教育”主题)', 'ronghe_suzhi', 'close', ['brackets']],
    [' 精品学习资源 ', 'jingpin', 'close', ['spaces']],
    ['精品 学习资源', 'jingpin', 'close', ['spaces']],
    ['精品学习资料', 'jingpin', 'close', ['typo']],
    ['自制教学工具软 件', 'zizhi', 'close', ['spaces']],
    ['国家中小学智慧教育平台校本研修案列', 'xiaoben', 'close', ['typo']],
    ['融合创新应用教学案例（素质教育）', 'ronghe_suzhi', 'close', ['quotes', 'typo']],
  ])('%s → %s (%s %j)', (folder, id, kind, reasons) => {
    const m = matchCategory(folder, cats);
    expect(m?.category.id).toBe(id);
    expect(m?.kind).toBe(kind);
    if (m?.kind === 'close') expect(m.reasons).toEqual(reasons);
  });

  it.each(['职教实践案例', '作品', '新建文件夹', '', '融合创新'])('finds no category in %j', (folder) => {
    expect(matchCategory(folder, cats)).toBeNull();
  });

  it('allows one differing character in a short name and two from eight characters on, not more', () => {
    expect(matchCategory('精品学习资', cats)?.category.id).toBe('jingpin');
    expect(matchCategory('精品学习', cats)).toBeNull();
    expect(matchCategory('职业教育实践性教学案', cats)?.category.id).toBe('zhijiao_shijian');
    expect(matchCategory('职业教育实践性教', cats)).toBeNull();
  });

  it('computes edit distances over code points', () => {
    expect(editDistance('精品学习资源', '精品学习资料')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('parseTeacherFolder', () => {
  it('splits 学段+学校+教师姓名 at half- and full-width pluses and lists several authors', () => {
    expect(parseTeacherFolder('小学+实验小学+张三')).toEqual({ stage: '小学', school: '实验小学', name: '张三', authors: ['张三'] });
    expect(parseTeacherFolder('初中＋第一中学＋李四、王五')).toEqual({ stage: '初中', school: '第一中学', name: '李四、王五', authors: ['李四', '王五'] });
    expect(parseTeacherFolder('张三的作品')).toEqual({ name: '张三的作品', authors: ['张三的作品'] });
  });
});

describe('inferLayout', () => {
  const district = [
    ...files(
      '区/小学+实验小学+张三/精品学习资源/古诗动画/作品登记表.pdf',
      '区/小学+实验小学+张三/精品学习资源/古诗动画/动画.mp4',
      '区/小学+实验小学+张三/融合创新应用教学案例（素质教育主题）/劳动课/录像.mp4',
      '区/初中+一中+李四/精品学习资料/作品一/说明.docx',
      '区/初中+一中+李四/精品学习资料/作品二/说明.docx',
      '区/初中+二中+王五/随便放的/x.docx',
      '区/汇总表.xlsx',
    ),
    { path: '区/高中+三中+赵六', dir: true },
  ];

  it('finds one row per work with its category, also for misspelt folders, and names every fault', () => {
    const layout = inferLayout(district, cats);
    expect(layout.district).toBe(true);
    expect(layout.outside).toEqual(['区/汇总表.xlsx']);
    expect(rows(district)).toEqual([
      { teacher: '初中+二中+王五', category: null, work: null, files: ['初中+二中+王五/随便放的/x.docx'], issues: ['category_unknown', 'work_loose_files'] },
      { teacher: '初中+一中+李四', category: 'jingpin', work: '作品二', files: ['初中+一中+李四/精品学习资料/作品二/说明.docx'], issues: ['category_misspelt'] },
      { teacher: '初中+一中+李四', category: 'jingpin', work: '作品一', files: ['初中+一中+李四/精品学习资料/作品一/说明.docx'], issues: ['category_misspelt'] },
      { teacher: '高中+三中+赵六', category: null, work: null, files: [], issues: ['teacher_empty'] },
      {
        teacher: '小学+实验小学+张三',
        category: 'jingpin',
        work: '古诗动画',
        files: ['小学+实验小学+张三/精品学习资源/古诗动画/动画.mp4', '小学+实验小学+张三/精品学习资源/古诗动画/作品登记表.pdf'],
        issues: [],
      },
      { teacher: '小学+实验小学+张三', category: 'ronghe_suzhi', work: '劳动课', files: ['小学+实验小学+张三/融合创新应用教学案例（素质教育主题）/劳动课/录像.mp4'], issues: ['category_misspelt'] },
    ]);
    const misspelt = layout.units.find((u) => u.workName === '劳动课')!.issues[0]!;
    expect(formatLayoutIssue(misspelt)).toBe(
      `类别文件夹“融合创新应用教学案例（素质教育主题）”与通知的类别名“${SUZHI}”不一致（引号不同或缺少引号），已按该类别检查；上报前请改成通知里的名称`,
    );
    expect(formatLayoutIssue(layout.units.find((u) => u.teacherFolder === '高中+三中+赵六')!.issues[0]!, 'en')).toBe('The teacher folder is empty: no work in it');
  });

  it('narrows to one category with `only`: others are skipped, unknown folders are checked as it', () => {
    const layout = inferLayout(district, cats, { only: findCategory(pack, 'jingpin')! });
    expect(layout.units.map((u) => [u.teacherFolder, u.workName, u.category?.id])).toEqual([
      ['初中+二中+王五', null, 'jingpin'],
      ['初中+一中+李四', '作品二', 'jingpin'],
      ['初中+一中+李四', '作品一', 'jingpin'],
      ['高中+三中+赵六', null, undefined],
      ['小学+实验小学+张三', '古诗动画', 'jingpin'],
    ]);
    expect(layout.skipped).toEqual([]);
    const suzhi = inferLayout(district, cats, { only: findCategory(pack, 'ronghe_suzhi')! });
    expect(suzhi.skipped).toEqual(['初中+一中+李四']);
  });

  it('takes a single teacher folder as one submission, and a picked category folder without teacher', () => {
    expect(rows(files('小学+实验小学+张三/精品学习资源/古诗/a.pdf'))).toEqual([
      { teacher: '小学+实验小学+张三', category: 'jingpin', work: '古诗', files: ['小学+实验小学+张三/精品学习资源/古诗/a.pdf'], issues: [] },
    ]);
    expect(inferLayout(files('小学+实验小学+张三/精品学习资源/古诗/a.pdf'), cats).district).toBe(false);
    expect(rows(files('精品学习资源/古诗/a.pdf'))).toEqual([
      { teacher: '', category: 'jingpin', work: '古诗', files: ['精品学习资源/古诗/a.pdf'], issues: ['no_teacher_folder'] },
    ]);
  });

  it('looks through wrapper folders and treats many dropped teacher folders as a district', () => {
    const dropped = files('小学+甲校+张三/精品学习资源/甲/a.pdf', '小学+乙校+李四/精品学习资源/乙/a.pdf');
    expect(inferLayout(dropped, cats).district).toBe(true);
    expect(rows(files('下载/2025/区/小学+甲校+张三/精品学习资源/甲/a.pdf', '下载/2025/区/小学+乙校+李四/精品学习资源/乙/a.pdf')).map((r) => r.teacher)).toEqual([
      '小学+甲校+张三',
      '小学+乙校+李四',
    ]);
  });

  it('reports empty category and work folders, files outside work folders, and odd teacher names', () => {
    const entries: LayoutEntry[] = [
      { path: '区/小学+甲校+张三/精品学习资源', dir: true },
      { path: '区/小学+乙校+李四/自制教学工具软件/空作品', dir: true },
      ...files('区/小学+乙校+李四/说明.txt', '区/张老师/精品学习资源/作品/a.pdf'),
    ];
    expect(rows(entries)).toEqual([
      { teacher: '小学+甲校+张三', category: 'jingpin', work: null, files: [], issues: ['category_empty'] },
      { teacher: '小学+乙校+李四', category: null, work: null, files: ['小学+乙校+李四/说明.txt'], issues: ['teacher_loose_files'] },
      { teacher: '小学+乙校+李四', category: 'zizhi', work: '空作品', files: [], issues: ['work_empty'] },
      { teacher: '张老师', category: 'jingpin', work: '作品', files: ['张老师/精品学习资源/作品/a.pdf'], issues: ['teacher_name_shape'] },
    ]);
    expect(rows([{ path: '区/小学+甲校+张三', dir: true }, ...files('区/小学+乙校+李四/精品学习资源/w/a.pdf')])[0]).toEqual({
      teacher: '小学+甲校+张三', category: null, work: null, files: [], issues: ['teacher_empty'],
    });
  });

  it('needs a category for loose files', () => {
    expect(rows(files('a.pdf', 'b.docx'))).toEqual([{ teacher: '', category: null, work: null, files: ['a.pdf', 'b.docx'], issues: ['category_unknown'] }]);
    expect(rows(files('a.pdf'), 'jingpin')[0]!.category).toBe('jingpin');
  });
});
