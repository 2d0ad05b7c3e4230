import type { RulePack, WindowState } from '@/lib/rules';
import { windowState } from '@/lib/rules';
import type { Deadline } from './schedule';

/** A category's state in the popup: the state of its windows, or `none` when no notice (and no own date) gives one. */
export type CategoryState = WindowState | 'none';

export interface CategoryRow {
  id: string;
  name: string;
  state: CategoryState;
  followed: boolean;
}

const RANK: Record<CategoryState, number> = { open: 0, upcoming: 1, closed: 2, none: 3 };

/**
 * Every category of the pack with one state: 进行中 if any of its windows (or the teacher's own dates for it) is open,
 * else 即将开始 if one is to come, else 已结束 if it had one, else `none`. Followed categories first, the pack's order
 * kept within each part.
 */
export function categoryRows(
  pack: RulePack,
  deadlines: readonly Deadline[],
  now: Date,
  isFollowed: (id: string) => boolean,
): CategoryRow[] {
  const rows = pack.categories.map((category): CategoryRow => {
    let state: CategoryState = 'none';
    for (const d of deadlines) {
      if (d.categoryId !== category.id) continue;
      const s = windowState(d, now);
      if (RANK[s] < RANK[state]) state = s;
    }
    return { id: category.id, name: category.name, state, followed: isFollowed(category.id) };
  });
  return [...rows.filter((r) => r.followed), ...rows.filter((r) => !r.followed)];
}
