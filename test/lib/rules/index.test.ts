import { afterEach, describe, expect, it } from 'vitest';
import {
  RULE_PACKS, currentPack, findCategory, parseRulePack, windowBounds, windowState, type RulePackInput, type Window,
} from '@/lib/rules';
import { PACK_2025 } from '@/lib/rules/packs/2025';

/** A deep copy of the 2025 pack to break in one place. */
function broken(edit: (pack: RulePackInput) => void): unknown {
  const copy = structuredClone(PACK_2025) as RulePackInput;
  edit(copy);
  return copy;
}

function firstCategory(pack: RulePackInput) {
  const category = pack.categories[0];
  if (!category) throw new Error('pack has no categories');
  return category;
}

function errorsOf(input: unknown): string[] {
  const result = parseRulePack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}

describe('RULE_PACKS', () => {
  it('holds the validated 2025 pack, newest first', () => {
    expect(RULE_PACKS.map((pack) => pack.version)).toEqual(['2025.1']);
    const years = RULE_PACKS.map((pack) => pack.year);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });

  it('fills schema defaults', () => {
    const slot = RULE_PACKS[0]?.categories[0]?.slots[0];
    expect(slot?.noArchives).toBe(false);
    expect(slot?.variants).toEqual([]);
  });
});

describe('currentPack', () => {
  it('returns the newest pack', () => {
    expect(currentPack()).toBe(RULE_PACKS[0]);
  });

  it('refuses an empty list', () => {
    expect(() => currentPack([])).toThrow();
  });
});

describe('findCategory', () => {
  it('finds a category by id', () => {
    expect(findCategory(currentPack(), 'zhijiao_shijian')?.name).toBe('职业教育实践性教学案例');
  });

  it('returns undefined for an unknown id', () => {
    expect(findCategory(currentPack(), 'weike')).toBeUndefined();
  });
});

describe('parseRulePack', () => {
  it('accepts the 2025 pack as an object and as JSON text', () => {
    expect(parseRulePack(PACK_2025).ok).toBe(true);
    const fromText = parseRulePack(JSON.stringify(PACK_2025));
    expect(fromText.ok && fromText.pack.version).toBe('2025.1');
  });

  it('rejects text that is not JSON', () => {
    expect(errorsOf('{"schema": ')).toEqual([expect.stringContaining('不是有效的 JSON')]);
  });

  it('rejects something that is not a pack at all', () => {
    expect(errorsOf(null)).toEqual([expect.stringMatching(/^（整个规则包）：应为对象/)]);
  });

  it.each<[string, (pack: RulePackInput) => void, string]>([
    ['a duplicate category id', (pack) => { pack.categories.push(structuredClone(firstCategory(pack))); },
      'categories：项目编号“jingpin”重复'],
    ['a duplicate slot id', (pack) => {
      const category = firstCategory(pack);
      const [slot] = category.slots;
      if (slot) category.slots.push(structuredClone(slot));
    }, '材料编号“registration_form”在本项目中重复'],
    ['minCount above maxCount', (pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) { slot.minCount = 2; slot.maxCount = 1; }
    }, 'categories[0]（jingpin）.slots[0]（registration_form）：minCount（2）大于 maxCount（1）'],
    ['a video minimum above its maximum', (pack) => {
      const video = pack.categories.find((entry) => entry.id === 'zhijiao_shijian')?.slots.find((entry) => entry.id === 'video')?.video;
      if (video) { video.minDurationSec = 1600; }
    }, 'minDurationSec（1600）大于 maxDurationSec（1500）'],
    ['a window that ends before it starts', (pack) => {
      const [window] = pack.windows.filter((entry) => entry.id === 'provincial_recommendation');
      if (window) window.from = '2025-10-21';
    }, '开始日期 2025-10-21 晚于截止日期 2025-10-20'],
    ['a day that does not exist', (pack) => {
      const [window] = pack.windows;
      if (window) window.to = '2025-02-30';
    }, 'windows[0]（provincial_contact_form）.to：日期“2025-02-30”不存在'],
    ['a date in the wrong format', (pack) => {
      const [window] = pack.windows;
      if (window) window.to = '2025/04/20';
    }, 'windows[0]（provincial_contact_form）.to：日期须写成 YYYY-MM-DD'],
    ['a missing label', (pack) => {
      const slot = firstCategory(pack).slots[0] as Partial<RulePackInput['categories'][number]['slots'][number]>;
      delete slot.label;
    }, 'slots[0]（registration_form）.label：缺少此项（应为文字）'],
    ['a byte limit written as text', (pack) => {
      const slot = firstCategory(pack).slots[0] as Record<string, unknown>;
      slot.maxBytes = '500MB';
    }, '.maxBytes：应为数字，实际是文字'],
    ['a negative count', (pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) slot.minCount = -1;
    }, '.minCount：不能小于 0'],
    ['a fractional author count', (pack) => { firstCategory(pack).maxAuthors = 2.5; }, '.maxAuthors：应为整数'],
    ['a misspelt key', (pack) => {
      const slot = firstCategory(pack).slots[0] as Record<string, unknown>;
      slot.maxCont = 1;
    }, 'slots[0]（registration_form）.maxCont：未知字段'],
    ['an unknown notice', (pack) => {
      const source = firstCategory(pack).sources[0] as Record<string, unknown>;
      source.notice = 'provincial';
    }, 'sources[0].notice：应为以下之一："district"'],
    ['a version of another year', (pack) => { pack.version = '2026.1'; }, 'version：版本号 2026.1 与年份 2025 不一致'],
    ['a required slot with a condition', (pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) slot.requiredIf = { question: '？', questionEn: '?' };
    }, 'requiredIf：必交材料不应再设条件'],
    ['a variant for a site the category does not use', (pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) slot.variants = [{ site: 'hecloudnet', accept: { types: ['pdf'], extensions: ['.pdf'] }, source: { notice: 'district', section: '一' } }];
    }, 'variants[0].site：平台“hecloudnet”不在本项目的报送平台中'],
    ['a size field that leaves out a slot the category does not have', (pack) => {
      const field = firstCategory(pack).fields.find((entry) => entry.id === 'work_size');
      if (field) field.sizeOf = { exceptSlots: ['registration'] };
    }, 'sizeOf.exceptSlots：材料“registration”不在本项目中'],
    ['an extension without a dot', (pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) slot.accept.extensions = ['pdf'];
    }, 'accept.extensions[0]：扩展名须写成小写并带点'],
  ])('rejects %s', (_what, edit, expected) => {
    const errors = errorsOf(broken(edit));
    expect(errors.join('\n')).toContain(expected);
  });

  it('writes every message Chinese first, with the English after it', () => {
    const errors = errorsOf(broken((pack) => {
      const slot = firstCategory(pack).slots[0];
      if (slot) { slot.minCount = -1; slot.label = ''; }
    }));
    expect(errors.length).toBe(2);
    for (const error of errors) expect(error).toMatch(/：[\u4e00-\u9fff].*（.*[A-Za-z].*）$/u);
  });
});

describe('windowBounds', () => {
  it('opens at 00:00 and closes at 23:59:59.999 Beijing time', () => {
    const { start, end } = windowBounds({ from: '2025-09-15', to: '2025-09-30' });
    expect(start?.toISOString()).toBe('2025-09-14T16:00:00.000Z');
    expect(end.toISOString()).toBe('2025-09-30T15:59:59.999Z');
  });

  it('has no start when the window has no from', () => {
    expect(windowBounds({ to: '2025-11-15' })).toEqual({ end: new Date('2025-11-15T15:59:59.999Z') });
  });

  it('refuses a day that does not exist', () => {
    expect(() => windowBounds({ to: '2025-02-29' })).toThrow(RangeError);
  });
});

describe('windowState', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const submission: Pick<Window, 'from' | 'to'> = { from: '2025-09-15', to: '2025-09-30' };
  const deadlineOnly: Pick<Window, 'from' | 'to'> = { to: '2025-11-15' };

  it.each([
    ['UTC'], ['America/Los_Angeles'], ['Asia/Shanghai'], ['Pacific/Kiritimati'], ['Pacific/Pago_Pago'],
  ])('gives the same answers when the host runs in %s', (tz) => {
    process.env.TZ = tz;
    const cases: Array<[Pick<Window, 'from' | 'to'>, string, string]> = [
      [submission, '2025-09-14T15:59:59.999Z', 'upcoming'],
      [submission, '2025-09-14T16:00:00.000Z', 'open'],
      [submission, '2025-09-22T04:00:00.000Z', 'open'],
      [submission, '2025-09-30T15:59:59.999Z', 'open'],
      [submission, '2025-09-30T16:00:00.000Z', 'closed'],
      [deadlineOnly, '2020-01-01T00:00:00.000Z', 'open'],
      [deadlineOnly, '2025-11-15T15:59:59.999Z', 'open'],
      [deadlineOnly, '2025-11-15T16:00:00.000Z', 'closed'],
    ];
    for (const [window, instant, state] of cases) {
      expect([instant, windowState(window, new Date(instant))]).toEqual([instant, state]);
    }
  });

  it('treats a one-day window as open for that whole Beijing day', () => {
    const day = { from: '2025-05-20', to: '2025-05-20' };
    expect(windowState(day, new Date('2025-05-19T16:00:00.000Z'))).toBe('open');
    expect(windowState(day, new Date('2025-05-20T15:59:59.999Z'))).toBe('open');
    expect(windowState(day, new Date('2025-05-20T16:00:00.000Z'))).toBe('closed');
  });

  it('closes the vocational upload after 31 August in Beijing, even where it is still the 31st', () => {
    const upload = findCategory(currentPack(), 'zhijiao_shijian')?.windows[0];
    if (!upload) throw new Error('no upload window');
    process.env.TZ = 'America/New_York';
    expect(windowState(upload, new Date('2025-08-31T20:00:00-04:00'))).toBe('closed');
    expect(windowState(upload, new Date('2025-08-31T11:59:59.999-04:00'))).toBe('open');
  });
});
