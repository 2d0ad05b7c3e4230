import { i18n } from '#i18n';
import { currentPack } from '@/lib/rules';

/** The options page; profiles, teams and drafts are edited here. */
export function Options() {
  const pack = currentPack();
  return (
    <main className="options">
      <h1>{i18n.t('options.heading')}</h1>
      <p>{i18n.t('options.intro')}</p>
      <p data-testid="rule-pack">{i18n.t('options.rulePack', [pack.activity, pack.version])}</p>
      <p>{i18n.t('options.categories', [String(pack.categories.length)])}</p>
    </main>
  );
}
