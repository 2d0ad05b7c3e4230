import { describe, expect, it } from 'vitest';
import { currentPack, findCategory } from '@/lib/rules';
import { categoryCitations, categoryNotes, packNotices } from '@/lib/rules/category-notes';

const pack = currentPack();
const category = (id: string) => findCategory(pack, id)!;

describe('categoryNotes', () => {
  it('gives the shared rules once, the author limits and the total recording time of the category', () => {
    const shijian = categoryNotes(pack, category('zhijiao_shijian'));
    expect(shijian.filter((n) => n.code === 'common')).toHaveLength(pack.common.length);
    expect(shijian).toContainEqual({ code: 'maxAuthors', max: 3 });
    expect(shijian).toContainEqual({ code: 'worksPerFirstAuthor', max: 1 });
    expect(shijian.some((n) => n.code === 'totalVideo')).toBe(false);

    const xinxihua = categoryNotes(pack, category('xinxihua'));
    expect(xinxihua.some((n) => n.code === 'worksPerFirstAuthor')).toBe(false);
    expect(xinxihua).toContainEqual({ code: 'totalVideo', maxSec: 3000, source: category('xinxihua').totalSource });
  });

  it('reads the pack: changed limits change the notes', () => {
    const next = structuredClone(pack);
    const c = next.categories.find((x) => x.id === 'xinxihua')!;
    c.maxAuthors = 5;
    c.maxWorksPerFirstAuthor = 2;
    c.maxTotalVideoSec = 1200;
    next.common = [next.common[0]!];
    const notes = categoryNotes(next, c);
    expect(notes).toEqual([
      { code: 'common', text: next.common[0]!.text, textEn: next.common[0]!.textEn, source: next.common[0]!.source },
      { code: 'maxAuthors', max: 5 },
      { code: 'worksPerFirstAuthor', max: 2 },
      { code: 'totalVideo', maxSec: 1200, source: c.totalSource },
    ]);
  });
});

describe('categoryCitations', () => {
  it('cites every rule of the category with the notice title, section and quote', () => {
    const c = category('zhijiao_shijian');
    const citations = categoryCitations(pack, c);
    const video = c.slots.find((s) => s.video)!;
    expect(citations).toContainEqual({
      subject: { kind: 'video', name: video.label, nameEn: video.labelEn },
      notice: pack.notices.district.title,
      section: video.video!.source.section,
      quote: video.video!.source.quote,
    });
    expect(citations.filter((x) => x.subject.kind === 'common')).toHaveLength(pack.common.length);
    expect(citations.filter((x) => x.subject.kind === 'selfCheck')).toHaveLength(c.selfChecks.length);
    expect(citations.filter((x) => x.subject.kind === 'field')).toHaveLength(new Set(c.fields.map((f) => `${f.label}|${f.source.section}|${f.source.quote}`)).size);
    for (const x of citations) expect([pack.notices.district.title, pack.notices.national.title]).toContain(x.notice);
  });

  it('lists a repeated source of one subject once, and includes variants and totals', () => {
    const c = category('xinxihua');
    const citations = categoryCitations(pack, c);
    const keys = citations.map((x) => JSON.stringify(x));
    expect(new Set(keys).size).toBe(keys.length);
    expect(citations.some((x) => x.subject.kind === 'total')).toBe(true);
    const withVariants = pack.categories.find((cat) => cat.slots.some((s) => s.variants.length > 0));
    if (withVariants) expect(categoryCitations(pack, withVariants).some((x) => x.subject.kind === 'variant')).toBe(true);
  });
});

describe('packNotices', () => {
  it('names both notices and their files', () => {
    expect(packNotices(pack)).toEqual([
      { role: 'district', title: pack.notices.district.title, file: pack.notices.district.file },
      { role: 'national', title: pack.notices.national.title, file: pack.notices.national.file },
    ]);
  });
});
