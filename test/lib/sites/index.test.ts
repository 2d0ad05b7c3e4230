import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES, SITE_ADAPTERS, detectSite, hostMatches, matchPatterns } from '@/lib/sites';
import contentScript from '@/entrypoints/panel.content/index';

describe('detectSite', () => {
  it.each([
    ['huodong.ncet.edu.cn', 'huodong'],
    ['HUODONG.ncet.edu.cn', 'huodong'],
    ['huodong.ncet.edu.cn.', 'huodong'],
    ['www.hecloudnet.com', 'hecloudnet'],
    ['hecloudnet.com', 'hecloudnet'],
    ['zj.sub.hecloudnet.com', 'hecloudnet'],
  ])('%s is %s', (host, id) => {
    expect(detectSite(host)?.id).toBe(id);
  });

  it.each(['ncet.edu.cn', 'www.ncet.edu.cn', 'evilhecloudnet.com', 'hecloudnet.com.evil.cn', '127.0.0.1', 'localhost'])(
    '%s is no site of ours',
    (host) => {
      expect(detectSite(host)).toBeUndefined();
    },
  );
});

describe('matchPatterns', () => {
  it('turns a wildcard host into the subdomain and the bare domain', () => {
    expect(matchPatterns({ hosts: ['*.x.com'] })).toEqual([
      '*://*.x.com/*',
      '*://x.com/*',
    ]);
  });

  it('agrees with hostMatches for every registered adapter', () => {
    for (const adapter of SITE_ADAPTERS) {
      for (const pattern of matchPatterns(adapter)) {
        const host = pattern.replace('*://', '').replace('/*', '').replace('*.', 'www.');
        expect(hostMatches(adapter, host)).toBe(true);
      }
    }
  });
});

describe('content script registration', () => {
  it('matches exactly the registry of site adapters', () => {
    expect(contentScript.matches).toEqual(CONTENT_MATCHES);
    expect([...CONTENT_MATCHES].sort()).toEqual([
      '*://*.hecloudnet.com/*',
      '*://hecloudnet.com/*',
      '*://huodong.ncet.edu.cn/*',
    ]);
  });
});
