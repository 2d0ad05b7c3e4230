import { i18n } from '#i18n';
import type { Trim } from './use-trim';

/** Keep only part of the video: start and end as 时:分:秒, flagged while they do not parse. */
export function TrimFieldset({ trim, busy }: { trim: Trim; busy: boolean }) {
  return (
    <fieldset className="repair__trim" disabled={busy}>
      <legend>{i18n.t('repair.trim.legend')}</legend>
      <label>
        <input type="checkbox" checked={trim.on} onChange={(e) => trim.setOn(e.target.checked)} data-testid="repair-trim" />
        {i18n.t('repair.trim.enable')}
      </label>
      {trim.on && (
        <div className="repair__trim-times">
          <label>
            <span>{i18n.t('repair.trim.start')}</span>
            <input value={trim.start} inputMode="numeric" onChange={(e) => trim.setStart(e.target.value)} aria-invalid={trim.startSec === undefined} />
          </label>
          <label>
            <span>{i18n.t('repair.trim.end')}</span>
            <input value={trim.end} inputMode="numeric" onChange={(e) => trim.setEnd(e.target.value)} aria-invalid={trim.endSec === undefined} />
          </label>
          {!trim.valid && <p role="alert" className="repair__error">{i18n.t('repair.trim.invalid')}</p>}
        </div>
      )}
    </fieldset>
  );
}
