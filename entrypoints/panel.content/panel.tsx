import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { SiteAdapter } from '@/lib/sites';
import { PANEL_FEATURES, type PanelEnv, type PanelFeature } from './features';

export interface PanelProps {
  site: SiteAdapter;
  ctx: PanelEnv['ctx'];
  features?: readonly PanelFeature[];
}

/** The on-site panel: a small card in the page's corner holding one section per feature. */
export function Panel({ site, ctx, features = PANEL_FEATURES }: PanelProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [route, setRoute] = useState(() => location.pathname + location.hash);

  useEffect(() => {
    // Hash-routed single-page apps change views without a reload; follow them.
    const update = () => setRoute(location.pathname + location.hash);
    ctx.addEventListener(window, 'wxt:locationchange', update);
    ctx.addEventListener(window, 'hashchange', update);
  }, [ctx]);

  const env: PanelEnv = { site, ctx, route };
  return (
    <section
      className="panel"
      data-testid="submit-helper-panel"
      data-site={site.id}
      data-route={route}
      aria-label={i18n.t('panel.title')}
    >
      <header className="panel__header">
        <h2 className="panel__title">{i18n.t('panel.title')}</h2>
        <button
          type="button"
          className="panel__toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? i18n.t('panel.expand') : i18n.t('panel.collapse')}
          onClick={() => setCollapsed((c) => !c)}
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
