import { liveQuery } from 'dexie';
import { i18n } from '#i18n';
import { createContext, useContext, useEffect, useState, type DependencyList } from 'react';
import type { SaveResult, SubmitHelperDB } from '@/lib/db';
import type { FieldErrors } from '@/lib/profile';
import type { RulePack } from '@/lib/rules';

/** The page's database and rule pack; tests provide an in-memory database and a pack of their own. */
export interface OptionsEnv {
  db: SubmitHelperDB;
  pack: RulePack;
}

export const OptionsContext = createContext<OptionsEnv | null>(null);

export function useEnv(): OptionsEnv {
  const env = useContext(OptionsContext);
  if (!env) throw new Error('OptionsContext missing');
  return env;
}

/** Re-runs a Dexie query whenever the tables it read change (also from another tab of the options page). */
export function useLive<T>(query: (db: SubmitHelperDB) => Promise<T>, deps: DependencyList = []): T | undefined {
  const { db } = useEnv();
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(() => query(db)).subscribe({
      next: setValue,
      error: (error: unknown) => console.error(error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps]);
  return value;
}

/**
 * Which record the editor shows. The form's key changes only when the teacher picks another record or starts a
 * new one, never on save, so saving a new record does not remount the form and lose its status line.
 */
/** Key of the form shown when a list is empty, so a first-time user lands in a blank editor. */
export const FIRST_FORM_KEY = 'first';

export function useSelection(items: readonly unknown[] | undefined) {
  const [open, setOpen] = useState<{ key: string; id?: string }>();
  const [counter, setCounter] = useState(0);
  // Opened once, into state: deriving it from "the list is empty" would unmount the form the moment its first save
  // makes the list non-empty, before the save's own status could be shown.
  const empty = items !== undefined && items.length === 0;
  useEffect(() => {
    if (empty) setOpen((o) => o ?? { key: FIRST_FORM_KEY });
  }, [empty]);
  return {
    key: open?.key,
    id: open?.id,
    select: (id: string) => setOpen({ key: id, id }),
    startNew: () => {
      setCounter((c) => c + 1);
      setOpen({ key: `new-${counter + 1}` });
    },
    saved: (id: string) => setOpen((o) => (o ? { ...o, id } : { key: id, id })),
    close: () => setOpen(undefined),
  };
}

/** A status line under a form: what the last action did. */
export interface StatusLine {
  text: string;
  kind: 'ok' | 'error' | 'none';
}
export const NO_STATUS: StatusLine = { text: '', kind: 'none' };

/**
 * The save feedback every record editor shares: errors under the fields, a status line, and the id of a record
 * saved for the first time, so the next save updates it instead of creating another.
 */
export function useRecordSave<T extends { id: string }>(existingId: string | undefined, onSaved: (id: string) => void) {
  const [savedId, setSavedId] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<StatusLine>(NO_STATUS);

  /** Runs a save; on refusal the typed input stays as it is and the errors show. Returns the stored record. */
  async function run(save: () => Promise<SaveResult<T>>): Promise<T | undefined> {
    const result = await save();
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ text: i18n.t('optionsPage.notSaved'), kind: 'error' });
      return undefined;
    }
    setErrors({});
    setSavedId(result.value.id);
    setStatus({ text: i18n.t('optionsPage.saved'), kind: 'ok' });
    onSaved(result.value.id);
    return result.value;
  }

  return { id: existingId ?? savedId, errors, setErrors, status, setStatus, run };
}
