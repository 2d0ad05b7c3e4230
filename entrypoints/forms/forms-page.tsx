import { i18n } from '#i18n';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import type { SubmitHelperDB } from '@/lib/db';
import { bindForm, formForCategory, readyToPrint, type FilledForm } from '@/lib/forms';
import type { Draft, Person, Team } from '@/lib/profile/schema';
import type { RulePack } from '@/lib/rules/schema';
import { FormSheet } from './form-sheet';
import { problemText } from './problems';

interface Saved {
  people: Person[];
  teams: Team[];
  drafts: Draft[];
}

/** What the page was opened for: `forms.html?draft=<id>&team=<id>`. */
export interface FormsSelection {
  draftId?: string;
  teamId?: string;
}

export interface FormsPageProps {
  db: SubmitHelperDB;
  pack: RulePack;
  initial?: FormsSelection;
  onSelectionChange?: (selection: FormsSelection) => void;
  /** The DOCX writer, loaded on first use (the docx package is not needed to show the form). */
  writeDocx?: (form: FilledForm) => Promise<File>;
  print?: () => void;
  confirm?: (message: string) => boolean;
}

function useSaved(db: SubmitHelperDB): Saved | undefined {
  const [saved, setSaved] = useState<Saved>();
  useEffect(() => {
    // Live: a draft edited in the options page shows here at once.
    const subscription = liveQuery(async () => ({
      people: await db.people.toArray(),
      teams: await db.teams.toArray(),
      drafts: await db.drafts.orderBy('updatedAt').reverse().toArray(),
    })).subscribe({ next: setSaved, error: (error: unknown) => console.error(error) });
    return () => subscription.unsubscribe();
  }, [db]);
  return saved;
}

async function defaultWriteDocx(form: FilledForm): Promise<File> {
  const { formDocxFile } = await import('@/lib/forms/docx');
  return formDocxFile(form);
}

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The 填表 page: pick a draft and a team; the category's form appears filled, with what to fix listed on top. */
export function FormsPage({ db, pack, initial = {}, onSelectionChange, writeDocx = defaultWriteDocx,
  print = () => window.print(), confirm = (message) => window.confirm(message) }: FormsPageProps) {
  const saved = useSaved(db);
  const [draftId, setDraftId] = useState(initial.draftId);
  const [teamId, setTeamId] = useState(initial.teamId);
  const [workFiles, setWorkFiles] = useState<Array<{ slotId: null; size: number }>>([]);
  const [busy, setBusy] = useState(false);

  const draft = saved?.drafts.find((entry) => entry.id === draftId) ?? saved?.drafts.find((entry) => entry.categoryId);
  const team = saved?.teams.find((entry) => entry.id === (teamId ?? draft?.teamId));
  const layout = draft?.categoryId ? formForCategory(pack, draft.categoryId) : undefined;
  const form = useMemo(() => (saved && draft && layout
    ? bindForm({ layout, pack, draft, people: saved.people, ...(team ? { team } : {}), chosenFiles: workFiles })
    : undefined), [saved, draft, layout, pack, team, workFiles]);

  useEffect(() => {
    // The browser's "save as PDF" names the file after the page title.
    if (form) document.title = form.fileName.replace(/\.docx$/, '');
  }, [form]);

  const select = (next: FormsSelection) => {
    setDraftId(next.draftId);
    setTeamId(next.teamId);
    onSelectionChange?.(next);
  };

  if (!saved) return <main className="forms" aria-busy="true" />;
  const errors = form?.problems.filter((entry) => entry.severity === 'error') ?? [];

  function onPrint() {
    if (!form) return;
    // Never printed silently with a fault: the teacher confirms, having seen the list.
    if (!readyToPrint(form) && !confirm(i18n.t('forms.printAnyway', [String(errors.length)]))) return;
    print();
  }

  async function onDownload() {
    if (!form) return;
    setBusy(true);
    try {
      download(await writeDocx(form));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="forms">
      <header className="forms__header">
        <h1>{i18n.t('forms.title')}</h1>
        <p className="forms__intro">{i18n.t('forms.intro')}</p>
      </header>
      {saved.drafts.length === 0 ? (
        <p className="forms__summary" role="status">{i18n.t('forms.noDrafts')}</p>
      ) : (
        <div className="forms__controls">
          <label>
            {i18n.t('forms.draft')}
            <select
              name="draft"
              value={draft?.id ?? ''}
              onChange={(event) => select({ draftId: event.target.value, ...(teamId ? { teamId } : {}) })}
            >
              {saved.drafts.map((entry) => {
                const category = pack.categories.find((c) => c.id === entry.categoryId);
                return (
                  <option key={entry.id} value={entry.id} disabled={!category}>
                    {entry.title}（{category?.name ?? i18n.t('forms.noCategory')}）
                  </option>
                );
              })}
            </select>
          </label>
          <label>
            {i18n.t('forms.team')}
            <select
              name="team"
              value={team?.id ?? ''}
              onChange={(event) => select({ ...(draft ? { draftId: draft.id } : {}), teamId: event.target.value })}
            >
              <option value="">{i18n.t('forms.noTeam')}</option>
              {saved.teams.map((entry) => <option key={entry.id} value={entry.id}>{entry.name}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('forms.workFiles')}
            <input
              type="file"
              name="work-files"
              multiple
              onChange={(event) => setWorkFiles([...(event.target.files ?? [])].map((file) => ({ slotId: null, size: file.size })))}
            />
            <span className="forms__hint">{i18n.t('forms.workFilesHint')}</span>
          </label>
          <div className="forms__actions">
            <button type="button" className="primary" onClick={onPrint} disabled={!form}>{i18n.t('forms.print')}</button>
            <button type="button" onClick={() => void onDownload()} disabled={!form || busy} aria-busy={busy}>
              {i18n.t('forms.download')}
            </button>
          </div>
        </div>
      )}
      {draft && !layout && <p className="forms__summary" role="status">{i18n.t('forms.noForm')}</p>}
      {form && <Summary form={form} />}
      {form && <FormSheet form={form} />}
    </main>
  );
}

function Summary({ form }: { form: FilledForm }) {
  const { problems } = form;
  if (problems.length === 0) {
    return <section className="forms__summary is-clean" role="status" data-testid="forms-summary">{i18n.t('forms.noProblems')}</section>;
  }
  return (
    <section className="forms__summary" aria-labelledby="forms-problems" data-testid="forms-summary">
      <h2 id="forms-problems">{i18n.t('forms.problems', [String(problems.length)])}</h2>
      <ul>
        {problems.map((entry, i) => (
          <li key={i} className={`problem problem--${entry.severity}`} data-code={entry.code} data-key={entry.key}>
            {problemText(entry)}
          </li>
        ))}
      </ul>
      <p><a href="/options.html" target="_blank" rel="noreferrer">{i18n.t('forms.editDraft')}</a></p>
    </section>
  );
}
