import type { Deadline as CustomDeadline } from '@/lib/profile/schema';
import type { RulePack } from '@/lib/rules/schema';
import { SITE_ADAPTERS } from '@/lib/sites';
import type { Deadline } from './schedule';

const siteHome = (siteId: string | undefined) => SITE_ADAPTERS.find((s) => s.id === siteId)?.home;

/**
 * The deadlines a teacher is reminded of: the teacher-facing windows of the categories they follow, and all their
 * own dates (they added those on purpose, so following does not filter them).
 */
export function collectDeadlines(
  pack: RulePack,
  custom: readonly CustomDeadline[],
  followed: ReadonlySet<string> | 'all',
): Deadline[] {
  const out: Deadline[] = [];
  for (const category of pack.categories) {
    if (followed !== 'all' && !followed.has(category.id)) continue;
    for (const w of category.windows) {
      if (w.audience !== 'teacher') continue;
      out.push({
        key: `pack:${category.id}:${w.id}`,
        label: w.label,
        categoryId: category.id,
        categoryName: category.name,
        from: w.from,
        to: w.to,
        url: siteHome(w.site ?? category.sites[0]),
      });
    }
  }
  for (const d of custom) {
    const category = d.categoryId ? pack.categories.find((c) => c.id === d.categoryId) : undefined;
    out.push({
      key: `custom:${d.id}`,
      label: d.label,
      categoryId: d.categoryId,
      categoryName: category?.name,
      to: d.date,
      url: siteHome(category?.sites[0]),
    });
  }
  return out;
}
