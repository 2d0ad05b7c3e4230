import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { FieldInfo, FillAttribute, FillRole } from '@/lib/autofill';
import type { LinkSnapshot, PanelLink } from '@/lib/panel/link';
import type { PageView } from '@/lib/panel/protocol';
import type { Category } from '@/lib/rules/schema';
import { roleKey } from './selection';
import { choicesFor } from './taught';

const ROLES: FillRole[] = ['work', 'author[0]', 'author[1]', 'author[2]', 'contact', 'leader'];

/**
 * Teach mode: "指定字段", then a click on the page picks a field, and the teacher says whose what it is. The mapping
 * is stored per host and route and wins over the heuristics from then on.
 */
export function TeachMode({ link, snap, view, category }: {
  link: PanelLink; snap: LinkSnapshot; view: PageView; category: Category | undefined;
}) {
  const picking = snap.picking;
  const [picked, setPicked] = useState<FieldInfo>();
  const [role, setRole] = useState<FillRole>('work');
  const [attribute, setAttribute] = useState<FillAttribute | 'ignore'>('workTitle');
  const [saved, setSaved] = useState<string>();

  // The page side does the pointing (the click is on the page) and sends back the field, as plain data.
  const pick = snap.picked;
  useEffect(() => {
    if (!pick) return;
    const field = pick.field;
    setPicked(field);
    setRole(field.role ?? 'work');
    setAttribute(field.attribute ?? (field.role && field.role !== 'work' ? 'name' : 'workTitle'));
  }, [pick]);

  const save = () => {
    if (!picked) return;
    link.teach({
      host: view.host,
      path: view.route,
      locator: picked.locator,
      attribute,
      ...(attribute === 'ignore' ? {} : { role }),
    });
    setSaved(picked.label);
    setPicked(undefined);
  };

  const workFields = (category?.fields ?? []).map((f) => ({ id: f.id, label: f.label }));
  const choices = choicesFor(role, workFields);
  const taughtHere = view.taught.filter((m) => m.host === view.host && m.path === view.route).length;

  return (
    <div className="fill__teach" data-testid="fill-teach">
      <div className="fill__actions">
        <button type="button" aria-pressed={picking} data-testid="teach-start" onClick={() => {
          setPicked(undefined);
          setSaved(undefined);
          link.send({ kind: 'pick', on: !picking });
        }}>
          {picking ? i18n.t('fill.teach.cancel') : i18n.t('fill.teach.start')}
        </button>
        {taughtHere > 0 && (
          <button type="button" data-testid="teach-forget" onClick={() => link.send({ kind: 'forget' })}>
            {i18n.t('fill.teach.forget', [String(taughtHere)])}
          </button>
        )}
      </div>
      {picking && <p className="fill__note" role="status">{i18n.t('fill.teach.hint')}</p>}
      {saved !== undefined && <p className="fill__note" role="status">{i18n.t('fill.teach.saved', [saved])}</p>}
      {picked && (
        <form className="fill__teach-form" data-testid="teach-form" onSubmit={(e) => {
          e.preventDefault();
          save();
        }}>
          <p className="fill__field">{i18n.t('fill.teach.picked', [picked.label || i18n.t('fill.unlabelled')])}</p>
          <label>
            {i18n.t('fill.teach.whose')}
            <select data-testid="teach-role" value={role} onChange={(e) => {
              const next = e.target.value as FillRole;
              setRole(next);
              setAttribute(choicesFor(next, workFields)[0]!.attribute);
            }}>
              {ROLES.map((r) => <option key={r} value={r}>{i18n.t(`fill.role.${roleKey(r)}` as 'fill.role.work')}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('fill.teach.what')}
            <select data-testid="teach-attribute" value={attribute}
              onChange={(e) => setAttribute(e.target.value as FillAttribute | 'ignore')}>
              {choices.map((c) => (
                <option key={c.attribute} value={c.attribute}>
                  {c.label ?? i18n.t(`fill.attr.${c.attribute}` as 'fill.attr.name')}
                </option>
              ))}
              <option value="ignore">{i18n.t('fill.teach.ignore')}</option>
            </select>
          </label>
          <div className="fill__actions">
            <button type="submit" data-testid="teach-save">{i18n.t('fill.teach.save')}</button>
            <button type="button" onClick={() => setPicked(undefined)}>{i18n.t('fill.teach.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
