import { i18n } from '#i18n';
import { FindingList } from '@/components/finding-list';
import { t } from '@/components/i18n';
import { formatBytes, formatDuration, type Lang } from '@/lib/checks/messages';
import type { EngineId } from '@/lib/media/engine';
import type { ProgressView } from '@/lib/media/progress';
import { engineName } from './texts';
import type { RunState } from './use-repair-run';

/** The repair's progress, its cancel or failure, and the re-checked result with its download. */
export function RunResult({ run, lang }: { run: RunState; lang: Lang }) {
  switch (run.phase) {
    case 'running':
      return <Progress view={run.view} engine={run.engine} fellBack={run.fellBack} lang={lang} />;
    case 'checking':
      return <p role="status">{i18n.t('repair.checking')}</p>;
    case 'cancelled':
      return <p role="status" data-testid="repair-cancelled">{i18n.t('repair.cancelled')}</p>;
    case 'failed':
      return <p role="alert" className="repair__error" data-testid="repair-failed">{t('repair.failed', [run.message])}</p>;
    case 'done':
      return <Result run={run} lang={lang} />;
    case 'idle':
      return null;
  }
}

function Progress({ view, engine, fellBack, lang }: { view: ProgressView; engine?: EngineId | undefined; fellBack?: { from: EngineId; to: EngineId } | undefined; lang: Lang }) {
  const percent = Math.floor(view.fraction * 100);
  return (
    <section className="repair__card repair__progress" data-testid="repair-progress" data-percent={percent}>
      {engine && <p>{t('repair.engine.using', [engineName(engine)])}</p>}
      {fellBack && <p role="status">{t('repair.engine.fellBack', [engineName(fellBack.from), engineName(fellBack.to)])}</p>}
      <progress max={100} value={percent} aria-label={i18n.t('repair.progress.label')} aria-valuetext={`${percent}%`} />
      <p className="repair__progress-line">
        <strong>{percent}%</strong>
        <span>{t('repair.progress.elapsed', [formatDuration(view.elapsedMs / 1000, lang)])}</span>
        <span>
          {view.remainingMs !== undefined ? t('repair.progress.remaining', [formatDuration(view.remainingMs / 1000, lang)]) : i18n.t('repair.progress.estimating')}
        </span>
        {view.speed !== undefined && <span>{t('repair.progress.speed', [view.speed.toFixed(1)])}</span>}
      </p>
    </section>
  );
}

function Result({ run, lang }: { run: Extract<RunState, { phase: 'done' }>; lang: Lang }) {
  const ok = run.verdict === 'pass' || run.verdict === 'warn';
  return (
    <section className="repair__card" aria-labelledby="repair-result-heading" data-testid="repair-result" data-verdict={run.verdict} data-engine={run.engine} data-ms={run.ms}>
      <h2 id="repair-result-heading">{i18n.t('repair.result.heading')}</h2>
      <p>{t('repair.result.stats', [formatBytes(run.size, lang), formatDuration(run.ms / 1000, lang, true), engineName(run.engine)])}</p>
      {ok ? <p role="status">{i18n.t('repair.result.pass')}</p> : <p role="alert" className="repair__error">{i18n.t('repair.result.fail')}</p>}
      <FindingList findings={run.findings} lang={lang} hidePass />
      {ok && (
        <a className="repair__download" href={run.url} download={run.name} data-testid="repair-download">
          {t('repair.result.download', [run.name])}
        </a>
      )}
    </section>
  );
}
