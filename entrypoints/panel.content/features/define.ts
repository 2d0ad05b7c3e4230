import type { ComponentType } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelLink } from '@/lib/panel/link';
import type { RulePack } from '@/lib/rules/schema';
import type { SiteAdapter } from '@/lib/sites';
import type { PageSide } from '../page-side';

/**
 * What every panel section is given. Sections run in the panel frame (an extension page): they reach the page only
 * through `link`, and the page never sees what they draw.
 */
export interface PanelEnv {
  site: SiteAdapter;
  /** `location.pathname + location.hash` of the page, updated on single-page-app navigation. */
  route: string;
  link: PanelLink;
  /** The active rule pack, loaded by the frame itself. */
  pack: RulePack;
}

/** What a page layer is given: it runs in the content script. Page-side effects must be registered through `ctx`. */
export interface PageEnv {
  site: SiteAdapter;
  ctx: Pick<ContentScriptContext, 'addEventListener' | 'setTimeout' | 'setInterval' | 'onInvalidated' | 'isValid'>;
  side: PageSide;
}

/**
 * One panel feature, one file or folder (the feature id is its name). `Section` is drawn in the panel frame;
 * `Layer` is what the feature draws on the page itself (inline results, 字数 counters), which must hold no personal
 * data. A section stays mounted while the panel is collapsed.
 */
export interface PanelFeature {
  id: string;
  Section?: ComponentType<{ env: PanelEnv }>;
}

/** The page-side part of a feature (lib/panel/protocol.ts says what may cross). */
export interface PageFeature {
  id: string;
  Layer: ComponentType<{ env: PageEnv }>;
}

export function definePanelFeature(feature: PanelFeature): PanelFeature {
  return feature;
}

export function definePageFeature(feature: PageFeature): PageFeature {
  return feature;
}
