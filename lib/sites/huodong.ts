import { defineSiteAdapter } from './define';

/**
 * The activity's own platform: a hash-routed single-page app (national notice 五(二)) whose teacher home is
 * `#/teacher_index`. Its menus list every category and its work list names other works' categories, so both are
 * chrome, not evidence of the page's category.
 */
export const huodong = defineSiteAdapter({
  id: 'huodong',
  hosts: ['huodong.ncet.edu.cn'],
  home: 'https://huodong.ncet.edu.cn/',
  routing: 'hash',
  hints: {
    routes: [
      { pattern: /#\/(?:teacher_)?index\b/, kind: 'other' },
      { pattern: /#\/(?:works|my_?works|list)\b/i, kind: 'list' },
    ],
    chrome: ['.el-menu', '.ant-menu', 'header', 'footer'],
  },
});
