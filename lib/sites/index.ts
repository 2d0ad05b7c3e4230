import { hostMatches, matchPatterns, type SiteAdapter } from './define';
import { hecloudnet } from './hecloudnet';
import { huodong } from './huodong';

// The page reader (lib/sites/page.ts) is imported on its own: it pulls in field detection, which the background and
// the popup, importing this registry, do not need.

/** Every site the extension runs on. The content script's `matches` come from here. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [huodong, hecloudnet];

export const CONTENT_MATCHES: string[] = [...new Set(SITE_ADAPTERS.flatMap(matchPatterns))];

export function detectSite(hostname: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => hostMatches(adapter, hostname));
}

export {
  defineSiteAdapter,
  hostMatches,
  matchPatterns,
  routeOf,
  type PageKind,
  type RouteHint,
  type SiteAdapter,
  type SiteHints,
} from './define';
