import { useEffect, useRef, useState } from 'react';
import { checkFiles, routeFor } from '@/lib/checks';
import { createCheckPool } from '@/lib/checks/pool';
import type { CheckPool } from '@/lib/checks/pool';
import { checkDistrict, inferLayout, type Layout, type WorkResult } from '@/lib/organiser';
import {
  archiveReadOf,
  attachArchiveIssues,
  expandTeacherArchives,
  isTeacherArchive,
  memberBytes,
  memberSources,
  PackedMember,
  packedInspection,
} from '@/lib/organiser/archives';
import type { RulePack } from '@/lib/rules';
import type { Picked } from './collect-entries';

export type BatchState =
  | { phase: 'idle' }
  | { phase: 'opening'; archivesDone: number; archivesTotal: number }
  | { phase: 'running'; teachersDone: number; teachersTotal: number; worksDone: number; worksTotal: number; bytesRead: number; bytesOnDisk: number }
  | { phase: 'done'; bytesRead: number; bytesOnDisk: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

interface Sink {
  signal: AbortSignal;
  setState: (state: BatchState) => void;
  setLayout: (layout: Layout) => void;
  setResults: (results: WorkResult[]) => void;
}

/**
 * One district: teachers' archives opened as their folders (directories only, in the pool), the layout (no file
 * read), then every work in the pool, two works at a time, each work's files in parallel within the pool. A file
 * stored in an archive is a slice of the archive's File; a compressed one is judged by name, type and size.
 */
async function runDistrict(pack: RulePack, picked: Picked, pool: CheckPool<Blob>, sink: Sink): Promise<void> {
  const { signal } = sink;
  const live = () => !signal.aborted;
  const bytesOnDisk = picked.entries.reduce((n, e) => n + (e.size ?? 0), 0);
  let bytesRead = 0;
  const counted = () => {
    let seen = 0;
    return ({ bytesRead: now }: { bytesRead: number }) => {
      bytesRead += now - seen;
      seen = now;
    };
  };

  const archivesTotal = picked.entries.filter((e) => !e.dir && isTeacherArchive(e.path, pack.categories)).length;
  let archivesDone = 0;
  if (archivesTotal > 0) sink.setState({ phase: 'opening', archivesDone, archivesTotal });
  const opened = await expandTeacherArchives(picked.entries, pack.categories, async (path) => {
    const file = picked.files.get(path)!;
    const inspection = await pool.inspect(file, file.name, { signal, onProgress: counted() });
    archivesDone++;
    if (live()) sink.setState({ phase: 'opening', archivesDone, archivesTotal });
    return archiveReadOf(inspection);
  });
  signal.throwIfAborted();
  const members = memberSources(opened.expansions);
  const found = inferLayout(opened.entries, pack.categories);
  attachArchiveIssues(found, opened.expansions);
  sink.setLayout(found);
  sink.setResults([]);

  const counts = { teachersDone: 0, teachersTotal: 0, worksDone: 0, worksTotal: found.units.length };
  const show = () => {
    if (live()) sink.setState({ phase: 'running', ...counts, bytesRead, bytesOnDisk });
  };
  const rows: WorkResult[] = [];
  const all = await checkDistrict(found, {
    signal,
    check: (unit) =>
      checkFiles(
        unit.category,
        unit.files.map((f) => {
          const member = members.get(f.source);
          const blob = member ? memberBytes(member, (offset, size) => picked.files.get(member.archive)!.slice(offset, offset + size)) : picked.files.get(f.source)!;
          return { blob, name: f.name, path: f.path };
        }),
        {
          rulePack: pack.version,
          // A district folder is the district round; the vocational specials have none and keep their platform.
          route: routeFor(unit.category, 'district'),
          signal,
          concurrency: pool.size,
          inspect: (file, { timeoutMs, signal: fileSignal }) => {
            if (file.blob instanceof PackedMember) return Promise.resolve(packedInspection(file.blob, file.name));
            const progress = counted();
            return pool.inspect(file.blob as Blob, file.name, {
              timeoutMs,
              ...(fileSignal ? { signal: fileSignal } : {}),
              onProgress: (p) => {
                progress(p);
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
      if (live()) sink.setResults([...rows]);
    },
  });
  if (!live()) return;
  sink.setResults(all);
  sink.setState({ phase: 'done', bytesRead, bytesOnDisk });
}

/** Checks a district whenever a new one is picked; cancelling (or a new pick) stops every worker's job. */
export function useBatchRun(pack: RulePack, picked: Picked | null) {
  const [state, setState] = useState<BatchState>({ phase: 'idle' });
  const [layout, setLayout] = useState<Layout | null>(null);
  const [results, setResults] = useState<WorkResult[]>([]);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!picked) return;
    const abort = new AbortController();
    controller.current = abort;
    setLayout(null);
    setResults([]);
    const pool = createCheckPool();
    runDistrict(pack, picked, pool, { signal: abort.signal, setState, setLayout, setResults })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => pool.dispose());
    return () => abort.abort();
  }, [pack, picked]);

  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };
  return { state, layout, results, cancel };
}
