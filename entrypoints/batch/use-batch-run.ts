import { useEffect, useRef, useState } from 'react';
import { checkFiles, routeFor } from '@/lib/checks';
import { createCheckPool } from '@/lib/checks/pool';
import { checkDistrict, inferLayout, type Layout, type WorkResult } from '@/lib/organiser';
import type { RulePack } from '@/lib/rules';
import type { Picked } from './collect-entries';

export type BatchState =
  | { phase: 'idle' }
  | { phase: 'running'; teachersDone: number; teachersTotal: number; worksDone: number; worksTotal: number; bytesRead: number; bytesOnDisk: number }
  | { phase: 'done'; bytesRead: number; bytesOnDisk: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/**
 * Checks a district whenever a new one is picked: the layout first (no file read), then every work in the bounded
 * worker pool (lib/checks/pool.ts), two works at a time, each work's files in parallel within the pool.
 */
export function useBatchRun(pack: RulePack, picked: Picked | null) {
  const [state, setState] = useState<BatchState>({ phase: 'idle' });
  const [layout, setLayout] = useState<Layout | null>(null);
  const [results, setResults] = useState<WorkResult[]>([]);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!picked) return;
    const abort = new AbortController();
    controller.current = abort;
    const found = inferLayout(picked.entries, pack.categories);
    setLayout(found);
    setResults([]);
    const bytesOnDisk = picked.entries.reduce((n, e) => n + (e.size ?? 0), 0);
    let bytesRead = 0;
    const counts = { teachersDone: 0, teachersTotal: 0, worksDone: 0, worksTotal: found.units.length };
    const show = () => {
      if (!abort.signal.aborted) setState({ phase: 'running', ...counts, bytesRead, bytesOnDisk });
    };
    const pool = createCheckPool();
    const rows: WorkResult[] = [];
    checkDistrict(found, {
      signal: abort.signal,
      check: (unit) =>
        checkFiles(
          unit.category,
          unit.files.map((f) => ({ blob: picked.files.get(f.source)!, name: f.name, path: f.path })),
          {
            rulePack: pack.version,
            // A district folder is the district round; the vocational specials have none and keep their platform.
            route: routeFor(unit.category, 'district'),
            signal: abort.signal,
            concurrency: pool.size,
            inspect: (file, { timeoutMs, signal }) => {
              let seen = 0;
              return pool.inspect(file.blob as Blob, file.name, {
                timeoutMs,
                ...(signal ? { signal } : {}),
                onProgress: (p) => {
                  bytesRead += p.bytesRead - seen;
                  seen = p.bytesRead;
                  show();
                },
              });
            },
          },
        ),
      onProgress: (p) => {
        Object.assign(counts, p);
        show();
      },
      onResult: (result) => {
        rows.push(result);
        if (!abort.signal.aborted) setResults([...rows]);
      },
    }).then(
      (all) => {
        if (abort.signal.aborted) return;
        setResults(all);
        setState({ phase: 'done', bytesRead, bytesOnDisk });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    ).finally(() => pool.dispose());
    return () => abort.abort();
  }, [pack, picked]);

  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };
  return { state, layout, results, cancel };
}
