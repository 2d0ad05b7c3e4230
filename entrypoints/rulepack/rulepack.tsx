import { useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { SaveFile } from '@/components/download';
import { parseRulePack, type FileType, type RulePack } from '@/lib/rules';
import { exportPack, importRulePack, packHash, removeImportedPack, savePack } from '@/lib/rules/active';
import { draftPack, getValue, setValue, type DraftValue, type NoticeRole, type PackDraft } from '@/lib/rules/draft';
import { readText } from '@/components/read-text';
import type { NoticeText } from './read-notice';

export interface RulePackPageProps {
  /** The pack in force when the page opened: the base the draft is laid over, and the left-hand column. */
  initialPack: RulePack;
  readFile: (file: File) => Promise<NoticeText>;
  saveFile: SaveFile;
}

const ROLES: NoticeRole[] = ['district', 'national'];
const MIB = 1024 * 1024;

type Notices = Record<NoticeRole, { text: string; file?: string; error?: string }>;
type Window = { from?: string; to: string };

/** How a kind of value is shown and typed: minutes for durations, MB for sizes, a list for formats. */
function toInput(value: DraftValue, raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (value.kind === 'durations') return String(Math.round((Number(raw) / 60) * 1000) / 1000);
  if (value.kind === 'sizes') return String(Math.round((Number(raw) / MIB) * 100) / 100);
  if (value.kind === 'formats') return (raw as string[]).join(', ');
  return String(raw);
}

function fromInput(value: DraftValue, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (value.kind === 'names') return trimmed;
  if (value.kind === 'formats') return trimmed.split(/[,，、\s]+/u).filter(Boolean).map((type) => type.toLowerCase()) as FileType[];
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return Number.NaN;
  if (value.kind === 'durations') return Math.round(number * 60);
  if (value.kind === 'sizes') return Math.round(number * MIB);
  return number;
}

const unit = (value: DraftValue): string =>
  value.kind === 'durations' ? i18n.t('rulepack.unitMinutes') : value.kind === 'sizes' ? 'MB' : '';

const label = (value: DraftValue): string => value.label.replace(/（秒）|（字节）/gu, '');

function showValue(value: DraftValue, raw: unknown): string {
  if (raw === undefined) return '—';
  if (value.kind === 'windows') {
    const window = raw as Window;
    return window.from ? `${window.from} – ${window.to}` : i18n.t('rulepack.until', [window.to]);
  }
  const text = toInput(value, raw);
  return unit(value) ? `${text} ${unit(value)}` : text;
}

/** The 规则包 page: a notice in, a draft beside the active pack, every value linked to its sentence, save and export. */
export function RulePackPage({ initialPack, readFile, saveFile }: RulePackPageProps) {
  const [active, setActive] = useState(initialPack);
  const [hash, setHash] = useState('');
  const [notices, setNotices] = useState<Notices>({ district: { text: '' }, national: { text: '' } });
  const [draft, setDraft] = useState<PackDraft>();
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const [selected, setSelected] = useState<DraftValue>();
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState<'all' | 'changed' | 'missing'>('all');

  useEffect(() => void packHash(active).then(setHash), [active]);

  async function readInto(role: NoticeRole, file: File | undefined) {
    if (!file) return;
    setNotices((current) => ({ ...current, [role]: { text: current[role].text, file: file.name } }));
    const result = await readFile(file);
    setNotices((current) => ({
      ...current,
      [role]: result.ok ? { text: result.text, file: file.name } : { text: current[role].text, error: result.error },
    }));
  }

  function makeDraft() {
    const inputs = ROLES.filter((role) => notices[role].text.trim() !== '')
      .map((role) => ({ role, text: notices[role].text, ...(notices[role].file ? { file: notices[role].file } : {}) }));
    const next = draftPack(inputs, active);
    setDraft(next);
    setEdits({});
    setSelected(undefined);
    setErrors([]);
    setStatus(i18n.t('rulepack.drafted', [next.pack.version]));
  }

  /** The draft with the user's corrections, validated by the schema. */
  function editedPack(): { pack?: RulePack; errors: string[] } {
    if (!draft) return { errors: [] };
    const pack = structuredClone(draft.pack);
    const problems: string[] = [];
    for (const value of draft.values) {
      if (!(value.path in edits)) continue;
      const next = edits[value.path];
      if (typeof next === 'number' && Number.isNaN(next)) {
        problems.push(i18n.t('rulepack.notNumber', [label(value)]));
        continue;
      }
      try {
        setValue(pack, value.path, next);
      } catch (error) {
        problems.push(`${label(value)}：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length > 0) return { errors: problems };
    const result = parseRulePack(JSON.parse(JSON.stringify(pack)));
    return result.ok ? { pack: result.pack, errors: [] } : { errors: result.errors };
  }

  async function save() {
    const { pack, errors: problems } = editedPack();
    setErrors(problems);
    if (!pack) {
      setStatus(i18n.t('rulepack.notSaved'));
      return;
    }
    const result = await savePack(pack);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(i18n.t('rulepack.notSaved'));
      return;
    }
    // One render of the (long) page for the new pack and its status, not two.
    const savedHash = await packHash(result.pack);
    setActive(result.pack);
    setStatus(i18n.t('rulepack.saved', [result.pack.version, savedHash]));
  }

  async function exportJson(which: 'draft' | 'active') {
    const pack = which === 'active' ? active : editedPack().pack;
    if (!pack) {
      setErrors(editedPack().errors);
      return;
    }
    const file = await exportPack(pack);
    saveFile(file.name, new Blob([file.text], { type: 'application/json' }));
  }

  async function importJson(file: File | undefined) {
    if (!file) return;
    const result = await importRulePack(await readText(file));
    setErrors(result.ok ? [] : result.errors.slice(0, 20));
    if (result.ok) setActive(result.pack);
    setStatus(result.ok ? i18n.t('rulepack.imported', [result.pack.version]) : i18n.t('rulepack.importRefused', [file.name]));
  }

  const values = (draft?.values ?? []).filter((value) => filter === 'all' || value.state === filter);
  const counts = { found: 0, changed: 0, missing: 0 };
  for (const value of draft?.values ?? []) counts[value.state]++;
  const noticeText = selected?.notice && draft ? draft.notices.find((notice) => notice.role === selected.notice)?.text : undefined;

  return (
    <main className="rulepack">
      <header>
        <h1>{i18n.t('rulepack.title')}</h1>
        <p data-testid="active-pack">{i18n.t('rulepack.active', [active.activity, active.version, hash])}</p>
        <p className="hint">{i18n.t('rulepack.intro')}</p>
      </header>

      <section aria-labelledby="notices-heading" className="card">
        <h2 id="notices-heading">{i18n.t('rulepack.noticesHeading')}</h2>
        <div className="notices">
          {ROLES.map((role) => (
            <fieldset key={role} className="notice-input" data-role={role}>
              <legend>{i18n.t(`rulepack.role.${role}`)}</legend>
              <label className="drop">
                {i18n.t('rulepack.chooseFile')}
                <input type="file" accept=".docx,.pdf,.txt,text/plain" aria-label={i18n.t('rulepack.fileFor', [i18n.t(`rulepack.role.${role}`)])}
                  onChange={(event) => void readInto(role, event.target.files?.[0])} />
              </label>
              <textarea rows={6} value={notices[role].text} placeholder={i18n.t('rulepack.pastePlaceholder')}
                aria-label={i18n.t('rulepack.pasteFor', [i18n.t(`rulepack.role.${role}`)])}
                onChange={(event) => setNotices({ ...notices, [role]: { text: event.target.value, ...(notices[role].file ? { file: notices[role].file } : {}) } })} />
              {notices[role].error && <p className="error" role="alert">{notices[role].error}</p>}
              {notices[role].text && <p className="hint">{i18n.t('rulepack.read', [String(notices[role].text.length)])}</p>}
            </fieldset>
          ))}
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={makeDraft}
            disabled={ROLES.every((role) => notices[role].text.trim() === '')}>
            {i18n.t('rulepack.draft')}
          </button>
        </div>
      </section>

      {draft && (
        <section aria-labelledby="draft-heading" className="card">
          <h2 id="draft-heading">{i18n.t('rulepack.draftHeading', [draft.pack.version])}</h2>
          <p data-testid="draft-summary">
            {i18n.t('rulepack.summary', [String(counts.found), String(counts.changed), String(counts.missing)])}
            {draft.added.length > 0 && ` ${i18n.t('rulepack.added', [draft.added.join('、')])}`}
            {draft.addedSlots.length > 0 && ` ${i18n.t('rulepack.addedSlots', [draft.addedSlots.map((entry) => `${entry.category} › ${entry.name}`).join('、')])}`}
          </p>
          <div className="filters" role="radiogroup" aria-label={i18n.t('rulepack.filter')}>
            {(['all', 'changed', 'missing'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="filter" checked={filter === option} onChange={() => setFilter(option)} />
                {i18n.t(`rulepack.show.${option}`)}
              </label>
            ))}
          </div>
          <div className="columns">
            <table className="values">
              <thead>
                <tr>
                  <th scope="col">{i18n.t('rulepack.colWhat')}</th>
                  <th scope="col">{i18n.t('rulepack.colDraft')}</th>
                  <th scope="col">{i18n.t('rulepack.colActive')}</th>
                  <th scope="col">{i18n.t('rulepack.colSource')}</th>
                </tr>
              </thead>
              <tbody>
                {values.map((value) => (
                  <ValueRow key={value.path} value={value} draftPack={draft.pack} edit={edits[value.path]}
                    hasEdit={value.path in edits} selected={selected?.path === value.path}
                    onEdit={(next) => setEdits({ ...edits, [value.path]: next })}
                    onSelect={() => setSelected(value)} />
                ))}
              </tbody>
            </table>
            <NoticeView text={noticeText} value={selected} />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save()}>{i18n.t('rulepack.save')}</button>
            <button type="button" onClick={() => void exportJson('draft')}>{i18n.t('rulepack.exportDraft')}</button>
          </div>
        </section>
      )}

      <p role="status" className="status" data-testid="rulepack-status">{status}</p>
      {errors.length > 0 && (
        <ul className="error" data-testid="rulepack-errors">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      )}

      <section aria-labelledby="json-heading" className="card">
        <h2 id="json-heading">{i18n.t('rulepack.jsonHeading')}</h2>
        <p className="hint">{i18n.t('rulepack.jsonHint')}</p>
        <label className="drop">
          {i18n.t('rulepack.importJson')}
          <input type="file" accept=".json,application/json" aria-label={i18n.t('rulepack.importJson')}
            onChange={(event) => void importJson(event.target.files?.[0])} />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void exportJson('active')}>{i18n.t('rulepack.exportActive')}</button>
          <button type="button" onClick={async () => {
            await removeImportedPack();
            const { currentPack } = await import('@/lib/rules');
            setActive(currentPack());
            setStatus(i18n.t('rulepack.removed'));
          }}>
            {i18n.t('rulepack.useBundled')}
          </button>
        </div>
      </section>
    </main>
  );
}

interface ValueRowProps {
  value: DraftValue;
  draftPack: RulePack;
  edit: unknown;
  hasEdit: boolean;
  selected: boolean;
  onEdit: (next: unknown) => void;
  onSelect: () => void;
}

function ValueRow({ value, draftPack, edit, hasEdit, selected, onEdit, onSelect }: ValueRowProps) {
  const current = hasEdit ? edit : getValue(draftPack, value.path);
  const id = `value-${value.path.replace(/[^a-z0-9_]/giu, '-')}`;
  const stateText = i18n.t(`rulepack.state.${value.state}`);
  return (
    <tr className={`value value--${value.state}${selected ? ' value--selected' : ''}`} data-path={value.path} data-state={value.state}>
      <th scope="row">
        <label htmlFor={id}>{label(value)}</label>
        <span className={`badge badge--${value.state}`}>{stateText}</span>
      </th>
      <td>
        {value.kind === 'windows' ? (
          <WindowEditor id={id} window={current as Window | undefined} onChange={onEdit} />
        ) : (
          <>
            <input id={id} type={value.kind === 'names' || value.kind === 'formats' ? 'text' : 'number'} step="any"
              value={hasEdit && typeof edit === 'string' ? edit : toInput(value, current)}
              onChange={(event) => onEdit(fromInput(value, event.target.value))} />
            {unit(value) && <span className="unit">{unit(value)}</span>}
          </>
        )}
        {value.state === 'missing' && (
          <p className="missing">
            {value.previous === undefined ? i18n.t('rulepack.missingFill') : i18n.t('rulepack.missingKeep')}
          </p>
        )}
      </td>
      <td className="previous">{showValue(value, value.previous)}</td>
      <td>
        {value.quote ? (
          <button type="button" className="quote" onClick={onSelect} aria-pressed={selected}
            aria-label={i18n.t('rulepack.showQuote', [label(value)])}>
            «{value.quote.length > 40 ? `${value.quote.slice(0, 40)}…` : value.quote}»
            <span className="section">{value.section}</span>
          </button>
        ) : '—'}
      </td>
    </tr>
  );
}

function WindowEditor({ id, window, onChange }: { id: string; window: Window | undefined; onChange: (next: Window) => void }) {
  const from = window?.from ?? '';
  const to = window?.to ?? '';
  const emit = (nextFrom: string, nextTo: string) => onChange(nextFrom ? { from: nextFrom, to: nextTo } : { to: nextTo });
  return (
    <span className="window-editor">
      <input id={id} type="date" value={from} aria-label={i18n.t('rulepack.from')} onChange={(event) => emit(event.target.value, to)} />
      <span aria-hidden="true"> – </span>
      <input type="date" value={to} aria-label={i18n.t('rulepack.to')} onChange={(event) => emit(from, event.target.value)} />
    </span>
  );
}

/** The notice with the selected value's sentence highlighted and scrolled to. */
function NoticeView({ text, value }: { text: string | undefined; value: DraftValue | undefined }) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => mark.current?.scrollIntoView?.({ block: 'center' }), [value]);
  const parts = useMemo(() => {
    if (!text || !value?.span) return undefined;
    return [text.slice(0, value.span.start), text.slice(value.span.start, value.span.end), text.slice(value.span.end)] as const;
  }, [text, value]);
  return (
    <aside className="notice-view" aria-label={i18n.t('rulepack.noticeView')} data-testid="notice-view">
      {parts ? (
        <pre>
          {parts[0]}
          <mark ref={mark} data-testid="notice-highlight">{parts[1]}</mark>
          {parts[2]}
        </pre>
      ) : (
        <p className="hint">{i18n.t('rulepack.pickQuote')}</p>
      )}
    </aside>
  );
}
