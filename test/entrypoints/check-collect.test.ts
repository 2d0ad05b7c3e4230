import { describe, expect, it } from 'vitest';
import { fromDrop, fromFileList, mergePicked } from '@/entrypoints/check/collect';

/** Just enough of the File and Directory Entries API for a dropped folder. */
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop()!;
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File([name], name)) } as unknown as FileSystemFileEntry;
}
function dirEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      // Two batches then an empty one, as Chrome hands out big folders.
      const batches = [children.slice(0, 1), children.slice(1), []];
      return { readEntries: (ok: (entries: FileSystemEntry[]) => void) => ok(batches.shift() ?? []) };
    },
  } as unknown as FileSystemDirectoryEntry;
}
function transfer(entries: FileSystemEntry[]): DataTransfer {
  return { files: [], items: entries.map((e) => ({ kind: 'file', webkitGetAsEntry: () => e })) } as unknown as DataTransfer;
}

describe('fromDrop', () => {
  it('walks a dropped teacher folder and keeps relative paths, reading every batch', async () => {
    const root = '/中职+甲校+张三';
    const work = `${root}/职业教育实践性教学案例/作品`;
    const tree = dirEntry(root, [
      dirEntry(`${root}/职业教育实践性教学案例`, [dirEntry(work, [fileEntry(`${work}/教案.docx`), fileEntry(`${work}/视频.mp4`)])]),
      fileEntry(`${root}/说明.txt`),
    ]);
    const picked = await fromDrop(transfer([tree, fileEntry('/单独.pdf')]));
    expect(picked.map((p) => [p.file.name, p.path])).toEqual([
      ['教案.docx', '中职+甲校+张三/职业教育实践性教学案例/作品/教案.docx'],
      ['视频.mp4', '中职+甲校+张三/职业教育实践性教学案例/作品/视频.mp4'],
      ['说明.txt', '中职+甲校+张三/说明.txt'],
      ['单独.pdf', undefined],
    ]);
  });

  it('falls back to the file list when the browser gives no entries', async () => {
    const file = new File(['x'], 'a.pdf');
    const picked = await fromDrop({ files: [file], items: [] } as unknown as DataTransfer);
    expect(picked).toEqual([{ file }]);
  });
});

describe('mergePicked', () => {
  it('replaces a file picked again instead of counting it twice', () => {
    const a1 = new File(['1'], 'a.pdf');
    const a2 = new File(['22'], 'a.pdf');
    const b = new File(['3'], 'b.pdf');
    const merged = mergePicked(fromFileList([a1, b]), fromFileList([a2]));
    expect(merged.map((p) => p.file)).toEqual([a2, b]);
  });
});
