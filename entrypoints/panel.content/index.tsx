import ReactDOM from 'react-dom/client';
import { CONTENT_MATCHES, detectSite } from '@/lib/sites';
import { Panel } from './panel';
import './panel.css';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const site = detectSite(location.hostname);
    if (!site) return;
    const ui = await createShadowRootUi(ctx, {
      name: 'submit-helper-panel',
      position: 'inline',
      anchor: 'body',
      // Keys typed in the panel must not reach the page's own shortcuts.
      isolateEvents: true,
      onMount(container) {
        const root = ReactDOM.createRoot(container);
        root.render(<Panel site={site} ctx={ctx} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
    // Some sites replace <body>'s children wholesale (`body.innerHTML = …`, a framework mounting on body). Put the
    // same host back: its React tree, and so the fill in progress and the undo, live on inside it.
    // Only <html>'s and <body>'s own children are watched: the host is a child of <body>, and a subtree observer
    // would run on every change of the site's form.
    let body = document.body;
    const observer = new MutationObserver(() => {
      if (document.body && document.body !== body) {
        body = document.body;
        observer.observe(body, { childList: true });
      }
      if (!ui.shadowHost.isConnected && document.body) document.body.append(ui.shadowHost);
    });
    observer.observe(document.documentElement, { childList: true });
    observer.observe(body, { childList: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      ui.remove();
    });
  },
});
