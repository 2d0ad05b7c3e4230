import type { Category } from '../rules/schema';
import { assignSlots, type InputFile, isSystemFile, layoutFindings, slotFindings } from './assemble';
import { DEFAULT_TIMEOUT_MS, type Inspection, inspectFile } from './inspect';
import { makeFinding } from './messages';
import { type CheckReport, type FileReport, type Finding, REPORT_SCHEMA_ID, worstVerdict } from './report';
import { checkAgainstSlot } from './slot-checks';

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
 * Checks one category's files: inspects each (real type, size, video/document/archive/image facts), assigns
 * them to the category's slots, and checks slots, totals and the district folder layout. Bad files never make it
 * throw; only an abort does (with the signal's reason).
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

  const candidates = files.map((f, i) => ({ name: f.name, ...(f.path !== undefined ? { path: f.path } : {}), i }));
  const assignable = candidates.filter((c) => !systemFile[c.i]);
  const slotsOf = assignSlots(
    category,
    assignable.map((c) => ({ name: c.name, ...(c.path !== undefined ? { path: c.path } : {}), type: inspections[c.i]!.detected.type })),
    options.overrides,
  );
  const slotByIndex = new Map<number, string | null>();
  assignable.forEach((c, k) => slotByIndex.set(c.i, slotsOf[k] ?? null));

  const reports: FileReport[] = files.map((file, i) => {
    const path = file.path !== undefined ? { path: file.path } : {};
    if (systemFile[i]) {
      const findings = [makeFinding('file_ignored', 'pass', { name: file.name })];
      return { name: file.name, ...path, size: file.blob.size, slot: null, detected: { type: 'unknown', mime: 'application/octet-stream' }, findings, verdict: 'pass' };
    }
    const insp = inspections[i]!;
    const slotId = slotByIndex.get(i) ?? null;
    const slot = category.slots.find((s) => s.id === slotId);
    const findings: Finding[] = [...insp.findings];
    if (slot) findings.push(...checkAgainstSlot(insp, slot));
    else findings.push(makeFinding('file_unassigned', 'warn'));
    return {
      name: file.name,
      ...path,
      size: insp.size,
      slot: slotId,
      detected: { type: insp.detected.type, mime: insp.detected.mime },
      ...(insp.media ? { media: insp.media } : {}),
      ...(insp.document ? { document: insp.document } : {}),
      ...(insp.archive ? { archive: insp.archive } : {}),
      ...(insp.image ? { image: insp.image } : {}),
      ...(insp.pdf ? { pdf: insp.pdf } : {}),
      findings,
      verdict: worstVerdict(findings.map((f) => f.verdict)),
    };
  });

  const counted = reports.filter((r, i) => !systemFile[i]);
  const { missing, findings } = slotFindings(category, counted, options.answers);
  const paths = files.filter((f, i) => !systemFile[i] && f.path !== undefined).map((f) => f.path!);
  findings.push(...layoutFindings(category, paths));

  return {
    schema: REPORT_SCHEMA_ID,
    rulePack: options.rulePack,
    category: category.id,
    verdict: worstVerdict([...findings.map((f) => f.verdict), ...reports.map((r) => r.verdict)]),
    missing,
    findings,
    files: reports,
  };
}
