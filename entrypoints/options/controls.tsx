import { i18n } from '#i18n';
import { useId, useState, type ReactNode } from 'react';
import { MAX_TEAM_AUTHORS, PROFILE_ERROR_CODES, type ProfileErrorCode } from '@/lib/profile';

/** The words for a validation code, shown under the field. */
export function errorText(code: ProfileErrorCode): string {
  switch (code) {
    case 'required':
      return i18n.t('profile.errors.required');
    case 'tooLong':
      return i18n.t('profile.errors.tooLong');
    case 'mobile':
      return i18n.t('profile.errors.mobile');
    case 'landline':
      return i18n.t('profile.errors.landline');
    case 'email':
      return i18n.t('profile.errors.email');
    case 'bookTitleMarks':
      return i18n.t('profile.errors.bookTitleMarks');
    case 'tooManyAuthors':
      return i18n.t('profile.errors.tooManyAuthors', [String(MAX_TEAM_AUTHORS)]);
    case 'duplicateAuthor':
      return i18n.t('profile.errors.duplicateAuthor');
    case 'date':
      return i18n.t('profile.errors.date');
    case 'time':
      return i18n.t('profile.errors.time');
    case 'invalid':
      return i18n.t('profile.errors.invalid');
  }
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: ProfileErrorCode | string;
  /** Text under the input that is neither hint nor error (a 字数 counter). */
  extra?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its error right under it, wired for screen readers. */
export function Field({ label, hint, error, extra, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const extraId = `${id}-extra`;
  const describedBy = [hint && hintId, extra && extraId, error && errorId].filter(Boolean).join(' ') || undefined;
  const message = error ? ((PROFILE_ERROR_CODES as readonly string[]).includes(error) ? errorText(error as ProfileErrorCode) : error) : '';
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      {extra && <div id={extraId}>{extra}</div>}
      {error && <p className="error" id={errorId}>{message}</p>}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: ProfileErrorCode | string;
  type?: 'text' | 'tel' | 'email' | 'date' | 'time';
  required?: boolean;
  name?: string;
  multiline?: boolean;
  extra?: ReactNode;
  inputMode?: 'tel' | 'email' | 'text';
}

export function TextField({ label, value, onChange, type = 'text', multiline, required, name, inputMode, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={rest.hint} error={rest.error} extra={rest.extra}>
      {(props) =>
        multiline ? (
          <textarea {...props} name={name} value={value} rows={5} required={required} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...props}
            name={name}
            type={type}
            inputMode={inputMode}
            value={value}
            required={required}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** Deleting asks once, inline; focus lands on Cancel so a stray Enter does not delete. */
export function ConfirmDelete({ name, warning, onConfirm }: { name: string; warning?: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {i18n.t('optionsPage.delete')}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={i18n.t('optionsPage.confirmDelete', [name])}>
      <span>{i18n.t('optionsPage.confirmDelete', [name])}</span>
      {warning && <span className="hint"> {warning}</span>}
      <button type="button" className="danger" onClick={onConfirm}>
        {i18n.t('optionsPage.confirmYes')}
      </button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        {i18n.t('optionsPage.cancel')}
      </button>
    </div>
  );
}

/** Save feedback, announced politely. */
export function Status({ text, kind }: { text: string; kind: 'ok' | 'error' | 'none' }) {
  return (
    <p className={`status status-${kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** A list of records to pick from, plus the "new" button. */
export function RecordList<T extends { id: string }>(props: {
  label: string;
  items: T[];
  selected?: string;
  describe: (item: T) => string;
  onSelect: (id: string) => void;
  onNew: () => void;
  newLabel: string;
  empty: string;
}) {
  return (
    <nav className="record-list" aria-label={props.label}>
      <button type="button" className="primary" onClick={props.onNew}>
        {props.newLabel}
      </button>
      {props.items.length === 0 ? (
        <p className="hint">{props.empty}</p>
      ) : (
        <ul>
          {props.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={props.selected === item.id ? 'true' : undefined}
                onClick={() => props.onSelect(item.id)}
              >
                {props.describe(item)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
