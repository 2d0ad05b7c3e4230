import { useId } from 'react';
import { i18n } from '#i18n';
import { inLang } from '@/components/i18n';
import { VerdictBadge } from '@/components/verdict-badge';
import { formatBytes, isSlotRequired, worstVerdict, type Lang } from '@/lib/checks';
import type { Category, Slot } from '@/lib/rules';
import { pickedKey } from './collect';
import { FileItem, isIgnored, type Row, type RowActions } from './file-item';

interface ListProps extends RowActions {
  category: Category;
  rows: Row[];
  lang: Lang;
}

/** Every material the category asks for, with the files assigned to it. */
export function SlotsSection({ category, rows, lang, answers, ...actions }: ListProps & { answers: Readonly<Record<string, boolean>> }) {
  const id = useId();
  return (
    <section className="slots" aria-labelledby={id}>
      <h2 id={id}>{i18n.t('check.slots.heading')}</h2>
      <ul className="slots__list">
        {category.slots.map((slot) => (
          <SlotItem key={slot.id} slot={slot} category={category} answers={answers} rows={rows.filter((r) => r.report.slot === slot.id)} lang={lang} {...actions} />
        ))}
      </ul>
    </section>
  );
}

function countText(slot: Slot): string {
  const min = Math.max(1, slot.minCount);
  if (slot.maxCount === undefined) return i18n.t('check.slots.countMin', [String(min)]);
  if (slot.maxCount === min) return i18n.t('check.slots.countExact', [String(min)]);
  return i18n.t('check.slots.countRange', [String(min), String(slot.maxCount)]);
}

function SlotItem({ slot, category, answers, rows, lang, ...actions }: ListProps & { slot: Slot; answers: Readonly<Record<string, boolean>> }) {
  const required = isSlotRequired(slot, answers);
  const need = required ? i18n.t('check.slots.required') : slot.requiredIf ? i18n.t('check.slots.conditional') : i18n.t('check.slots.optional');
  const label = inLang(lang, slot.label, slot.labelEn);
  const verdict = rows.length > 0 ? worstVerdict(rows.map((r) => r.report.verdict)) : null;
  return (
    <li className="slot" data-testid={`check-slot-${slot.id}`} aria-label={label}>
      <div className="slot__head">
        <h3 className="slot__label">{label}</h3>
        <span className={`slot__need${required ? ' slot__need--required' : ''}`}>{need}</span>
        {verdict && <VerdictBadge verdict={verdict} />}
      </div>
      <p className="slot__meta">
        <span>{i18n.t('check.slots.accepts', [slot.accept.extensions.join(' / ')])}</span>
        <span>{countText(slot)}</span>
        {slot.maxBytes !== undefined && <span>{i18n.t('check.slots.maxBytes', [formatBytes(slot.maxBytes, lang)])}</span>}
      </p>
      {lang === 'zh' && slot.notes.length > 0 && <p className="slot__notes">{slot.notes.join(' ')}</p>}
      {rows.length === 0 ? (
        <p className={`slot__none${required ? ' slot__none--missing' : ''}`}>{i18n.t('check.slots.none')}</p>
      ) : (
        <FileList rows={rows} category={category} lang={lang} {...actions} />
      )}
    </li>
  );
}

function FileList({ rows, category, lang, onReassign, onRemove }: ListProps) {
  return (
    <ul className="files">
      {rows.map((r) => (
        <FileItem key={pickedKey(r.picked)} row={r} category={category} lang={lang} onReassign={onReassign} onRemove={onRemove} />
      ))}
    </ul>
  );
}

/** Files the checks could not place in any slot; the user can assign them. */
export function UnassignedSection({ rows, ...rest }: ListProps) {
  const id = useId();
  const unassigned = rows.filter((r) => r.report.slot === null && !isIgnored(r.report));
  if (unassigned.length === 0) return null;
  return (
    <section className="unassigned" data-testid="check-unassigned" aria-labelledby={id}>
      <h2 id={id}>{i18n.t('check.file.unassigned')}</h2>
      <FileList rows={unassigned} {...rest} />
    </section>
  );
}

/** System files (.DS_Store, Thumbs.db …) left out of the check, listed so nothing disappears silently. */
export function IgnoredSection({ rows }: { rows: Row[] }) {
  const id = useId();
  const ignored = rows.filter((r) => isIgnored(r.report));
  if (ignored.length === 0) return null;
  return (
    <section className="ignored" aria-labelledby={id}>
      <h2 id={id}>{i18n.t('check.file.ignored')}</h2>
      <ul>
        {ignored.map((r) => <li key={pickedKey(r.picked)}>{r.picked.path ?? r.picked.file.name}</li>)}
      </ul>
    </section>
  );
}
