import type { SiteId } from '@/lib/rules/schema';

/** What a page of a submission site is for; the panel shows the fill only where there is something to fill. */
export type PageKind = 'registration' | 'upload' | 'list' | 'other';

/** A route the site is known to use, with what it shows. Checked before the page's text. */
export interface RouteHint {
  /** Tested against `route` (`location.pathname + location.hash`). */
  pattern: RegExp;
  kind: PageKind;
  /** Rule-pack category the route is for, when the route names it. */
  categoryId?: string;
}

/** Site-specific knowledge that the generic page reader uses. */
export interface SiteHints {
  /** Routes with a known page kind (the activity platform's `#/teacher_index` is a home page, not a form). */
  routes?: readonly RouteHint[];
  /** The site's own chrome (menus, headers, footers): never read as the page's fields or headings. */
  chrome?: readonly string[];
}

/** A site the content script runs on, and what the extension knows about it. */
export interface SiteAdapter {
  id: Exclude<SiteId, 'district-ftp'>;
  /** Host names; a leading `*.` means any subdomain and the bare domain. */
  hosts: readonly string[];
  /** Home page a notification or the popup links to. */
  home: string;
  /**
   * How the site changes views: `hash` apps (`#/form/...`) change pages without a reload, so the route includes the
   * hash; `history` apps use pushState, caught by WXT's `wxt:locationchange`.
   */
  routing: 'hash' | 'history';
  hints: SiteHints;
}

export function defineSiteAdapter<T extends SiteAdapter>(adapter: T): T {
  return adapter;
}

/** Chrome match patterns for the adapter's hosts; `*.x` also yields the bare `x` so the intent is explicit. */
export function matchPatterns(adapter: Pick<SiteAdapter, 'hosts'>): string[] {
  return adapter.hosts.flatMap((host) =>
    host.startsWith('*.')
      ? [`*://${host}/*`, `*://${host.slice(2)}/*`]
      : [`*://${host}/*`],
  );
}

export function hostMatches(adapter: Pick<SiteAdapter, 'hosts'>, hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return adapter.hosts.some((host) => {
    if (!host.startsWith('*.')) return name === host;
    const base = host.slice(2);
    return name === base || name.endsWith(`.${base}`);
  });
}

/**
 * The key a page's state (taught fields, the panel's place) is stored under: the path, plus the hash route for
 * hash-routed apps with its query string dropped (`#/form/xiaoben?id=42` is the same form for every work).
 */
export function routeOf(adapter: Pick<SiteAdapter, 'routing'>, loc: Pick<Location, 'pathname' | 'hash'>): string {
  if (adapter.routing !== 'hash') return loc.pathname;
  return loc.pathname + loc.hash.replace(/\?.*$/, '');
}
