import type { FileCheck } from './check-file';
import type { UploadState } from './checklist';

/** A file the work currently holds on the page, for 作品大小. */
export interface WorkFile {
  slotId: string | null;
  size: number;
}

/**
 * The files each upload holds now: the names the page lists when it shows a list (a removed file drops out, a
 * re-chosen one counts once), else the latest choice (a plain input holds only what was chosen last).
 */
export function workFilesOf(uploads: ReadonlyArray<UploadState & { batch: readonly FileCheck[] }>): WorkFile[] {
  return uploads.flatMap((upload) => {
    let files: readonly FileCheck[];
    if (upload.listed === null) {
      files = upload.batch;
    } else {
      const latest = new Map(upload.checks.map((check) => [check.name, check]));
      files = upload.listed.flatMap((name) => latest.get(name) ?? []);
    }
    return files.map((file) => ({ slotId: upload.slotId ?? file.slotId, size: file.size }));
  });
}
