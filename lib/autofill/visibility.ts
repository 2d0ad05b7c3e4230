/**
 * Never fill what a person cannot see (issue #11). A field hidden by `display: none`, `visibility: hidden`, a zero
 * size, `opacity: 0`, a position off the page, `aria-hidden`, `inert`, or clipped away by its container is the classic
 * way a hostile page harvests autofill data: it is left out of detection entirely. A field a person can reach by
 * opening something — a closed <details>, a hidden tab, a collapsed panel — is `collapsed`: listed as 展开后可填,
 * never filled until it is open.
 *
 * Judged on what a person looks at: a widget's root, or for a native radio/checkbox drawn over by a library, the
 * label or drawn element beside it. Without layout (jsdom) the geometry tests are skipped and CSS decides.
 */

import { OPENABLE } from './catalogue';

/** Whether a person can see a field now, open it, or neither. */
export type Availability = 'visible' | 'collapsed' | 'hidden';

/** Per-detection caches: styles and ancestors are shared by many fields. */
export interface VisibilityContext {
  /** False in DOMs without layout (jsdom): every rect is zero there. */
  layout: boolean;
  scrollX: number;
  scrollY: number;
  ancestors: Map<Element, Availability>;
  /**
   * Ancestors whose overflow is not `visible`, with their box and whether they cut content off for good on each axis
   * (hidden/clip; a scroll container can bring it into view); null for those whose overflow is visible.
   */
  clips: Map<Element, Clip | null>;
  /** Boxes of ancestors, read once per run. */
  boxes: Map<Element, DOMRect>;
  /**
   * Ancestors whose box lies inside their parent's, all the way up to <body>: nothing can clip what lies inside
   * them, so a field inside one needs no computed style of any ancestor.
   */
  contained: Map<Element, boolean>;
  /**
   * The browser's own test (`Element.checkVisibility`, Chromium 105+, Firefox 106+): no box, a `display: none` or
   * `content-visibility: hidden` ancestor, `opacity: 0` on the way up, `visibility: hidden`. Undefined without it or
   * without layout. One native call instead of a computed style per ancestor.
   */
  native?: (element: Element) => boolean;
}

interface Clip {
  x: boolean;
  y: boolean;
  box: DOMRect;
}

/** Controls clip their own content (Chromium gives inputs `overflow: clip`); that hides nothing around them. */
const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);

/** The shortest a field can be and still be seen and clicked. */
const MIN_SIZE = 2;

const CHECK_VISIBILITY = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: false };

export function createVisibilityContext(doc: Document): VisibilityContext {
  const win = doc.defaultView;
  const layout = hasLayout(doc);
  const supported = layout && typeof (doc.documentElement as Partial<NativeVisibility>).checkVisibility === 'function';
  return {
    layout,
    scrollX: win?.scrollX ?? 0,
    scrollY: win?.scrollY ?? 0,
    ancestors: new Map(),
    clips: new Map(),
    boxes: new Map(),
    contained: new Map(),
    native: supported ? (element) => (element as unknown as NativeVisibility).checkVisibility(CHECK_VISIBILITY) : undefined,
  };
}

interface NativeVisibility {
  checkVisibility(options: typeof CHECK_VISIBILITY): boolean;
}

/** What hides content that `checkVisibility` does not look at; one `closest()` per field. */
const NOT_NATIVE = '[inert], [aria-hidden="true"], [hidden]';

const layoutCache = new WeakMap<Document, { at: number; layout: boolean }>();

/** Whether the document has layout (a browser) or not (jsdom, where every rect is zero); checked at most every 1 s. */
export function hasLayout(doc: Document): boolean {
  const now = Date.now();
  const known = layoutCache.get(doc);
  if (known && now - known.at < 1000) return known.layout;
  const rect = doc.documentElement.getBoundingClientRect();
  const layout = rect.width > 0 || rect.height > 0;
  layoutCache.set(doc, { at: now, layout });
  return layout;
}

/**
 * The style that decides visibility: computed in a browser; only the inline style where there is no layout engine
 * (jsdom's getComputedStyle re-runs the whole cascade per call, and a library's injected CSS makes that seconds).
 */
export function styleOf(element: Element): CSSStyleDeclaration | undefined {
  const doc = element.ownerDocument;
  if (!hasLayout(doc)) return (element as HTMLElement).style ?? undefined;
  return doc.defaultView?.getComputedStyle(element) ?? undefined;
}

/** A hidden container a person can open: a tab panel, a library's collapse body, a `hidden` disclosure target. */
function isOpenable(element: Element): boolean {
  if (element.getAttribute('role') === 'tabpanel') return true;
  if (OPENABLE !== '' && element.matches(OPENABLE)) return true;
  const id = element.getAttribute('id');
  if (id) {
    // The WAI-ARIA disclosure pattern: a button with aria-controls and aria-expanded="false".
    const escaped = id.replace(/["\\]/g, '\\$&');
    const controller = element.ownerDocument.querySelector(`[aria-controls~="${escaped}"]`);
    if (controller && (controller.getAttribute('aria-expanded') === 'false' || controller.getAttribute('role') === 'tab')) {
      return true;
    }
  }
  return false;
}

/** What one element (not its ancestors) does to what is inside it. */
function ownState(element: Element, context: VisibilityContext): Availability {
  if (element.hasAttribute('inert') || element.getAttribute('aria-hidden') === 'true') return 'hidden';
  if (element.tagName === 'DETAILS' && !element.hasAttribute('open')) return 'collapsed';
  const style = styleOf(element);
  if (!style) return 'visible';
  if (style.display === 'none' || (element as HTMLElement).hidden) return isOpenable(element) ? 'collapsed' : 'hidden';
  // Without layout only inline styles are read, and those do not inherit: an ancestor's visibility hides its content.
  if (!context.layout && (style.visibility === 'hidden' || style.visibility === 'collapse')) return 'hidden';
  if (style.opacity === '0' || style.getPropertyValue('content-visibility') === 'hidden') return 'hidden';
  return 'visible';
}

/** The strongest restriction from the element and its ancestors (hidden > collapsed > visible), cached. */
function inherited(element: Element | null, context: VisibilityContext): Availability {
  if (!element) return 'visible';
  const known = context.ancestors.get(element);
  if (known !== undefined) return known;
  // The content of a closed <details> is hidden, but its <summary> is what a person clicks to open it.
  const own = ownState(element, context);
  let parent: Availability;
  const up = element.parentElement;
  if (up && up.tagName === 'DETAILS' && !up.hasAttribute('open') && element.tagName === 'SUMMARY') {
    parent = inherited(up.parentElement, context);
  } else {
    parent = inherited(up, context);
  }
  const result = own === 'hidden' || parent === 'hidden' ? 'hidden'
    : own === 'collapsed' || parent === 'collapsed' ? 'collapsed' : 'visible';
  context.ancestors.set(element, result);
  return result;
}

/** Scrollable containers can bring their content into view; only hidden/clip overflow cuts it off for good. */
const clips = (value: string) => value === 'hidden' || value === 'clip';

function clipOf(node: Element, context: VisibilityContext): Clip | null {
  let known = context.clips.get(node);
  if (known === undefined) {
    const style = styleOf(node);
    known = null;
    // Overflow does not apply to inline boxes, and `display: contents` has no box at all.
    if (style && (style.overflowX !== 'visible' || style.overflowY !== 'visible') && !CONTROL_TAGS.has(node.tagName)
      && style.display !== 'inline' && style.display !== 'contents') {
      known = { x: clips(style.overflowX), y: clips(style.overflowY), box: boxOf(node, context) };
    }
    context.clips.set(node, known);
  }
  return known;
}

function boxOf(element: Element, context: VisibilityContext): DOMRect {
  let box = context.boxes.get(element);
  if (!box) context.boxes.set(element, (box = element.getBoundingClientRect()));
  return box;
}

/** Sub-pixel layout: a child flush with its parent's edge may stick out by a rounding error. */
const EPSILON = 1;

function within(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - EPSILON && inner.right <= outer.right + EPSILON
    && inner.top >= outer.top - EPSILON && inner.bottom <= outer.bottom + EPSILON;
}

/** See `VisibilityContext.contained`. */
function containedUp(element: Element, context: VisibilityContext): boolean {
  const body = element.ownerDocument.body;
  const chain: Element[] = [];
  let result = true;
  for (let node: Element | null = element; node && node !== body; node = node.parentElement) {
    const known = context.contained.get(node);
    if (known !== undefined) {
      result = known;
      break;
    }
    chain.push(node);
    const parent = node.parentElement;
    if (parent && parent !== body && !within(boxOf(node, context), boxOf(parent, context))) {
      result = false;
      break;
    }
  }
  // Every node walked lies inside its parent up to where the walk stopped, so it shares that answer.
  for (const node of chain) context.contained.set(node, result);
  return result;
}

/**
 * What the clipping ancestors do to `element`: `hidden` when one cuts it off (a tab track slid aside, an element
 * moved out of its box) or is a zero-sized container that clips its content (`height: 0; overflow: hidden`) and so
 * shows nothing of it; `collapsed` when the only such container is one a person can open (a collapse body).
 */
function clipState(element: Element, rect: DOMRect, context: VisibilityContext): Availability {
  // The common case: inside its parent, which is inside its own, up to <body>. No ancestor can clip it then.
  const parent = element.parentElement;
  if (parent && within(rect, boxOf(parent, context)) && containedUp(parent, context)) return 'visible';
  let state: Availability = 'visible';
  for (let node = element.parentElement; node && node !== element.ownerDocument.body; node = node.parentElement) {
    const clip = clipOf(node, context);
    if (!clip) continue;
    const { box } = clip;
    if (box.width < MIN_SIZE || box.height < MIN_SIZE) {
      if (!isOpenable(node)) return 'hidden';
      state = 'collapsed';
      continue;
    }
    const outX = clip.x && (rect.right <= box.left || rect.left >= box.right);
    const outY = clip.y && (rect.bottom <= box.top || rect.top >= box.bottom);
    if (outX || outY) {
      // An inactive tab pane slid out of a track is still a tab a person can choose.
      const pane = OPENABLE || '[role="tabpanel"]';
      if (node.querySelector(pane) === null || element.closest(pane) === null) return 'hidden';
      state = 'collapsed';
    }
  }
  return state;
}

/** Whether a person can see `element` now, could by opening something, or cannot at all. */
export function availabilityOf(element: Element, context: VisibilityContext): Availability {
  // The browser says it is drawn and nothing the browser ignores hides it: only geometry is left to judge.
  const drawn = context.native !== undefined && context.native(element) && element.closest(NOT_NATIVE) === null;
  if (!drawn) {
    const chain = inherited(element, context);
    if (chain === 'hidden') return 'hidden';
    const style = styleOf(element);
    if (style && (style.visibility === 'hidden' || style.visibility === 'collapse')) return 'hidden';
    if (chain === 'collapsed' || !context.layout) return chain;
  }
  const rect = element.getBoundingClientRect();
  if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return 'hidden';
  // Left of or above the page's origin cannot be scrolled to (left: -10000px).
  if (rect.right + context.scrollX <= 0 || rect.bottom + context.scrollY <= 0) return 'hidden';
  return clipState(element, rect, context);
}

/** The best of several (a group is visible when any of its options is). */
export function bestOf(states: readonly Availability[]): Availability {
  if (states.includes('visible')) return 'visible';
  if (states.includes('collapsed')) return 'collapsed';
  return 'hidden';
}
