import { i18n } from '#i18n';
import { definePanelFeature } from './define';

/** Says the extension is on and which site it recognised. */
export default definePanelFeature({
  id: 'status',
  Section: ({ env }) => (
    <div className="feature feature--status">
      <p className="panel__status" role="status">{i18n.t('panel.enabled')}</p>
      <p className="panel__site">
        {i18n.t('panel.site')}：<span data-testid="panel-site">{i18n.t(`sites.${env.site.id}`)}</span>
      </p>
    </div>
  ),
});
