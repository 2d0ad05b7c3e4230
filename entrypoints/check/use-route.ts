import { useMemo, useState } from 'react';
import { categoryForRoute, defaultRoute, routesOf, type Route } from '@/lib/checks';
import type { Category } from '@/lib/rules';

/**
 * 报送途径 for the chosen category: the district FTP round or an online platform, defaulting from the category (its
 * first site). Choosing another category starts from that category's default again. `routed` is the category as
 * the route asks for it (lib/checks/evaluate.ts), for the slot list to show the route's formats.
 */
export function useRoute(category: Category) {
  const [chosen, setChosen] = useState<{ categoryId: string; route: Route } | null>(null);
  const route = chosen?.categoryId === category.id ? defaultRoute(category, chosen.route) : defaultRoute(category);
  // One object per (category, route): the check run re-runs when its category changes identity.
  const routed = useMemo(() => categoryForRoute(category, route), [category, route]);
  const choose = (next: Route) => setChosen({ categoryId: category.id, route: next });
  return { route, routes: routesOf(category), routed, choose };
}
