import { inspectFile, type Inspection } from '../checks/inspect';
import type { Finding } from '../checks/report';
import type { ByteSource } from '../checks/source';
import { isMoovAtEnd } from './boxes';
import type { RepairProbe } from './plan';

const VIDEO_TYPES = new Set(['mp4', 'mov', 'mkv', 'avi']);

/** What the page knows about a chosen file: a probe to plan with, or why it cannot be repaired. */
export type ProbeResult =
  | { ok: true; probe: RepairProbe; inspection: Inspection }
  | { ok: false; inspection: Inspection; reason: 'unreadable'; finding: Finding }
  | { ok: false; inspection: Inspection; reason: 'not_video'; type: string };

/**
 * Reads a video's facts with the file-check engine (the same code that judges the upload) and where its index sits.
 * Damaged, truncated and non-video files come back as a reason, never as an exception.
 */
export async function probeVideo(file: ByteSource, name: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ProbeResult> {
  const inspection = await inspectFile(file, name, {
    // Reading a phone video's index takes milliseconds; a generous bound covers slow disks and 4 GB files.
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const unreadable = inspection.findings.find((f) => f.verdict === 'unreadable');
  if (unreadable) return { ok: false, inspection, reason: 'unreadable', finding: unreadable };
  if (!VIDEO_TYPES.has(inspection.detected.type) || !inspection.media) {
    return { ok: false, inspection, reason: 'not_video', type: inspection.detected.type };
  }
  const container = inspection.media.container;
  const moovAtEnd = container === 'mp4' || container === 'mov' ? await isMoovAtEnd(file) : undefined;
  return {
    ok: true,
    inspection,
    probe: { name, size: file.size, media: inspection.media, ...(moovAtEnd !== undefined ? { moovAtEnd } : {}) },
  };
}
