import { useEffect, useState } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import type { SiteAdapter } from '@/lib/sites';

export interface PanelProps {
  site: SiteAdapter;
  ctx: Pick<ContentScriptContext, 'addEventListener'>;
}

/** The on-site panel: a small card in the page's corner. */
export function Panel({ site, ctx }: PanelProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [route, setRoute] = useState(() => location.pathname + location.hash);

  useEffect(() => {
    // Hash-routed single-page apps change views without a reload; follow them.
    const update = () => setRoute(location.pathname + location.hash);
    ctx.addEventListener(window, 'wxt:locationchange', update);
    ctx.addEventListener(window, 'hashchange', update);
  }, [ctx]);

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
      {!collapsed && (
        <div className="panel__body">
          <p className="panel__status" role="status">{i18n.t('panel.enabled')}</p>
          <p className="panel__site">
            {i18n.t('panel.site')}：<span data-testid="panel-site">{i18n.t(`sites.${site.id}`)}</span>
          </p>
        </div>
      )}
    </section>
  );
}
