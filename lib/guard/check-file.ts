import {
  evaluateFile, inspectFile, worstVerdict, type ByteSource, type Finding, type Inspection, type MediaInfo, type Route, type Verdict,
} from '@/lib/checks';
import type { Slot } from '@/lib/rules/schema';

/** The outcome of checking one chosen file against the slot its upload is for. */
export interface FileCheck {
  name: string;
  size: number;
  slotId: string | null;
  verdict: Verdict;
  /** Every finding, passes included (the inline result shows the faults, the details show all). */
  findings: Finding[];
  media?: MediaInfo;
  /** When the check finished (epoch ms); with `startedAt`, what the teacher waited. */
  startedAt: number;
  finishedAt: number;
  /** Bytes the check read: headers only, whatever the file's size. */
  bytesRead: number;
}

/** Findings a teacher must act on: failures and unreadable files first, then warnings. */
export function problemsOf(check: Pick<FileCheck, 'findings'>): Finding[] {
  const rank: Record<Verdict, number> = { unreadable: 0, fail: 1, warn: 2, pass: 3 };
  return check.findings.filter((f) => f.verdict !== 'pass').sort((a, b) => rank[a.verdict] - rank[b.verdict]);
}

/** Whether a check stops the submission (a warning does not). */
export function isBlocking(verdict: Verdict): boolean {
  return verdict === 'fail' || verdict === 'unreadable';
}

/** A chosen file: the browser's File, or anything with a name that slices like a Blob. */
export interface ChosenFile extends ByteSource {
  name: string;
}

/**
 * Checks a chosen file. Reads only the ranges the engine needs (MP4 moov, ZIP central directory, DOCX parts), in
 * separate awaited slices, so a 600 MB video costs kilobytes and the page's main thread is never held for long.
 * Without a slot, only the file's own faults (damage, a wrong extension) are reported. `route` is the site the page
 * belongs to: the slot is judged as that route asks for it (lib/checks/evaluate.ts), default the slot as written.
 */
export async function checkChosenFile(file: ChosenFile, slot: Slot | undefined,
  options: {
    signal?: AbortSignal; timeoutMs?: number; now?: () => number; route?: Route;
    /** Who reads the file: a bounded worker pool on the extension's side (lib/checks/pool.ts); default in this thread. */
    inspect?: (file: ChosenFile, name: string, options: { signal?: AbortSignal; timeoutMs?: number }) => Promise<Inspection>;
  } = {}): Promise<FileCheck> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const inspect = options.inspect ?? inspectFile;
  const inspection = await inspect(file, file.name, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const findings = [...inspection.findings, ...(slot ? evaluateFile(inspection, slot, options.route) : [])];
  return {
    name: file.name,
    size: file.size,
    slotId: slot?.id ?? null,
    verdict: worstVerdict(findings.map((f) => f.verdict)),
    findings,
    ...(inspection.media ? { media: inspection.media } : {}),
    startedAt,
    finishedAt: now(),
    bytesRead: inspection.stats.bytesRead,
  };
}

/** Whether a failing check is about the video itself (length, frame rate, size, container): the repair page can fix it. */
export function isRepairableVideo(check: Pick<FileCheck, 'findings' | 'media'>): boolean {
  if (!check.media) return false;
  const repairable = new Set(['video_too_long', 'video_fps_mismatch', 'video_vfr', 'video_resolution_low', 'size_too_large',
    'video_container', 'video_container_mov', 'type_mismatch_mov', 'video_no_moov']);
  return check.findings.some((f) => f.verdict !== 'pass' && repairable.has(f.code));
}
