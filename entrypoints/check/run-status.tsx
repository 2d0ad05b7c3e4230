import { useId } from 'react';
import { i18n } from '#i18n';
import type { RunState } from './use-check-run';

/** Progress with cancel while checking; what happened when a run was cancelled or failed. */
export function RunStatus({ run, onCancel, onRestart }: { run: RunState; onCancel: () => void; onRestart: () => void }) {
  const id = useId();
  switch (run.phase) {
    case 'running':
      return (
        <div className="progress" data-testid="check-progress">
          <label htmlFor={id}>{i18n.t('check.progress.text', [String(run.done), String(run.total)])}</label>
          <progress id={id} value={run.done} max={run.total} aria-label={i18n.t('check.progress.label')} />
          <button type="button" onClick={onCancel}>{i18n.t('check.progress.cancel')}</button>
        </div>
      );
    case 'cancelled':
      return (
        <p className="notice" role="status">
          {i18n.t('check.progress.cancelled')}{' '}
          <button type="button" onClick={onRestart}>{i18n.t('check.progress.restart')}</button>
        </p>
      );
    case 'failed':
      return <p className="notice notice--error" role="alert">{i18n.t('check.failed', [run.message])}</p>;
    case 'idle':
      return null;
  }
}
