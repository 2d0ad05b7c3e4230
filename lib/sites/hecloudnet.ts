import { defineSiteAdapter } from './define';

/**
 * The vocational special's platform (district notice 四(二)); the notice names no subdomain, so any is matched. Only
 * the vocational categories are submitted there, which the rule pack's `sites` already says; its page layouts are
 * not published, so the generic reader decides the page kind from what the page prints.
 */
export const hecloudnet = defineSiteAdapter({
  id: 'hecloudnet',
  hosts: ['*.hecloudnet.com'],
  home: 'https://www.hecloudnet.com/',
  routing: 'hash',
  hints: {
    chrome: ['.el-menu', '.ant-menu', 'header', 'footer'],
  },
});
