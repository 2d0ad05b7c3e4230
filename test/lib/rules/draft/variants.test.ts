import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_PACKS, parseRulePack } from '@/lib/rules';
import { draftPack, getValue } from '@/lib/rules/draft';

/*
 * A next year written by hand (test/fixtures/notices-variants): the 2025 notices with new numbers in new wording —
 * 10至20分钟 in full-width digits, 1920×1080, 帧率为30fps, 不得超过1GB, new dates (one with full-width digits and
 * an em dash), 45 minutes in total, 2500—3500字, 8 and 6 items, 120M wrapped across lines ("1\n\n20M"), a category
 * renamed (“美育”主题) and one added (人工智能融合教学案例) with its own slots, and a new file (教学反思, Word) asked for
 * in an existing category (信息化教学课程案例).
 */
const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(resolve(here, '../../../fixtures/notices-variants', name), 'utf8');
const PACK = RULE_PACKS.find((pack) => pack.year === 2025)!;
const draft = draftPack([
  { role: 'district', text: read('district-2026.txt'), file: 'district-2026.txt' },
  { role: 'national', text: read('national-2026.txt'), file: 'national-2026.txt' },
], PACK);
const value = (path: string) => draft.values.find((entry) => entry.path === path);

const MIB = 1024 * 1024;
const NEW_SLOT_VALUES: Array<[string, unknown]> = [
  ['categories.xinxihua.slots.new_1.label', '教学反思'],
  ['categories.xinxihua.slots.new_1.accept', ['doc', 'docx']],
];
const CHANGES: Array<[string, unknown]> = [
  ['categories.zhijiao_shijian.slots.video.video.minDurationSec', 600],
  ['categories.zhijiao_shijian.slots.video.video.maxDurationSec', 1200],
  ['categories.zhijiao_shijian.slots.video.video.minWidth', 1920],
  ['categories.zhijiao_shijian.slots.video.video.minHeight', 1080],
  ['categories.zhijiao_shijian.slots.video.video.fps', 30],
  ['categories.zhijiao_shijian.slots.video.maxBytes', 1024 * MIB],
  ['categories.zhijiao_shijian.windows.registration_upload', { from: '2026-05-10', to: '2026-09-15' }],
  ['categories.xinxihua.maxTotalVideoSec', 2700],
  ['categories.ronghe.maxTotalVideoSec', 2700],
  ['categories.ronghe_suzhi.maxTotalVideoSec', 2700],
  ['categories.ronghe_suzhi.name', '融合创新应用教学案例（“美育”主题）'],
  ['categories.xiaoben.slots.support.maxCount', 6],
  ['categories.xiaoben.slots.support.archive.maxItems', 6],
  ['categories.xiaoben.slots.support.maxTotalBytes', 120 * MIB],
  ['categories.xiaoben.windows.submission', { from: '2026-09-01', to: '2026-09-20' }],
  ['categories.mingshi.slots.support.maxCount', 6],
  ['categories.mingshi.slots.support.archive.maxItems', 6],
  ['categories.mingshi.slots.support.maxTotalBytes', 120 * MIB],
  ['categories.mingshi.windows.submission', { from: '2026-09-01', to: '2026-09-20' }],
  ['categories.mingshi.fields.summary.maxChars', 500],
  ['categories.zhijiao_shuzihua.slots.main_text.document.minChars', 2500],
  ['categories.zhijiao_shuzihua.slots.main_text.document.maxChars', 3500],
  ['categories.zhijiao_shuzihua.slots.pictures.maxBytes', 5 * MIB],
  ['windows.provincial_contact_form', { to: '2026-04-30' }],
  ['windows.district_contact_form', { to: '2026-07-10' }],
  ['windows.provincial_recommendation', { from: '2026-10-10', to: '2026-10-25' }],
  ['windows.national_recommendation', { to: '2026-11-30' }],
];

describe('drafting next year from a changed notice', () => {
  it.each(CHANGES)('marks %s changed to %j and writes it into the pack', (path, next) => {
    const entry = value(path);
    expect(entry?.state).toBe('changed');
    expect(entry?.value).toEqual(next);
    expect(getValue(draft.pack, path)).toEqual(next);
  });

  it('marks nothing else changed in the categories it knew', () => {
    const expected = new Set([...CHANGES.map(([path]) => path), 'categories.zhijiao_shuzihua.maxWorksPerFirstAuthor',
      ...NEW_SLOT_VALUES.map(([path]) => path)]);
    const changed = draft.values.filter((entry) => entry.state === 'changed' && !entry.path.startsWith('categories.new_'));
    expect(changed.map((entry) => entry.path).filter((path) => !expected.has(path))).toEqual([]);
  });

  it('keeps a value the specific notice still states when the other notice changed it', () => {
    // Only the district copy says 2500; the national notice (which rules its two categories) still says 2000.
    expect(value('categories.xiaoben.slots.report.document.maxChars')).toMatchObject({ state: 'found', value: 2000, notice: 'national' });
  });

  it('adds a file the notice newly asks for in a category it knew as a new slot, each value marked', () => {
    expect(draft.addedSlots).toEqual([{ category: '信息化教学课程案例', slot: 'new_1', name: '教学反思', quote: '教学反思' }]);
    for (const [path, next] of NEW_SLOT_VALUES) {
      expect(value(path), path).toMatchObject({ state: 'changed', value: next, section: '二(二)1(3)②' });
      expect(value(path)!.previous).toBeUndefined();
    }
    const slot = draft.pack.categories.find((entry) => entry.id === 'xinxihua')!.slots.find((entry) => entry.id === 'new_1')!;
    expect(slot).toMatchObject({ label: '教学反思', accept: { types: ['doc', 'docx'], extensions: ['.doc', '.docx'] }, required: true });
    expect(slot.sources.map((source) => source.quote)).toContain('教学反思（Word格式）');
    expect(slot.scan).toBeUndefined();
  });

  it('gives a new signed form the scan check ("签字扫描为PDF格式")', () => {
    const category = draft.pack.categories.find((entry) => entry.name === '人工智能融合教学案例')!;
    expect(category.slots[0]!.scan?.source.quote).toMatch(/签字扫描为PDF格式/u);
    expect(category.slots[1]!.scan).toBeUndefined();
  });

  it('adds the new category with its slots, formats and limits', () => {
    expect(draft.added).toEqual(['人工智能融合教学案例']);
    const category = draft.pack.categories.find((entry) => entry.name === '人工智能融合教学案例')!;
    expect(category.slots.map((slot) => [slot.label, slot.accept.types])).toEqual([
      ['作品登记表', ['pdf']],
      ['案例说明文档', ['doc', 'docx']],
      ['教学演示视频', ['mp4']],
    ]);
    expect(category.slots[2]!.video?.maxDurationSec).toBe(600);
    expect(category.slots[2]!.video?.source.quote).toBe('演示视频时长不超过10分钟');
    expect(category.maxAuthors).toBe(3);
  });

  it('versions the pack by the notices’ year and keeps it valid', () => {
    expect(draft.pack.year).toBe(2026);
    expect(draft.pack.version).toBe('2026.1');
    expect(draft.pack.notices.district.file).toBe('district-2026.txt');
    const result = parseRulePack(JSON.parse(JSON.stringify(draft.pack)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('records the new quote as the source of a changed limit', () => {
    const video = draft.pack.categories.find((entry) => entry.id === 'zhijiao_shijian')!.slots.find((slot) => slot.id === 'video')!;
    expect(video.video?.source.quote).toBe('帧率为30fps');
    const window = draft.pack.categories.find((entry) => entry.id === 'xiaoben')!.windows[0]!;
    expect(window.source.quote).toBe('1.报送时间：２０２６年９月１日—９月２０日');
  });
});
