import { i18n } from '#i18n';
import { useState } from 'react';
import {
  applyImport,
  hasChanges,
  parseBackup,
  previewImport,
  serializeBackup,
  type Backup,
  type BackupError,
  type ImportMode,
  type ImportPreview,
} from '@/lib/backup';
import { readSnapshot, TABLE_NAMES, type TableName } from '@/lib/db';
import { chinaDay } from '@/lib/time/china';
import { Status } from './controls';
import { readText } from '@/components/read-text';
import { NO_STATUS, useEnv, type StatusLine } from './store';

function backupErrorText(error: BackupError): string {
  switch (error.code) {
    case 'empty':
      return i18n.t('backup.errors.empty');
    case 'notJson':
      return i18n.t('backup.errors.notJson');
    case 'notBackup':
      return i18n.t('backup.errors.notBackup');
    case 'futureVersion':
      return i18n.t('backup.errors.futureVersion', [error.detail ?? '?']);
    case 'checksum':
      return i18n.t('backup.errors.checksum');
    case 'invalid':
      return i18n.t('backup.errors.invalid', [error.detail ?? '?']);
  }
}

function tableName(table: TableName): string {
  switch (table) {
    case 'people': return i18n.t('backup.tables.people');
    case 'teams': return i18n.t('backup.tables.teams');
    case 'drafts': return i18n.t('backup.tables.drafts');
    case 'deadlines': return i18n.t('backup.tables.deadlines');
    case 'fills': return i18n.t('backup.tables.fills');
  }
}

/** The file picked for import, read and checked, waiting for the teacher to confirm. */
interface Pending {
  backup: Backup;
  fileName: string;
}

/** 备份与恢复: export to one JSON file; import with a preview; a bad file is refused before anything is written. */
export function BackupTab({ download = downloadText }: { download?: (fileName: string, text: string) => void }) {
  const { db } = useEnv();
  const [status, setStatus] = useState<StatusLine>(NO_STATUS);
  const [pending, setPending] = useState<Pending>();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<ImportPreview>();

  async function exportAll() {
    const text = await serializeBackup(await readSnapshot(db));
    const fileName = `submit-helper-backup-${chinaDay(new Date())}.json`;
    download(fileName, text);
    setStatus({ text: i18n.t('backup.exported', [fileName]), kind: 'ok' });
  }

  async function pick(file: File | undefined) {
    setPending(undefined);
    setPreview(undefined);
    if (!file) return;
    const result = await parseBackup(await readText(file));
    if (!result.ok) {
      setStatus({ text: backupErrorText(result.error), kind: 'error' });
      return;
    }
    setStatus({ text: '', kind: 'none' });
    setPending({ backup: result.backup, fileName: file.name });
    setPreview(previewImport(await readSnapshot(db), result.backup, mode));
  }

  async function changeMode(next: ImportMode) {
    setMode(next);
    if (pending) setPreview(previewImport(await readSnapshot(db), pending.backup, next));
  }

  async function apply() {
    if (!pending) return;
    try {
      await applyImport(db, pending.backup, mode);
      setStatus({ text: i18n.t('backup.applied'), kind: 'ok' });
      setPending(undefined);
      setPreview(undefined);
    } catch (error) {
      setStatus({ text: i18n.t('backup.failed', [error instanceof Error ? error.message : String(error)]), kind: 'error' });
    }
  }

  return (
    <section className="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{i18n.t('backup.heading')}</h2>
      <p>{i18n.t('backup.intro')}</p>
      <p>
        <button type="button" className="primary" onClick={exportAll}>{i18n.t('backup.export')}</button>
      </p>
      <p className="field">
        <label htmlFor="backup-file">{i18n.t('backup.import')}</label>
        <input id="backup-file" type="file" accept=".json,application/json" onChange={(e) => void pick(e.target.files?.[0])} />
      </p>
      {pending && preview && (
        <div className="preview">
          <fieldset>
            <legend>{i18n.t('backup.mode')}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => void changeMode(m)} />
                {m === 'merge' ? i18n.t('backup.merge') : i18n.t('backup.replace')}
              </label>
            ))}
          </fieldset>
          <table>
            <caption>{i18n.t('backup.preview')}：{pending.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('backup.table')}</th>
                <th scope="col">{i18n.t('backup.added')}</th>
                <th scope="col">{i18n.t('backup.updated')}</th>
                <th scope="col">{i18n.t('backup.removed')}</th>
                <th scope="col">{i18n.t('backup.unchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {TABLE_NAMES.map((t) => (
                <tr key={t} data-table={t}>
                  <th scope="row">{tableName(t)}</th>
                  <td title={preview[t].added.join('、')}>{preview[t].added.length}</td>
                  <td title={preview[t].updated.join('、')}>{preview[t].updated.length}</td>
                  <td title={preview[t].removed.join('、')} className={preview[t].removed.length ? 'counter-over' : undefined}>
                    {preview[t].removed.length}
                  </td>
                  <td>{preview[t].unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ChangedNames preview={preview} />
          {hasChanges(preview) ? (
            <button type="button" className="primary" onClick={apply}>{i18n.t('backup.apply')}</button>
          ) : (
            <p className="hint">{i18n.t('backup.noChanges')}</p>
          )}
        </div>
      )}
      <Status {...status} />
    </section>
  );
}

/** Names of people, teams and drafts that would change, so the teacher sees *what*, not just how many. */
function ChangedNames({ preview }: { preview: ImportPreview }) {
  const rows = (['people', 'teams', 'drafts', 'deadlines'] as const).flatMap((t) =>
    ([['added', preview[t].added], ['updated', preview[t].updated], ['removed', preview[t].removed]] as const)
      .filter(([, names]) => names.length > 0)
      .map(([kind, names]) => ({ key: `${t}-${kind}`, text: `${tableName(t)} · ${kindName(kind)}：${names.join('、')}` })),
  );
  if (rows.length === 0) return null;
  return (
    <ul className="changes">
      {rows.map((r) => <li key={r.key}>{r.text}</li>)}
    </ul>
  );
}

function kindName(kind: 'added' | 'updated' | 'removed'): string {
  if (kind === 'added') return i18n.t('backup.added');
  if (kind === 'updated') return i18n.t('backup.updated');
  return i18n.t('backup.removed');
}

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
