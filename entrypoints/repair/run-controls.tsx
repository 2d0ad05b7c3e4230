import { i18n } from '#i18n';
import { t } from '@/components/i18n';
import { formatBytes, type Lang } from '@/lib/checks/messages';
import { expectedOutputBytes, type EngineChoice, type EngineId, type RepairEngine, type Refusal, type WorkPlan } from '@/lib/media/engine';
import type { RepairProbe } from '@/lib/media/plan';
import { engineName } from './texts';

export interface RunControlsProps {
  engines: readonly RepairEngine[];
  pinned: EngineId | 'auto';
  onPin: (id: EngineId | 'auto') => void;
  choices: EngineChoice[] | null;
  probe: RepairProbe;
  work: WorkPlan;
  busy: boolean;
  /** The trim times do not parse: nothing to start until they do. */
  blocked: boolean;
  lang: Lang;
  onStart: () => void;
  onCancel: () => void;
}

/** How to run the repair (automatic or one engine), which engines would take it, and start / cancel. */
export function RunControls({ engines, pinned, onPin, choices, probe, work, busy, blocked, lang, onStart, onCancel }: RunControlsProps) {
  const usable = choices?.filter((c) => !c.refusal) ?? [];
  const tooLarge = choices && usable.length === 0 ? choices.find((c) => c.refusal?.code === 'too_large')?.refusal : undefined;
  return (
    <div className="repair__run">
      <label className="repair__field">
        <span>{i18n.t('repair.engine.label')}</span>
        <select value={pinned} disabled={busy} onChange={(e) => onPin(e.target.value as EngineId | 'auto')} data-testid="repair-engine">
          <option value="auto">{i18n.t('repair.engine.auto')}</option>
          {engines.map((e) => <option key={e.id} value={e.id}>{engineName(e.id)}</option>)}
        </select>
      </label>
      {choices && <EngineOrder choices={choices} />}
      {tooLarge && (
        <p role="alert" className="repair__error" data-testid="repair-too-large">
          {t('repair.tooLarge', [
            formatBytes(Math.max(expectedOutputBytes(probe, work), Number(tooLarge.params.bytes)), lang),
            formatBytes(Number(tooLarge.params.max), lang),
          ])}
        </p>
      )}
      {choices && usable.length === 0 && !tooLarge && <p role="alert" className="repair__error">{i18n.t('repair.noEngine')}</p>}
      <div className="repair__buttons">
        <button type="button" onClick={onStart} disabled={busy || usable.length === 0 || blocked} data-testid="repair-start">
          {i18n.t('repair.start')}
        </button>
        {busy && <button type="button" onClick={onCancel} data-testid="repair-cancel">{i18n.t('repair.cancel')}</button>}
      </div>
    </div>
  );
}

function refusalText(refusal: Refusal): string {
  if (refusal.code === 'codec') return t('repair.engine.codec', [String(refusal.params.codec)]);
  if (refusal.code === 'too_large') return i18n.t('repair.engine.tooLarge');
  if (refusal.params.reason === 'WebCodecs') return i18n.t('repair.engine.noWebCodecs');
  if (refusal.params.reason === 'isolation') return i18n.t('repair.engine.notIsolated');
  return i18n.t('repair.engine.unavailable');
}

/** The engines in the order they will be tried, each with why it will not take this job. */
function EngineOrder({ choices }: { choices: EngineChoice[] }) {
  return (
    <ul className="repair__engines" aria-label={i18n.t('repair.engine.label')} data-testid="repair-engine-order" data-first={choices.find((c) => !c.refusal)?.engine.id}>
      {choices.map((c) => (
        <li key={c.engine.id} data-engine={c.engine.id} data-ok={!c.refusal}>
          {engineName(c.engine.id)}
          {c.refusal && <span className="repair__muted">{' — '}{refusalText(c.refusal)}</span>}
        </li>
      ))}
    </ul>
  );
}
