import { liveQuery } from 'dexie';
import { createContext, useContext, useEffect, useState, type DependencyList } from 'react';
import type { SubmitHelperDB } from '@/lib/db';
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
