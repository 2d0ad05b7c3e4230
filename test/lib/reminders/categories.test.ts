import { describe, expect, it } from 'vitest';
import { categoryRows } from '@/lib/reminders/categories';
import { collectDeadlines } from '@/lib/reminders/deadlines';
import { RULE_PACKS } from '@/lib/rules';

const pack = RULE_PACKS[0]!;
const all = () => true;
const states = (now: string, custom: Parameters<typeof collectDeadlines>[1] = [], followed = all) =>
  Object.fromEntries(categoryRows(pack, collectDeadlines(pack, custom, 'all'), new Date(now), followed).map((r) => [r.id, r.state]));

describe('categoryRows', () => {
  it('gives each of the nine categories one state for the date', () => {
    const s = states('2025-09-20T04:00:00Z');
    expect(Object.keys(s)).toHaveLength(9);
    expect(s.xiaoben).toBe('open');
    expect(s.mingshi).toBe('open');
    expect(s.zhijiao_shijian).toBe('closed');
    expect(s.jingpin).toBe('none');
    expect(s.zizhi).toBe('none');
  });

  it('says 即将开始 before the first window opens and 已结束 after the last', () => {
    expect(states('2025-05-10T04:00:00Z').zhijiao_shijian).toBe('upcoming');
    expect(states('2026-11-22T04:00:00Z').xiaoben).toBe('closed');
  });

  it('counts the teacher\'s own date for a category that has none in the notice', () => {
    const custom = [{ id: 'x', label: '区级FTP报送', categoryId: 'jingpin', date: '2025-10-01' }];
    expect(states('2025-09-20T04:00:00Z', custom).jingpin).toBe('open');
    expect(states('2025-10-02T04:00:00Z', custom).jingpin).toBe('closed');
  });

  it('an open window wins over a closed one of the same category', () => {
    const custom = [{ id: 'y', label: '区级', categoryId: 'zhijiao_shijian', date: '2025-09-30' }];
    expect(states('2025-09-20T04:00:00Z', custom).zhijiao_shijian).toBe('open');
  });

  it('lists the followed categories first, the pack order kept', () => {
    const rows = categoryRows(pack, [], new Date('2025-09-20T04:00:00Z'), (id) => id === 'zizhi' || id === 'ronghe');
    expect(rows.slice(0, 2).map((r) => r.id).sort()).toEqual(['ronghe', 'zizhi']);
    expect(rows.slice(2).every((r) => !r.followed)).toBe(true);
    const order = pack.categories.map((c) => c.id).filter((id) => id !== 'zizhi' && id !== 'ronghe');
    expect(rows.slice(2).map((r) => r.id)).toEqual(order);
    expect(rows.every((r) => r.state === 'none')).toBe(true);
  });
});
