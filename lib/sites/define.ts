import type { SiteId } from '@/lib/rules/schema';

/** A site the content script runs on, and what the extension knows about it. */
export interface SiteAdapter {
  id: Exclude<SiteId, 'district-ftp'>;
  /** Host names; a leading `*.` means any subdomain and the bare domain. */
  hosts: readonly string[];
  /** Home page a notification or the popup links to. */
  home: string;
}

export function defineSiteAdapter<T extends SiteAdapter>(adapter: T): T {
  return adapter;
}

/** Chrome match patterns for the adapter's hosts; `*.x` also yields the bare `x` so the intent is explicit. */
export function matchPatterns(adapter: SiteAdapter): string[] {
  return adapter.hosts.flatMap((host) =>
    host.startsWith('*.')
      ? [`*://${host}/*`, `*://${host.slice(2)}/*`]
      : [`*://${host}/*`],
  );
}

export function hostMatches(adapter: SiteAdapter, hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return adapter.hosts.some((host) => {
    if (!host.startsWith('*.')) return name === host;
    const base = host.slice(2);
    return name === base || name.endsWith(`.${base}`);
  });
}
