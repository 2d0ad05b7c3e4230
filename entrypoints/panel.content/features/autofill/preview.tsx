import { i18n } from '#i18n';
import type { FillAction } from '@/lib/autofill';
import { actionKey, codeKey, roleKey } from './selection';

function shown(value: string | string[]): string {
  return Array.isArray(value) ? value.join('、') : value;
}

/**
 * The plan as a list the teacher can untick; lines that will not run say why. Fields in closed sections (a closed
 * <details>, a hidden tab, a collapsed panel) come last under 展开后可填: never filled until opened.
 */
export function Preview({ plan, unticked, onToggle }: {
  plan: readonly FillAction[];
  unticked: ReadonlySet<string>;
  onToggle: (action: FillAction) => void;
}) {
  const closed = plan.filter((action) => action.skip === 'collapsed');
  return (
    <>
      <Lines plan={plan.filter((action) => action.skip !== 'collapsed')} unticked={unticked} onToggle={onToggle}
        testId="fill-preview" label={i18n.t('fill.preview')} />
      {closed.length > 0 && (
        <Lines plan={closed} unticked={unticked} onToggle={onToggle} testId="fill-collapsed"
          label={i18n.t('fill.collapsedGroup', [String(closed.length)])} />
      )}
    </>
  );
}

function Lines({ plan, unticked, onToggle, testId, label }: {
  plan: readonly FillAction[];
  unticked: ReadonlySet<string>;
  onToggle: (action: FillAction) => void;
  testId: string;
  label: string;
}) {
  return (
    <ul className="fill__preview" data-testid={testId} aria-label={label}>
      {testId === 'fill-collapsed' && <li className="fill__group" aria-hidden="true">{label}</li>}
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
