import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { Reader } from '../../../lib/checks/source';
import { countedEntries, decodeZipName, readEntry, readZipDirectory } from '../../../lib/checks/zip';
import { memorySource, SparseSource } from '../../fixtures/checks/bytes';
import { buildZip } from '../../fixtures/checks/zip-builder';

const reader = (src: SparseSource) => new Reader(src, { deadline: Date.now() + 5000, timeoutMs: 5000 });
const GBK_SUPPORT = new Uint8Array([0xd6, 0xa7, 0xb3, 0xc5, 0xb2, 0xc4, 0xc1, 0xcf]); // 支撑材料
const GBK_PHOTO = new Uint8Array([0xd5, 0xd5, 0xc6, 0xac]); // 照片

describe('readZipDirectory', () => {
  it('counts files, not folders or macOS/Windows system files, and sums uncompressed sizes', async () => {
    const zip = zipSync({
      '支撑材料/': new Uint8Array(0),
      '支撑材料/照片1.jpg': new Uint8Array(1000),
      '支撑材料/说明.docx': new Uint8Array(2500),
      '支撑材料/.DS_Store': new Uint8Array(6148),
      '__MACOSX/支撑材料/._照片1.jpg': new Uint8Array(300),
      'Thumbs.db': new Uint8Array(50),
    });
    const dir = await readZipDirectory(reader(memorySource(zip)));
    const files = countedEntries(dir);
    expect(files.map((e) => e.name)).toEqual(['支撑材料/照片1.jpg', '支撑材料/说明.docx']);
    expect(files.reduce((n, e) => n + e.uncompressedSize, 0)).toBe(3500);
  });

  it('decodes GBK names (no UTF-8 flag) and UTF-8 names (flag bit 11)', async () => {
    const zip = buildZip({
      entries: [
        { name: GBK_SUPPORT, data: new Uint8Array(3) },
        { name: '视频/课堂.mp4', data: new Uint8Array(4) },
      ],
    });
    const dir = await readZipDirectory(reader(memorySource(zip)));
    expect(dir.entries.map((e) => e.name)).toEqual(['支撑材料', '视频/课堂.mp4']);
  });

  it('reads UTF-8 names written without the flag (macOS Archive Utility)', () => {
    expect(decodeZipName(new TextEncoder().encode('照片.jpg'), false)).toBe('照片.jpg');
    expect(decodeZipName(GBK_PHOTO, false)).toBe('照片');
  });

  it('reads Zip64 records and 64-bit sizes from the extra field', async () => {
    const zip = buildZip({
      zip64: true,
      entries: [
        { name: 'a.mp4', data: new Uint8Array(10), claimedSize: 5 * 1024 ** 3 },
        { name: 'b.txt', data: strToU8('hello') },
      ],
    });
    const dir = await readZipDirectory(reader(memorySource(zip)));
    expect(dir.zip64).toBe(true);
    expect(dir.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.mp4', 5 * 1024 ** 3],
      ['b.txt', 5],
    ]);
    expect(new TextDecoder().decode(await readEntry(reader(memorySource(zip)), dir.entries[1]!))).toBe('hello');
  });

  it('finds the end record behind a comment and entries behind a prepended stub', async () => {
    const zip = buildZip({ comment: 'x'.repeat(3000), prefix: new Uint8Array(777), entries: [{ name: 'a.txt', data: strToU8('abc'), deflate: true }] });
    const r = reader(memorySource(zip));
    const dir = await readZipDirectory(r);
    expect(new TextDecoder().decode(await readEntry(r, dir.entries[0]!))).toBe('abc');
  });

  it('reads only the end of a large archive', async () => {
    const zip = buildZip({ entries: [{ name: 'big.bin', data: new Uint8Array(10), claimedSize: 3 * 1024 ** 3 }] });
    // The same archive with 2 GB of (virtual) data in front of its directory.
    const cdStart = zip.length - (46 + 7) - 22;
    const shifted = new SparseSource(2 * 1024 ** 3 + zip.length, [
      { offset: 0, bytes: zip.subarray(0, cdStart) },
      { offset: 2 * 1024 ** 3 + cdStart, bytes: zip.subarray(cdStart) },
    ]);
    const dir = await readZipDirectory(reader(shifted));
    expect(dir.entries[0]!.uncompressedSize).toBe(3 * 1024 ** 3);
    expect(shifted.bytesRead).toBeLessThan(70 * 1024);
  });

  it.each([
    ['cut off', (z: Uint8Array) => z.subarray(0, z.length - 30)],
    ['no end record', (z: Uint8Array) => z.subarray(0, 40)],
  ])('rejects an archive that is %s', async (_label, cut) => {
    const zip = zipSync({ 'a.txt': strToU8('a'.repeat(100)), 'b.txt': strToU8('b') });
    await expect(readZipDirectory(reader(memorySource(cut(zip))))).rejects.toThrow();
  });
});

describe('inspectFile on archives', () => {
  it('reports items and total size', async () => {
    const zip = zipSync({ 'a.jpg': new Uint8Array(100), 'b/c.pdf': new Uint8Array(200) });
    const r = await inspectFile(memorySource(zip), '支撑材料.zip');
    expect(r.archive).toEqual({ items: 2, totalBytes: 300, encrypted: false, format: 'zip' });
    expect(r.findings).toEqual([]);
  });

  it('warns about a password-protected archive', async () => {
    const zip = buildZip({ entries: [{ name: 'a.txt', data: strToU8('x'), encrypted: true }] });
    const r = await inspectFile(memorySource(zip), 'a.zip');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['archive_encrypted', 'warn']]);
  });

  it('calls a truncated archive unreadable', async () => {
    const zip = zipSync({ 'a.txt': strToU8('a'.repeat(1000)) }, { level: 0 });
    const r = await inspectFile(memorySource(zip.subarray(0, 200)), 'a.zip');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['archive_damaged', 'unreadable']]);
  });
});
