import { defineSiteAdapter } from './define';

/** The activity's own platform: a hash-routed single-page app (national notice 五(二)). */
export const huodong = defineSiteAdapter({
  id: 'huodong',
  hosts: ['huodong.ncet.edu.cn'],
  home: 'https://huodong.ncet.edu.cn/',
});
