import type { Accept, RulePackInput, Source } from '../schema';

type CategoryInput = RulePackInput['categories'][number];
type SlotInput = CategoryInput['slots'][number];
type FieldInput = CategoryInput['fields'][number];

/*
 * Quotes are verbatim from the notices. The national notice is a PDF text extract with hard line wraps, so a quote
 * joins a wrapped sentence back together and keeps the notice's own spaces ("不超过 100M"); the tests compare
 * quotes with the notice after removing whitespace only.
 */
const district = (section: string, quote: string): Source => ({ notice: 'district', section, quote });
const national = (section: string, quote: string): Source => ({ notice: 'national', section, quote });

/*
 * "M"/"MB" in the notices is read as MiB (1024 × 1024 bytes). Windows Explorer and the usual upload-widget idiom
 * (`file.size / 1024 / 1024 < 500`) both measure sizes that way, so a teacher who sees "498 MB" in Explorer is told
 * the same thing the platform will tell them. A decimal reading (500 000 000 bytes) would flag files Explorer shows
 * as 477–500 MB, i.e. nag teachers about files the platform accepts.
 */
const MIB = 1024 * 1024;

const PDF: Accept = { types: ['pdf'], extensions: ['.pdf'] };
const WORD: Accept = { types: ['doc', 'docx'], extensions: ['.doc', '.docx'] };
const WORD_OR_PDF: Accept = { types: ['doc', 'docx', 'pdf'], extensions: ['.doc', '.docx', '.pdf'] };
const MP4: Accept = { types: ['mp4'], extensions: ['.mp4'] };
const ZIP: Accept = { types: ['zip'], extensions: ['.zip'] };
const PPT: Accept = { types: ['ppt', 'pptx'], extensions: ['.ppt', '.pptx'] };
const JPG: Accept = { types: ['jpeg'], extensions: ['.jpg', '.jpeg'] };

// ---------------------------------------------------------------------------------------------------------------
// Slots shared by the regular categories (district notice 二(二)1)

/**
 * Pages of each signed form as printed (the layouts in lib/forms/layouts/2025.ts; a test keeps the two equal): a
 * scan with another page count is a warning.
 */
const FORM_PAGES = { 附件1: 1, 附件2: 2, 附件5: 2, 附件8: 2, 附件11: 1, 附件13: 2 } as const;

/** The quote that asks for the signed scan ("签字扫描为PDF格式"). */
function scanSource(sources: readonly Source[]): Source {
  return sources.find((s) => s.quote?.includes('扫描')) ?? sources[0]!;
}

function registrationForm(annex: '附件1' | '附件2', sources: Source[]): SlotInput {
  return {
    id: 'registration_form',
    label: `作品登记表（${annex}）`,
    labelEn: `Registration form (${annex === '附件1' ? 'Annex 1' : 'Annex 2'}), signed and scanned to PDF`,
    keywords: ['登记表', '作品登记', '报名表'],
    required: true,
    accept: PDF,
    minCount: 1,
    maxCount: 1,
    scan: { pages: FORM_PAGES[annex], source: scanSource(sources) },
    notes: ['须作者签字后扫描为PDF；作者签名栏最多3人。'],
    sources,
  };
}

function caseIntro(section: string, contentsQuote: string, formatQuote: string): SlotInput {
  return {
    id: 'case_intro',
    label: '案例介绍文档',
    labelEn: 'Case introduction (Word)',
    keywords: ['案例介绍', '介绍文档', '案例说明', '介绍'],
    required: true,
    accept: WORD,
    minCount: 1,
    maxCount: 1,
    notes: [contentsQuote],
    sources: [district(`${section}①`, contentsQuote), district(`${section}②`, formatQuote)],
  };
}

function recording(section: string): SlotInput {
  return {
    id: 'recording',
    label: '教学活动录像',
    labelEn: 'Teaching recording (MP4)',
    keywords: ['录像', '教学活动录像', '课堂实录', '实录', '视频', '片段', '剪辑'],
    required: true,
    accept: MP4,
    // One lesson, several clips or a feature video are all allowed, so the count is open; the total is capped.
    minCount: 1,
    video: { container: 'mp4', source: district(`${section}②`, '教学活动录像（MP4格式）') },
    notes: ['可以是单节课堂教学实录，也可以是多节课片段剪辑或专题介绍视频；全部录像时间总计不超过50分钟。'],
    sources: [district(`${section}②`, '教学活动录像（MP4格式）'), district(`${section}①`, '时间总计不超过50分钟')],
  };
}

function relatedMaterials(section: string): SlotInput {
  return {
    id: 'materials',
    label: '相关材料',
    labelEn: 'Related materials (ZIP)',
    keywords: ['相关材料', '材料', '教学设计', '课程资源', '压缩包'],
    required: true,
    accept: ZIP,
    minCount: 1,
    maxCount: 1,
    notes: ['相关材料：教学设计方案、课程资源等。'],
    sources: [
      district(`${section}①`, '相关材料：教学设计方案、课程资源等'),
      district(`${section}②`, '相关材料（ZIP压缩包格式）'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Form fields of the district registration forms (附件1, 附件2, 附件11)

function workName(form: string, section: string): FieldInput {
  return {
    id: 'work_name',
    label: '作品名称',
    labelEn: 'Title of the work',
    aliases: ['作品标题', '作品名', '案例名称', '案例标题', '资源名称'],
    form,
    noBookTitleMarks: true,
    source: district(section, '作品名称请勿使用书名号《》'),
  };
}

function workSize(form: string, section: string): FieldInput {
  return {
    id: 'work_size',
    label: '作品大小',
    labelEn: 'Size of the work (MB)',
    aliases: ['作品大小（MB）', '文件大小'],
    form,
    sizeOf: { exceptSlots: ['registration_form'] },
    source: district(section, '作品大小 MB'),
  };
}

/** 学段 boxes printed under 基础教育组 on 附件1 and 附件2. */
function basicStage(form: string, section: string, quote: string): FieldInput {
  return {
    id: 'stage',
    label: '学段',
    labelEn: 'School stage (basic education)',
    aliases: ['项目', '组别', '学段组别'],
    form,
    options: ['幼儿教育', '特殊教育', '小学', '初中', '高中'],
    source: district(section, quote),
  };
}

function annex1Fields(withStage: boolean): FieldInput[] {
  const form = '附件1 作品登记表';
  return [
    workName(form, '附件1'),
    workSize(form, '附件1'),
    ...(withStage ? [basicStage(form, '附件1', '幼儿教育□ 特殊教育□ 小学□ 初中□ 高中□')] : []),
    {
      id: 'work_features',
      label: '作品特点',
      labelEn: 'Features of the work',
      aliases: ['作品简介', '特色亮点', '作品简介及特色'],
      form,
      maxChars: 300,
      source: district('附件1', '作品特点（包括作品简介、特色亮点等，300字以内）'),
    },
    {
      id: 'install_notes',
      label: '作品安装运行说明',
      labelEn: 'Installation and running notes',
      aliases: ['安装运行说明', '运行说明', '运行环境'],
      form,
      maxChars: 300,
      source: district('附件1', '作品安装运行说明（安装运行所需环境，临时用户名、密码等,300字以内）'),
    },
  ];
}

function annex2Fields(withStage: boolean): FieldInput[] {
  const form = '附件2 作品登记表';
  const box = (id: string, label: string, labelEn: string, aliases: string[]): FieldInput => ({
    id,
    label,
    labelEn,
    aliases,
    form,
    maxChars: 300,
    source: district('附件2', `${label}（300字以内）`),
  });
  return [
    workName(form, '附件2'),
    workSize(form, '附件2'),
    ...(withStage ? [basicStage(form, '附件2', '幼儿教育□特殊教育□ 小学□ 初中□ 高中□')] : []),
    box('environment', '教学环境设施建设情况', 'Teaching environment and facilities', ['教学环境设施建设', '环境设施建设情况']),
    box('course_building', '课程建设情况', 'Course development', ['课程建设']),
    box('implementation', '教学实施情况及教学效果', 'Teaching practice and effect', ['教学实施情况', '教学效果']),
    box('results', '教学成果、推广情况', 'Results and dissemination', ['教学成果', '推广情况', '教学成果及推广情况']),
    box('other_notes', '其他说明', 'Other notes', ['其它说明', '备注']),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The two teacher-training specials (national notice 二, 三; district notice 二(二)2(1)(2))

interface TrainingSpec {
  /** Section of the national notice that states the submission rules (二(二) or 三(二)). */
  nationalSection: string;
  /** District section of the category (二(二)2(1) or 二(二)2(2)). */
  districtSection: string;
  /** National annex with the three templates (附件1 or 附件2). */
  nationalAnnex: string;
  /** District number of the 案例信息表 (附件5 or 附件8). */
  districtAnnex: '附件5' | '附件8';
  /** District number of the 总结报告 template (附件7 or 附件10). */
  districtReportAnnex: string;
  planLabel: string;
  reportLabel: string;
  listQuote: string;
}

function trainingSlots(spec: TrainingSpec): SlotInput[] {
  const formatQuote = '案例信息表填写后以 PDF、word 格式上传';
  const wordQuote = '研修方案、研修总结报告以 word 格式上传';
  return [
    {
      id: 'info_form',
      // No annex number in the label: the national notice calls it 附件1/附件2, the district one 附件5/附件8.
      label: '案例信息表',
      labelEn: 'Case information form',
      keywords: ['信息表', '案例信息', '登记表'],
      required: true,
      accept: WORD_OR_PDF,
      minCount: 1,
      maxCount: 1,
      variants: [
        {
          site: 'district-ftp',
          accept: PDF,
          scan: { pages: FORM_PAGES[spec.districtAnnex], source: district(`${spec.districtSection}②`, '案例信息表（签字扫描为PDF格式）') },
          source: district(`${spec.districtSection}②`, '案例信息表（签字扫描为PDF格式）'),
        },
      ],
      notes: ['信息表有作者签名和单位公章栏；区级报送须签字扫描为PDF。'],
      sources: [
        national(`${spec.nationalSection}1`, spec.listQuote),
        national(`${spec.nationalSection}2`, formatQuote),
      ],
    },
    {
      id: 'plan',
      label: spec.planLabel,
      labelEn: 'Training plan (Word)',
      keywords: ['实施方案', '研修方案', '方案'],
      required: true,
      accept: WORD,
      minCount: 1,
      maxCount: 1,
      sources: [
        national(`${spec.nationalSection}2`, wordQuote),
        district(`${spec.districtSection}②`, '研修实施方案(Word格式）'),
      ],
    },
    {
      id: 'report',
      label: spec.reportLabel,
      labelEn: 'Summary report (Word, at most 2000 characters)',
      keywords: ['总结报告', '研修总结', '总结', '报告'],
      required: true,
      accept: WORD,
      minCount: 1,
      maxCount: 1,
      document: { maxChars: 2000, source: national(spec.nationalAnnex, '全文不超过 2000字') },
      notes: ['一级标题3号黑体；二级标题3号仿宋_GB2312加粗；正文3号仿宋_GB2312。'],
      sources: [
        national(`${spec.nationalSection}2`, wordQuote),
        national(spec.nationalAnnex, '全文不超过 2000字'),
        district(spec.districtReportAnnex, '全文不超过2000字'),
      ],
    },
    {
      id: 'support',
      label: '支撑材料',
      labelEn: 'Supporting materials (at most 5 items, 100 MB in total)',
      keywords: ['支撑材料', '佐证材料', '研修照片', '过程材料', '成果代表', '材料'],
      required: true,
      // The national notice names no format for 支撑材料, so the platform may take the items one by one or packed;
      // the district FTP round asks for one ZIP (variant below).
      accept: {
        types: ['zip', 'rar', '7z', 'pdf', 'doc', 'docx', 'ppt', 'pptx', 'jpeg', 'png', 'mp4'],
        extensions: ['.zip', '.rar', '.7z', '.pdf', '.doc', '.docx', '.ppt', '.pptx', '.jpg', '.jpeg', '.png', '.mp4'],
      },
      minCount: 1,
      maxCount: 5,
      maxTotalBytes: 100 * MIB,
      archive: {
        maxItems: 5,
        source: national(`${spec.nationalSection}1`, '研修照片、过程材料、成果代表等总数量不超过 5 件'),
      },
      variants: [
        {
          site: 'district-ftp',
          accept: ZIP,
          maxCount: 1,
          source: district(`${spec.districtSection}②`, '支撑材料（ZIP压缩包格式）'),
        },
      ],
      notes: [
        '研修照片、过程材料、成果代表等总数量不超过5件；压缩包内按文件计数。',
        '支撑材料总量不超过100M。',
      ],
      sources: [
        national(`${spec.nationalSection}1`, '支撑材料（研修照片、过程材料、成果代表等总数量不超过 5 件）'),
        national(`${spec.nationalSection}2`, '支撑材料总量不超过 100M'),
        district(`${spec.districtSection}②`, '其中支撑材料总量不超过100M'),
      ],
    },
  ];
}

function keywordsField(form: string, annex: string): FieldInput {
  return {
    id: 'keywords',
    label: '案例关键词',
    labelEn: 'Keywords',
    aliases: ['关键词', '关键字'],
    form,
    maxKeywords: 4,
    source: national(annex, '案例关键词 不超过 4个'),
  };
}

/** 实施方案 boxes shared by 附件6 and 附件9; the last box differs (特色创新 ≤ 300 vs 特色与创新 ≤ 200). */
function planFields(form: string, annex: string, topicQuote: string, needsQuote: string, outcomesQuote: string,
  innovation: { label: string; maxChars: number; quote: string }): FieldInput[] {
  return [
    {
      id: 'plan_topic',
      label: '研修主题',
      labelEn: 'Training theme (plan)',
      aliases: ['主题'],
      form,
      maxChars: 30,
      source: national(annex, topicQuote),
    },
    {
      id: 'needs',
      label: '需求分析',
      labelEn: 'Needs analysis',
      form,
      maxChars: 300,
      source: national(annex, needsQuote),
    },
    {
      id: 'goals',
      label: '研修目标',
      labelEn: 'Training goals',
      form,
      maxChars: 300,
      source: national(annex, '能独立设计跨学科学习任务。不超过 300 字'),
    },
    {
      id: 'mode',
      label: '研修模式与流程',
      labelEn: 'Training model and process',
      aliases: ['研修模式', '研修流程', '研修模式及流程'],
      form,
      maxChars: 800,
      source: national(annex, '一体化研修活动设计。不超过 800 字'),
    },
    {
      id: 'outcomes',
      label: '预期成果',
      labelEn: 'Expected outcomes',
      form,
      maxChars: 200,
      source: national(annex, outcomesQuote),
    },
    {
      id: 'assessment',
      label: '考核评价',
      labelEn: 'Assessment',
      form,
      maxChars: 300,
      source: national(annex, '用三维评价进行表述，不超过 300 字'),
    },
    {
      id: 'innovation',
      label: innovation.label,
      labelEn: 'Distinctive features and innovation',
      aliases: ['特色创新', '特色与创新', '特色及创新'].filter((alias) => alias !== innovation.label),
      form,
      maxChars: innovation.maxChars,
      source: national(annex, innovation.quote),
    },
  ];
}

const TRAINING_SUBMISSION_WINDOW = {
  id: 'submission',
  label: '案例报送（第一作者本人在活动平台报送）',
  labelEn: 'Case submission on the activity platform (first author)',
  site: 'huodong',
  audience: 'teacher',
  from: '2025-09-15',
  to: '2025-09-30',
  source: national('五(二)1', '报送时间：2025 年 9 月 15 日--9 月 30 日'),
} as const;

/** The 联系人 and 主管领导 rows of 附件13 print 职务/手机/邮箱 without the row's name; quote the whole row. */
const ROW_QUOTES: Record<string, string> = {
  contact_name: '联系人 职  务 手  机 邮  箱',
  contact_title: '联系人 职  务',
  contact_mobile: '联系人 职  务 手  机',
  contact_email: '联系人 职  务 手  机 邮  箱',
  leader_name: '主管领导 职  务 手  机 邮  箱',
  leader_title: '主管领导 职  务',
  leader_mobile: '主管领导 职  务 手  机',
  leader_email: '主管领导 职  务 手  机 邮  箱',
};

const TRAINING_SITE_SOURCE = national('五(二)2', '报送地址：https://huodong.ncet.edu.cn/#/teacher_index');

// ---------------------------------------------------------------------------------------------------------------

/** Rules of the 2025 activity, from the district notice (all categories) and the national teacher-training notice. */
export const PACK_2025 = {
  schema: 'submit-helper/rule-pack@1',
  version: '2025.1',
  year: 2025,
  activity: '2025年全国师生数字素养提升实践活动（第二十九届教师活动）',
  notices: {
    district: {
      title: '区级通知：2025年教师数字素养提升实践活动（常规项目与专项，附件1–14）',
      file: '000_c768d3d121b654c9.txt',
    },
    national: {
      title: '全国师生数字素养提升实践活动（第二十九届教师活动）2025年教师研修专项通知',
      file: '003_5ebcbc502417c598.txt',
    },
  },
  common: [
    {
      text: '每个项目作者不超过3人。',
      textEn: 'At most 3 authors per work.',
      source: district('四(一)1', '每个项目作者不超过3人'),
    },
    {
      text: '作品登记表中的作品名称请勿使用书名号《》。',
      textEn: 'The title on the registration form must not contain 《》.',
      source: district('附件1', '作品名称请勿使用书名号《》'),
    },
    {
      text: '已参加过往届活动或其他省级活动并获奖的作品，取消参加资格。',
      textEn: 'Works that won an award in an earlier round or another provincial activity are ineligible.',
      source: district('三4', '巳参加过往届活动或其他省级活动并获奖的作品，取消参加资格'),
    },
    {
      text: '作者对作品的原创性、真实性负责，非原创的部分需注明出处。',
      textEn: 'Authors answer for originality; non-original parts must cite their source.',
      source: district('三2', '非原创的部分需注明出处'),
    },
    {
      text: '材料经恰当命名后逐个上传。',
      textEn: 'Name each file sensibly and upload the files one by one.',
      source: district('二(二)1(1)②', '经恰当命名后逐个上传'),
    },
    {
      text: '区级报送只交电子版：每位教师建立一级文件夹“学段+学校+教师姓名”，二级文件夹为参赛项目名称，三级文件夹以作品名称命名；一级文件夹压缩为同名RAR文件上传至城域网FTP服务器。',
      textEn: 'District round, electronic files only: folder "stage+school+teacher" › category name › work title; '
        + 'compress the teacher folder to a RAR of the same name and upload it to the district FTP server.',
      source: district('四(一)2', '每位参赛教师建立一级文件夹，命名为：学段+学校+教师姓名'),
    },
  ],
  windows: [
    {
      id: 'provincial_contact_form',
      label: '省级组织单位联系人信息表（附件3）发送截止',
      labelEn: 'Provincial organisers send the contact form (Annex 3)',
      audience: 'organiser',
      to: '2025-04-20',
      source: national('附件3', '请各省级组织单位于 2025年 4月 20日前通过电子邮件将此表发送到'),
    },
    {
      // The notice prints no year here; the same form is titled "××校2025年…联系人", so it is 2025.
      id: 'district_contact_form',
      label: '联系人信息表（区级附件3，高校及参加职教专项的中职学校）发送截止',
      labelEn: 'Contact form (district Annex 3; colleges and vocational schools in the vocational specials)',
      audience: 'organiser',
      to: '2025-06-30',
      source: district('附件3', '请于6月30日前将该表盖章扫描版及Excel版发送到邮箱'),
    },
    {
      id: 'provincial_recommendation',
      label: '省级推荐校本研修案例',
      labelEn: 'Provincial recommendation of school-based training cases',
      site: 'huodong',
      audience: 'organiser',
      from: '2025-10-08',
      to: '2025-10-20',
      source: national('六1', '省级推荐：10 月 8 日--10 月 20 日期间'),
    },
    {
      id: 'national_recommendation',
      label: '国家级推荐完成',
      labelEn: 'National recommendation completed',
      site: 'huodong',
      audience: 'organiser',
      to: '2025-11-15',
      source: national('六2', '国家级推荐：于 11 月 15 日前完成专项推荐案例'),
    },
  ],
  categories: [
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'jingpin',
      name: '精品学习资源',
      nameEn: 'High-quality learning resource',
      group: '基础教育组（常规项目）',
      groupEn: 'Basic education (regular)',
      // The district notice sends regular categories to its FTP server (四(一)); huodong hosts the later rounds.
      sites: ['district-ftp', 'huodong'],
      forms: ['附件1'],
      slots: [
        registrationForm('附件1', [
          district('二(二)1(1)①', '须提交作品登记表（附件1)、作品及相关说明文档'),
          district('二(二)1(1)②', '作品登记表（签字扫描为PDF格式）'),
        ]),
        {
          id: 'work',
          label: '作品（课件、动画、短视频、小程序、应用软件、电子读物、专题网站等）',
          labelEn: 'The work itself (courseware, animation, short video, mini-program, app, e-book, website …)',
          keywords: ['课件', '动画', '短视频', '微视频', '小程序', '应用软件', '电子读物', '专题网站', '学习资源', '资源'],
          required: true,
          // Any new-media form is allowed, so formats the checker cannot name ('unknown') are accepted too.
          accept: {
            types: ['pptx', 'ppt', 'mp4', 'mov', 'mkv', 'avi', 'pdf', 'docx', 'doc', 'html', 'exe', 'zip', 'rar', '7z',
              'jpeg', 'png', 'gif', 'unknown'],
            extensions: ['.pptx', '.ppt', '.mp4', '.mov', '.mkv', '.avi', '.pdf', '.docx', '.doc', '.html', '.htm',
              '.exe', '.msi', '.apk', '.epub', '.swf', '.zip', '.rar', '.7z', '.jpg', '.jpeg', '.png', '.gif'],
          },
          minCount: 1,
          notes: ['可执行文件应易于安装、运行和卸载；如需非常用软件运行或播放，请同时提供该软件。'],
          sources: [
            district('二(二)1(1)', '作品形式涵盖课件、动画、短视频、小程序、应用软件、电子读物、专题网站等新媒体资源'),
            district('二(二)1(1)②', '其中可执行文件应易于安装、运行和卸载，如需非常用软件运行或播放，请同时提供该软件'),
          ],
        },
        {
          id: 'description',
          label: '相关说明文档',
          labelEn: 'Description document (Word)',
          keywords: ['说明文档', '相关说明', '说明'],
          required: true,
          accept: WORD,
          minCount: 1,
          sources: [district('二(二)1(1)②', '相关说明文档（Word格式）')],
        },
      ],
      fields: annex1Fields(true),
      maxAuthors: 3,
      selfChecks: [
        {
          text: '作品主题明确、思路清晰、资源完整。',
          textEn: 'Clear theme, clear structure, complete resource.',
          source: district('二(二)1(1)①', '要求主题明确，思路清晰，资源完整'),
        },
      ],
      windows: [],
      sources: [
        district('二(一)1', '基础教育组：精品学习资源'),
        district('二(二)1(1)', '精品学习资源：是指教师创作设计的有利于促进学生自主学习'),
        district('四(一)1', '每个项目作者不超过3人'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'zizhi',
      name: '自制教学工具软件',
      nameEn: 'Self-made teaching software',
      group: '中等职业教育组（常规项目）',
      groupEn: 'Secondary vocational education (regular)',
      sites: ['district-ftp', 'huodong'],
      forms: ['附件1'],
      slots: [
        registrationForm('附件1', [district('二(二)1(2)②', '作品登记表（附件1，签字扫描为PDF格式）')]),
        {
          id: 'software',
          label: '软件',
          labelEn: 'The software (installer or package)',
          keywords: ['软件', '安装包', '安装程序', '程序', 'setup'],
          required: true,
          accept: {
            types: ['exe', 'zip', 'rar', '7z', 'html', 'unknown'],
            extensions: ['.exe', '.msi', '.apk', '.zip', '.rar', '.7z', '.html', '.htm'],
          },
          minCount: 1,
          notes: ['软件应易于安装、运行和卸载；视频、声音、动画等素材需使用常用文件格式。'],
          sources: [
            district('二(二)1(2)①', '软件应易于安装、运行和卸载'),
            district('二(二)1(2)②', '软件、 软件演示视频（MP4格式）'),
          ],
        },
        {
          id: 'demo_video',
          label: '软件演示视频',
          labelEn: 'Software demo video (MP4)',
          keywords: ['演示视频', '演示', '录屏', '视频'],
          required: true,
          accept: MP4,
          minCount: 1,
          video: { container: 'mp4', source: district('二(二)1(2)②', '软件演示视频（MP4格式）') },
          sources: [district('二(二)1(2)②', '软件演示视频（MP4格式）')],
        },
        {
          id: 'design_doc',
          label: '相关设计说明',
          labelEn: 'Design notes (Word)',
          keywords: ['设计说明', '说明文档', '说明'],
          required: true,
          accept: WORD,
          minCount: 1,
          sources: [district('二(二)1(2)②', '相关设计说明（Word文档格式）')],
        },
        {
          id: 'materials',
          label: '相关材料',
          labelEn: 'Related materials (ZIP)',
          keywords: ['相关材料', '材料', '压缩包'],
          required: true,
          accept: ZIP,
          minCount: 1,
          maxCount: 1,
          sources: [district('二(二)1(2)②', '相关材料(ZIP压缩包格式）')],
        },
      ],
      fields: annex1Fields(false),
      maxAuthors: 3,
      selfChecks: [
        {
          text: '视频、声音、动画等素材使用常用文件格式。',
          textEn: 'Video, audio and animation assets use common file formats.',
          source: district('二(二)1(2)①', '视频、声音、动画等素材需使用常用文件格式'),
        },
      ],
      windows: [],
      sources: [
        district('二(一)1', '中等职业教育组：自制教学工具软件、信息化教学课程案例'),
        district('二(二)1(2)', '自制教学工具软件：是指教师基于数字化、网络化、智能化信息技术和多媒体技术'),
        district('四(一)1', '每个项目作者不超过3人'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'xinxihua',
      name: '信息化教学课程案例',
      nameEn: 'ICT-based course case',
      group: '中等职业教育组（常规项目）',
      groupEn: 'Secondary vocational education (regular)',
      sites: ['district-ftp', 'huodong'],
      forms: ['附件2'],
      slots: [
        registrationForm('附件2', [
          district('二(二)1(3)①', '须提交作品登记表（附件2)、案例介绍文档、教学活动录像和相关材料'),
          district('二(二)1(3)②', '作品登记表（签字扫描为PDF格式）、案例介绍文档(Word 格式）'),
        ]),
        caseIntro('二(二)1(3)', '案例介绍文档包括：课程建设与实施情况、教学效果、教学成果、推广情况等', '案例介绍文档(Word 格式）'),
        recording('二(二)1(3)'),
        relatedMaterials('二(二)1(3)'),
      ],
      fields: annex2Fields(false),
      maxAuthors: 3,
      maxTotalVideoSec: 50 * 60,
      totalSource: district('二(二)1(3)①', '时间总计不超过50分钟'),
      windows: [],
      sources: [
        district('二(一)1', '中等职业教育组：自制教学工具软件、信息化教学课程案例'),
        district('二(二)1(3)', '信息化教学课程案例：是指利用信息技术优化课程教学'),
        district('四(一)1', '每个项目作者不超过3人'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'ronghe',
      name: '融合创新应用教学案例',
      nameEn: 'Integrated innovative teaching case',
      group: '基础教育组（常规项目）',
      groupEn: 'Basic education (regular)',
      sites: ['district-ftp', 'huodong'],
      forms: ['附件2'],
      slots: [
        registrationForm('附件2', [
          district('二(二)1(4)①', '须提交作品登记表（附件2)、案例介绍文档、教学活动录像和相关材料'),
          district('二(二)1(4)②', '作品登记表（签字扫描为PDF格式），案例介绍文档(Word 格式）'),
        ]),
        caseIntro('二(二)1(4)', '案例介绍文档包括：教学环境设施与课程建设、教学应用情况、教学效果、教学成果、推广情况等',
          '案例介绍文档(Word 格式）'),
        recording('二(二)1(4)'),
        relatedMaterials('二(二)1(4)'),
        {
          id: 'space_ppt',
          label: '网络学习空间案例PPT',
          labelEn: 'Slides for a case taught in a personal online learning space',
          keywords: ['PPT', '演示文稿', '幻灯片'],
          required: false,
          requiredIf: {
            question: '本案例是否为教师个人应用国家数字教育资源公共服务体系内的网络学习空间所开展的教学案例？',
            questionEn: 'Was this case taught with your personal online learning space on the national public '
              + 'digital education resource service system?',
          },
          accept: PPT,
          minCount: 1,
          // The notice lists these under 相关材料, so they may also travel inside that ZIP; a separate upload is safer.
          notes: ['通知将其列在“相关材料”之下；若已放入相关材料压缩包，请在压缩包内保留此文件。'],
          sources: [district('二(二)1(4)①', '如为教师个人应用国家数字教育资源公共服务体系内的网络学习空间所开展的教学案例，需同时提交 PPT、空间访问说明文档（含空间网址）等')],
        },
        {
          id: 'space_guide',
          label: '空间访问说明文档（含空间网址）',
          labelEn: 'How to visit the online learning space (with its URL)',
          keywords: ['空间访问', '访问说明', '空间网址', '空间说明', '网络学习空间'],
          required: false,
          requiredIf: {
            question: '本案例是否为教师个人应用国家数字教育资源公共服务体系内的网络学习空间所开展的教学案例？',
            questionEn: 'Was this case taught with your personal online learning space on the national public '
              + 'digital education resource service system?',
          },
          // The notice names no format for this document; Word or PDF both carry a URL that can be opened.
          accept: WORD_OR_PDF,
          minCount: 1,
          notes: ['须写明空间网址。通知未规定格式。'],
          sources: [district('二(二)1(4)①', '需同时提交 PPT、空间访问说明文档（含空间网址）等')],
        },
      ],
      fields: annex2Fields(true),
      maxAuthors: 3,
      maxTotalVideoSec: 50 * 60,
      totalSource: district('二(二)1(4)①', '时间总计不超过50分钟'),
      windows: [],
      sources: [
        district('二(一)1', '基础教育组：精品学习资源、融合创新应用教学案例'),
        district('二(二)1(4)', '融合创新应用教学案例：是指教师将信息技术作为教师组织与实施教学的工具'),
        district('四(一)1', '每个项目作者不超过3人'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'ronghe_suzhi',
      name: '融合创新应用教学案例（“素质教育”主题）',
      nameEn: 'Integrated innovative teaching case ("quality education" theme)',
      group: '基础教育组（常规项目）',
      groupEn: 'Basic education (regular)',
      sites: ['district-ftp', 'huodong'],
      forms: ['附件2'],
      slots: [
        registrationForm('附件2', [
          district('二(二)1(5)①', '须提交作品登记表（附件2)、案例介绍文档、教学活动录像和相关材料'),
          district('二(二)1(5)②', '作品登记表（签字扫描为PDF格式）、案例介绍文档(Word 格式）'),
        ]),
        caseIntro('二(二)1(5)', '案例介绍文档包括：教学环境设施与课程建设、教学应用情况、教学效果、教学成果、推广情况等',
          '案例介绍文档(Word 格式）'),
        recording('二(二)1(5)'),
        relatedMaterials('二(二)1(5)'),
      ],
      fields: annex2Fields(true),
      maxAuthors: 3,
      maxTotalVideoSec: 50 * 60,
      totalSource: district('二(二)1(5)①', '时间总计不超过50分钟'),
      selfChecks: [
        {
          text: '教学通过“领航社”素质教育项目开展。',
          textEn: 'The teaching ran through the 领航社 quality-education project.',
          source: district('二(二)1(5)', '教师通过“领航社”素质教育项目开展教学'),
        },
      ],
      windows: [],
      sources: [
        district('二(一)1', '融合创新应用教学案例（“素质教育”主题）'),
        district('二(二)1(5)', '融合创新应用教学案例（“素质教育”主题）：是指为推动全国素质教育水平的提升'),
        district('四(一)1', '每个项目作者不超过3人'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'xiaoben',
      name: '国家中小学智慧教育平台校本研修案例',
      nameEn: 'School-based teacher training case on the national smart-education platform',
      group: '基础教育专项（仅面向义务教育阶段）',
      groupEn: 'Basic-education special (compulsory education only)',
      sites: ['huodong', 'district-ftp'],
      // District numbering (附件5–7); the national notice prints the same three templates as its 附件1.
      forms: ['附件5', '附件6', '附件7'],
      slots: trainingSlots({
        nationalSection: '二(二)',
        districtSection: '二(二)2(1)',
        nationalAnnex: '附件1',
        districtAnnex: '附件5',
        districtReportAnnex: '附件7',
        planLabel: '校本研修实施方案',
        reportLabel: '校本研修总结报告',
        listQuote: '须提交案例信息表、校本研修实施方案、校本研修总结报告',
      }),
      fields: [
        {
          id: 'topic',
          label: '研修主题',
          labelEn: 'Training theme',
          aliases: ['案例名称', '案例主题', '案例标题', '作品名称'],
          form: '附件5 校本研修案例信息表',
          source: national('附件1', '以“课程内容+问题导向”形式呈现'),
        },
        keywordsField('附件5 校本研修案例信息表', '附件1'),
        {
          id: 'subject',
          label: '科目',
          labelEn: 'Subject',
          aliases: ['学科', '研修科目'],
          form: '附件5 校本研修案例信息表',
          // "原则上选一个科目": one box in principle.
          options: ['道德与法治', '语文', '数学', '外语', '历史', '地理', '科学', '物理', '化学', '生物学', '信息科技',
            '体育与健康', '艺术', '劳动', '综合实践活动'],
          multiple: false,
          source: national('二(一)2', '科目包括道德与法治、语文、数学、外语、历史、地理、科学、物理、化学、生物学、信息科技、体育与健康、艺术、劳动、综合实践活动'),
        },
        {
          id: 'stage',
          label: '学段',
          labelEn: 'Learning stage',
          form: '附件5 校本研修案例信息表',
          options: ['第一学段（1-2年级）', '第二学段（3-4年级）', '第三学段（5-6年级）', '第四学段（7-9年级）'],
          multiple: true,
          source: national('附件1', '注：根据课程内容和研修活动实施情况，可选多个学段'),
        },
        {
          id: 'grade',
          label: '年级',
          labelEn: 'Grade',
          form: '附件5 校本研修案例信息表',
          options: ['1年级', '2年级', '3年级', '4年级', '5年级', '6年级', '7年级', '8年级', '9年级'],
          multiple: true,
          source: national('附件1', '注：根据课程内容和研修活动实施情况，可选多个年级'),
        },
        {
          id: 'course_basis',
          label: '课程内容依据',
          labelEn: 'Curriculum content basis',
          form: '附件5 校本研修案例信息表',
          source: national('附件1', '参照相应科目的 2022年版课程标准中课程内容章节'),
        },
        {
          id: 'summary',
          label: '案例概述',
          labelEn: 'Case summary',
          aliases: ['案例简介', '案例摘要', '案例概要'],
          form: '附件5 校本研修案例信息表',
          maxChars: 300,
          source: national('附件1', '概述研修基本情况、成果与成效、智慧平台支撑等。不超过 300字'),
        },
        ...planFields('附件6 校本研修实施方案', '附件1',
          '突出学科素养与问题聚焦。不超过 30 字',
          '质量提升的促进作用。不超过 300 字',
          '阐述校本研修成果产出，不超过 200 字',
          { label: '特色创新', maxChars: 300, quote: '“AI课堂诊断技术应用”）。不超过 300 字' }),
      ],
      maxAuthors: 3,
      selfChecks: [
        {
          text: '案例以2022年版新课标为依据，明确科目、学段和年级（义务教育阶段）。',
          textEn: 'The case follows the 2022 curriculum standards and names subject, stage and grade '
            + '(compulsory education).',
          source: national('二(一)2', '校本研修案例要明确学科学段'),
        },
      ],
      windows: [TRAINING_SUBMISSION_WINDOW],
      sources: [
        national('一', '征集两类案例成果：校本研修案例'),
        national('五(一)', '由第一作者本人在活动平台报送'),
        TRAINING_SITE_SOURCE,
        national('附件1', '（排序填写，最多 3 人）'),
        district('二(一)2', '基础教育专项（仅面向义务教育阶段）：国家中小学智慧教育平台校本研修案例'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'mingshi',
      name: '名师名校长线上工作室研修案例',
      nameEn: 'Online master-teacher / master-principal studio training case',
      group: '基础教育专项（仅面向义务教育阶段）',
      groupEn: 'Basic-education special (compulsory education only)',
      sites: ['huodong', 'district-ftp'],
      forms: ['附件8', '附件9', '附件10'],
      slots: trainingSlots({
        nationalSection: '三(二)',
        districtSection: '二(二)2(2)',
        nationalAnnex: '附件2',
        districtAnnex: '附件8',
        districtReportAnnex: '附件10',
        planLabel: '研修实施方案',
        reportLabel: '研修总结报告',
        listQuote: '须提交案例信息表、研修实施方案、研修总结报告',
      }),
      fields: [
        {
          id: 'topic',
          label: '研修主题',
          labelEn: 'Training theme',
          aliases: ['案例名称', '案例主题', '案例标题', '作品名称'],
          form: '附件8 名师名校长线上工作室研修案例信息表',
          source: national('附件2', '研修主题 案例关键词 不超过 4个'),
        },
        keywordsField('附件8 名师名校长线上工作室研修案例信息表', '附件2'),
        {
          id: 'studio_name',
          label: '工作室名称',
          labelEn: 'Studio name',
          aliases: ['名师工作室名称', '工作室'],
          form: '附件8 名师名校长线上工作室研修案例信息表',
          source: national('附件2', '工作室名称'),
        },
        {
          id: 'subject_area',
          label: '研修学科领域',
          labelEn: 'Subject area',
          aliases: ['学科领域', '学科'],
          form: '附件8 名师名校长线上工作室研修案例信息表',
          source: national('附件2', '研修学科领域'),
        },
        {
          id: 'summary',
          label: '案例概述',
          labelEn: 'Case summary',
          aliases: ['案例简介', '案例摘要', '案例概要'],
          form: '附件8 名师名校长线上工作室研修案例信息表',
          maxChars: 400,
          source: national('附件2', '线上工作室建设及活跃度等，不超过 400字'),
        },
        ...planFields('附件9 名师名校长线上工作室研修实施方案', '附件2',
          '研修主题 不超过 30字',
          '学校办学的促进作用。不超过 300 字',
          '阐述工作室研修成果产出，不超过 200 字',
          { label: '特色与创新', maxChars: 200, quote: '突出“一室一品”建设特色。不超过 200 字' }),
      ],
      maxAuthors: 3,
      selfChecks: [
        {
          text: '研修周期不少于2个月。',
          textEn: 'The training ran for at least 2 months.',
          source: national('三(一)1', '研修周期原则上不少于 2 个月'),
        },
        {
          text: '工作室至少开展1次高水平直播活动。',
          textEn: 'The studio held at least one high-quality live broadcast.',
          source: national('三(一)3', '每个工作室应至少开展 1 次高水平直播活动'),
        },
        {
          text: '工作室成员出勤率不低于80%。',
          textEn: 'Member attendance was at least 80 %.',
          source: national('三(一)3', '工作室成员出勤率不低于 80%'),
        },
        {
          text: '观看直播人数不少于200人。',
          textEn: 'At least 200 people watched the live broadcast.',
          source: national('三(一)3', '观看直播人数不少于 200 人'),
        },
      ],
      windows: [TRAINING_SUBMISSION_WINDOW],
      sources: [
        national('一', '名师名校长线上工作室研修案例面向国家中小学智慧教育平台名师名校长线上工作室主持人及成员'),
        national('五(一)', '名师名校长线上工作室研修案例由第一作者本人在活动平台报送，直接进入国家级推荐环节'),
        TRAINING_SITE_SOURCE,
        national('附件2', '（排序填写，最多 3 人）'),
        district('二(二)2(2)', '仅面向国家中小学智慧教育平台名师名校长线上工作室主持人及成员'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'zhijiao_shijian',
      name: '职业教育实践性教学案例',
      nameEn: 'Vocational practical teaching case',
      group: '职业教育专项（面向中、高等职业院校）',
      groupEn: 'Vocational-education special (secondary and higher vocational schools)',
      // Straight to the provincial round on the vocational platform; no district round (四(二)).
      sites: ['hecloudnet'],
      forms: ['附件11'],
      slots: [
        {
          id: 'registration_form',
          label: '作品登记表（附件11）',
          labelEn: 'Registration form (Annex 11), filled online, printed, signed and scanned to PDF',
          keywords: ['登记表', '作品登记', '报名表'],
          required: true,
          accept: PDF,
          minCount: 1,
          maxCount: 1,
          scan: { pages: FORM_PAGES.附件11, source: district('二(二)2(3)②', '作品登记表（附件11)通过项目平台在线填写，打印签字并将PDF扫描件') },
          notes: ['先在项目平台在线填写，再打印签字并扫描为PDF。'],
          sources: [district('二(二)2(3)②', '作品登记表（附件11)通过项目平台在线填写，打印签字并将PDF扫描件')],
        },
        {
          id: 'intro',
          label: '案例简介',
          labelEn: 'Case summary',
          keywords: ['案例简介', '简介'],
          required: true,
          // The notice names no format for 案例简介; Word or PDF as for the lesson plan.
          accept: WORD_OR_PDF,
          minCount: 1,
          maxCount: 1,
          notes: ['包括案例名称（与教案名称保持一致）、课程类型、改革创新点、对推动课程数字化转型起到的突出作用等。通知未规定格式。'],
          sources: [
            district('二(二)2(3)①', '须包含案例简介、教案、教学视频等'),
            district('二(二)2(3)①', '案例简介：包括案例名称（与教案名称保持一致）、课程类型、改革创新点'),
          ],
        },
        {
          id: 'lesson_plan',
          label: '教案',
          labelEn: 'Lesson plan (Word or PDF)',
          keywords: ['教案', '教学设计'],
          required: true,
          accept: WORD_OR_PDF,
          minCount: 1,
          maxCount: 1,
          notes: ['提供与教学案例相一致的一次课教案。'],
          sources: [district('二(二)2(3)①', '教案可以为 Word或PDF格式')],
        },
        {
          id: 'video',
          label: '教学视频',
          labelEn: 'Teaching video (1 MP4, 15–25 min, ≥ 1280×720, 25 fps, ≤ 500 MB)',
          keywords: ['教学视频', '视频', '录像', '实录'],
          required: true,
          accept: MP4,
          minCount: 1,
          maxCount: 1,
          maxBytes: 500 * MIB,
          // Both ends are allowed: only "少于15分钟或长于25分钟" disqualifies.
          video: {
            minDurationSec: 15 * 60,
            maxDurationSec: 25 * 60,
            minWidth: 1280,
            minHeight: 720,
            fps: 25,
            container: 'mp4',
            source: district('二(二)2(3)①', '时长限定在15-25分钟之间（少于15分钟或长于25分钟的作品视为不合格）'),
          },
          notes: ['少于15分钟或长于25分钟的作品视为不合格。'],
          sources: [
            district('二(二)2(3)①', '视频数量限1个'),
            district('二(二)2(3)①', '分辨率不低于1280X720,帧速率为25帧/秒，输出格式为MP4，大小不超过500MB'),
          ],
        },
      ],
      fields: [
        workName('附件11 作品登记表（职业教育实践性教学案例）', '附件11'),
        {
          id: 'major',
          label: '所属专业',
          labelEn: 'Vocational major',
          aliases: ['专业', '专业名称'],
          form: '附件11 作品登记表（职业教育实践性教学案例）',
          source: district('附件11', '所属专业'),
        },
        workSize('附件11 作品登记表（职业教育实践性教学案例）', '附件11'),
        {
          id: 'school_type',
          label: '院校类型',
          labelEn: 'School type',
          aliases: ['项目', '学校类型'],
          form: '附件11 作品登记表（职业教育实践性教学案例）',
          options: ['中职学校', '高职院校', '本科职业大学'],
          source: district('附件11', '中职学校□  高职院校□'),
        },
        {
          id: 'work_features',
          label: '作品特点',
          labelEn: 'Features of the work',
          aliases: ['作品简介', '特色亮点'],
          form: '附件11 作品登记表（职业教育实践性教学案例）',
          maxChars: 300,
          source: district('附件11', '作品特点（包括作品简介、特色亮点等，300字以内）'),
        },
        {
          id: 'install_notes',
          label: '作品安装运行说明',
          labelEn: 'Installation and running notes',
          aliases: ['安装运行说明', '运行环境'],
          form: '附件11 作品登记表（职业教育实践性教学案例）',
          source: district('附件11', '作品安装运行说明（安装运行所需环境等）'),
        },
      ],
      maxAuthors: 3,
      maxWorksPerFirstAuthor: 1,
      selfChecks: [
        {
          text: '只征集专业课教学案例，不征集公共基础课教学案例。',
          textEn: 'Only cases from vocational (major) courses; general foundation courses are not accepted.',
          source: district('二(二)2(3)', '本次只征集专业课教学案例，不征集公共基础课教学案例'),
        },
        {
          text: '案例简介中的案例名称与教案名称一致。',
          textEn: 'The case title in the summary matches the lesson plan title.',
          source: district('二(二)2(3)①', '案例名称（与教案名称保持一致）'),
        },
        {
          text: '不接受以单位名义集体创作的作品。',
          textEn: 'Works created collectively in the name of an institution are not accepted.',
          source: district('四(二)', '不接受以单位名义集体创作的作品'),
        },
      ],
      windows: [
        {
          id: 'registration_upload',
          label: '网上报名和作品上传',
          labelEn: 'Online registration and upload',
          site: 'hecloudnet',
          audience: 'teacher',
          from: '2025-05-20',
          to: '2025-08-31',
          source: district('四(二)', '网上报名和作品上传时间为2025年5月20日至8月31日'),
        },
      ],
      sources: [
        district('二(一)2', '职业教育专项（面向中、高等职业院校）：职业教育实践性教学案例'),
        district('四(二)', '直接参加省级活动，不参与区级评选'),
        district('四(二)', '职业教育专项报名平台网址：https://www.hecloudnet.com'),
        district('四(二)', '职业教育实践性教学案例每件作品作者人数不超过3'),
        district('四(二)', '每位教师（以第一作者为准）限报1件作品'),
      ],
    },
    // -------------------------------------------------------------------------------------------------------------
    {
      id: 'zhijiao_shuzihua',
      name: '数字化和智能化应用能力提升案例',
      nameEn: 'Digital and intelligent application capability case',
      group: '职业教育专项（院校申报）',
      groupEn: 'Vocational-education special (submitted by the school)',
      sites: ['hecloudnet'],
      forms: ['附件13'],
      slots: [
        {
          id: 'application_form',
          label: '案例申报表（附件13）',
          labelEn: 'Application form (Annex 13), printed, stamped and scanned to PDF',
          keywords: ['申报表', '案例申报', '登记表'],
          required: true,
          accept: PDF,
          minCount: 1,
          maxCount: 1,
          scan: { pages: FORM_PAGES.附件13, source: district('附件13', '一份由学校将在线填写后生成的此表格打印并盖章，扫描为pdf格式文件后由学校管理员账号在线提交至平台') },
          notes: ['此表需提交两份：学校管理员账号在平台在线填写一份；在线填写后生成的表格打印盖章、扫描为PDF后再提交。'],
          sources: [
            district('二(二)2(4)2', '填写《案例申报表》（附件13)，打印盖章并将PDF 扫描件'),
            district('附件13', '一份由学校将在线填写后生成的此表格打印并盖章，扫描为pdf格式文件后由学校管理员账号在线提交至平台'),
          ],
        },
        {
          id: 'main_text',
          label: '案例主体内容',
          labelEn: 'Case report (Word, 3000–4000 characters)',
          keywords: ['主体内容', '案例主体', '案例报告', '正文', '报告'],
          required: true,
          accept: WORD,
          minCount: 1,
          maxCount: 1,
          document: {
            minChars: 3000,
            maxChars: 4000,
            maxHeadingLevels: 4,
            source: district('附件14 三', '3000-4000字'),
          },
          notes: [
            '层次不宜太多，标题不超过四级。',
            '应以第三人称阐述，不可用第一或第二人称；不要以“我们”“我单位”等自称。',
            '大标题3号宋体加粗，一级小标题4号宋体加粗，二级小标题小4号宋体加粗，内文5号宋体。',
          ],
          sources: [
            district('二(二)2(4)2', '案例主体内容（Word格式）'),
            district('附件14 三', '层次不宜太多，标题不超过四级'),
            district('附件14 三', '3000-4000字'),
          ],
        },
        {
          id: 'pictures',
          label: '图片图例（JPG）',
          labelEn: 'Pictures used in the report (JPG, each ≤ 2 MB, long edge ≥ 1000 px)',
          keywords: ['图片', '图例', '照片', '插图'],
          required: false,
          requiredIf: {
            question: '案例主体内容（Word）中是否插入了图片？',
            questionEn: 'Does the Word report contain pictures?',
          },
          accept: JPG,
          noArchives: true,
          minCount: 1,
          maxBytes: 2 * MIB,
          image: { minLongEdge: 1000, source: district('附件14 四2', '长边要求不低于1000像素') },
          notes: [
            '文中图片另以附件形式单独发送一份图片格式图例。',
            '不得提交多次曝光、合成等技术的照片，不得添加LOGO、水印或修饰性边框，不得将多图拼接后提交。',
            '图片若需保留版权，请注明作者。',
          ],
          sources: [
            district('附件14 四2', '同时以附件形式单独发送一份图片格式图例'),
            district('附件14 四2', '图片为JPG格式'),
            district('附件14 四2', '单张照片在2M以内，长边要求不低于1000像素'),
          ],
        },
        {
          id: 'supplementary',
          label: '辅助材料',
          labelEn: 'Supplementary materials (each file uploaded on its own)',
          keywords: ['辅助材料', '附件', '补充材料', '演示文稿'],
          // 附件14 五 makes these optional ("可作为辅助材料…加以补充"), though 作品要求 lists them; not nagging.
          required: false,
          accept: {
            types: ['doc', 'docx', 'pdf', 'ppt', 'pptx', 'xls', 'xlsx', 'jpeg', 'png', 'gif', 'mp4', 'mov'],
            extensions: ['.doc', '.docx', '.pdf', '.ppt', '.pptx', '.xls', '.xlsx', '.jpg', '.jpeg', '.png', '.gif',
              '.mp4', '.mov'],
          },
          noArchives: true,
          minCount: 0,
          notes: ['案例中未能详述的内容可作为辅助材料补充；在项目平台逐一在线提交，不得打包提交。'],
          sources: [
            district('二(二)2(4)1', '作品要求：包含案例报告、辅助材料'),
            district('附件14 五', '包括文档、演示文稿、图片、视频等格式文件'),
            district('附件14 五', '在项目平台逐一在线提交，不得打包提交'),
          ],
        },
      ],
      fields: [
        ...([
          ['applicant_unit', '申报单位', 'Applying school', ['单位名称', '学校名称']],
          ['contact_name', '联系人', 'Contact person', ['联系人姓名']],
          ['contact_title', '联系人职务', 'Contact person: position', ['职务']],
          ['contact_mobile', '联系人手机', 'Contact person: mobile', ['手机', '手机号']],
          ['contact_email', '联系人邮箱', 'Contact person: e-mail', ['邮箱', '电子邮箱']],
          ['leader_name', '主管领导', 'Leader in charge', ['主管领导姓名']],
          ['leader_title', '主管领导职务', 'Leader in charge: position', ['职务']],
          ['leader_mobile', '主管领导手机', 'Leader in charge: mobile', ['手机', '手机号']],
          ['leader_email', '主管领导邮箱', 'Leader in charge: e-mail', ['邮箱', '电子邮箱']],
          ['address', '通信地址', 'Postal address', ['通讯地址', '地址']],
        ] as const).map(([id, label, labelEn, aliases]): FieldInput => ({
          id,
          label,
          labelEn,
          aliases: [...aliases],
          form: '附件13 数字化和智能化应用能力提升案例申报表',
          source: district('附件13', ROW_QUOTES[id] ?? label),
        })),
        {
          id: 'case_name',
          label: '案例名称',
          labelEn: 'Case title',
          aliases: ['作品名称', '案例标题', '作品标题'],
          form: '附件13 数字化和智能化应用能力提升案例申报表',
          source: district('附件13', '案例名称'),
        },
        {
          // "500字左右" is a target, not a limit, so no maxChars.
          id: 'unit_intro',
          label: '单位简介',
          labelEn: 'About the school (about 500 characters)',
          aliases: ['学校简介', '单位简介（500字左右）'],
          form: '附件13 数字化和智能化应用能力提升案例申报表',
          source: district('附件13', '单位简介（500字左右）'),
        },
        {
          id: 'case_summary',
          label: '案例概要',
          labelEn: 'Case outline',
          aliases: ['职业教育数字化和智能化应用场景案例概要', '应用场景案例概要'],
          form: '附件13 数字化和智能化应用能力提升案例申报表',
          maxChars: 1000,
          source: district('附件13', '职业教育数字化和智能化应用场景案例概要（不超过1000字）'),
        },
      ],
      // The notice sets no author limit for this school-level case (附件13 has no author rows); 3 is the activity-wide
      // rule of 四(一)1, kept because the schema needs a number and it can never bite here.
      maxAuthors: 3,
      selfChecks: [
        {
          text: '全文以第三人称阐述，不用“我们”“我单位”等。',
          textEn: 'Written in the third person throughout (no "we", "our school").',
          source: district('附件14 三', '应以第三人称阐述，不可用第一或第二人称'),
        },
        {
          text: '图片无LOGO、水印、修饰性边框，未拼接或合成。',
          textEn: 'Pictures carry no logo, watermark or decorative border and are not collages or composites.',
          source: district('附件14 四2', '不得为图片添加LOGO、水印或修饰性边框，不得将多图拼接后提交'),
        },
      ],
      // The notice gives the 5月20日–8月31日 window for 实践性教学案例 only; none is stated for this category.
      windows: [],
      sources: [
        district('二(一)2', '职业教育实践性教学案例、数字化和智能化应用能力提升案例'),
        district('二(二)2(4)', '面向广大职业院校征集的学生、教师、管理者数字化和智能化应用能力提升案例'),
        district('四(二)', '职业教育专项报名平台网址：https://www.hecloudnet.com'),
      ],
    },
  ],
} satisfies RulePackInput;
