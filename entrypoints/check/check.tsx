import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { i18n } from '#i18n';
import {
  checkFiles,
  formatBytes,
  formatFinding,
  isSlotRequired,
  VERDICTS,
  type CheckReport,
  type FileReport,
  type Finding,
  type Lang,
  type Verdict,
} from '@/lib/checks';
import { findCategory, type Category, type RulePack, type Slot } from '@/lib/rules';
import { chinaDay } from '@/lib/time/china';
import { fromDrop, fromFileList, mergePicked, pickedKey, type PickedFile } from './collect';

// Keys built from verdicts at run time; the locale tests check that every one exists.
const t = i18n.t as unknown as (key: string, substitutions?: Array<string | number>) => string;

/** Saves a file the way a download link does; tests pass their own to read the exported report. */
export type SaveFile = (name: string, blob: Blob) => void;

export interface CheckPageProps {
  pack: RulePack;
  /** From `check.html?category=<id>`; ignored when the pack has no such category. */
  initialCategory?: string | null;
  onCategoryChange?: (id: string) => void;
  save?: SaveFile;
  now?: () => Date;
}

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** A report together with the files it was made from: report.files[i] is files[i]. */
interface Checked {
  report: CheckReport;
  files: readonly PickedFile[];
}

function uiLang(): Lang {
  return i18n.t('check.lang') === 'en' ? 'en' : 'zh';
}

export function downloadFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chrome before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `预检报告-<category>-<YYYY-MM-DD>.json`, dated on the Beijing calendar like every deadline in the extension. */
export function reportFileName(categoryId: string, now: Date): string {
  return `预检报告-${categoryId}-${chinaDay(now)}.json`;
}

function byWorst(a: Finding, b: Finding): number {
  return VERDICTS.indexOf(b.verdict) - VERDICTS.indexOf(a.verdict);
}

function groupsOf(pack: RulePack): Array<{ group: string; categories: Category[] }> {
  const groups: Array<{ group: string; categories: Category[] }> = [];
  for (const category of pack.categories) {
    const found = groups.find((g) => g.group === category.group);
    if (found) found.categories.push(category);
    else groups.push({ group: category.group, categories: [category] });
  }
  return groups;
}

/** The 预检 page: choose a category, add files or folders, and see each item's result in plain words. */
export function CheckPage({ pack, initialCategory, onCategoryChange, save = downloadFile, now = () => new Date() }: CheckPageProps) {
  const lang = uiLang();
  const [categoryId, setCategoryId] = useState(
    () => (initialCategory && findCategory(pack, initialCategory) ? initialCategory : pack.categories[0]!.id),
  );
  const category = findCategory(pack, categoryId) ?? pack.categories[0]!;
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Checked | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [dragging, setDragging] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    if (files.length === 0) {
      setChecked(null);
      setRun({ phase: 'idle' });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    const snapshot = files;
    setRun({ phase: 'running', done: 0, total: snapshot.length });
    checkFiles(
      category,
      snapshot.map((p) => ({ blob: p.file, name: p.file.name, ...(p.path !== undefined ? { path: p.path } : {}) })),
      {
        rulePack: pack.version,
        answers,
        overrides,
        signal: abort.signal,
        onProgress: ({ done, total }) => {
          if (!abort.signal.aborted) setRun({ phase: 'running', done, total });
        },
      },
    ).then(
      (report) => {
        if (abort.signal.aborted) return;
        setChecked({ report, files: snapshot });
        setRun({ phase: 'idle' });
      },
      (error: unknown) => {
        // An abort is either the user's cancel (which set its own state) or a newer run replacing this one.
        if (abort.signal.aborted) return;
        setRun({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [category, files, answers, overrides, pack.version, attempt]);

  const chooseCategory = (id: string) => {
    setCategoryId(id);
    // Slot ids and questions belong to the category: a choice made for another one means nothing here.
    setOverrides({});
    setAnswers({});
    onCategoryChange?.(id);
  };

  const addFiles = (added: PickedFile[]) => {
    if (added.length > 0) setFiles((current) => mergePicked(current, added));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void fromDrop(event.dataTransfer).then(addFiles);
  };

  const cancel = () => {
    controller.current?.abort();
    setRun({ phase: 'cancelled' });
  };

  const reassign = (picked: PickedFile, slotId: string) => setOverrides((o) => ({ ...o, [pickedKey(picked)]: slotId }));
  const remove = (picked: PickedFile) => setFiles((current) => current.filter((p) => p !== picked));

  const exportReport = () => {
    if (!checked) return;
    const blob = new Blob([JSON.stringify(checked.report, null, 2)], { type: 'application/json' });
    save(reportFileName(checked.report.category, now()), blob);
  };

  // One checkbox per distinct question: the 网络学习空间 question governs two slots of 融合创新.
  const questions = useMemo(() => {
    const list: Array<{ text: string; slots: string[] }> = [];
    for (const slot of category.slots) {
      if (!slot.requiredIf) continue;
      const text = lang === 'en' ? slot.requiredIf.questionEn : slot.requiredIf.question;
      const found = list.find((q) => q.text === text);
      if (found) found.slots.push(slot.id);
      else list.push({ text, slots: [slot.id] });
    }
    return list;
  }, [category, lang]);

  const report = checked?.report.category === category.id ? checked.report : null;
  const rows = report && checked ? report.files.map((r, i) => ({ report: r, picked: checked.files[i]! })) : [];
  const running = run.phase === 'running';

  return (
    <main className="check" aria-busy={running}>
      <header>
        <h1>{i18n.t('check.title')}</h1>
        <p className="check__intro">{i18n.t('check.intro')}</p>
      </header>

      <section className="check__setup">
        <div className="field">
          <label htmlFor={`${ids}-category`}>{i18n.t('check.category')}</label>
          <select id={`${ids}-category`} value={category.id} onChange={(e) => chooseCategory(e.target.value)}>
            {groupsOf(pack).map(({ group, categories }) => (
              <optgroup key={group} label={lang === 'en' ? categories[0]!.groupEn : group}>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {lang === 'en' ? c.nameEn : c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>

        {questions.length > 0 && (
          <fieldset className="check__questions">
            <legend>{i18n.t('check.questions')}</legend>
            {questions.map((q) => (
              <label key={q.text} className="check__question">
                <input
                  type="checkbox"
                  checked={q.slots.every((s) => answers[s] === true)}
                  onChange={(e) => setAnswers((a) => ({ ...a, ...Object.fromEntries(q.slots.map((s) => [s, e.target.checked])) }))}
                />
                {q.text}
              </label>
            ))}
          </fieldset>
        )}

        <div
          className={`drop${dragging ? ' drop--over' : ''}`}
          role="group"
          aria-label={i18n.t('check.files.dropLabel')}
          data-testid="check-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="drop__text">{i18n.t('check.files.drop')}</p>
          <div className="drop__buttons">
            <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
              {i18n.t('check.files.pickFiles')}
            </button>
            <button type="button" onClick={() => folderInput.current?.click()}>
              {i18n.t('check.files.pickFolder')}
            </button>
            {files.length > 0 && (
              <button type="button" onClick={() => setFiles([])}>
                {i18n.t('check.files.clear')}
              </button>
            )}
          </div>
          <p className="drop__count" role="status">
            {files.length > 0 ? i18n.t('check.files.count', [String(files.length)]) : i18n.t('check.files.empty')}
          </p>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            data-testid="check-file-input"
            aria-label={i18n.t('check.files.pickFiles')}
            onChange={(e) => {
              addFiles(fromFileList(e.target.files ?? []));
              e.target.value = '';
            }}
          />
          <input
            ref={(el) => {
              folderInput.current = el;
              // React does not know the non-standard attribute; set it on the element itself.
              el?.setAttribute('webkitdirectory', '');
            }}
            type="file"
            multiple
            hidden
            data-testid="check-folder-input"
            aria-label={i18n.t('check.files.pickFolder')}
            onChange={(e) => {
              addFiles(fromFileList(e.target.files ?? []));
              e.target.value = '';
            }}
          />
        </div>
      </section>

      {run.phase === 'running' && (
        <div className="progress" data-testid="check-progress">
          <label htmlFor={`${ids}-progress`}>{i18n.t('check.progress.text', [String(run.done), String(run.total)])}</label>
          <progress id={`${ids}-progress`} value={run.done} max={run.total} aria-label={i18n.t('check.progress.label')} />
          <button type="button" onClick={cancel}>
            {i18n.t('check.progress.cancel')}
          </button>
        </div>
      )}
      {run.phase === 'cancelled' && (
        <p className="notice" role="status">
          {i18n.t('check.progress.cancelled')}{' '}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {i18n.t('check.progress.restart')}
          </button>
        </p>
      )}
      {run.phase === 'failed' && (
        <p className="notice notice--error" role="alert">
          {i18n.t('check.failed', [run.message])}
        </p>
      )}

      {report && (
        <section className={`overall overall--${report.verdict}`} data-testid="check-overall" data-verdict={report.verdict} aria-labelledby={`${ids}-overall`}>
          <h2 id={`${ids}-overall`}>
            {i18n.t('check.overall.heading')} <Badge verdict={report.verdict} />
          </h2>
          <p>{t(`check.overall.${report.verdict}`)}</p>
          <button type="button" onClick={exportReport} disabled={running}>
            {i18n.t('check.export')}
          </button>
        </section>
      )}

      {report && report.missing.length > 0 && (
        <section className="missing" data-testid="check-missing" aria-labelledby={`${ids}-missing`}>
          <h2 id={`${ids}-missing`}>{i18n.t('check.missing.heading')}</h2>
          <ul>
            {report.missing.map((m) => {
              const slot = category.slots.find((s) => s.id === m.slot);
              return <li key={m.slot}>{slot && lang === 'en' ? slot.labelEn : m.label}</li>;
            })}
          </ul>
        </section>
      )}

      {report && report.findings.some((f) => f.code !== 'slot_missing') && (
        <section className="whole" data-testid="check-whole" aria-labelledby={`${ids}-whole`}>
          <h2 id={`${ids}-whole`}>{i18n.t('check.whole.heading')}</h2>
          <FindingList findings={report.findings.filter((f) => f.code !== 'slot_missing')} lang={lang} />
        </section>
      )}

      <section className="slots" aria-labelledby={`${ids}-slots`}>
        <h2 id={`${ids}-slots`}>{i18n.t('check.slots.heading')}</h2>
        <ul className="slots__list">
          {category.slots.map((slot) => (
            <SlotItem
              key={slot.id}
              slot={slot}
              category={category}
              answers={answers}
              rows={rows.filter((r) => r.report.slot === slot.id)}
              lang={lang}
              onReassign={reassign}
              onRemove={remove}
            />
          ))}
        </ul>
      </section>

      {rows.some((r) => r.report.slot === null && !isIgnored(r.report)) && (
        <section className="unassigned" data-testid="check-unassigned" aria-labelledby={`${ids}-unassigned`}>
          <h2 id={`${ids}-unassigned`}>{i18n.t('check.file.unassigned')}</h2>
          <ul className="files">
            {rows
              .filter((r) => r.report.slot === null && !isIgnored(r.report))
              .map((r) => (
                <FileItem key={pickedKey(r.picked)} row={r} category={category} lang={lang} onReassign={reassign} onRemove={remove} />
              ))}
          </ul>
        </section>
      )}

      {rows.some((r) => isIgnored(r.report)) && (
        <section className="ignored" aria-labelledby={`${ids}-ignored`}>
          <h2 id={`${ids}-ignored`}>{i18n.t('check.file.ignored')}</h2>
          <ul>
            {rows.filter((r) => isIgnored(r.report)).map((r) => (
              <li key={pickedKey(r.picked)}>{r.picked.path ?? r.picked.file.name}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function isIgnored(file: FileReport): boolean {
  return file.findings.some((f) => f.code === 'file_ignored');
}

function Badge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`badge badge--${verdict}`} data-verdict={verdict}>
      {t(`check.verdict.${verdict}`)}
    </span>
  );
}

function FindingList({ findings, lang }: { findings: readonly Finding[]; lang: Lang }) {
  return (
    <ul className="findings">
      {[...findings].sort(byWorst).map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding finding--${f.verdict}`} data-code={f.code}>
          <span className="visually-hidden">{t(`check.verdict.${f.verdict}`)}：</span>
          {formatFinding(f, lang)}
        </li>
      ))}
    </ul>
  );
}

function countText(slot: Slot): string {
  if (slot.maxCount === undefined) return i18n.t('check.slots.countMin', [String(Math.max(1, slot.minCount))]);
  const min = Math.max(1, slot.minCount);
  if (slot.maxCount === min) return i18n.t('check.slots.countExact', [String(min)]);
  return i18n.t('check.slots.countRange', [String(min), String(slot.maxCount)]);
}

interface Row {
  report: FileReport;
  picked: PickedFile;
}

interface RowActions {
  onReassign: (picked: PickedFile, slotId: string) => void;
  onRemove: (picked: PickedFile) => void;
}

function SlotItem({ slot, category, answers, rows, lang, onReassign, onRemove }: {
  slot: Slot;
  category: Category;
  answers: Readonly<Record<string, boolean>>;
  rows: Row[];
  lang: Lang;
} & RowActions) {
  const required = isSlotRequired(slot, answers);
  const need = required ? i18n.t('check.slots.required') : slot.requiredIf ? i18n.t('check.slots.conditional') : i18n.t('check.slots.optional');
  const label = lang === 'en' ? slot.labelEn : slot.label;
  const verdict = rows.length > 0 ? rows.map((r) => r.report.verdict).reduce((a, b) => (VERDICTS.indexOf(b) > VERDICTS.indexOf(a) ? b : a)) : null;
  return (
    <li className="slot" data-testid={`check-slot-${slot.id}`} aria-label={label}>
      <div className="slot__head">
        <h3 className="slot__label">{label}</h3>
        <span className={`slot__need${required ? ' slot__need--required' : ''}`}>{need}</span>
        {verdict && <Badge verdict={verdict} />}
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
        <ul className="files">
          {rows.map((r) => (
            <FileItem key={pickedKey(r.picked)} row={r} category={category} lang={lang} onReassign={onReassign} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </li>
  );
}

const VIDEO_TYPES = new Set(['mp4', 'mov', 'mkv', 'avi']);

function FileItem({ row, category, lang, onReassign, onRemove }: { row: Row; category: Category; lang: Lang } & RowActions) {
  const { report, picked } = row;
  const id = useId();
  const name = picked.path ?? picked.file.name;
  const slot = category.slots.find((s) => s.id === report.slot);
  const isVideo = !!slot?.video || !!report.media || VIDEO_TYPES.has(report.detected.type);
  const repairable = isVideo && (report.verdict === 'fail' || report.verdict === 'unreadable');
  return (
    <li className={`file file--${report.verdict}`} data-testid="check-file" data-name={picked.file.name} data-verdict={report.verdict}>
      <div className="file__head">
        <span className="file__name" title={name}>
          {name}
        </span>
        <span className="file__size">{formatBytes(report.size, lang)}</span>
        <Badge verdict={report.verdict} />
        <label className="visually-hidden" htmlFor={id}>
          {i18n.t('check.file.reassignLabel', [picked.file.name])}
        </label>
        <select id={id} value="" onChange={(e) => e.target.value && onReassign(picked, e.target.value)}>
          <option value="">{i18n.t('check.file.reassign')}</option>
          {category.slots
            .filter((s) => s.id !== report.slot)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {lang === 'en' ? s.labelEn : s.label}
              </option>
            ))}
        </select>
        <button type="button" className="file__remove" onClick={() => onRemove(picked)} aria-label={i18n.t('check.files.remove', [picked.file.name])}>
          ×
        </button>
      </div>
      <FindingList findings={report.findings} lang={lang} />
      {repairable && (
        <a className="file__repair" href={`/repair.html?category=${encodeURIComponent(category.id)}`} target="_blank" rel="noreferrer">
          {i18n.t('check.file.repair')}
        </a>
      )}
    </li>
  );
}
