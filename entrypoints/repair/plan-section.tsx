import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { t } from '@/components/i18n';
import { formatBytes, formatDuration, type Lang } from '@/lib/checks/messages';
import { formatClock } from '@/lib/media/clock';
import type { RepairPlan } from '@/lib/media/plan';
import { bitrateText, blockedText, issueText } from './texts';

/** What is wrong against the rules and what the repair will do; the trim and run controls go below (children). */
export function PlanSection({ plan, maxDurationSec, lang, children }: {
  plan: RepairPlan;
  maxDurationSec: number | undefined;
  lang: Lang;
  children?: ReactNode;
}) {
  return (
    <section className="repair__card" aria-labelledby="repair-plan-heading" data-testid="repair-plan" data-kind={plan.kind}>
      <h2 id="repair-plan-heading">{i18n.t('repair.issues.heading')}</h2>
      {plan.issues.length === 0 ? (
        <p>{i18n.t('repair.issues.none')}</p>
      ) : (
        <ul className="repair__issues">
          {plan.issues.map((issue) => (
            <li key={issue.code} data-issue={issue.code} className={`repair__issue repair__issue--${issue.severity}`}>
              {issueText(issue, lang)}
            </li>
          ))}
        </ul>
      )}
      <h2>{i18n.t('repair.plan.heading')}</h2>
      {plan.kind === 'none' && <p>{i18n.t('repair.plan.none')}</p>}
      {plan.kind === 'blocked' && <p role="alert" className="repair__error">{blockedText(plan, lang)}</p>}
      {plan.kind === 'remux' && <p>{i18n.t('repair.plan.remux')}</p>}
      {plan.kind === 'reencode' && <ReencodePlan plan={plan} maxDurationSec={maxDurationSec} lang={lang} />}
      {children}
    </section>
  );
}

function ReencodePlan({ plan, maxDurationSec, lang }: { plan: Extract<RepairPlan, { kind: 'reencode' }>; maxDurationSec: number | undefined; lang: Lang }) {
  const estimate = plan.estimatedBytes !== undefined ? formatBytes(plan.estimatedBytes, lang) : i18n.t('repair.facts.unknown');
  return (
    <>
      <p>
        {t('repair.plan.reencode', [`${plan.width}×${plan.height}`, plan.fps, bitrateText(plan.videoBitrate), estimate])}{' '}
        {plan.audio === 'copy' && i18n.t('repair.plan.audioCopy')}
        {plan.audio === 'encode' && t('repair.plan.audioEncode', [bitrateText(plan.audioBitrate)])}
        {plan.audio === 'none' && i18n.t('repair.plan.audioNone')}
      </p>
      {plan.frame?.mode === 'pad' && <p data-testid="repair-frame">{t('repair.plan.fitPad', [`${plan.frame.scaledWidth}×${plan.frame.scaledHeight}`, `${plan.width}×${plan.height}`])}</p>}
      {plan.frame?.mode === 'crop' && <p data-testid="repair-frame">{t('repair.plan.fitCrop', [`${plan.frame.scaledWidth}×${plan.frame.scaledHeight}`, `${plan.width}×${plan.height}`])}</p>}
      {plan.fitChoices && !plan.frame && <p data-testid="repair-frame">{i18n.t('repair.plan.fitScale')}</p>}
      {plan.trim && (
        <p>
          {t('repair.plan.trim', [formatClock(plan.trim.startSec), formatClock(plan.trim.endSec), formatDuration(plan.trim.endSec - plan.trim.startSec, lang)])}
          {plan.trimSuggested && <> {t('repair.plan.trimSuggested', [formatDuration(maxDurationSec ?? 0, lang)])}</>}
        </p>
      )}
    </>
  );
}
