import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, pageKeyOf, parseMemory, rememberCategory, rememberSlot, taughtSlot } from '@/lib/guard';

const page = pageKeyOf({ hostname: 'WWW.hecloudnet.com', pathname: '/forms/element-ui/', hash: '#/case/shijian?tab=2' });

describe('pageKeyOf', () => {
  it('keeps host, path and hash route, without the route’s query', () => {
    expect(page).toEqual({ host: 'www.hecloudnet.com', path: '/forms/element-ui/#/case/shijian' });
  });
});

describe('remembered corrections', () => {
  it('remembers and forgets a category per page', () => {
    const m = rememberCategory(EMPTY_MEMORY, page, 'xinxihua');
    expect(m.categories).toEqual({ 'www.hecloudnet.com/forms/element-ui/#/case/shijian': 'xinxihua' });
    expect(rememberCategory(m, page, null).categories).toEqual({});
  });

  it('keeps one slot correction per page, category and upload', () => {
    let m = rememberSlot(EMPTY_MEMORY, page, 'zhijiao_shijian', '附件#0', 'intro');
    m = rememberSlot(m, page, 'zhijiao_shijian', '附件#0', 'lesson_plan');
    expect(m.slots).toHaveLength(1);
    expect(taughtSlot(m, page, 'zhijiao_shijian', '附件#0')).toBe('lesson_plan');
    expect(taughtSlot(m, { ...page, path: '/other' }, 'zhijiao_shijian', '附件#0')).toBeUndefined();
    expect(taughtSlot(m, page, 'xinxihua', '附件#0')).toBeUndefined();
    expect(taughtSlot(rememberSlot(m, page, 'zhijiao_shijian', '附件#0', null), page, 'zhijiao_shijian', '附件#0')).toBeUndefined();
  });

  it('reads back what it stored and drops malformed entries', () => {
    const m = rememberSlot(rememberCategory(EMPTY_MEMORY, page, 'xiaoben'), page, 'xiaoben', 'a#0', 'plan');
    expect(parseMemory(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(parseMemory({ categories: { a: 1, b: 'x' }, slots: [{ host: 'h' }, 5] })).toEqual({ categories: { b: 'x' }, slots: [] });
    expect(parseMemory(null)).toEqual(EMPTY_MEMORY);
  });
});
