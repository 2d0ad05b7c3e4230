import { render } from '@testing-library/react';
import { onTestFinished } from 'vitest';
import type { PageFeature, PanelFeature } from '@/entrypoints/panel.content/features/define';
import { PageSide } from '@/entrypoints/panel.content/page-side';
import { Panel } from '@/entrypoints/panel-frame/panel';
import { checkChosenFile } from '@/lib/guard';
import { PanelLink } from '@/lib/panel/link';
import { localChannels, type ToPage } from '@/lib/panel/protocol';
import { currentPack } from '@/lib/rules';
import type { SiteAdapter } from '@/lib/sites';

/** A content-script context for jsdom: listeners straight on their targets, never invalidated. */
export function makeCtx() {
  return {
    addEventListener: (target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) =>
      target.addEventListener(type, handler, options),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    onInvalidated: () => () => undefined,
    isValid: true,
  };
}

/**
 * Both halves of the panel in one jsdom document: the page side reading `document`, the frame's panel rendered into
 * `submit-helper-panel` (which the page side ignores, as it ignores the real frame's host), joined by an in-memory
 * channel that copies every message as JSON, like a runtime Port.
 */
export function mountPanel(site: SiteAdapter, features: readonly PanelFeature[], layers: readonly PageFeature[] = [],
  options: { startGuard?: boolean } = {}) {
  const ctx = makeCtx();
  const layout: ToPage[] = [];
  const side = new PageSide({ site, ctx: ctx as never }, document, {
    onLayout: (message) => layout.push(message),
    // In jsdom the check runs here; on the site it runs in the frame's workers (frame-checker.ts).
    checker: { check: (file, slot, route) => checkChosenFile(file, slot, { route }), receive: () => undefined },
  });
  // A side left running would go on reading the page after jsdom's teardown.
  onTestFinished(() => side.stop());
  const [pageEnd, frameEnd] = localChannels();
  const link = new PanelLink(frameEnd);
  side.attach(pageEnd);
  if (options.startGuard) void side.startGuard();
  const host = document.body.appendChild(document.createElement('submit-helper-panel'));
  const env = { site, ctx: ctx as never, side };
  const result = render(
    <>
      <Panel site={site} link={link} pack={currentPack()} features={features} />
      {layers.map(({ id, Layer }) => <Layer key={id} env={env} />)}
    </>,
    { container: host },
  );
  return { ...result, side, link, layout };
}
