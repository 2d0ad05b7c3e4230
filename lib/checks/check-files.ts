import type { Category } from '../rules/schema';
import { type InputFile, isSystemFile } from './assemble';
import { defaultRoute, evaluate, type Route } from './evaluate';
import { DEFAULT_TIMEOUT_MS, type Inspection, inspectFile } from './inspect';
import { type CheckReport, REPORT_SCHEMA_ID } from './report';

export interface CheckProgress {
  /** Files inspected so far. */
  done: number;
  total: number;
  /** The file just finished. */
  name: string;
}

export interface CheckOptions {
  /** Version of the rule pack the category comes from, recorded in the report (e.g. "2025.1"). */
  rulePack: string;
  /** How the work is submitted; default: the category's first route (lib/checks/evaluate.ts). */
  route?: Route;
  /** Answers to `requiredIf` questions, keyed by slot id. */
  answers?: Readonly<Record<string, boolean>>;
  /** The teacher's own assignment: file path (or name) → slot id. */
  overrides?: Readonly<Record<string, string>>;
  /** Time bound per file, default 5 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
  /** Files inspected at once; reads are I/O-bound, two keeps a slow disk busy without thrashing it. */
  concurrency?: number;
  /**
   * How one file is inspected. Default: `inspectFile` in this thread. Pages and the batch command pass a check
   * pool's `inspect` (lib/checks/pool.ts, lib/checks/node/pool.ts), which bounds each file from outside.
   */
  inspect?: (file: InputFile, options: { timeoutMs: number; signal?: AbortSignal }) => Promise<Inspection>;
}

/**
 * Checks one category's files: inspects each (real type, size, video/document/archive/image facts), then hands
 * the facts to the evaluator (lib/checks/evaluate.ts) for the route's slots, totals and, on the district route,
 * the folder layout. Bad files never make it throw; only an abort does (with the signal's reason).
 */
export async function checkFiles(category: Category, files: readonly InputFile[], options: CheckOptions): Promise<CheckReport> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const inspect = options.inspect ?? ((file: InputFile, o: { timeoutMs: number; signal?: AbortSignal }) => inspectFile(file.blob, file.name, o));
  const systemFile = files.map((f) => isSystemFile(f.path ?? f.name));
  const inspections: Array<Inspection | undefined> = files.map(() => undefined);
  let done = 0;
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < files.length) {
      if (signal?.aborted) throw signal.reason ?? new DOMException('The check was aborted', 'AbortError');
      const i = next++;
      const file = files[i]!;
      if (!systemFile[i]) {
        inspections[i] = await inspect(file, { timeoutMs, ...(signal ? { signal } : {}) });
      }
      done++;
      options.onProgress?.({ done, total: files.length, name: file.name });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, files.length)) }, worker));

  const evaluation = evaluate(
    category,
    files.map((f, i) => ({ name: f.name, ...(f.path !== undefined ? { path: f.path } : {}), size: f.blob.size, facts: systemFile[i] ? null : inspections[i]! })),
    {
      route: defaultRoute(category, options.route),
      ...(options.answers ? { answers: options.answers } : {}),
      ...(options.overrides ? { overrides: options.overrides } : {}),
    },
  );

  return { schema: REPORT_SCHEMA_ID, rulePack: options.rulePack, ...evaluation };
}
