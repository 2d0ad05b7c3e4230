import type { ComponentType } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites';

/** What every panel feature is given. Page-side effects must be registered through `ctx` so they die with it. */
export interface PanelEnv {
  site: SiteAdapter;
  ctx: Pick<ContentScriptContext, 'addEventListener' | 'setTimeout' | 'setInterval' | 'onInvalidated' | 'isValid'>;
  /** `location.pathname + location.hash`, updated on single-page-app navigation. */
  route: string;
}

/**
 * One panel feature, one file (the feature id is the file name). Its section stays mounted while the panel is
 * collapsed, so effects it starts on the page (watchers, counters) keep running.
 */
export interface PanelFeature {
  id: string;
  Section: ComponentType<{ env: PanelEnv }>;
}

export function definePanelFeature(feature: PanelFeature): PanelFeature {
  return feature;
}
