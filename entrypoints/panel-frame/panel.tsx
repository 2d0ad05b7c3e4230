import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent } from 'react';
import { i18n } from '#i18n';
import { PANEL_FEATURES, type PanelEnv, type PanelFeature } from '@/entrypoints/panel.content/features';
import type { PanelLink } from '@/lib/panel/link';
import type { RulePack } from '@/lib/rules/schema';
import type { SiteAdapter } from '@/lib/sites';

export interface PanelProps {
  site: SiteAdapter;
  link: PanelLink;
  pack: RulePack;
  features?: readonly PanelFeature[];
}

/** Arrow keys on the move handle shift the panel by this much (Shift: five times as far). */
const KEY_STEP = 24;

/**
 * The panel, drawn inside its frame: a card holding one section per feature. Dragged by its header (or with the
 * arrow keys on the move handle) and collapsed here; the page side moves and sizes the frame, keeps it off the
 * site's submit button, and hands over Alt+Shift+Z.
 */
export function Panel({ site, link, pack, features = PANEL_FEATURES }: PanelProps) {
  const snap = useSyncExternalStore(link.subscribe, link.getSnapshot);
  const [collapsed, setCollapsed] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drag = useRef<number>(undefined);

  useEffect(() => {
    if (snap.collapsed !== undefined) setCollapsed(snap.collapsed);
  }, [snap.collapsed]);

  useEffect(() => {
    if (snap.focus === 0) return;
    setCollapsed(false);
    toggleRef.current?.focus();
  }, [snap.focus]);

  // The frame is as big as the card would be unclipped; the page side caps it at the viewport, and then the card's
  // body scrolls inside the frame (the card is at most the frame's height).
  const contentRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = panelRef.current;
    const content = contentRef.current;
    if (!element || !content) return;
    const header = element.querySelector('header')!;
    const body = content.parentElement!;
    let last = '';
    const report = () => {
      const borders = element.offsetHeight - element.clientHeight;
      const height = header.offsetHeight + (body.hidden ? 0 : body.scrollHeight) + borders;
      const width = Math.ceil(element.getBoundingClientRect().width);
      if (`${width}x${height}` === last) return;
      last = `${width}x${height}`;
      link.send({ kind: 'size', width, height });
    };
    report();
    // Test DOMs (jsdom) have no layout and no ResizeObserver.
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(report);
    observer.observe(element);
    observer.observe(content);
    return () => observer.disconnect();
  }, [link]);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0 || (e.target as Element).closest('button, select, input, a')) return;
    drag.current = e.pointerId;
    e.currentTarget.setPointerCapture(e.pointerId);
    link.send({ kind: 'drag', phase: 'start', screenX: e.screenX, screenY: e.screenY });
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (drag.current !== e.pointerId) return;
    link.send({ kind: 'drag', phase: 'move', screenX: e.screenX, screenY: e.screenY });
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    if (drag.current !== e.pointerId) return;
    drag.current = undefined;
    link.send({ kind: 'drag', phase: 'end', screenX: e.screenX, screenY: e.screenY });
  };
  const onMoveKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!delta) return;
    e.preventDefault();
    link.send({ kind: 'move', dx: delta[0]!, dy: delta[1]! });
  };

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    link.send({ kind: 'collapse', collapsed: next });
  };

  const route = snap.page?.route ?? '';
  const env: PanelEnv = { site, route, link, pack };
  return (
    <section
      ref={panelRef}
      className="panel"
      data-testid="submit-helper-panel"
      data-site={site.id}
      data-route={route}
      data-collapsed={collapsed}
      aria-label={i18n.t('panel.title')}
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
        <div ref={contentRef}>
          {features.map(({ id, Section }) => (Section ? <Section key={id} env={env} /> : null))}
        </div>
      </div>
    </section>
  );
}
