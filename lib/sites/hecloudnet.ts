import { defineSiteAdapter } from './define';

/** The vocational special's platform (district notice 四(二)); the notice names no subdomain, so any is matched. */
export const hecloudnet = defineSiteAdapter({
  id: 'hecloudnet',
  hosts: ['*.hecloudnet.com'],
  home: 'https://www.hecloudnet.com/',
});
