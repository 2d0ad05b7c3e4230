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
    ui.autoMount();
  },
});
