import { currentFiles, type UploadState } from './checklist';

/** A file the work currently holds on the page, for 作品大小. */
export interface WorkFile {
  slotId: string | null;
  size: number;
}

/** The checked files each upload holds now (as the checklist reads them), under the upload's slot. */
export function workFilesOf(uploads: readonly UploadState[]): WorkFile[] {
  return uploads.flatMap((upload) =>
    currentFiles(upload).flatMap(({ check }) => (check ? [{ slotId: upload.slotId ?? check.slotId, size: check.size }] : [])),
  );
}
