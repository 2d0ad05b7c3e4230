import type { LayoutEntry } from '@/lib/organiser';

/** A district's files as the layout sees them, and each file by its path. Folders come only from drops. */
export interface Picked {
  entries: LayoutEntry[];
  files: Map<string, File>;
}

export function fromInput(list: ArrayLike<File>): Picked {
  const picked: Picked = { entries: [], files: new Map() };
  for (const file of Array.from(list)) {
    const path = file.webkitRelativePath || file.name;
    picked.entries.push({ path, size: file.size });
    picked.files.set(path, file);
  }
  return picked;
}

/** One batch of a directory reader; Chrome hands out 100 entries per call until an empty batch. */
const batchOf = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

async function add(entry: FileSystemEntry, picked: Picked): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    picked.entries.push({ path, size: file.size });
    picked.files.set(path, file);
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  let children = 0;
  for (let batch = await batchOf(reader); batch.length > 0; batch = await batchOf(reader)) {
    children += batch.length;
    for (const child of batch) await add(child, picked);
  }
  // An empty teacher folder is a fault the organiser must see: a drop is the only way a page learns of it.
  if (children === 0) picked.entries.push({ path, dir: true });
}

/** A drop of folders and files; the entries are taken while the event runs (the browser empties `items` after). */
export function fromDrop(data: DataTransfer): Promise<Picked> {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(fromInput(data.files));
  return (async () => {
    const picked: Picked = { entries: [], files: new Map() };
    for (const entry of entries) await add(entry!, picked);
    return picked;
  })();
}
