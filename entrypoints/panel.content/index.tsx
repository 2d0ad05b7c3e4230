import ReactDOM from 'react-dom/client';
import { CONTENT_MATCHES, detectSite } from '@/lib/sites';
import { PAGE_FEATURES } from './features/page';
import { browser } from 'wxt/browser';
import { FrameChecker } from './frame-checker';
import { mountFrameHost } from './frame-host';
import { PageSide } from './page-side';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const site = detectSite(location.hostname);
    if (!site) return;
    // The panel itself is an extension page in an iframe (frame-host.ts): the teacher's people, teams and drafts
    // live there only. This script reads the page and writes it when the teacher presses 一键填写.
    let frame: ReturnType<typeof mountFrameHost> | undefined;
    // Chosen files are checked in the frame's workers; the frame's origin is the extension's.
    const checker = new FrameChecker(() => frame?.frame.contentWindow ?? null, new URL(browser.runtime.getURL('/')).origin);
    const side = new PageSide({ site, ctx }, document, { onLayout: (message) => frame?.onLayout(message), checker });
    frame = mountFrameHost({ site, ctx }, (channel) => side.attach(channel));
    // An iframe added before the page's load event holds that event back until the frame has loaded too (the
    // page-load bench measured 2.4 s → 6.2 s on the Element UI form). Place it once the page has loaded.
    let placed = false;
    const place = () => {
      placed = true;
      if (frame && document.body) document.body.append(frame.host);
    };
    if (document.readyState === 'complete') place();
    else ctx.addEventListener(window, 'load', place, { once: true });
    void side.startGuard();

    // What features draw on the page (字数 counters, inline upload results): no personal data. Each layer puts its
    // own host on <body>; this root is never attached.
    const layers = ReactDOM.createRoot(document.createElement('div'));
    layers.render(<>{PAGE_FEATURES.map(({ id, Layer }) => <Layer key={id} env={{ site, ctx, side }} />)}</>);

    // Some sites replace <body>'s children wholesale (`body.innerHTML = …`, a framework mounting on body). Put the
    // same host back; the fill in progress and the undo live in this script, the frame reloads and reconnects.
    // Only <html>'s and <body>'s own children are watched: a subtree observer would run on every change of the form.
    let body = document.body;
    const host = frame.host;
    const observer = new MutationObserver(() => {
      if (document.body && document.body !== body) {
        body = document.body;
        observer.observe(body, { childList: true });
      }
      if (placed && !host.isConnected && document.body) document.body.append(host);
    });
    observer.observe(document.documentElement, { childList: true });
    observer.observe(body, { childList: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      layers.unmount();
      side.stop();
      frame?.remove();
    });
  },
});
