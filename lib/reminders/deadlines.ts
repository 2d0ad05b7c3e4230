import type { Deadline as CustomDeadline } from '@/lib/profile/schema';
import type { RulePack, Window } from '@/lib/rules/schema';
import { SITE_ADAPTERS } from '@/lib/sites';
import type { Deadline } from './schedule';

const siteHome = (siteId: string | undefined) => SITE_ADAPTERS.find((s) => s.id === siteId)?.home;

/** Who the user is: an organiser (我是组织者) also sees the organisers' windows of the pack. */
export interface DeadlineOptions {
  organiser?: boolean;
}

/**
 * The deadlines a user is reminded of: the teacher-facing windows of the categories they follow, and all their
 * own dates (they added those on purpose, so following does not filter them). An organiser also gets the pack's
 * organiser windows: those not tied to a category (省级推荐, 附件3 contact forms) always, a category's own only when
 * they follow it.
 */
export function collectDeadlines(
  pack: RulePack,
  custom: readonly CustomDeadline[],
  followed: ReadonlySet<string> | 'all',
  options: DeadlineOptions = {},
): Deadline[] {
  const out: Deadline[] = [];
  const organiserFields = (w: Window) => (w.audience === 'organiser' ? { audience: 'organiser' as const } : {});
  for (const category of pack.categories) {
    if (followed !== 'all' && !followed.has(category.id)) continue;
    for (const w of category.windows) {
      if (w.audience !== 'teacher' && !options.organiser) continue;
      out.push({
        key: `pack:${category.id}:${w.id}`,
        label: w.label,
        categoryId: category.id,
        categoryName: category.name,
        from: w.from,
        to: w.to,
        url: siteHome(w.site ?? category.sites[0]),
        ...organiserFields(w),
      });
    }
  }
  if (options.organiser) {
    for (const w of pack.windows) {
      out.push({
        key: `pack:organiser:${w.id}`,
        label: w.label,
        from: w.from,
        to: w.to,
        url: siteHome(w.site),
        ...organiserFields(w),
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
