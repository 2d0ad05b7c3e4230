import { useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { downloadFile, type SaveFile } from '@/components/download';
import { FindingList } from '@/components/finding-list';
import { inLang, t, uiLang } from '@/components/i18n';
import { useDropZone } from '@/components/use-drop-zone';
import { VerdictBadge } from '@/components/verdict-badge';
import { formatBytes, type Lang } from '@/lib/checks/messages';
import { VERDICTS } from '@/lib/checks/report';
import { failuresOf, formatLayoutIssue, type WorkResult } from '@/lib/organiser';
import { toHtml } from '@/lib/organiser/html';
import { summaryTable, toCsv } from '@/lib/organiser/table';
import type { RulePack } from '@/lib/rules';
import { chinaDay } from '@/lib/time/china';
import { fromDrop, fromInput, type Picked } from './collect-entries';
import { useBatchRun, type BatchState } from './use-batch-run';

export interface BatchPageProps {
  pack: RulePack;
  save?: SaveFile;
  now?: () => Date;
}

type SortKey = 'teacher' | 'category' | 'verdict' | 'problems';

function categoryName(r: WorkResult, lang: Lang): string {
  const c = r.unit.category;
  return c ? inLang(lang, c.name, c.nameEn) : (r.unit.categoryFolder ?? '—');
}

function sortRows(rows: readonly WorkResult[], key: SortKey, lang: Lang, problems: Map<WorkResult, string[]>): WorkResult[] {
  const value = (r: WorkResult): string | number =>
    key === 'teacher' ? r.unit.teacherFolder : key === 'category' ? categoryName(r, lang) : key === 'verdict' ? -VERDICTS.indexOf(r.verdict) : -problems.get(r)!.length;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
  });
}

/**
 * 批量预检 for district organisers: a district folder (or many teachers' folders) in, one row per work out, each
 * work checked against the category its folder names; filter, sort, open a work's detail, export the 汇总表.
 */
export function BatchPage({ pack, save = downloadFile, now = () => new Date() }: BatchPageProps) {
  const lang = uiLang();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [onlyFailures, setOnlyFailures] = useState(false);
  const [sort, setSort] = useState<SortKey>('teacher');
  const [open, setOpen] = useState<WorkResult | null>(null);
  const { state, layout, results, cancel } = useBatchRun(pack, picked);

  const problems = useMemo(() => new Map(results.map((r) => [r, failuresOf(r, lang, (id) => slotLabel(r, id, lang))])), [results, lang]);
  const shown = sortRows(onlyFailures ? results.filter((r) => r.verdict === 'fail' || r.verdict === 'unreadable') : results, sort, lang, problems);
  const finished = state.phase === 'done';

  const exportAs = async (kind: 'xlsx' | 'csv' | 'html') => {
    const table = summaryTable(results, lang);
    const name = `报送汇总表-${chinaDay(now())}.${kind}`;
    if (kind === 'csv') save(name, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    else if (kind === 'html') {
      const teachers = new Set(results.map((r) => r.unit.teacherPath)).size;
      const html = toHtml(table, { title: i18n.t('batch.reportTitle'), meta: [i18n.t('batch.reportMeta', [pack.version, String(teachers), String(results.length)])], lang });
      save(name, new Blob([html], { type: 'text/html;charset=utf-8' }));
    } else {
      // exceljs is large: loaded only when the organiser asks for the .xlsx.
      const { toXlsx } = await import('@/lib/organiser/xlsx');
      save(name, new Blob([(await toXlsx(table)) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
  };

  const { dragging, dropHandlers } = useDropZone((data) => void fromDrop(data).then(setPicked));

  return (
    <main className="batch" aria-busy={state.phase === 'running' || state.phase === 'opening'}>
      <header>
        <h1>{i18n.t('batch.title')}</h1>
        <p className="batch__intro">{i18n.t('batch.intro')}</p>
        <p className="batch__intro"><a href="/check.html">{i18n.t('batch.toCheck')}</a></p>
      </header>
      <section className={`drop${dragging ? ' drop--over' : ''}`} aria-label={i18n.t('batch.dropLabel')} {...dropHandlers}>
        <p className="drop__text">{i18n.t('batch.drop')}</p>
        <PickButton label={i18n.t('batch.pickFolder')} testId="batch-folder-input" folder onPick={setPicked} />
        <PickButton label={i18n.t('batch.pickArchives')} testId="batch-archive-input" accept=".rar,.zip,.7z" onPick={setPicked} />
        <p className="drop__hint">{i18n.t('batch.emptyHint')}</p>
      </section>
      <Progress state={state} onCancel={cancel} lang={lang} />
      {layout && layout.outside.length > 0 && <p className="notice" role="note">{i18n.t('batch.outside', [layout.outside.join('、')])}</p>}
      {results.length > 0 && (
        <section aria-labelledby="batch-results">
          <h2 id="batch-results">{i18n.t('batch.results', [String(new Set(results.map((r) => r.unit.teacherPath)).size), String(results.length), String(results.filter((r) => r.verdict === 'fail' || r.verdict === 'unreadable').length)])}</h2>
          <div className="batch__tools">
            <label><input type="checkbox" checked={onlyFailures} onChange={(e) => setOnlyFailures(e.target.checked)} /> {i18n.t('batch.onlyFailures')}</label>
            <label>
              {i18n.t('batch.sortBy')}{' '}
              <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                {(['teacher', 'category', 'verdict', 'problems'] as const).map((k) => <option key={k} value={k}>{t(`batch.sort.${k}`)}</option>)}
              </select>
            </label>
            <span className="batch__export">
              <button type="button" className="primary" disabled={!finished} onClick={() => void exportAs('xlsx')}>{i18n.t('batch.export.xlsx')}</button>
              <button type="button" disabled={!finished} onClick={() => void exportAs('csv')}>{i18n.t('batch.export.csv')}</button>
              <button type="button" disabled={!finished} onClick={() => void exportAs('html')}>{i18n.t('batch.export.html')}</button>
            </span>
          </div>
          <table className="batch__table" data-testid="batch-table">
            <thead>
              <tr>
                <th scope="col">{i18n.t('batch.col.teacher')}</th>
                <th scope="col">{i18n.t('batch.col.category')}</th>
                <th scope="col">{i18n.t('batch.col.work')}</th>
                <th scope="col">{i18n.t('batch.col.verdict')}</th>
                <th scope="col">{i18n.t('batch.col.problems')}</th>
                <th scope="col"><span className="visually-hidden">{i18n.t('batch.col.detail')}</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.unit.teacherPath}/${r.unit.categoryFolder}/${r.unit.workName}`} data-testid="batch-row" data-verdict={r.verdict} data-teacher={r.unit.teacherFolder}>
                  <td>{r.unit.teacherFolder || '—'}</td>
                  <td>{categoryName(r, lang)}</td>
                  <td>{r.unit.workName ?? '—'}</td>
                  <td><VerdictBadge verdict={r.verdict} /></td>
                  <td>
                    <ul className="batch__problems">{problems.get(r)!.slice(0, 3).map((p, i) => <li key={i}>{p}</li>)}</ul>
                    {problems.get(r)!.length > 3 && <span>{i18n.t('batch.more', [String(problems.get(r)!.length - 3)])}</span>}
                  </td>
                  <td>
                    <button type="button" aria-expanded={open === r} onClick={() => setOpen(open === r ? null : r)}>
                      {i18n.t('batch.detail', [r.unit.teacherFolder || r.unit.workName || ''])}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {open && <Detail result={open} lang={lang} />}
        </section>
      )}
    </main>
  );
}

/** A labelled file picker: a whole folder (`folder`), or several files (teachers' archives). */
function PickButton({ label, testId, folder = false, accept, onPick }: { label: string; testId: string; folder?: boolean; accept?: string; onPick: (picked: Picked) => void }) {
  const id = useId();
  return (
    <>
      <label className="button" htmlFor={id}>{label}</label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        data-testid={testId}
        {...(folder ? { webkitdirectory: '' } : {})}
        {...(accept ? { accept } : {})}
        multiple
        onChange={(e) => {
          if (e.target.files && e.target.files.length > 0) onPick(fromInput(e.target.files));
          e.target.value = '';
        }}
      />
    </>
  );
}

function slotLabel(r: WorkResult, id: string | null, lang: Lang): string {
  const slot = r.unit.category?.slots.find((s) => s.id === id);
  return slot ? inLang(lang, slot.label, slot.labelEn) : t('batch.unassigned');
}

/** One work's detail, as 预检 shows it: the layout's faults, what is missing, then each file with its findings. */
function Detail({ result, lang }: { result: WorkResult; lang: Lang }) {
  const { unit, report } = result;
  return (
    <section className="batch__detail" aria-labelledby="batch-detail" data-testid="batch-detail">
      <h2 id="batch-detail">{[unit.teacherFolder, unit.categoryFolder, unit.workName].filter(Boolean).join(' / ')} <VerdictBadge verdict={result.verdict} /></h2>
      {unit.issues.length > 0 && (
        <ul className="findings">
          {unit.issues.map((i) => <li key={i.code} className={`finding finding--${i.verdict}`} data-code={i.code}>{formatLayoutIssue(i, lang)}</li>)}
        </ul>
      )}
      {report && report.missing.length > 0 && <p className="notice notice--error">{i18n.t('batch.missing', [report.missing.map((m) => slotLabel(result, m.slot, lang)).join('、')])}</p>}
      {report && <FindingList findings={report.findings.filter((f) => f.code !== 'slot_missing')} lang={lang} hidePass />}
      {report?.files.map((f) => (
        <div key={f.path ?? f.name} className="batch__file" data-testid="batch-file" data-name={f.name}>
          <p><VerdictBadge verdict={f.verdict} /> <strong>{f.name}</strong> · {slotLabel(result, f.slot, lang)} · {formatBytes(f.size, lang)}</p>
          <FindingList findings={f.findings} lang={lang} />
        </div>
      ))}
    </section>
  );
}

function Progress({ state, onCancel, lang }: { state: BatchState; onCancel: () => void; lang: Lang }) {
  const id = useId();
  switch (state.phase) {
    case 'opening':
      return (
        <div className="progress" data-testid="batch-progress">
          <label htmlFor={id}>{i18n.t('batch.opening', [String(state.archivesDone), String(state.archivesTotal)])}</label>
          <progress id={id} value={state.archivesDone} max={Math.max(1, state.archivesTotal)} />
          <button type="button" onClick={onCancel}>{i18n.t('batch.cancel')}</button>
        </div>
      );
    case 'running':
      return (
        <div className="progress" data-testid="batch-progress">
          <label htmlFor={id}>
            {i18n.t('batch.progress', [String(state.teachersDone), String(state.teachersTotal), formatBytes(state.bytesRead, lang), formatBytes(state.bytesOnDisk, lang)])}
          </label>
          <progress id={id} value={state.worksDone} max={Math.max(1, state.worksTotal)} />
          <button type="button" onClick={onCancel}>{i18n.t('batch.cancel')}</button>
        </div>
      );
    case 'done':
      return <p className="notice notice--ok" role="status" data-testid="batch-done">{i18n.t('batch.done', [formatBytes(state.bytesRead, lang), formatBytes(state.bytesOnDisk, lang)])}</p>;
    case 'cancelled':
      return <p className="notice" role="status">{i18n.t('batch.cancelled')}</p>;
    case 'failed':
      return <p className="notice notice--error" role="alert">{i18n.t('batch.failed', [state.message])}</p>;
    case 'idle':
      return null;
  }
}
