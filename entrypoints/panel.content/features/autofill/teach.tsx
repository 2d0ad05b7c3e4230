import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { DetectedField, FillAttribute, FillRole } from '@/lib/autofill';
import { OWN_UI, type PageSnapshot, type PageState } from '../../page-state';
import type { PanelEnv } from '../define';
import { roleKey } from './selection';
import { choicesFor } from './taught';

const ROLES: FillRole[] = ['work', 'author[0]', 'author[1]', 'author[2]', 'contact', 'leader'];

/** The detected field under a click: its widget root, control, or anything inside (an el-select's wrapper). */
export function fieldAt(fields: readonly DetectedField[], target: Element): DetectedField | undefined {
  let best: DetectedField | undefined;
  for (const field of fields) {
    if (field.element === target || field.element.contains(target) || field.control === target) {
      // Nested widgets (an input inside a table cell inside a group): the innermost wins.
      if (!best || best.element.contains(field.element)) best = field;
    }
  }
  return best;
}

/**
 * Teach mode: "指定字段", then a click on the page picks a field, and the teacher says whose what it is. The mapping
 * is stored per host and route and wins over the heuristics from then on.
 */
export function TeachMode({ env, state, snap }: { env: PanelEnv; state: PageState; snap: PageSnapshot }) {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<DetectedField>();
  const [role, setRole] = useState<FillRole>('work');
  const [attribute, setAttribute] = useState<FillAttribute | 'ignore'>('workTitle');
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    if (!picking) return;
    let active = true;
    const onClick = (event: MouseEvent) => {
      if (!active) return;
      // At the window, a click in the panel's shadow root is retargeted to its host, which OWN_UI matches.
      const target = event.target;
      if (!(target instanceof Element) || target.closest(OWN_UI)) return;
      // The click is the teacher pointing, not using the page: keep it from opening dropdowns or following links.
      event.preventDefault();
      event.stopPropagation();
      const field = fieldAt(state.getSnapshot().rawFields, target);
      if (!field) return;
      setPicked(field);
      setRole(field.role ?? 'work');
      setAttribute(field.attribute ?? (field.role && field.role !== 'work' ? 'name' : 'workTitle'));
      setPicking(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPicking(false);
    };
    env.ctx.addEventListener(window, 'click', onClick as EventListener, { capture: true });
    env.ctx.addEventListener(window, 'keydown', onKey as EventListener, { capture: true });
    document.documentElement.dataset.submitHelperPicking = 'true';
    return () => {
      active = false;
      delete document.documentElement.dataset.submitHelperPicking;
    };
  }, [picking, env.ctx, state]);

  const save = async () => {
    if (!picked) return;
    await state.teach({
      host: location.hostname,
      path: snap.route,
      locator: picked.locator,
      attribute,
      ...(attribute === 'ignore' ? {} : { role }),
    });
    setSaved(picked.label);
    setPicked(undefined);
  };

  const workFields = (snap.category?.fields ?? []).map((f) => ({ id: f.id, label: f.label }));
  const choices = choicesFor(role, workFields);
  const taughtHere = snap.taught.filter((m) => m.host === location.hostname && m.path === snap.route).length;

  return (
    <div className="fill__teach" data-testid="fill-teach">
      <div className="fill__actions">
        <button type="button" aria-pressed={picking} data-testid="teach-start" onClick={() => {
          setPicked(undefined);
          setSaved(undefined);
          setPicking((p) => !p);
        }}>
          {picking ? i18n.t('fill.teach.cancel') : i18n.t('fill.teach.start')}
        </button>
        {taughtHere > 0 && (
          <button type="button" data-testid="teach-forget" onClick={() => void state.forgetThisPage()}>
            {i18n.t('fill.teach.forget', [String(taughtHere)])}
          </button>
        )}
      </div>
      {picking && <p className="fill__note" role="status">{i18n.t('fill.teach.hint')}</p>}
      {saved !== undefined && <p className="fill__note" role="status">{i18n.t('fill.teach.saved', [saved])}</p>}
      {picked && (
        <form className="fill__teach-form" data-testid="teach-form" onSubmit={(e) => {
          e.preventDefault();
          void save();
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
