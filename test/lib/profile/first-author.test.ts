import { describe, expect, it } from 'vitest';
import { firstAuthorWorks, type Draft, type Team } from '@/lib/profile';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const shijian = findCategory(pack, 'zhijiao_shijian')!;
const at = 1_700_000_000_000;
const team = (id: string, authorIds: string[]): Team => ({ id, name: id, authorIds, createdAt: at, updatedAt: at });
const draft = (id: string, teamId: string, categoryId = 'zhijiao_shijian'): Draft => ({ id, title: `作品${id}`, categoryId, teamId, fields: {}, createdAt: at, updatedAt: at });

const teams = [team('t1', ['p1', 'p2']), team('t2', ['p1']), team('t3', ['p2', 'p1'])];

describe('firstAuthorWorks', () => {
  it('counts this work and the saved ones of the same first author in the category, against the pack limit', () => {
    // At the limit: the one work allowed.
    expect(firstAuthorWorks({ categoryId: 'zhijiao_shijian', teamId: 't1' }, [], teams, shijian)).toEqual({ authorId: 'p1', count: 1, max: 1, otherTitles: [] });
    // One over: another team led by the same person already has a draft here.
    expect(firstAuthorWorks({ categoryId: 'zhijiao_shijian', teamId: 't1' }, [draft('a', 't2')], teams, shijian)).toMatchObject({ count: 2, max: 1, otherTitles: ['作品a'] });
  });

  it('does not count the draft itself, other categories, or teams where the person is not first', () => {
    const saved = [draft('self', 't1'), draft('b', 't3'), draft('c', 't2', 'xinxihua')];
    expect(firstAuthorWorks({ id: 'self', categoryId: 'zhijiao_shijian', teamId: 't1' }, saved, teams, shijian)).toMatchObject({ count: 1 });
  });

  it('follows the pack and is silent without a limit or a team', () => {
    const looser = { ...shijian, maxWorksPerFirstAuthor: 2 };
    expect(firstAuthorWorks({ categoryId: 'zhijiao_shijian', teamId: 't1' }, [draft('a', 't2')], teams, looser)).toMatchObject({ count: 2, max: 2 });
    expect(firstAuthorWorks({ categoryId: 'xinxihua', teamId: 't1' }, [], teams, findCategory(pack, 'xinxihua'))).toBeUndefined();
    expect(firstAuthorWorks({ categoryId: 'zhijiao_shijian' }, [], teams, shijian)).toBeUndefined();
  });
});
