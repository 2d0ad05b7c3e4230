import { describe, expect, it } from 'vitest';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { findCategory, parseRulePack, type Category, type RulePack, type Slot, type Source } from '@/lib/rules';
import { allSources, noticeTexts, squash } from '../notices';

const parsed = parseRulePack(PACK_2025);
if (!parsed.ok) throw new Error(`PACK_2025 does not parse:\n${parsed.errors.join('\n')}`);
const pack: RulePack = parsed.pack;
const notices = noticeTexts(pack);
const MIB = 1024 * 1024;

function category(id: string): Category {
  const found = findCategory(pack, id);
  if (!found) throw new Error(`no category ${id}`);
  return found;
}

function slot(categoryId: string, slotId: string): Slot {
  const found = category(categoryId).slots.find((candidate) => candidate.id === slotId);
  if (!found) throw new Error(`no slot ${categoryId}.${slotId}`);
  return found;
}

function field(categoryId: string, fieldId: string) {
  const found = category(categoryId).fields.find((candidate) => candidate.id === fieldId);
  if (!found) throw new Error(`no field ${categoryId}.${fieldId}`);
  return found;
}

describe('PACK_2025', () => {
  it('parses and is version 2025.1', () => {
    expect(pack.version).toBe('2025.1');
    expect(pack.year).toBe(2025);
  });

  it('has exactly the nine categories of the notices', () => {
    expect(pack.categories.map((entry) => entry.id)).toEqual([
      'jingpin', 'zizhi', 'xinxihua', 'ronghe', 'ronghe_suzhi', 'xiaoben', 'mingshi', 'zhijiao_shijian',
      'zhijiao_shuzihua',
    ]);
  });

  describe('every quote is verbatim in the notice it cites', () => {
    const sources = allSources(pack);

    it('finds a good number of sources, each with a quote', () => {
      expect(sources.length).toBeGreaterThan(150);
      expect(sources.filter(({ source }) => source.quote === undefined).map(({ path }) => path)).toEqual([]);
    });

    it.each(sources.map(({ path, source }) => [path, source] as const))('%s', (_path, source) => {
      expect(notices[source.notice]).toContain(squash(source.quote ?? ''));
    });
  });

  it('names regular and basic-special categories exactly as the FTP folder list of 四(一)2 spells them', () => {
    const folderList = notices.district.slice(notices.district.indexOf('建立二级文件夹，命名为参赛项目'));
    for (const id of ['jingpin', 'ronghe', 'ronghe_suzhi', 'zizhi', 'xinxihua', 'xiaoben', 'mingshi']) {
      expect(folderList.slice(0, 200)).toContain(squash(category(id).name));
    }
  });

  it.each([
    ['jingpin', ['district-ftp', 'huodong']],
    ['zizhi', ['district-ftp', 'huodong']],
    ['xinxihua', ['district-ftp', 'huodong']],
    ['ronghe', ['district-ftp', 'huodong']],
    ['ronghe_suzhi', ['district-ftp', 'huodong']],
    ['xiaoben', ['huodong', 'district-ftp']],
    ['mingshi', ['huodong', 'district-ftp']],
    ['zhijiao_shijian', ['hecloudnet']],
    ['zhijiao_shuzihua', ['hecloudnet']],
  ])('%s is submitted on %j', (id, sites) => {
    expect(category(id).sites).toEqual(sites);
  });

  it.each([
    ['jingpin', ['registration_form', 'work', 'description'], []],
    ['zizhi', ['registration_form', 'software', 'demo_video', 'design_doc', 'materials'], []],
    ['xinxihua', ['registration_form', 'case_intro', 'recording', 'materials'], []],
    ['ronghe', ['registration_form', 'case_intro', 'recording', 'materials'], ['space_ppt', 'space_guide']],
    ['ronghe_suzhi', ['registration_form', 'case_intro', 'recording', 'materials'], []],
    ['xiaoben', ['info_form', 'plan', 'report', 'support'], []],
    ['mingshi', ['info_form', 'plan', 'report', 'support'], []],
    ['zhijiao_shijian', ['registration_form', 'intro', 'lesson_plan', 'video'], []],
    ['zhijiao_shuzihua', ['application_form', 'main_text'], ['pictures']],
  ])('%s requires %j and conditionally %j', (id, required, conditional) => {
    const slots = category(id).slots;
    expect(slots.filter((entry) => entry.required).map((entry) => entry.id)).toEqual(required);
    expect(slots.filter((entry) => entry.requiredIf).map((entry) => entry.id)).toEqual(conditional);
    for (const entry of slots.filter((candidate) => candidate.requiredIf)) {
      expect(entry.required).toBe(false);
      expect(entry.requiredIf?.question).toMatch(/？$/);
    }
  });

  it('gives every slot keywords, English labels and at least one source', () => {
    for (const entry of pack.categories.flatMap((item) => item.slots)) {
      expect(entry.keywords.length).toBeGreaterThan(0);
      expect(entry.labelEn).toMatch(/[A-Za-z]/);
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  });

  it('marks 3 authors as the limit everywhere', () => {
    expect(pack.categories.map((entry) => entry.maxAuthors)).toEqual(Array(9).fill(3));
  });
});

/*
 * Each number in the pack next to the words of the notice that state it. The row's text must be in the notice and
 * inside one of the quotes the pack cites for that rule, so a changed number or a wrong quote fails here.
 */
type LimitRow = [what: string, actual: unknown, expected: unknown, notice: Source['notice'], text: string,
  cited: Source[]];

const slotSources = (categoryId: string, slotId: string): Source[] => {
  const entry = slot(categoryId, slotId);
  return [...entry.sources, ...[entry.video, entry.document, entry.archive, entry.image]
    .flatMap((limits) => (limits ? [limits.source] : []))];
};

describe('limits pinned to the notice text', () => {
  const rows: LimitRow[] = [
    ['shijian video count', slot('zhijiao_shijian', 'video').maxCount, 1, 'district', '视频数量限1个',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian min duration (s)', slot('zhijiao_shijian', 'video').video?.minDurationSec, 900, 'district',
      '少于15分钟', slotSources('zhijiao_shijian', 'video')],
    ['shijian max duration (s)', slot('zhijiao_shijian', 'video').video?.maxDurationSec, 1500, 'district',
      '长于25分钟', slotSources('zhijiao_shijian', 'video')],
    ['shijian min width', slot('zhijiao_shijian', 'video').video?.minWidth, 1280, 'district', '不低于1280X720',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian min height', slot('zhijiao_shijian', 'video').video?.minHeight, 720, 'district', '不低于1280X720',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian fps', slot('zhijiao_shijian', 'video').video?.fps, 25, 'district', '帧速率为25帧/秒',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian container', slot('zhijiao_shijian', 'video').video?.container, 'mp4', 'district', '输出格式为MP4',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian max bytes', slot('zhijiao_shijian', 'video').maxBytes, 500 * MIB, 'district', '大小不超过500MB',
      slotSources('zhijiao_shijian', 'video')],
    ['shijian works per first author', category('zhijiao_shijian').maxWorksPerFirstAuthor, 1, 'district',
      '每位教师（以第一作者为准）限报1件作品', category('zhijiao_shijian').sources],
    ['shijian authors', category('zhijiao_shijian').maxAuthors, 3, 'district', '每件作品作者人数不超过3',
      category('zhijiao_shijian').sources],
    ['regular authors', category('ronghe').maxAuthors, 3, 'district', '每个项目作者不超过3人',
      category('ronghe').sources],
    ['xiaoben authors', category('xiaoben').maxAuthors, 3, 'national', '最多 3 人', category('xiaoben').sources],
    ['mingshi authors', category('mingshi').maxAuthors, 3, 'national', '最多 3 人', category('mingshi').sources],
    ...(['xinxihua', 'ronghe', 'ronghe_suzhi'] as const).map((id): LimitRow => [
      `${id} total recording (s)`, category(id).maxTotalVideoSec, 3000, 'district', '时间总计不超过50分钟',
      category(id).totalSource ? [category(id).totalSource as Source] : [],
    ]),
    ...(['xiaoben', 'mingshi'] as const).flatMap((id): LimitRow[] => [
      [`${id} report chars`, slot(id, 'report').document?.maxChars, 2000, 'national', '全文不超过 2000字',
        slotSources(id, 'report')],
      [`${id} report chars (district)`, slot(id, 'report').document?.maxChars, 2000, 'district', '全文不超过2000字',
        slotSources(id, 'report')],
      [`${id} support items`, slot(id, 'support').archive?.maxItems, 5, 'national', '总数量不超过 5 件',
        slotSources(id, 'support')],
      [`${id} support files`, slot(id, 'support').maxCount, 5, 'national', '总数量不超过 5 件',
        slotSources(id, 'support')],
      [`${id} support bytes`, slot(id, 'support').maxTotalBytes, 100 * MIB, 'national', '支撑材料总量不超过 100M',
        slotSources(id, 'support')],
      [`${id} support bytes (district)`, slot(id, 'support').maxTotalBytes, 100 * MIB, 'district',
        '支撑材料总量不超过100M', slotSources(id, 'support')],
    ]),
    ['shuzihua min chars', slot('zhijiao_shuzihua', 'main_text').document?.minChars, 3000, 'district', '3000-4000字',
      slotSources('zhijiao_shuzihua', 'main_text')],
    ['shuzihua max chars', slot('zhijiao_shuzihua', 'main_text').document?.maxChars, 4000, 'district', '3000-4000字',
      slotSources('zhijiao_shuzihua', 'main_text')],
    ['shuzihua heading levels', slot('zhijiao_shuzihua', 'main_text').document?.maxHeadingLevels, 4, 'district',
      '标题不超过四级', slotSources('zhijiao_shuzihua', 'main_text')],
    ['shuzihua picture bytes', slot('zhijiao_shuzihua', 'pictures').maxBytes, 2 * MIB, 'district', '单张照片在2M以内',
      slotSources('zhijiao_shuzihua', 'pictures')],
    ['shuzihua picture long edge', slot('zhijiao_shuzihua', 'pictures').image?.minLongEdge, 1000, 'district',
      '长边要求不低于1000像素', slotSources('zhijiao_shuzihua', 'pictures')],
    ['shuzihua picture type', slot('zhijiao_shuzihua', 'pictures').accept.types, ['jpeg'], 'district', '图片为JPG格式',
      slotSources('zhijiao_shuzihua', 'pictures')],
    ['shuzihua pictures not packed', slot('zhijiao_shuzihua', 'pictures').noArchives, true, 'district',
      '单独发送', slotSources('zhijiao_shuzihua', 'pictures')],
    ['shuzihua supplementary not packed', slot('zhijiao_shuzihua', 'supplementary').noArchives, true, 'district',
      '不得打包提交', slotSources('zhijiao_shuzihua', 'supplementary')],
  ];

  it.each(rows)('%s', (_what, actual, expected, notice, text, cited) => {
    expect(actual).toEqual(expected);
    expect(notices[notice]).toContain(squash(text));
    expect(cited.some((source) => source.notice === notice && squash(source.quote ?? '').includes(squash(text))))
      .toBe(true);
  });

  it('reads M/MB as MiB', () => {
    expect(slot('zhijiao_shijian', 'video').maxBytes).toBe(524_288_000);
    expect(slot('xiaoben', 'support').maxTotalBytes).toBe(104_857_600);
    expect(slot('zhijiao_shuzihua', 'pictures').maxBytes).toBe(2_097_152);
  });
});

describe('file formats', () => {
  it.each([
    ['jingpin', 'registration_form', ['pdf']],
    ['jingpin', 'description', ['doc', 'docx']],
    ['zizhi', 'demo_video', ['mp4']],
    ['zizhi', 'design_doc', ['doc', 'docx']],
    ['zizhi', 'materials', ['zip']],
    ['xinxihua', 'case_intro', ['doc', 'docx']],
    ['xinxihua', 'recording', ['mp4']],
    ['ronghe', 'materials', ['zip']],
    ['ronghe', 'space_ppt', ['ppt', 'pptx']],
    ['xiaoben', 'info_form', ['doc', 'docx', 'pdf']],
    ['xiaoben', 'plan', ['doc', 'docx']],
    ['mingshi', 'report', ['doc', 'docx']],
    ['zhijiao_shijian', 'registration_form', ['pdf']],
    ['zhijiao_shijian', 'lesson_plan', ['doc', 'docx', 'pdf']],
    ['zhijiao_shijian', 'video', ['mp4']],
    ['zhijiao_shuzihua', 'application_form', ['pdf']],
    ['zhijiao_shuzihua', 'main_text', ['doc', 'docx']],
  ])('%s.%s accepts %j', (categoryId, slotId, types) => {
    expect(slot(categoryId, slotId).accept.types).toEqual(types);
  });

  it.each(['xiaoben', 'mingshi'])('%s records the district notice’s stricter formats as variants', (id) => {
    const info = slot(id, 'info_form');
    expect(info.accept.types).toEqual(expect.arrayContaining(['pdf', 'docx']));
    expect(info.variants).toEqual([expect.objectContaining({ site: 'district-ftp', accept: { types: ['pdf'], extensions: ['.pdf'] } })]);
    expect(info.variants[0]?.source.notice).toBe('district');
    const support = slot(id, 'support');
    expect(support.variants).toEqual([expect.objectContaining({ site: 'district-ftp', accept: { types: ['zip'], extensions: ['.zip'] } })]);
  });

  it('keeps every extension consistent with the slot’s types', () => {
    const extensionOf: Partial<Record<string, string[]>> = {
      pdf: ['.pdf'], doc: ['.doc'], docx: ['.docx'], mp4: ['.mp4'], zip: ['.zip'], jpeg: ['.jpg', '.jpeg'],
      ppt: ['.ppt'], pptx: ['.pptx'],
    };
    for (const entry of pack.categories.flatMap((item) => item.slots)) {
      for (const type of entry.accept.types) {
        const expected = extensionOf[type];
        if (expected) expect(entry.accept.extensions).toEqual(expect.arrayContaining(expected));
      }
    }
  });
});

describe('form fields', () => {
  type FieldRow = [categoryId: string, fieldId: string, limit: 'maxChars' | 'maxKeywords', expected: number,
    text: string];
  const rows: FieldRow[] = [
    ['jingpin', 'work_features', 'maxChars', 300, '特色亮点等，300字以内'],
    ['jingpin', 'install_notes', 'maxChars', 300, '密码等,300字以内'],
    ['zizhi', 'work_features', 'maxChars', 300, '特色亮点等，300字以内'],
    ...(['environment', 'course_building', 'implementation', 'results', 'other_notes'] as const)
      .flatMap((id): FieldRow[] => [
        ['xinxihua', id, 'maxChars', 300, '300字以内'],
        ['ronghe', id, 'maxChars', 300, '300字以内'],
        ['ronghe_suzhi', id, 'maxChars', 300, '300字以内'],
      ]),
    ['xiaoben', 'keywords', 'maxKeywords', 4, '不超过 4个'],
    ['xiaoben', 'summary', 'maxChars', 300, '不超过 300字'],
    ['xiaoben', 'plan_topic', 'maxChars', 30, '不超过 30 字'],
    ['xiaoben', 'needs', 'maxChars', 300, '不超过 300 字'],
    ['xiaoben', 'goals', 'maxChars', 300, '不超过 300 字'],
    ['xiaoben', 'mode', 'maxChars', 800, '不超过 800 字'],
    ['xiaoben', 'outcomes', 'maxChars', 200, '不超过 200 字'],
    ['xiaoben', 'assessment', 'maxChars', 300, '不超过 300 字'],
    ['xiaoben', 'innovation', 'maxChars', 300, '不超过 300 字'],
    ['mingshi', 'keywords', 'maxKeywords', 4, '不超过 4个'],
    ['mingshi', 'summary', 'maxChars', 400, '不超过 400字'],
    ['mingshi', 'plan_topic', 'maxChars', 30, '不超过 30字'],
    ['mingshi', 'needs', 'maxChars', 300, '不超过 300 字'],
    ['mingshi', 'goals', 'maxChars', 300, '不超过 300 字'],
    ['mingshi', 'mode', 'maxChars', 800, '不超过 800 字'],
    ['mingshi', 'outcomes', 'maxChars', 200, '不超过 200 字'],
    ['mingshi', 'assessment', 'maxChars', 300, '不超过 300 字'],
    ['mingshi', 'innovation', 'maxChars', 200, '不超过 200 字'],
    ['zhijiao_shijian', 'work_features', 'maxChars', 300, '特色亮点等，300字以内'],
    ['zhijiao_shuzihua', 'case_summary', 'maxChars', 1000, '不超过1000字'],
  ];

  it.each(rows)('%s.%s %s = %d', (categoryId, fieldId, limit, expected, text) => {
    const rule = field(categoryId, fieldId);
    expect(rule[limit]).toBe(expected);
    expect(squash(rule.source.quote ?? '')).toContain(squash(text));
  });

  it.each([
    ['xiaoben', 'topic'], ['xiaoben', 'course_basis'], ['mingshi', 'topic'], ['mingshi', 'studio_name'],
    ['zhijiao_shijian', 'install_notes'], ['zhijiao_shuzihua', 'unit_intro'], ['zhijiao_shuzihua', 'case_name'],
  ])('%s.%s has no length limit because its form prints none', (categoryId, fieldId) => {
    const rule = field(categoryId, fieldId);
    expect(rule.maxChars).toBeUndefined();
    expect(rule.minChars).toBeUndefined();
  });

  it.each([['jingpin'], ['zizhi'], ['xinxihua'], ['ronghe'], ['ronghe_suzhi'], ['zhijiao_shijian']])(
    '%s forbids 《》 in 作品名称',
    (categoryId) => {
      const rule = field(categoryId, 'work_name');
      expect(rule.noBookTitleMarks).toBe(true);
      expect(rule.aliases).toEqual(expect.arrayContaining(['作品标题', '案例名称']));
    },
  );

  it('lists the 15 subjects, 4 stages and 9 grades of 附件5', () => {
    const subject = field('xiaoben', 'subject');
    expect(subject.options).toHaveLength(15);
    expect(subject.multiple).toBe(false);
    for (const option of subject.options ?? []) expect(notices.national).toContain(`□${option}`);
    const stage = field('xiaoben', 'stage');
    expect(stage.multiple).toBe(true);
    expect(stage.options).toHaveLength(4);
    for (const option of stage.options ?? []) expect(notices.district).toContain(`□${option}`);
    const grade = field('xiaoben', 'grade');
    expect(grade.multiple).toBe(true);
    expect(grade.options).toEqual(['1年级', '2年级', '3年级', '4年级', '5年级', '6年级', '7年级', '8年级', '9年级']);
    for (const option of grade.options ?? []) expect(notices.national).toContain(`□${option}`);
  });

  it.each([['jingpin'], ['ronghe'], ['ronghe_suzhi']])('%s offers the five basic-education stages', (id) => {
    expect(field(id, 'stage').options).toEqual(['幼儿教育', '特殊教育', '小学', '初中', '高中']);
  });

  it('keeps field ids unique within each category and gives every field an English label', () => {
    for (const entry of pack.categories) {
      const ids = entry.fields.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of entry.fields) expect(rule.labelEn).toMatch(/[A-Za-z]/);
    }
  });
});

describe('self-checks and windows', () => {
  it.each([
    ['不少于 2 个月'], ['至少开展 1 次高水平直播活动'], ['出勤率不低于 80%'], ['观看直播人数不少于 200 人'],
  ])('mingshi asks the teacher to confirm “%s”', (text) => {
    const quotes = category('mingshi').selfChecks.map((check) => squash(check.source.quote ?? ''));
    expect(quotes.some((quote) => quote.includes(squash(text)))).toBe(true);
  });

  type WindowRow = [owner: string, windowId: string, from: string | undefined, to: string, text: string];
  it.each<WindowRow>([
    ['zhijiao_shijian', 'registration_upload', '2025-05-20', '2025-08-31', '2025年5月20日至8月31日'],
    ['xiaoben', 'submission', '2025-09-15', '2025-09-30', '2025 年 9 月 15 日--9 月 30 日'],
    ['mingshi', 'submission', '2025-09-15', '2025-09-30', '2025 年 9 月 15 日--9 月 30 日'],
    ['pack', 'provincial_recommendation', '2025-10-08', '2025-10-20', '10 月 8 日--10 月 20 日'],
    ['pack', 'national_recommendation', undefined, '2025-11-15', '于 11 月 15 日前'],
    ['pack', 'provincial_contact_form', undefined, '2025-04-20', '2025年 4月 20日前'],
    ['pack', 'district_contact_form', undefined, '2025-06-30', '6月30日前'],
  ])('%s.%s runs %s – %s', (owner, windowId, from, to, text) => {
    const windows = owner === 'pack' ? pack.windows : category(owner).windows;
    const window = windows.find((candidate) => candidate.id === windowId);
    expect(window).toBeDefined();
    expect(window?.from).toBe(from);
    expect(window?.to).toBe(to);
    expect(squash(window?.source.quote ?? '')).toContain(squash(text));
    expect(notices[window?.source.notice ?? 'district']).toContain(squash(text));
  });

  it('gives teacher windows to the categories the notices date and none to the others', () => {
    const dated = pack.categories.filter((entry) => entry.windows.length > 0).map((entry) => entry.id);
    expect(dated).toEqual(['xiaoben', 'mingshi', 'zhijiao_shijian']);
    expect(pack.windows.every((window) => window.audience === 'organiser')).toBe(true);
  });
});
