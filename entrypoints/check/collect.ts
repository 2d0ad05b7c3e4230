/** A file chosen on the page; `path` is set when it came from a folder (pick or drop), e.g. `教师/类别/作品/a.pdf`. */
export interface PickedFile {
  file: File;
  path?: string;
}

/** Identity of a chosen file: picking the same file or folder again replaces it instead of counting it twice. */
export function pickedKey(picked: PickedFile): string {
  return picked.path ?? picked.file.name;
}

/** Files from an `<input type="file">`; a `webkitdirectory` input gives each file its relative path. */
export function fromFileList(list: ArrayLike<File>): PickedFile[] {
  return Array.from(list, (file) => (file.webkitRelativePath ? { file, path: file.webkitRelativePath } : { file }));
}

/** Adds files to a list, a file with the same key replacing the earlier one. */
export function mergePicked(current: readonly PickedFile[], added: readonly PickedFile[]): PickedFile[] {
  const byKey = new Map(current.map((p) => [pickedKey(p), p]));
  for (const p of added) byKey.set(pickedKey(p), p);
  return [...byKey.values()];
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries hands out a directory in batches (100 at a time in Chrome) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    const path = entry.fullPath.replace(/^\//, '');
    out.push(inFolder ? { file, path } : { file });
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, true, out);
  }
}

/**
 * Files of a drop, walking into dropped folders so a teacher can drop the whole 学段+学校+教师姓名 folder. The
 * entries must be taken while the drop event runs (the browser empties `items` afterwards), hence the sync part.
 */
export function fromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(fromFileList(data.files));
  return (async () => {
    const out: PickedFile[] = [];
    for (const entry of entries) await walk(entry!, false, out);
    return out;
  })();
}
