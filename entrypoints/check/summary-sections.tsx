import { useId } from 'react';
import { i18n } from '#i18n';
import { FindingList } from '@/components/finding-list';
import { t } from '@/components/i18n';
import { VerdictBadge } from '@/components/verdict-badge';
import type { CheckReport } from '@/lib/checks';
import type { Lang } from '@/lib/checks/messages';
import type { Category } from '@/lib/rules';

/** The verdict over everything, with the report export. */
export function OverallSection({ report, busy, onExport }: { report: CheckReport; busy: boolean; onExport: () => void }) {
  const id = useId();
  return (
    <section className={`overall overall--${report.verdict}`} data-testid="check-overall" data-verdict={report.verdict} aria-labelledby={id}>
      <h2 id={id}>
        {i18n.t('check.overall.heading')} <VerdictBadge verdict={report.verdict} />
      </h2>
      <p>{t(`check.overall.${report.verdict}`)}</p>
      <button type="button" onClick={onExport} disabled={busy}>{i18n.t('check.export')}</button>
    </section>
  );
}

/** Required materials no file was found for. */
export function MissingSection({ report, category, lang }: { report: CheckReport; category: Category; lang: Lang }) {
  const id = useId();
  if (report.missing.length === 0) return null;
  return (
    <section className="missing" data-testid="check-missing" aria-labelledby={id}>
      <h2 id={id}>{i18n.t('check.missing.heading')}</h2>
      <ul>
        {report.missing.map((m) => {
          const slot = category.slots.find((s) => s.id === m.slot);
          return <li key={m.slot}>{slot && lang === 'en' ? slot.labelEn : m.label}</li>;
        })}
      </ul>
    </section>
  );
}

/** Findings about the submission as a whole (total size, counts), not about one file. */
export function WholeSection({ report, lang }: { report: CheckReport; lang: Lang }) {
  const id = useId();
  const findings = report.findings.filter((f) => f.code !== 'slot_missing');
  if (findings.length === 0) return null;
  return (
    <section className="whole" data-testid="check-whole" aria-labelledby={id}>
      <h2 id={id}>{i18n.t('check.whole.heading')}</h2>
      <FindingList findings={findings} lang={lang} />
    </section>
  );
}
