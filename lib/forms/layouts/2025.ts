import type { Source } from '@/lib/rules/schema';
import type { FormLayoutInput, ValueSource } from '../schema';

/*
 * The six signed forms of the 2025 activity, cell by cell as the district notice prints them
 * (shared/seeds/000_c768d3d121b654c9.txt, 附件1, 附件2, 附件5, 附件8, 附件11, 附件13; the national notice prints 附件5
 * and 附件8 again as its 附件1 and 附件2). Every printed word is here verbatim — labels, the hints inside the cells, the
 * pledge, the signature and seal lines — and test/lib/forms/layouts.test.ts compares the whole text of each layout
 * with the notice's text of that form, so a word lost or reordered fails the test.
 *
 * Values come from the saved data through the rule pack's field ids (the pack holds their 字数 limits).
 */

type Cell = FormLayoutInput['rows'][number]['cells'][number];
type Row = FormLayoutInput['rows'][number];

const district = (section: string, quote: string): Source => ({ notice: 'district', section, quote });

const label = (text: string, extra: Partial<Omit<Extract<Cell, { kind: 'label' }>, 'kind'>> = {}): Cell => ({
  kind: 'label',
  text,
  ...extra,
});

const field = (id: string): ValueSource => ({ from: 'field', id });
const author = (index: number, attr: 'name' | 'organization' | 'title' | 'mobile' | 'subject' | 'grade' | 'schoolType' | 'major'): ValueSource =>
  ({ from: 'author', index, attr });
const contact = (attr: 'name' | 'mobile' | 'landline' | 'email' | 'title'): ValueSource => ({ from: 'contact', attr });

type ValueExtra = Partial<Omit<Extract<Cell, { kind: 'value' }>, 'kind' | 'key' | 'label' | 'bind'>>;
const value = (key: string, labelText: string, bind: ValueSource[], extra: ValueExtra = {}): Cell => ({
  kind: 'value',
  key,
  label: labelText,
  bind,
  ...extra,
});

type TextExtra = Partial<Omit<Extract<Cell, { kind: 'text' }>, 'kind' | 'paragraphs'>>;
const text = (paragraphs: string[], extra: TextExtra = {}): Cell => ({ kind: 'text', paragraphs, ...extra });

type OptionsCell = Extract<Cell, { kind: 'options' }>;
type OptionsExtra = Partial<Omit<OptionsCell, 'kind' | 'key' | 'label' | 'bind' | 'options' | 'box'>>;
const options = (key: string, labelText: string, bind: OptionsCell['bind'], box: 'before' | 'after',
  list: OptionsCell['options'], extra: OptionsExtra = {}): Cell => ({
  kind: 'options',
  key,
  label: labelText,
  bind,
  box,
  options: list,
  ...extra,
});

/** Option labels; a `|` before a label starts a new line, as the template wraps the boxes. */
const boxes = (...labels: string[]): OptionsCell['options'] =>
  labels.map((entry) => (entry.startsWith('|') ? { label: entry.slice(1), breakBefore: true } : { label: entry }));

/** Three author rows; `cells(i)` gives the value cells of author i (0-based). The second and third may stay blank. */
const authorRows = (cells: (i: number) => Cell[]): Row[] => [0, 1, 2].map((i) => ({ cells: cells(i) }));

const ATTR_LABEL = { name: '姓名', organization: '所在单位', title: '职称/职务', mobile: '手机' } as const;
const authorValue = (i: number, attr: keyof typeof ATTR_LABEL, extra: ValueExtra = {}, labelText: string = ATTR_LABEL[attr]): Cell =>
  value(`author${i + 1}_${attr}`, `第${'一二三'[i]}作者${labelText}`, [author(i, attr)], extra);

// ---------------------------------------------------------------------------------------------------------------
// 附件1 and 附件2 share their head (作品名称 … 作品大小), the author and contact rows and the pledge.

const workName = (colSpan: number): Cell =>
  value('work_name', '作品名称', [field('work_name'), { from: 'title' }], {
    colSpan,
    hint: { text: '作品名称请勿使用书名号《》', mode: 'placeholder' },
  });

const workSize = (colSpan = 1): Cell =>
  value('work_size', '作品大小', [field('work_size'), { from: 'size', field: 'work_size' }], {
    colSpan,
    hint: { text: 'MB', mode: 'keep', at: 'after' },
  });

const REGISTRATION_HEAD: Row = {
  cells: [
    label('作品\n名称'),
    workName(1),
    label('学科'),
    value('subject', '学科', [field('subject'), author(0, 'subject')]),
    label('年级'),
    value('grade', '年级', [field('grade'), author(0, 'grade')]),
    label('作品大小'),
    workSize(),
  ],
};

const STAGE_FALLBACK: ValueSource[] = [field('stage'), author(0, 'schoolType')];

/** 作者信息 of 附件1/附件2: 姓名 and 所在单位 on an 8-column grid. */
const REGISTRATION_AUTHORS: Row[] = [
  { cells: [label('作者\n信息', { rowSpan: 4 }), label('姓名'), label('所在单位（按单位公章填写）', { colSpan: 6 })] },
  ...authorRows((i) => [authorValue(i, 'name'), authorValue(i, 'organization', { colSpan: 6 })]),
];

/** 联系信息: 姓名 / 手机 over 固定电话 / 电子邮箱; `right` is the span of the right-hand values. */
const contactRows = (heading: string, right: number, emailHint: boolean): Row[] => [
  {
    cells: [
      label(heading, { rowSpan: 2 }),
      label('姓名'),
      value('contact_name', '联系人姓名', [contact('name')], { colSpan: 2 }),
      label('手机'),
      value('contact_mobile', '联系人手机', [contact('mobile')], { colSpan: right }),
    ],
  },
  {
    cells: [
      label('固定电话'),
      value('contact_landline', '联系人固定电话', [contact('landline')], { colSpan: 2, optional: true }),
      label('电子邮箱'),
      value('contact_email', '联系人电子邮箱', [contact('email')], {
        colSpan: right,
        ...(emailHint ? { hint: { text: '@', mode: 'placeholder' as const } } : {}),
      }),
    ],
  },
];

const PLEDGE_ANNEX_1_2 =
  '本人确认已了解本次活动相关要求；上述作品为本人原创作品，不涉及和侵占他人著作权；若发现涉嫌抄袭或侵犯他人著作权行为，'
  + '同意取消活动资格；如涉及版权纠纷，自行承担责任；本人同意自大赛主办单位收到该参赛作品之日起，无偿授予大赛主办单位作品使用权，'
  + '可以公益形式对作品进行展示和传播。';

const SIGNATURE_LINES = ['作者签名：', '1.                  2.                  3.                ', '年   月   日'];

const pledgeRow = (heading: string, pledge: string, colSpan: number, signature = SIGNATURE_LINES): Row => ({
  cells: [
    label(heading),
    text([pledge, ...signature], { colSpan, role: 'signature', minHeightMm: 45 }),
  ],
});

const longText = (key: string, labelText: string, hint: string, colSpan: number, extra: ValueExtra = {}): Cell =>
  value(key, labelText, [field(key)], { colSpan, hint: { text: hint, mode: 'keep' }, minHeightMm: 30, ...extra });

const ANNEX_1: FormLayoutInput = {
  id: 'annex1',
  annex: '附件1',
  title: '作品登记表',
  subtitle: '（微课、精品学习资源、自制教学工具软件）',
  fileLabel: '登记表',
  categories: ['jingpin', 'zizhi'],
  year: 2025,
  fontPt: 10.5,
  pages: 1,
  columns: [9, 19, 9, 10, 7, 10, 12, 14],
  authorRows: 3,
  rows: [
    REGISTRATION_HEAD,
    {
      cells: [
        label('项目', { rowSpan: 3 }),
        label('基础教育组'),
        options('project_basic', '项目（基础教育组）', 'category', 'after', [{ label: '精品学习资源', value: 'jingpin' }],
          { colSpan: 2, optional: true }),
        options('stage', '学段', STAGE_FALLBACK, 'after', boxes('幼儿教育', '特殊教育', '小学', '初中', '高中'),
          { colSpan: 4, onlyFor: ['jingpin'] }),
      ],
    },
    {
      cells: [
        label('中职教育组'),
        options('project_vocational', '项目（中职教育组）', 'category', 'after', [{ label: '自制教学工具软件', value: 'zizhi' }],
          { colSpan: 6, optional: true }),
      ],
    },
    {
      cells: [
        label('高等教育组'),
        // No 2025 category of this product is a 高等教育组 entry (the district notice serves schools); never ticked.
        options('project_higher', '项目（高等教育组）', 'category', 'after', boxes('微课', '自制教学工具软件').map((o) => ({ ...o, value: `higher:${o.label}` })),
          { colSpan: 6, optional: true }),
      ],
    },
    ...REGISTRATION_AUTHORS,
    ...contactRows('联系\n信息', 3, true),
    { cells: [label('作品\n特点'), longText('work_features', '作品特点', '（包括作品简介、特色亮点等，300字以内）', 7)] },
    { cells: [label('作品安装运行说明'), longText('install_notes', '作品安装运行说明', '（安装运行所需环境，临时用户名、密码等,300字以内）', 7, { minHeightMm: 20 })] },
    pledgeRow('诚信承诺与作品授权', PLEDGE_ANNEX_1_2, 7),
  ],
  source: district('附件1', '作品登记表（微课、精品学习资源、自制教学工具软件）'),
};

const ANNEX_2: FormLayoutInput = {
  id: 'annex2',
  annex: '附件2',
  title: '作品登记表',
  subtitle: '（信息化教学课程案例、融合创新应用教学案例（含“素质教育”主题））',
  fileLabel: '登记表',
  categories: ['xinxihua', 'ronghe', 'ronghe_suzhi'],
  year: 2025,
  fontPt: 10.5,
  pages: 2,
  columns: [9, 19, 9, 10, 7, 10, 12, 14],
  authorRows: 3,
  rows: [
    REGISTRATION_HEAD,
    {
      cells: [
        label('项目', { rowSpan: 2 }),
        label('基础教育组'),
        options('project_basic', '项目（基础教育组）', 'category', 'after', [
          { label: '融合创新应用教学案例', value: 'ronghe' },
          { label: '融合创新应用教学案例（“素质教育”主题）', value: 'ronghe_suzhi', breakBefore: true },
        ], { colSpan: 3, optional: true }),
        options('stage', '学段', STAGE_FALLBACK, 'after', boxes('幼儿教育', '特殊教育', '|小学', '初中', '高中'),
          { colSpan: 3, onlyFor: ['ronghe', 'ronghe_suzhi'] }),
      ],
    },
    {
      cells: [
        label('中职教育组'),
        options('project_vocational', '项目（中职教育组）', 'category', 'after', [{ label: '信息化教学课程案例', value: 'xinxihua' }],
          { colSpan: 6, optional: true }),
      ],
    },
    ...REGISTRATION_AUTHORS,
    ...contactRows('联系\n信息', 3, true),
    { cells: [label('教学环境设施建设\n情况'), longText('environment', '教学环境设施建设情况', '（300字以内）', 7)] },
    { cells: [label('课程建设情况'), longText('course_building', '课程建设情况', '（300字以内）', 7)] },
    { cells: [label('教学实施情况及教学效果'), longText('implementation', '教学实施情况及教学效果', '（300字以内）', 7)] },
    { cells: [label('教学成果、推广情况'), longText('results', '教学成果、推广情况', '（300字以内）', 7)] },
    { cells: [label('其他\n说明'), longText('other_notes', '其他说明', '（300字以内）', 7, { optional: true, minHeightMm: 15 })] },
    pledgeRow('诚信承诺与作品授权', PLEDGE_ANNEX_1_2, 7),
  ],
  errata: [
    { notice: '诚诚信承诺与作品授权', printed: '诚信承诺与作品授权', why: 'the notice doubles 诚 in the heading' },
    { notice: '3.3年月日', printed: '3.年月日', why: 'a stray "3" after the third signature line (a template slip)' },
  ],
  source: district('附件2', '作品登记表（信息化教学课程案例、融合创新应用教学案例（含“素质教育”主题））'),
};

// ---------------------------------------------------------------------------------------------------------------
// 附件5 and 附件8: the two teacher-training 案例信息表 (national notice 附件1 and 附件2).

const AUTHOR_STATEMENT =
  '我(们)在此申明：该案例是我(们)原创，不涉及抄袭或侵犯他人著作权等问题；若发现涉嫌抄袭或侵犯他人著作权行为，同意取消活动资格；'
  + '如涉及版权纠纷，自行承担责任；本人同意自大赛主办单位收到该参赛作品之日起，无偿授予大赛主办单位作品使用权，可以公益形式对作品进行展示和传播。';

const SHARING_NOTE = '共享提示：同意将案例结集出版或在主办单位教师活动网站共享；同意将案例推荐给国家智慧教育公共服务平台（www.smartedu.cn）。';

const INFO_AUTHORS = (heading: string): Row[] => [
  { cells: [label(heading, { rowSpan: 4 }), label('姓名'), label('工作单位'), label('职称/职务'), label('手机')] },
  ...authorRows((i) => [
    authorValue(i, 'name'),
    authorValue(i, 'organization', {}, '工作单位'),
    authorValue(i, 'title', { optional: true }),
    authorValue(i, 'mobile'),
  ]),
];

const statementRow = (): Row => ({
  cells: [
    label('作者声明'),
    text([AUTHOR_STATEMENT, '案例负责人签名：        ', '日期:             '], { colSpan: 4, role: 'signature', minHeightMm: 30 }),
  ],
});

const sealRow = (heading: string, lines: string[]): Row => ({
  cells: [label(heading), text(lines, { colSpan: 4, role: 'seal', minHeightMm: 40 })],
});

const keywordsRow: Row = {
  cells: [label('案例关键词'), value('keywords', '案例关键词', [field('keywords')], { colSpan: 4, hint: { text: '不超过4个', mode: 'keep', at: 'after' } })],
};

const ANNEX_5: FormLayoutInput = {
  id: 'annex5',
  annex: '附件5',
  also: ['全国通知附件1'],
  title: '校本研修案例信息表',
  note: '注：填写均为5号，宋体',
  fileLabel: '信息表',
  categories: ['xiaoben'],
  year: 2025,
  fontPt: 10.5,
  pages: 2,
  columns: [16, 18, 30, 18, 18],
  authorRows: 3,
  rows: [
    {
      cells: [
        label('研修主题'),
        value('topic', '研修主题', [field('topic'), { from: 'title' }], {
          colSpan: 4,
          hint: {
            text: '注：以“课程内容+问题导向”形式呈现（如：小学数学图形的位置与运动重难点教学探究、初中语文跨学科学习的教学能力培养），突出学科素养与问题聚焦。',
            mode: 'placeholder',
          },
        }),
      ],
    },
    keywordsRow,
    ...INFO_AUTHORS('作者信息\n（排序填写，\n最多3人）'),
    {
      cells: [
        label('科目'),
        options('subject', '科目', [field('subject'), author(0, 'subject')], 'before',
          boxes('道德与法治', '语文', '数学', '外语', '历史', '地理', '|科学', '物理', '化学', '生物学', '信息科技', '体育与健康',
            '|艺术', '劳动', '综合实践活动'),
          { colSpan: 4, note: '注：原则上选一个科目' }),
      ],
    },
    {
      cells: [
        label('学段'),
        options('stage', '学段', [field('stage')], 'before',
          boxes('第一学段（1-2年级）', '第二学段（3-4年级）', '|第三学段（5-6年级）', '第四学段（7-9年级）'),
          { colSpan: 4, multiple: true, note: '注：根据课程内容和研修活动实施情况，可选多个学段' }),
      ],
    },
    {
      cells: [
        label('年级'),
        options('grade', '年级', [field('grade'), author(0, 'grade')], 'before',
          boxes('1年级', '2年级', '3年级', '4年级', '5年级', '6年级', '|7年级', '8年级', '9年级'),
          { colSpan: 4, multiple: true, note: '注：根据课程内容和研修活动实施情况，可选多个年级' }),
      ],
    },
    {
      cells: [
        label('课程内容依据'),
        value('course_basis', '课程内容依据', [field('course_basis')], {
          colSpan: 4,
          minHeightMm: 15,
          hint: { text: '注：参照相应科目的2022年版课程标准中课程内容章节，填写与研修科目、学段、年级相适应的课程内容。', mode: 'placeholder' },
        }),
      ],
    },
    {
      cells: [
        label('案例概述'),
        longText('summary', '案例概述', '注：概述研修基本情况、成果与成效、智慧平台支撑等。不超过300字。', 4, { minHeightMm: 45 }),
      ],
    },
    statementRow(),
    sealRow('第一作者\n所在单位意见', ['单位意见：', '', '单位名称（公章）：        ', '年     月     日           ']),
  ],
  footer: [SHARING_NOTE],
  source: district('附件5', '校本研修案例信息表 注：填写均为5号，宋体'),
};

const ANNEX_8: FormLayoutInput = {
  id: 'annex8',
  annex: '附件8',
  also: ['全国通知附件2'],
  title: '名师名校长线上工作室研修案例信息表',
  note: '注：填写均为5号，宋体',
  fileLabel: '信息表',
  categories: ['mingshi'],
  year: 2025,
  fontPt: 10.5,
  pages: 2,
  columns: [16, 18, 30, 18, 18],
  authorRows: 3,
  rows: [
    { cells: [label('研修主题'), value('topic', '研修主题', [field('topic'), { from: 'title' }], { colSpan: 4 })] },
    keywordsRow,
    { cells: [label('工作室名称'), value('studio_name', '工作室名称', [field('studio_name')], { colSpan: 4 })] },
    ...INFO_AUTHORS('作者信息\n（排序填写，最多3人）'),
    {
      cells: [label('研修学科领域'), value('subject_area', '研修学科领域', [field('subject_area'), author(0, 'subject')], { colSpan: 4 })],
    },
    {
      cells: [
        label('案例概述'),
        longText('summary', '案例概述', '注：概述研修基本情况、成果与成效、线上工作室建设及活跃度等，不超过400字。', 4, { minHeightMm: 60 }),
      ],
    },
    statementRow(),
    sealRow('工作室主持人\n所在单位意见', ['单位意见：', '', '', '单位名称（公章）：        ', '年     月     日           ']),
  ],
  footer: [SHARING_NOTE],
  source: district('附件8', '名师名校长线上工作室研修案例信息表 注：填写均为5号，宋体'),
};

// ---------------------------------------------------------------------------------------------------------------
// 附件11: filled online on the vocational platform, printed, signed and scanned.

const ANNEX_11: FormLayoutInput = {
  id: 'annex11',
  annex: '附件11',
  title: '作品登记表',
  subtitle: '（职业教育实践性教学案例）',
  fileLabel: '登记表',
  categories: ['zhijiao_shijian'],
  year: 2025,
  fontPt: 10.5,
  pages: 1,
  columns: [10, 12, 14, 10, 20, 12, 22],
  authorRows: 3,
  rows: [
    {
      cells: [
        label('作品名称'),
        workName(2),
        label('所属\n专业'),
        value('major', '所属专业', [field('major'), author(0, 'major')]),
        label('作品大小'),
        workSize(),
      ],
    },
    {
      cells: [
        label('项目'),
        options('project', '项目', 'category', 'after', [{ label: '职业教育实践性教学案例', value: 'zhijiao_shijian' }],
          { colSpan: 3, optional: true }),
        options('school_type', '院校类型', [field('school_type'), author(0, 'schoolType')], 'after',
          boxes('中职学校', '高职院校', '|本科职业大学'), { colSpan: 3 }),
      ],
    },
    { cells: [label('作者\n信息', { rowSpan: 4 }), label('姓名'), label('手机号', { colSpan: 2 }), label('所在单位（按单位公章填写）', { colSpan: 3 })] },
    ...authorRows((i) => [
      authorValue(i, 'name'),
      authorValue(i, 'mobile', { colSpan: 2 }, '手机号'),
      authorValue(i, 'organization', { colSpan: 3 }),
    ]),
    // 附件11 prints no @ in the e-mail cell.
    ...contactRows('联系人\n信息', 2, false),
    { cells: [label('作品\n特点'), longText('work_features', '作品特点', '（包括作品简介、特色亮点等，300字以内）', 6)] },
    { cells: [label('作品安装运行说明'), longText('install_notes', '作品安装运行说明', '（安装运行所需环境等）', 6, { minHeightMm: 20 })] },
    pledgeRow('诚信承诺及作品授权',
      '我（们）在此申明所报送作品是我（们）原创构思并制作，不涉及他人著作权；若发现涉嫌抄袭或侵犯他人著作权行为，同意取消活动资格；'
      + '如涉及版权纠纷，自行承担责任；本人同意自大赛主办单位收到该参赛作品之日起，无偿授予大赛主办单位作品使用权，可以公益形式对作品进行展示和传播。',
      6, ['作者签名：', '1.                2.                3.                ', '年    月    日']),
  ],
  errata: [{ notice: '3.3年月日', printed: '3.年月日', why: 'a stray "3" after the third signature line (a template slip)' }],
  source: district('附件11', '作品登记表（职业教育实践性教学案例）'),
};

// ---------------------------------------------------------------------------------------------------------------
// 附件13: the school's 案例申报表, printed and stamped.

const ANNEX_13: FormLayoutInput = {
  id: 'annex13',
  annex: '附件13',
  title: '数字化和智能化应用能力提升案例申报表',
  fileLabel: '申报表',
  categories: ['zhijiao_shuzihua'],
  year: 2025,
  fontPt: 10.5,
  pages: 2,
  columns: [18, 32, 18, 32],
  authorRows: 0,
  rows: [
    { cells: [label('申报单位'), value('applicant_unit', '申报单位', [field('applicant_unit'), author(0, 'organization')], { colSpan: 3 })] },
    {
      cells: [
        label('联系人'),
        value('contact_name', '联系人', [contact('name'), field('contact_name')]),
        label('职  务'),
        value('contact_title', '联系人职务', [contact('title'), field('contact_title')]),
      ],
    },
    {
      cells: [
        label('手  机'),
        value('contact_mobile', '联系人手机', [contact('mobile'), field('contact_mobile')]),
        label('邮  箱'),
        value('contact_email', '联系人邮箱', [contact('email'), field('contact_email')]),
      ],
    },
    {
      cells: [
        label('主管领导'),
        value('leader_name', '主管领导', [field('leader_name')]),
        label('职  务'),
        value('leader_title', '主管领导职务', [field('leader_title')]),
      ],
    },
    {
      cells: [
        label('手  机'),
        value('leader_mobile', '主管领导手机', [field('leader_mobile')]),
        label('邮  箱'),
        value('leader_email', '主管领导邮箱', [field('leader_email')]),
      ],
    },
    { cells: [label('通信地址'), value('address', '通信地址', [field('address')], { colSpan: 3 })] },
    { cells: [label('案例名称'), value('case_name', '案例名称', [field('case_name'), { from: 'title' }], { colSpan: 3 })] },
    { cells: [longText('unit_intro', '单位简介', '单位简介（500字左右）：', 4, { minHeightMm: 60 })] },
    {
      cells: [
        longText('case_summary', '案例概要',
          '职业教育数字化和智能化应用场景案例概要（不超过1000字）：\n（从应用场景的实施背景、目标、内容、方法、成效等简要描述。）', 4,
          { minHeightMm: 100 }),
      ],
    },
    { cells: [text(['申报单位意见：', '', '（公章）    ', ' 年   月   日'], { colSpan: 4, role: 'seal', minHeightMm: 40 })] },
  ],
  footer: ['注：此表需提交两份：一份由学校管理员账号通过平台在线填写；一份由学校将在线填写后生成的此表格打印并盖章，扫描为pdf格式文件后由学校管理员账号在线提交至平台。'],
  source: district('附件13', '数字化和智能化应用能力提升案例申报表'),
};

/** The 2025 forms, in the notice's order. */
export const FORMS_2025: readonly FormLayoutInput[] = [ANNEX_1, ANNEX_2, ANNEX_5, ANNEX_8, ANNEX_11, ANNEX_13];
