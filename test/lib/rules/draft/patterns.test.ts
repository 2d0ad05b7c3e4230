import { describe, expect, it } from 'vitest';
import * as find from '@/lib/rules/draft/patterns';
import { ancestry, segment } from '@/lib/rules/draft/sections';
import { cleanNotice, flatten, foldWidth, quoteOf, spanOf } from '@/lib/rules/draft/text';
import { RULE_PACKS } from '@/lib/rules';
import { allSources, readNotice, squash } from '../notices';

const MIB = 1024 * 1024;
/** Patterns read the flat text: full-width folded, whitespace (and PDF wraps) removed. */
const flat = (text: string): string => flatten(text).text;

describe('flatten', () => {
  it('folds full-width digits and punctuation and joins numbers split by spaces and wraps', () => {
    expect(flat('不超过 1\n\n20M')).toBe('不超过120M');
    expect(flat('时长应在１０至２０分钟（含）')).toBe('时长应在10至20分钟(含)');
  });
  it('keeps the offsets of the original, so a quote is the notice’s own wording', () => {
    const text = '支撑材料总量\n\n不超过 100M。';
    const view = flatten(text);
    const at = view.text.indexOf('不超过');
    expect(quoteOf(text, spanOf(view, 0, at + 7))).toBe('支撑材料总量不超过 100M');
  });
  it('keeps paragraph breaks when asked (Word extracts), so no pattern reads across paragraphs', () => {
    expect(flatten('网址：https://a.com\n职业教育', 0, undefined, 'keep').text).toBe('网址:https://a.com\n职业教育');
  });
  it('folds the ideographic space', () => expect(foldWidth('a　b')).toBe('a b'));
});

describe('durations', () => {
  it.each([
    ['时长限定在15-25分钟之间', 900, 1500],
    ['时长应在１０至２０分钟之间', 600, 1200],
    ['时长为 8—12 分钟', 480, 720],
    ['时长1小时~2小时', 3600, 7200],
  ])('%s is a range', (text, min, max) => {
    expect(find.durationRange(flat(text))?.value).toEqual({ min, max });
  });
  it.each([
    ['时间总计不超过50分钟', 3000, true],
    ['录像合计不得超过 45 分钟', 2700, true],
    ['每段视频不超过10分钟', 600, false],
    ['视频30分钟以内', 1800, false],
  ])('%s caps the length', (text, seconds, total) => {
    expect(find.durationMax(flat(text))?.value).toEqual({ seconds, total });
  });
  it('reads a lower bound', () => expect(find.durationMin(flat('视频时长不少于5分钟'))?.value).toBe(300));
  it('does not read 年级 ranges as durations', () => expect(find.durationRange(flat('第一学段（1-2 年级）'))).toBeUndefined());
});

describe('picture', () => {
  it.each([
    ['分辨率不低于1280X720', 1280, 720],
    ['分辨率不低于 1920×1080', 1920, 1080],
    ['分辨率1920*1080以上', 1920, 1080],
    ['分辨率不低于720P', 1280, 720],
  ])('%s', (text, width, height) => expect(find.resolution(flat(text))?.value).toEqual({ width, height }));
  it.each([
    ['帧速率为25帧/秒', 25],
    ['帧率为30fps', 30],
    ['帧率 29.97 FPS', 29.97],
  ])('%s', (text, fps) => expect(find.frameRate(flat(text))?.value).toBe(fps));
  it('reads the long edge of a picture', () => expect(find.longEdge(flat('长边要求不低于1000像素'))?.value).toBe(1000));
});

describe('sizes and counts', () => {
  it.each([
    ['大小不超过500MB', 500 * MIB, false],
    ['其中支撑材料总量不超过100M', 100 * MIB, true],
    ['单张照片在2M以内', 2 * MIB, false],
    ['大小不得超过1GB', 1024 * MIB, false],
    ['不超过 1.5G', 1.5 * 1024 * MIB, false],
  ])('%s', (text, bytes, total) => expect(find.sizeLimit(flat(text))?.value).toEqual({ bytes, total }));
  it('does not read "100MHz" or a bare number as a size', () => {
    expect(find.sizeLimit(flat('不超过100MHz'))).toBeUndefined();
    expect(find.sizeLimit(flat('不超过100'))).toBeUndefined();
  });
  it.each([
    ['视频数量限1个', 1, false],
    ['成果代表等总数量不超过 5 件', 5, true],
    ['材料数量最多3份', 3, false],
  ])('%s', (text, count, total) => expect(find.itemCount(flat(text))?.value).toEqual({ count, total }));
  it.each([['每个项目作者不超过3人', 3], ['每件作品作者人数不超过3', 3], ['作者最多 2 人', 2]])('%s', (text, count) => {
    expect(find.authorLimit(flat(text))?.value).toBe(count);
  });
  it('reads works per first author only when the sentence is about a person', () => {
    expect(find.worksPerAuthor(flat('每位教师（以第一作者为准）限报1件作品'))?.value).toBe(1);
    expect(find.worksPerAuthor(flat('推荐总数限150个'))).toBeUndefined();
  });
});

describe('字数', () => {
  it.each([['3000-4000字', 3000, 4000], ['3000—4000字', 3000, 4000], ['2500至3500字', 2500, 3500]])('%s', (text, min, max) => {
    expect(find.charRange(flat(text))?.value).toEqual({ min, max });
  });
  it.each([['300字以内', 300], ['全文不超过 2000字', 2000], ['不超过 30 字。', 30]])('%s', (text, max) => {
    expect(find.charMax(flat(text))?.value).toBe(max);
  });
  it('does not take a target for a limit', () => expect(find.charMax(flat('单位简介（500字左右）'))).toBeUndefined());
  it('reads heading levels in Chinese or digits', () => {
    expect(find.headingLevels(flat('标题不超过四级'))?.value).toBe(4);
    expect(find.headingLevels(flat('标题不超过3级'))?.value).toBe(3);
  });
});

describe('formats', () => {
  it.each([
    ['签字扫描为PDF格式', ['pdf']],
    ['Word 格式', ['doc', 'docx']],
    ['ZIP压缩包格式', ['zip']],
    ['Word或PDF格式', ['pdf', 'doc', 'docx']],
    ['MP4格式', ['mp4']],
    ['图片为JPG格式', ['jpeg']],
    ['PPT', ['ppt', 'pptx']],
  ])('%s', (text, types) => expect(find.formatsIn(flat(text))).toEqual(types));
});

describe('dates', () => {
  it.each([
    ['2025年5月20日至8月31日', 2024, { from: '2025-05-20', to: '2025-08-31' }],
    ['2025 年 9 月 15 日--9 月 30 日', 2024, { from: '2025-09-15', to: '2025-09-30' }],
    ['10 月 8 日--10 月 20 日期间', 2025, { from: '2025-10-08', to: '2025-10-20' }],
    ['２０２６年９月１日—９月２０日', 2025, { from: '2026-09-01', to: '2026-09-20' }],
    ['12月1日至1月15日', 2025, { from: '2025-12-01', to: '2026-01-15' }],
    ['于 11 月 15 日前完成', 2025, { to: '2025-11-15' }],
    ['请于6月30日前将该表发送', 2026, { to: '2026-06-30' }],
  ])('%s (notice year %i)', (text, year, window) => expect(find.dateWindow(flat(text), year)?.value).toEqual(window));
  it('finds no window in a month without a day', () => expect(find.dateWindow(flat('计划于 12 月举办'), 2025)).toBeUndefined());
  it('takes the year of a dated sentence over a curriculum year', () => {
    expect(find.yearsIn(flat('以2022年版新课标为依据；2025年5月20日开始'))[0]?.value).toBe(2025);
  });
});

describe('sites', () => {
  it('knows the two platforms and the district FTP', () => {
    expect(find.sitesIn(flat('网址：https://www.hecloudnet.com 报送地址：https://huodong.ncet.edu.cn/#/teacher_index 服务器地址：10.0.4.12'))
      .map((hit) => hit.value)).toEqual(['hecloudnet', 'huodong', 'district-ftp']);
    expect(find.sitesIn(flat('www.smartedu.cn https://example.com'))).toEqual([]);
  });
});

describe('segment', () => {
  const text = [
    '一、总则', '（一）项目', '1.常规项目', '（1）甲案例：是指', '①作品要求：', '(1) 甲型视频', '(2) 乙型视频',
    '视频数量限1个', '②报送形式：', '（2）乙案例：是指', '二、报送', '附件1', '一、结构要求', '1.标题', '2.正文',
  ].join('\n');
  const labels = segment(text).map((section) => section.label);
  it('labels sections by the notice’s own numbering', () => {
    expect(labels).toEqual(['', '一', '一(一)', '一(一)1', '一(一)1(1)', '一(一)1(1)①', '一(一)1(1)①(1)', '一(一)1(1)①(2)',
      '一(一)1(1)②', '一(一)1(2)', '二', '附件1', '附件1 一', '附件1 一1', '附件1 一2']);
  });
  it('keeps the text of a section between its heading and the next', () => {
    const sections = segment(text);
    const video = sections.find((section) => section.label === '一(一)1(1)①(2)')!;
    expect(text.slice(video.start, video.end)).toContain('视频数量限1个');
  });

  // A Word notice converted to text often loses the "附件N" line of its last annexes: their text follows the last
  // marked annex. The body cites them; each starts at its title once the annex before has text of its own.
  const unmarked = [
    '一、报送', '须提交登记表（附件1)、申报表（附件2)，撰写要求见附件3。', '附件1', '作品登记表', '\t作品名称', '年    月    日',
    ' 案例申报表', '\t申报单位', '注：此表需提交两份。', '案例撰写说明', '一、结构要求', '1.标题', '二、格式要求', '1.图片',
  ].join('\n');
  it('finds the annexes the body cites that have no "附件N" line, by their titles', () => {
    const sections = segment(unmarked);
    expect(sections.map((section) => [section.label, section.title])).toEqual([
      ['', ''], ['一', '报送'], ['附件1', '附件1'], ['附件2', '案例申报表'], ['附件3', '案例撰写说明'],
      ['附件3 一', '结构要求'], ['附件3 一1', '标题'], ['附件3 二', '格式要求'], ['附件3 二1', '图片'],
    ]);
  });
  it('takes the title right after "附件N" as that annex’s own, and invents no annex the body does not cite', () => {
    const labels = segment(unmarked.replace('撰写要求见附件3。', '')).map((section) => section.label);
    expect(labels).toEqual(['', '一', '附件1', '附件2', '附件2 一', '附件2 一1', '附件2 二', '附件2 二1']);
  });
});

describe('segment on the 2025 district notice', () => {
  const PACK = RULE_PACKS.find((pack) => pack.year === 2025)!;
  const text = cleanNotice(readNotice(PACK.notices.district.file));
  const sections = segment(text);
  /** A section's text with all its subsections. */
  const textOf = (label: string): string | undefined => {
    const index = sections.findIndex((section) => section.label === label);
    if (index < 0) return undefined;
    let end = index + 1;
    while (end < sections.length && ancestry(sections, end).includes(index)) end++;
    return squash(text.slice(sections[index]!.start, end < sections.length ? sections[end]!.start : text.length));
  };

  it('labels 附件11–14, which have no "附件N" line, by the numbers the body cites', () => {
    const titles = Object.fromEntries(sections.filter((s) => /^附件1[1-4]$/u.test(s.label)).map((s) => [s.label, s.title]));
    expect(titles).toEqual({
      附件11: '作品登记表',
      附件12: '数字化和智能化应用能力提升案例参考场景与内容',
      附件13: '数字化和智能化应用能力提升案例申报表',
      附件14: '数字化和智能化应用能力提升案例内容撰写说明',
    });
  });

  it('finds every quote the 2025 pack cites from an annex in the section the pack names', () => {
    const cited = allSources(PACK).map(({ source }) => source).filter((source) => source.notice === 'district' && /^附件\d/u.test(source.section) && source.quote);
    expect(cited.length).toBeGreaterThan(20);
    for (const source of cited) expect(textOf(source.section), `${source.section}: ${source.quote}`).toContain(squash(source.quote!));
  });
});
