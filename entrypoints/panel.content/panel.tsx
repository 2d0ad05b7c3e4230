import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { i18n } from '#i18n';
import { storage } from '#imports';
import { BUTTON_SELECTOR, buttonCaption, isSubmitText } from '@/lib/guard/submit';
import { routeOf, type SiteAdapter } from '@/lib/sites';
import { PANEL_FEATURES, type PanelEnv, type PanelFeature } from './features';
import { frameScheduler } from './frame';
import { avoid, clamp, type Point, type Rect } from './placement';

export interface PanelProps {
  site: SiteAdapter;
  ctx: PanelEnv['ctx'];
  features?: readonly PanelFeature[];
}

/** Where the teacher dragged the panel (top-left, px) and whether it is collapsed, per site. */
export const panelPlaceItem = storage.defineItem<Record<string, { left?: number; top?: number; collapsed?: boolean }>>(
  'local:panelPlace', { fallback: {} });

/** Arrow keys on the move handle shift the panel by this much (Shift: five times as far). */
const KEY_STEP = 24;

/** The site's visible submit buttons, which the panel must never cover. */
export function submitRects(doc: Document): Rect[] {
  const rects: Rect[] = [];
  for (const button of Array.from(doc.querySelectorAll(BUTTON_SELECTOR))) {
    if (button.closest('submit-helper-panel') || !isSubmitText(buttonCaption(button))) continue;
    const r = button.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) rects.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return rects;
}

/**
 * The on-site panel: a card holding one section per feature. Draggable by its header (or with the arrow keys on the
 * move handle), collapsible, reachable with Alt+Shift+Z from anywhere on the page, and it moves itself out of the
 * way of the site's submit button.
 */
export function Panel({ site, ctx, features = PANEL_FEATURES }: PanelProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [place, setPlace] = useState<Point>();
  const [route, setRoute] = useState(() => routeOf(site, location));
  const panelRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drag = useRef<{ dx: number; dy: number; id: number }>(undefined);

  useEffect(() => {
    // Hash-routed single-page apps change views without a reload; follow them.
    const update = () => setRoute(routeOf(site, location));
    ctx.addEventListener(window, 'wxt:locationchange', update);
    ctx.addEventListener(window, 'hashchange', update);
  }, [ctx, site]);

  useEffect(() => {
    void panelPlaceItem.getValue().then((all) => {
      const saved = all[site.id];
      if (saved?.collapsed) setCollapsed(true);
      if (saved?.left !== undefined && saved.top !== undefined) setPlace({ left: saved.left, top: saved.top });
    });
  }, [site.id]);

  const save = useCallback((patch: { left?: number; top?: number; collapsed?: boolean }) => {
    void panelPlaceItem.getValue().then((all) => panelPlaceItem.setValue({ ...all, [site.id]: { ...all[site.id], ...patch } }));
  }, [site.id]);

  const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });
  const size = () => {
    const r = panelRef.current?.getBoundingClientRect();
    return { width: r?.width ?? 280, height: r?.height ?? 48 };
  };

  const moveTo = useCallback((point: Point, persist: boolean) => {
    const next = clamp(point, size(), viewport());
    setPlace(next);
    if (persist) save(next);
  }, [save]);

  // Out of the submit button's way, checked after layout changes, scrolling and the page's own re-renders.
  const keepClear = useCallback(() => {
    const element = panelRef.current;
    if (!element || drag.current) return;
    const r = element.getBoundingClientRect();
    const free = avoid({ left: r.left, top: r.top, width: r.width, height: r.height }, submitRects(document), viewport());
    if (free) setPlace(free);
  }, []);

  useEffect(() => {
    const frame = frameScheduler(keepClear);
    const schedule = frame.schedule;
    ctx.addEventListener(window, 'resize', schedule);
    ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    // A site that animates its layout in settles within a second; the interval is cheap (one query per second).
    const interval = setInterval(schedule, 1000);
    ctx.addEventListener(window, 'keydown', (event: Event) => {
      const e = event as globalThis.KeyboardEvent;
      if (e.altKey && e.shiftKey && e.code === 'KeyZ') {
        e.preventDefault();
        setCollapsed(false);
        toggleRef.current?.focus();
      }
    }, { capture: true });
    schedule();
    return () => {
      observer.disconnect();
      clearInterval(interval);
      frame.cancel();
    };
  }, [ctx, keepClear]);

  useLayoutEffect(() => {
    keepClear();
  }, [collapsed, keepClear]);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0 || (e.target as Element).closest('button, select, input, a')) return;
    const r = panelRef.current!.getBoundingClientRect();
    drag.current = { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    moveTo({ left: e.clientX - drag.current.dx, top: e.clientY - drag.current.dy }, false);
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    drag.current = undefined;
    const r = panelRef.current!.getBoundingClientRect();
    save({ left: r.left, top: r.top });
    keepClear();
  };
  const onMoveKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!delta) return;
    e.preventDefault();
    const r = panelRef.current!.getBoundingClientRect();
    moveTo({ left: r.left + delta[0]!, top: r.top + delta[1]! }, true);
  };

  const toggle = () => {
    setCollapsed((c) => {
      save({ collapsed: !c });
      return !c;
    });
  };

  const env: PanelEnv = { site, ctx, route };
  return (
    <section
      ref={panelRef}
      className="panel"
      data-testid="submit-helper-panel"
      data-site={site.id}
      data-route={route}
      data-collapsed={collapsed}
      aria-label={i18n.t('panel.title')}
      style={place ? { left: place.left, top: place.top, right: 'auto', bottom: 'auto' } : undefined}
    >
      <header className="panel__header" onPointerDown={onPointerDown} onPointerMove={onPointerMove}
        onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <button type="button" className="panel__move" aria-label={i18n.t('panel.move')} title={i18n.t('panel.move')}
          onKeyDown={onMoveKey}>⠿</button>
        <h2 className="panel__title" title={i18n.t('panel.shortcut')}>{i18n.t('panel.title')}</h2>
        <button
          ref={toggleRef}
          type="button"
          className="panel__toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? i18n.t('panel.expand') : i18n.t('panel.collapse')}
          onClick={toggle}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </header>
      <div className="panel__body" hidden={collapsed}>
        {features.map(({ id, Section }) => (
          <Section key={id} env={env} />
        ))}
      </div>
    </section>
  );
}
