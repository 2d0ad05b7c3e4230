import ReactDOM from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelLink } from '@/lib/panel/link';
import { PORT_PREFIX, portChannel, type ToFrame, type ToPage } from '@/lib/panel/protocol';
import { loadActivePack } from '@/lib/rules/active';
import { detectSite } from '@/lib/sites';
import { serveChecks } from './checks';
import { Panel } from './panel';
import './panel.css';

// The content script that made this frame names its port with the token in the frame's URL. Any other port (another
// tab's panel, another frame of this tab) is not ours to answer. Registered before the first await: the content
// script connects at the frame's load event.
const token = location.hash.slice(1);
const root = ReactDOM.createRoot(document.getElementById('root')!);
const pack = loadActivePack();
let current: PanelLink | undefined;

browser.runtime.onConnect.addListener((port) => {
  if (!token || port.name !== PORT_PREFIX + token) return;
  const sender = port.sender;
  // Only the top frame of a tab runs the panel's content script, on one of the sites it matches.
  const site = sender?.url && sender.tab && sender.frameId === 0 && sender.id === browser.runtime.id
    ? detectSite(new URL(sender.url).hostname) : undefined;
  if (!site) {
    port.disconnect();
    return;
  }
  current?.close();
  const channel = portChannel<ToFrame, ToPage>(port);
  const link = new PanelLink(channel);
  current = link;
  const stopChecks = serveChecks(channel);
  port.onDisconnect.addListener(() => {
    link.close();
    stopChecks();
  });
  void pack.then((loaded) => {
    if (current === link) root.render(<Panel site={site} link={link} pack={loaded} />);
  });
});
