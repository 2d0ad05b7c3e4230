import { i18n } from '#i18n';
import type { FitMode } from '@/lib/media/plan';

/** The choice for a portrait video in a landscape frame: bars (default), cut top and bottom, or keep it portrait. */
export function FitFieldset({ choices, value, onChange, busy }: {
  choices: readonly FitMode[];
  value: FitMode;
  onChange: (mode: FitMode) => void;
  busy: boolean;
}) {
  return (
    <fieldset className="repair__fit" disabled={busy} data-testid="repair-fit">
      <legend>{i18n.t('repair.fit.legend')}</legend>
      {choices.map((mode) => (
        <label key={mode}>
          <input type="radio" name="repair-fit" value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          {i18n.t(`repair.fit.${mode}`)}
        </label>
      ))}
    </fieldset>
  );
}
