import { i18n } from '#i18n';
import type { FillAction } from '@/lib/autofill';
import { actionKey, codeKey, roleKey } from './selection';

function shown(value: string | string[]): string {
  return Array.isArray(value) ? value.join('、') : value;
}

/** The plan as a list the teacher can untick; lines that will not run say why. */
export function Preview({ plan, unticked, onToggle }: {
  plan: readonly FillAction[];
  unticked: ReadonlySet<string>;
  onToggle: (action: FillAction) => void;
}) {
  return (
    <ul className="fill__preview" data-testid="fill-preview" aria-label={i18n.t('fill.preview')}>
      {plan.map((action) => {
        const key = actionKey(action);
        const role = i18n.t(`fill.role.${roleKey(action.role)}` as 'fill.role.work');
        const label = action.field.label || i18n.t('fill.unlabelled');
        return (
          <li key={key} data-key={key} data-skip={action.skip ?? ''} className={action.skip ? 'is-skipped' : ''}>
            <label>
              <input type="checkbox" disabled={action.skip !== undefined}
                checked={action.skip === undefined && !unticked.has(key)} onChange={() => onToggle(action)} />
              <span className="fill__field">
                {action.role === 'work' ? label : `${role} · ${label}`}
                {action.reason.roleSource === 'taught' && <span className="fill__taught">{i18n.t('fill.taughtMark')}</span>}
              </span>
              <span className="fill__value">
                {action.skip
                  ? i18n.t(`fill.skip.${codeKey(action.skip)}` as 'fill.skip.tooLong', [String(action.limit ?? '')])
                  : `→ ${shown(action.value)}`}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
