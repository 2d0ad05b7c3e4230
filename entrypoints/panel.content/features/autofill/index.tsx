import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { i18n } from '#i18n';
import { planFill, type FillAction, type FillResult } from '@/lib/autofill';
import { sendMessage } from '@/lib/messaging';
import { findCategory } from '@/lib/rules';
import { definePanelFeature, type PanelEnv } from '../define';
import { Preview } from './preview';
import {
  actionKey, codeKey, decodeWho, defaultSelection, encodeWho, fillInput, type ProfileData, type Selection,
} from './selection';
import { TeachMode } from './teach';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: ProfileData };

async function loadProfile(): Promise<ProfileData> {
  const [people, teams, drafts] = await Promise.all([
    sendMessage('getPeople', {}), sendMessage('getTeams', {}), sendMessage('getDrafts', {}),
  ]);
  return { people, teams, drafts };
}

interface Done {
  actions: FillAction[];
  results: FillResult[];
  undo?: FillResult[];
}

/** The failure's message key; a radio group that cannot be emptied is 单选, not a 下拉框. */
function failureKey(result: Extract<FillResult, { status: 'failed' }>): string {
  if (result.reason === 'cannot-clear' && result.widget === 'radio-group') return 'cannotClearRadio';
  return codeKey(result.reason);
}

function labelOf(actions: readonly FillAction[], id: number): string {
  return actions.find((a) => a.id === id)?.field.label ?? String(id);
}

function ResultLine({ done }: { done: Done }) {
  const filled = done.results.filter((r) => r.status === 'done').length;
  const failed = done.results.filter((r): r is Extract<FillResult, { status: 'failed' }> => r.status === 'failed');
  const notRestored = (done.undo ?? []).filter((r): r is Extract<FillResult, { status: 'failed' }> => r.status === 'failed');
  return (
    <div className="fill__result" role="status" data-testid="fill-result">
      <p>{done.undo ? i18n.t('fill.undone', [String(done.undo.length - notRestored.length)]) : i18n.t('fill.filled', [String(filled)])}</p>
      {!done.undo && failed.length > 0 && (
        <ul className="fill__failures">
          {failed.map((r) => (
            <li key={r.id}>{labelOf(done.actions, r.id)}：{i18n.t(`fill.failure.${failureKey(r)}` as 'fill.failure.error')}</li>
          ))}
        </ul>
      )}
      {notRestored.length > 0 && (
        <ul className="fill__failures">
          {notRestored.map((r) => (
            <li key={r.id}>{i18n.t('fill.notRestored', [labelOf(done.actions, r.id)])}：{i18n.t(`fill.failure.${failureKey(r)}` as 'fill.failure.error')}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AutofillSection({ env }: { env: PanelEnv }) {
  const { link, pack } = env;
  const snap = useSyncExternalStore(link.subscribe, link.getSnapshot);
  const view = snap.page;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selection, setSelection] = useState<Selection>();
  const [overwrite, setOverwrite] = useState(false);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'fill' | 'undo'>();
  const [done, setDone] = useState<Done>();

  useEffect(() => {
    let live = true;
    // Read through the background: the frame is an extension page, but a framed page's IndexedDB may be refused
    // (headless Chromium 156 denies it), and the background owns the database anyway.
    loadProfile().then(
      (data) => live && setLoad({ state: 'ready', data }),
      (error: unknown) => live && setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const ready = view?.ready ?? false;
  const pageCategoryId = view?.page.categoryId;
  const category = view?.categoryId ? findCategory(pack, view.categoryId) : undefined;
  const data = load.state === 'ready' ? load.data : undefined;
  useEffect(() => {
    if (data && ready && !selection) setSelection(defaultSelection(data, pageCategoryId));
  }, [data, ready, pageCategoryId, selection]);

  const draft = data?.drafts.find((d) => d.id === selection?.draftId);
  useEffect(() => {
    // A page that names no category is read with the draft's, so its fields (案例概述, 研修主题) are recognised.
    if (ready && !pageCategoryId && draft?.categoryId) link.setCategory(draft.categoryId);
  }, [link, ready, pageCategoryId, draft?.categoryId]);

  const input = useMemo(() => (data && selection ? fillInput(data, selection) : undefined), [data, selection]);
  const plan = useMemo(() => {
    if (!input || !view) return [];
    return planFill({ ...input, pack, chosenFiles: view.workFiles, ...(category ? { category } : {}) }, view.fields, { overwrite });
  }, [input, pack, category, view, overwrite]);
  const runnable = plan.filter((a) => !a.skip && !unticked.has(actionKey(a)));

  const fill = async () => {
    if (!input || !view) return;
    setBusy('fill');
    try {
      // Planned again at the click, from the fields as the page is now; only the kept actions cross to the page.
      const now = await link.request('fields', {});
      const nowCategory = now.categoryId ? findCategory(pack, now.categoryId) : undefined;
      const fresh = planFill({ ...input, pack, chosenFiles: now.workFiles, ...(nowCategory ? { category: nowCategory } : {}) }, now.fields, { overwrite })
        .filter((a) => !a.skip && !unticked.has(actionKey(a)));
      const { results } = await link.request('fill', { actions: fresh });
      setDone({ actions: fresh, results });
      const filled = results.filter((r) => r.status === 'done').map((r) => labelOf(fresh, r.id));
      if (filled.length > 0) {
        const teamId = selection?.who.kind === 'team' ? selection.who.id : undefined;
        void sendMessage('recordFill', {
          url: view.url, siteId: env.site.id, fields: filled.slice(0, 200).map((l) => l.slice(0, 200)),
          ...(draft ? { draftId: draft.id } : {}), ...(teamId ? { teamId } : {}),
        }).catch(() => undefined);
      }
    } finally {
      setBusy(undefined);
    }
  };

  const undo = async () => {
    if (!done) return;
    setBusy('undo');
    try {
      const { results } = await link.request('undo', {});
      setDone({ ...done, undo: results });
    } finally {
      setBusy(undefined);
    }
  };

  const toggle = (action: FillAction) => {
    const key = actionKey(action);
    setUnticked((old) => {
      const next = new Set(old);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const kind = view?.page.kind ?? 'other';
  return (
    <div className="feature feature--autofill" data-testid="autofill" data-page-kind={kind}
      data-category={category?.id ?? ''}>
      <h3 className="feature__title">{i18n.t('fill.title')}</h3>
      <p className="fill__page" data-testid="fill-page">
        {i18n.t(`fill.kind.${kind}` as 'fill.kind.other')}
        {category ? ` · ${category.name}` : ''}
      </p>
      {load.state === 'loading' && <p className="fill__note">{i18n.t('fill.loading')}</p>}
      {load.state === 'error' && <p className="fill__note fill__note--error">{i18n.t('fill.loadError')}</p>}
      {data && selection && (
        data.people.length === 0 ? <p className="fill__note">{i18n.t('fill.noPeople')}</p> : (
          <>
            <label className="fill__choice">
              {i18n.t('fill.who')}
              <select data-testid="fill-who" value={encodeWho(selection.who)}
                onChange={(e) => setSelection({ ...selection, who: decodeWho(e.target.value) })}>
                {data.teams.length > 0 && (
                  <optgroup label={i18n.t('fill.teams')}>
                    {data.teams.map((t) => <option key={t.id} value={`team:${t.id}`}>{t.name}</option>)}
                  </optgroup>
                )}
                <optgroup label={i18n.t('fill.people')}>
                  {data.people.map((p) => <option key={p.id} value={`person:${p.id}`}>{p.name}</option>)}
                </optgroup>
              </select>
            </label>
            <label className="fill__choice">
              {i18n.t('fill.draft')}
              <select data-testid="fill-draft" value={selection.draftId ?? ''}
                onChange={(e) => setSelection({ ...selection, draftId: e.target.value || undefined })}>
                <option value="">{i18n.t('fill.noDraft')}</option>
                {data.drafts.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </select>
            </label>
            <label className="fill__option">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
              {i18n.t('fill.overwrite')}
            </label>
            {plan.length === 0
              ? <p className="fill__note">{i18n.t('fill.nothing')}</p>
              : <Preview plan={plan} unticked={unticked} onToggle={toggle} />}
            <div className="fill__actions">
              <button type="button" className="fill__go" data-testid="fill-go" disabled={busy !== undefined || runnable.length === 0}
                onClick={() => void fill()}>
                {busy === 'fill' ? i18n.t('fill.filling') : i18n.t('fill.go', [String(runnable.length)])}
              </button>
              <button type="button" data-testid="fill-undo" disabled={busy !== undefined || !done || done.undo !== undefined}
                onClick={() => void undo()}>
                {i18n.t('fill.undo')}
              </button>
            </div>
            <p className="fill__note">{i18n.t('fill.neverSubmits')}</p>
            {done && <ResultLine done={done} />}
          </>
        )
      )}
      {view && <TeachMode link={link} snap={snap} view={view} category={category} />}
    </div>
  );
}

/**
 * Autofill (issue #5): fills the page's form from a saved team and draft after a preview the teacher can untick,
 * with undo; teach mode remembers fields the heuristics got wrong. Never submits.
 */
export default definePanelFeature({ id: 'autofill', Section: AutofillSection });
