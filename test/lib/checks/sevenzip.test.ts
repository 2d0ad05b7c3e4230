import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { read7zDirectory } from '../../../lib/checks/sevenzip';
import { Reader } from '../../../lib/checks/source';
import { memorySource } from '../../fixtures/checks/bytes';

/** Debian's 7-Zip makes every archive here (`7zip` / `p7zip-full`). */
const SEVEN_ZIP = ['7z', '7zz'].find((bin) => spawnSync(bin, ['i'], { stdio: 'ignore' }).status === 0);
const reader = (bytes: Uint8Array) => new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 });

const TREE: Record<string, Uint8Array> = {
  '初中+实验中学+张三/融合创新应用教学案例/函数的图像/课堂实录.mp4': new Uint8Array(40_000).map((_, i) => (i * 7919) & 0xff),
  '初中+实验中学+张三/融合创新应用教学案例/函数的图像/教学设计.docx': new TextEncoder().encode('教学设计'.repeat(500)),
  '初中+实验中学+张三/融合创新应用教学案例/函数的图像/空文件.txt': new Uint8Array(0),
};

/** Writes TREE (and an empty folder) and packs it with 7z and `args`; returns the archive's bytes. */
function make7z(args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), '7z-'));
  for (const [path, data] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, 'src', path)), { recursive: true });
    writeFileSync(join(dir, 'src', path), data);
  }
  mkdirSync(join(dir, 'src', '初中+实验中学+张三', '空文件夹'), { recursive: true });
  const out = join(dir, 'a.7z');
  execFileSync(SEVEN_ZIP!, ['a', '-t7z', ...args, out, '初中+实验中学+张三'], { cwd: join(dir, 'src'), stdio: 'ignore' });
  return new Uint8Array(readFileSync(out));
}

const filesOf = (l: Awaited<ReturnType<typeof read7zDirectory>>) =>
  l.members.filter((m) => !m.isDirectory).map((m) => [m.name, m.size] as const).sort((a, b) => a[0].localeCompare(b[0]));
const expected = Object.entries(TREE).map(([p, d]) => [p, d.length] as const).sort((a, b) => a[0].localeCompare(b[0]));

describe.skipIf(!SEVEN_ZIP)('read7zDirectory on archives made by 7-Zip', () => {
  it.each([
    ['default (LZMA2, LZMA-encoded header, solid)', [] as string[]],
    ['plain header (-mhc=off)', ['-mhc=off']],
    ['stored (-mx0)', ['-mx0']],
    ['non-solid (-ms=off)', ['-ms=off']],
    ['BCJ filter (-mf=BCJ)', ['-mf=BCJ']],
    ['BCJ2 filter chain, four coders', ['-m0=BCJ2', '-m1=LZMA', '-m2=LZMA', '-m3=LZMA', '-mb0:1', '-mb0s1:2', '-mb0s2:3']],
  ])('%s: every file with its size and Chinese name, the empty folder as a folder', async (_, args) => {
    const l = await read7zDirectory(reader(make7z(args)));
    expect(l.format).toBe('7z');
    expect(filesOf(l)).toEqual(expected);
    expect(l.members.find((m) => m.name === '初中+实验中学+张三/空文件夹')?.isDirectory).toBe(true);
    expect(l.headersEncrypted).toBe(false);
  });

  it('locates stored members so their bytes are read in place', async () => {
    const bytes = make7z(['-mx0']);
    const l = await read7zDirectory(reader(bytes));
    for (const m of l.members.filter((m) => !m.isDirectory && m.size > 0)) {
      expect(m.stored).toBeDefined();
      expect(bytes.subarray(m.stored!.offset, m.stored!.offset + m.stored!.size)).toEqual(TREE[m.name]);
    }
    expect((await read7zDirectory(reader(make7z([])))).members.every((m) => m.stored === undefined)).toBe(true);
  });

  it('says solid for the default and not for -ms=off', async () => {
    expect((await read7zDirectory(reader(make7z([])))).solid).toBe(true);
    expect((await read7zDirectory(reader(make7z(['-ms=off'])))).solid).toBe(false);
  });

  it('encrypted contents (-p) are named; encrypted names (-mhe=on) are said, not guessed at', async () => {
    const content = await read7zDirectory(reader(make7z(['-psecret', '-mhe=off'])));
    expect(content.members.filter((m) => m.size > 0).every((m) => m.encrypted)).toBe(true);
    const names = await read7zDirectory(reader(make7z(['-psecret', '-mhe=on'])));
    expect(names.headersEncrypted).toBe(true);
    expect(names.members).toEqual([]);
  });

  it('reads the end of the file only: the header, not the 40 kB of data', async () => {
    const bytes = make7z(['-mx0']);
    const r = reader(bytes);
    await read7zDirectory(r);
    expect(r.bytesRead).toBeLessThan(bytes.length - 40_000);
  });

  it('a cut-off archive and a flipped header byte are damage, with the reason', async () => {
    const bytes = make7z([]);
    await expect(read7zDirectory(reader(bytes.subarray(0, bytes.length - 10)))).rejects.toThrow(/cut off/);
    const flipped = bytes.slice();
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 0xff;
    await expect(read7zDirectory(reader(flipped))).rejects.toThrow(/checksum/);
  });

  it('inspectFile counts the items and sums their sizes; encrypted names get their own finding', async () => {
    const r = await inspectFile(memorySource(make7z([])), '作品.7z');
    expect(r.detected.type).toBe('7z');
    expect(r.archive).toEqual({ items: 3, totalBytes: expected.reduce((s, [, n]) => s + n, 0), encrypted: false, format: '7z' });
    expect(r.findings).toEqual([]);
    const hidden = await inspectFile(memorySource(make7z(['-psecret', '-mhe=on'])), '作品.7z');
    expect(hidden.findings.map((f) => [f.code, f.verdict])).toEqual([['archive_names_encrypted', 'warn']]);
  });
});

describe('read7zDirectory on hostile input', () => {
  const signature = (nextOffset: bigint, nextSize: bigint) => {
    const b = new Uint8Array(32);
    b.set([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]);
    const v = new DataView(b.buffer);
    v.setBigUint64(12, nextOffset, true);
    v.setBigUint64(20, nextSize, true);
    return b;
  };
  it('a wrong start-header checksum is damage', async () => {
    await expect(read7zDirectory(reader(signature(0n, 10n)))).rejects.toThrow(/checksum/);
  });
  it('a header declared past 2^53 bytes is impossible, not a huge read', async () => {
    const b = signature(0n, 1n << 60n);
    const { crc32 } = await import('../../../lib/checks/archive');
    new DataView(b.buffer).setUint32(8, crc32(b, 12, 32), true);
    await expect(read7zDirectory(reader(b))).rejects.toThrow(/impossible/);
  });
});
