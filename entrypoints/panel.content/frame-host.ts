/**
 * The panel's place on the page: a `<submit-helper-panel>` host whose shadow root holds only an iframe of the
 * extension's own page (panel-frame.html). The page can find the iframe but not read into it (another origin), so
 * the shadow root may as well be open: a closed one hides nothing from a page that hooks attachShadow.
 * The host places, drags and resizes the frame and keeps it off the site's submit button; everything drawn inside
 * comes from the frame.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { storage } from '#imports';
import { BUTTON_SELECTOR, buttonCaption, isSubmitText } from '@/lib/guard/submit';
import { PORT_PREFIX, portChannel, type Channel, type ToFrame, type ToPage } from '@/lib/panel/protocol';
import type { SiteAdapter } from '@/lib/sites';
import type { PageEnv } from './features/define';
import { frameScheduler } from './frame';
import { avoid, clamp, MARGIN, type Point, type Rect } from './placement';

/** Where the teacher dragged the panel (top-left, px) and whether it is collapsed, per site. */
export const panelPlaceItem = storage.defineItem<Record<string, { left?: number; top?: number; collapsed?: boolean }>>(
  'local:panelPlace', { fallback: {} });

export const PANEL_TAG = 'submit-helper-panel';
export const PANEL_FRAME_PAGE = '/panel-frame.html';

const HOST_CSS = `
:host { all: initial; position: fixed; z-index: 2147483000; display: block; }
iframe { display: block; border: 0; margin: 0; padding: 0; width: 100%; height: 100%; background: transparent;
  color-scheme: normal; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); }
`;

/** The site's visible submit buttons, which the panel must never cover. */
export function submitRects(doc: Document): Rect[] {
  const rects: Rect[] = [];
  for (const button of Array.from(doc.querySelectorAll(BUTTON_SELECTOR))) {
    if (button.closest(PANEL_TAG) || !isSubmitText(buttonCaption(button))) continue;
    const r = button.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) rects.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return rects;
}

/** A random name for this content script's port; the frame learns it from its URL and accepts no other. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface FrameHost {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  /** Layout messages from the frame (size, drag, move, collapse). */
  onLayout(message: ToPage): void;
  remove(): void;
}

/**
 * Mounts the frame and connects to it once it has loaded (its listener is registered by then); `connect` is called
 * again with a new channel if the frame reloads.
 */
export function mountFrameHost(env: Pick<PageEnv, 'ctx'> & { site: SiteAdapter }, connect: (channel: Channel<ToPage, ToFrame>) => void,
  doc: Document = document): FrameHost {
  const { ctx, site } = env;
  const win = doc.defaultView!;
  const host = doc.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const frame = doc.createElement('iframe');
  const token = newToken();
  frame.src = `${browser.runtime.getURL(PANEL_FRAME_PAGE as '/panel-frame.html')}#${token}`;
  frame.title = i18n.t('panel.title');
  // The frame draws its own card; until it reports its size it takes the header's.
  let size = { width: 300, height: 48 };
  let place: Point | undefined;
  let collapsed = false;
  let dragging: { start: Point; x: number; y: number } | undefined;
  shadow.append(style, frame);

  const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
  const apply = () => {
    host.style.width = `${size.width}px`;
    host.style.height = `${size.height}px`;
    if (place) {
      host.style.left = `${place.left}px`;
      host.style.top = `${place.top}px`;
      host.style.right = 'auto';
      host.style.bottom = 'auto';
    } else {
      host.style.right = `${MARGIN}px`;
      host.style.bottom = `${MARGIN}px`;
    }
  };
  const rect = (): Rect => {
    const r = host.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
  const save = (patch: { left?: number; top?: number; collapsed?: boolean }) => {
    void panelPlaceItem.getValue().then((all) => panelPlaceItem.setValue({ ...all, [site.id]: { ...all[site.id], ...patch } }));
  };
  const moveTo = (point: Point, persist: boolean) => {
    place = clamp(point, size, viewport());
    apply();
    if (persist) save(place);
  };
  // Out of the submit button's way, checked after layout changes, scrolling and the page's own re-renders.
  const keepClear = () => {
    if (dragging || !host.isConnected) return;
    const free = avoid(rect(), submitRects(doc), viewport());
    if (free) {
      place = free;
      apply();
    }
  };
  apply();

  let channel: Channel<ToPage, ToFrame> | undefined;
  const open = () => {
    const port = browser.runtime.connect({ name: PORT_PREFIX + token });
    channel = portChannel<ToPage, ToFrame>(port);
    connect(channel);
    channel.post({ kind: 'layout', collapsed });
  };
  frame.addEventListener('load', open);

  void panelPlaceItem.getValue().then((all) => {
    const saved = all[site.id];
    if (saved?.collapsed) {
      collapsed = true;
      channel?.post({ kind: 'layout', collapsed });
    }
    if (saved?.left !== undefined && saved.top !== undefined) moveTo({ left: saved.left, top: saved.top }, false);
  });

  const onLayout = (message: ToPage) => {
    switch (message.kind) {
      case 'size':
        size = { width: Math.max(1, Math.min(message.width, 640)), height: Math.max(1, Math.min(message.height, win.innerHeight - 2 * MARGIN)) };
        apply();
        if (place) moveTo(place, false);
        schedule();
        return;
      case 'drag':
        if (message.phase === 'start') {
          const r = rect();
          dragging = { start: { left: r.left, top: r.top }, x: message.screenX, y: message.screenY };
        } else if (dragging) {
          moveTo({ left: dragging.start.left + message.screenX - dragging.x, top: dragging.start.top + message.screenY - dragging.y },
            message.phase === 'end');
          if (message.phase === 'end') {
            dragging = undefined;
            keepClear();
          }
        }
        return;
      case 'move': {
        const r = rect();
        moveTo({ left: r.left + message.dx, top: r.top + message.dy }, true);
        return;
      }
      case 'collapse':
        collapsed = message.collapsed;
        save({ collapsed });
        return;
      default:
    }
  };

  // A fast drag can leave the frame before it has moved under the pointer; the page then gets the pointer's events,
  // in the same screen coordinates, and carries the drag on (and ends it when the button is up).
  const onPagePointer = (event: Event) => {
    if (!dragging) return;
    const e = event as PointerEvent;
    const phase = e.type === 'pointermove' && e.buttons !== 0 ? 'move' : 'end';
    onLayout({ kind: 'drag', phase, screenX: e.screenX, screenY: e.screenY });
  };
  ctx.addEventListener(win, 'pointermove', onPagePointer, { capture: true, passive: true });
  ctx.addEventListener(win, 'pointerup', onPagePointer, { capture: true, passive: true });

  const scheduler = frameScheduler(keepClear);
  const schedule = scheduler.schedule;
  ctx.addEventListener(win, 'resize', schedule);
  ctx.addEventListener(win, 'scroll', schedule, { capture: true, passive: true });
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true });
  // A site that animates its layout in settles within a second; the interval is cheap (one query per second).
  const interval = setInterval(schedule, 1000);
  ctx.addEventListener(win, 'keydown', (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.altKey && e.shiftKey && e.code === 'KeyZ') {
      e.preventDefault();
      collapsed = false;
      frame.focus();
      channel?.post({ kind: 'focus' });
    }
  }, { capture: true });

  return {
    host,
    frame,
    onLayout,
    remove() {
      observer.disconnect();
      clearInterval(interval);
      scheduler.cancel();
      host.remove();
    },
  };
}
