import { i18n } from '#i18n';
import type { ReactNode } from 'react';

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`privacy-${id}`}>
      <h2 id={`privacy-${id}`}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * The privacy page: what the extension stores, where, and that nothing is sent. Linked from the settings; the store
 * listings (locales/store/) say the same. Every sentence is in locales/ (privacy.*).
 */
export function PrivacyPage() {
  return (
    <main className="privacy">
      <h1>{i18n.t('privacy.heading')}</h1>
      <p className="privacy__intro">{i18n.t('privacy.intro')}</p>
      <Section id="stored" heading={i18n.t('privacy.stored.heading')}>
        <ul>
          <li>{i18n.t('privacy.stored.people')}</li>
          <li>{i18n.t('privacy.stored.work')}</li>
          <li>{i18n.t('privacy.stored.fills')}</li>
          <li>{i18n.t('privacy.stored.settings')}</li>
        </ul>
        <p>{i18n.t('privacy.stored.where')}</p>
      </Section>
      <Section id="files" heading={i18n.t('privacy.files.heading')}>
        <p>{i18n.t('privacy.files.text')}</p>
      </Section>
      <Section id="sent" heading={i18n.t('privacy.sent.heading')}>
        <p>{i18n.t('privacy.sent.text')}</p>
      </Section>
      <Section id="sites" heading={i18n.t('privacy.sites.heading')}>
        <p>{i18n.t('privacy.sites.text')}</p>
      </Section>
      <Section id="permissions" heading={i18n.t('privacy.permissions.heading')}>
        <ul>
          <li>{i18n.t('privacy.permissions.storage')}</li>
          <li>{i18n.t('privacy.permissions.alarms')}</li>
          <li>{i18n.t('privacy.permissions.notifications')}</li>
        </ul>
      </Section>
      <Section id="control" heading={i18n.t('privacy.control.heading')}>
        <p>{i18n.t('privacy.control.text')}</p>
      </Section>
      <p>
        <a href="/options.html">{i18n.t('privacy.back')}</a>
      </p>
    </main>
  );
}
