import { hostMatches, matchPatterns, type SiteAdapter } from './define';
import { hecloudnet } from './hecloudnet';
import { huodong } from './huodong';

/** Every site the extension runs on. The content script's `matches` come from here. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [huodong, hecloudnet];

export const CONTENT_MATCHES: string[] = [...new Set(SITE_ADAPTERS.flatMap(matchPatterns))];

export function detectSite(hostname: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => hostMatches(adapter, hostname));
}

export { defineSiteAdapter, hostMatches, matchPatterns, type SiteAdapter } from './define';
