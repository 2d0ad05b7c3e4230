import { useEffect, useRef, useState } from 'react';
import { checkFiles, type CheckReport, type Route } from '@/lib/checks';
import type { Category, RulePack } from '@/lib/rules';
import type { PickedFile } from './collect';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** A report together with the files it was made from: report.files[i] is files[i]. */
export interface Checked {
  report: CheckReport;
  files: readonly PickedFile[];
}

interface RunInput {
  pack: RulePack;
  category: Category;
  route: Route;
  files: PickedFile[];
  answers: Readonly<Record<string, boolean>>;
  overrides: Readonly<Record<string, string>>;
}

/**
 * Checks the files whenever they, the category or the answers change; a newer run aborts the older one. Cancel keeps
 * the last report on screen, restart runs the same input again.
 */
export function useCheckRun({ pack, category, route, files, answers, overrides }: RunInput) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

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
        route,
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
  }, [category, route, files, answers, overrides, pack.version, attempt]);

  const cancel = () => {
    controller.current?.abort();
    setRun({ phase: 'cancelled' });
  };
  const restart = () => setAttempt((n) => n + 1);
  // A report made for the previous category is not shown while the new one is being checked.
  const report = checked?.report.category === category.id && checked.report.route === route ? checked.report : null;
  const rows = report && checked ? report.files.map((r, i) => ({ report: r, picked: checked.files[i]! })) : [];

  return { run, report, rows, cancel, restart };
}
