import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { readRarDirectory } from '../../../lib/checks/rar';
import { Reader } from '../../../lib/checks/source';
import { memorySource } from '../../fixtures/checks/bytes';
import { writeRar4, writeRar5 } from '../../fixtures/checks/rar-writer';

/** libarchive's RAR test archives (test/fixtures/archives/README.md says where each comes from). */
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/archives', name)));
const reader = (bytes: Uint8Array) => new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 });
const list = async (bytes: Uint8Array) => readRarDirectory(reader(bytes));
const files = (l: Awaited<ReturnType<typeof list>>) => l.members.filter((m) => !m.isDirectory).map((m) => [m.name, m.size]);

/** Debian's 7-Zip, the independent reader the writer's output must satisfy. */
const SEVEN_ZIP = ['7z', '7zz'].find((bin) => spawnSync(bin, ['i'], { stdio: 'ignore' }).status === 0);

function sevenZipList(bytes: Uint8Array): Array<[string, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'rar-'));
  const path = join(dir, 'a.rar');
  writeFileSync(path, bytes);
  execFileSync(SEVEN_ZIP!, ['t', path], { stdio: 'ignore' });
  const out = execFileSync(SEVEN_ZIP!, ['l', '-slt', '-sccUTF-8', path], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  const rows: Array<[string, number]> = [];
  for (const block of out.split('\n\n')) {
    const path = /^Path = (.*)$/m.exec(block)?.[1];
    const size = /^Size = (\d+)$/m.exec(block)?.[1];
    const folder = /^Folder = \+$/m.test(block);
    if (path && size !== undefined && !folder && block.includes('Method')) rows.push([path, Number(size)]);
  }
  return rows;
}

describe('readRarDirectory on real RAR archives (libarchive test suite)', () => {
  it.each([
    ['test_read_format_rar.rar', 'rar4', [['test.txt', 20], ['testlink', 8], ['testdir/test.txt', 20]]],
    ['test_read_format_rar5_stored.rar', 'rar5', [['helloworld.txt', 29]]],
    ['test_read_format_rar5_multiple_files.rar', 'rar5', [['test1.bin', 4096], ['test2.bin', 4096], ['test3.bin', 4096], ['test4.bin', 4096]]],
    ['test_read_format_rar5_unicode.rar', 'rar5', [['👋🌎.txt', 13], ['Ⓗⓐⓡⓓ Ⓛⓘⓝⓚ.txt', 13], ['𝒮𝓎𝓂𝒷𝑜𝓁𝒾𝒸 𝐿𝒾𝓃𝓀.txt', 0]]],
    ['test_read_format_rar_noeof.rar', 'rar4', [['test.txt', 20]]],
  ])('%s lists every file with its size', async (name, format, expected) => {
    const l = await list(fixture(name));
    expect(l.format).toBe(format);
    expect(files(l)).toEqual(expected);
    expect(l.headersEncrypted).toBe(false);
  });

  it('decodes RAR4 Unicode names (the compact encoding of unrar) and folders', async () => {
    const l = await list(fixture('test_read_format_rar_unicode.rar'));
    expect(l.members.map((m) => m.name)).toContain('表だよ/漢字長いファイル名long-filename-in-漢字.txt');
    expect(l.members.map((m) => m.name)).toContain('abcdefghijklmnopqrsテスト.txt');
    expect(l.members.find((m) => m.name === '表だよ/新しいフォルダ')?.isDirectory).toBe(true);
  });

  it('locates stored members (method 0) and not compressed ones', async () => {
    const stored = fixture('test_read_format_rar5_stored.rar');
    const member = (await list(stored)).members[0]!;
    expect(new TextDecoder().decode(stored.subarray(member.stored!.offset, member.stored!.offset + member.stored!.size))).toBe('hello libarchive test suite!\n');
    expect((await list(fixture('test_read_format_rar5_compressed.rar'))).members[0]!.stored).toBeUndefined();
  });

  it.each([
    ['test_read_format_rar5_multiple_files_solid.rar', true],
    ['test_read_format_rar5_multiple_files.rar', false],
    ['test_read_format_rar4_solid_encrypted.rar', true],
  ])('%s: solid %s', async (name, solid) => {
    expect((await list(fixture(name))).solid).toBe(solid);
  });

  it.each([
    ['test_read_format_rar5_encrypted.rar', ['b.txt', 'd.txt']],
    ['test_read_format_rar_encryption_data.rar', ['foo.txt', 'bar.txt']],
  ])('%s: names the encrypted members', async (name, encrypted) => {
    const l = await list(fixture(name));
    expect(l.members.filter((m) => m.encrypted).map((m) => m.name)).toEqual(encrypted);
    expect(l.members.filter((m) => m.encrypted).every((m) => m.stored === undefined)).toBe(true);
  });

  it.each(['test_read_format_rar5_encrypted_filenames.rar', 'test_read_format_rar_encryption_header.rar'])(
    '%s: encrypted headers are said, not guessed at',
    async (name) => {
      const l = await list(fixture(name));
      expect(l.headersEncrypted).toBe(true);
      expect(l.members).toEqual([]);
    },
  );

  it('reads only the headers: a 64 MiB stored member costs a few hundred bytes', async () => {
    const big = writeRar5([{ name: '作品/课堂实录.mp4', data: new Uint8Array(64 * 1024 * 1024) }, { name: '作品/教学设计.docx', data: new Uint8Array(10) }]);
    const r = reader(big);
    const l = await readRarDirectory(r);
    expect(files(l)).toEqual([['作品/课堂实录.mp4', 64 * 1024 * 1024], ['作品/教学设计.docx', 10]]);
    expect(r.bytesRead).toBeLessThan(2048);
  });
});

describe('readRarDirectory on damaged input', () => {
  it('a flipped byte in a header fails its checksum', async () => {
    const bytes = writeRar5([{ name: 'a.txt', data: new Uint8Array(5) }]);
    bytes[bytes.indexOf(0x61, 16)] = 0x62; // a.txt → b.txt inside the file header
    await expect(list(bytes)).rejects.toThrow(/checksum/);
  });

  it.each([
    ['RAR5', writeRar5([{ name: 'a.mp4', data: new Uint8Array(1000) }])],
    ['RAR4', writeRar4([{ name: 'a.mp4', data: new Uint8Array(1000) }])],
  ])('%s cut inside a member says which member is cut off', async (_, bytes) => {
    await expect(list(bytes.subarray(0, bytes.length - 600))).rejects.toThrow(/a\.mp4 is cut off/);
  });

  it('a header claiming more than RAR5 allows (2 MB) is refused before reading it', async () => {
    const bytes = writeRar5([]);
    // CRC, then header size 0xffffff as a vint.
    const hostile = new Uint8Array([...bytes.subarray(0, 8), 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x07]);
    await expect(list(hostile)).rejects.toThrow(/out of range/);
  });

  it('an oversized vint (more than 10 bytes) is malformed', async () => {
    const hostile = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 0, 0, 0, 0, ...new Array(12).fill(0x80)]);
    await expect(list(hostile)).rejects.toThrow(/malformed|out of range|impossible/);
  });
});

describe.skipIf(!SEVEN_ZIP)('the test writer follows the format (checked by 7-Zip)', () => {
  const items = [
    { name: '初中+实验中学+张三/', dir: true },
    { name: '初中+实验中学+张三/融合创新应用教学案例/', dir: true },
    { name: '初中+实验中学+张三/融合创新应用教学案例/函数的图像/课堂实录.mp4', data: new Uint8Array(3000).fill(7) },
    { name: '初中+实验中学+张三/融合创新应用教学案例/函数的图像/教学设计.docx', data: new Uint8Array(1200).fill(1) },
  ];
  it.each([
    ['RAR5', writeRar5(items)],
    ['RAR4', writeRar4(items)],
  ])('%s: 7z tests it and lists the same files as readRarDirectory', async (_, bytes) => {
    const ours = (await list(bytes)).members.filter((m) => !m.isDirectory).map((m) => [m.name, m.size]);
    expect(sevenZipList(bytes)).toEqual(ours);
    expect(ours).toHaveLength(2);
  });

  it('RAR4 with GBK names (no Unicode flag, as an old WinRAR on a Chinese PC writes them) decodes to Chinese', async () => {
    const l = await list(writeRar4(items, { names: 'gbk' }));
    expect(l.members.map((m) => m.name)).toEqual(items.map((i) => i.name.replace(/\/$/, '')));
  });
});

describe('inspectFile on RAR', () => {
  const items = [
    { name: '作品/课堂实录.mp4', data: new Uint8Array(300) },
    { name: '作品/', dir: true },
    { name: '作品/Thumbs.db', data: new Uint8Array(10) },
    { name: '作品/说明.pdf', data: new Uint8Array(200) },
  ];

  it.each([
    ['RAR5', writeRar5(items)],
    ['RAR4', writeRar4(items)],
  ])('%s: counts files (no folders, no system files) and sums their sizes', async (_, bytes) => {
    const r = await inspectFile(memorySource(bytes), '作品.rar');
    expect(r.detected.type).toBe('rar');
    expect(r.archive).toMatchObject({ items: 2, totalBytes: 500, encrypted: false });
    expect(r.findings).toEqual([]);
  });

  it('an archive with encrypted names gets its own finding, in Chinese first', async () => {
    const r = await inspectFile(memorySource(fixture('test_read_format_rar5_encrypted_filenames.rar')), 'a.rar');
    expect(r.archive).toBeUndefined();
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['archive_names_encrypted', 'warn']]);
  });

  it('encrypted members and one volume of several are warned about', async () => {
    const enc = await inspectFile(memorySource(fixture('test_read_format_rar_encryption_data.rar')), 'a.rar');
    expect(enc.findings.map((f) => f.code)).toEqual(['archive_encrypted']);
    const vol = await inspectFile(memorySource(writeRar5(items, { volume: true })), 'a.part1.rar');
    expect(vol.findings.map((f) => f.code)).toEqual(['archive_multivolume']);
  });

  it('a damaged RAR is unreadable with the reason', async () => {
    const bytes = writeRar4(items);
    const r = await inspectFile(memorySource(bytes.subarray(0, bytes.length - 300)), 'a.rar');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['archive_damaged', 'unreadable']]);
  });
});

describe('detectType on stored archives', () => {
  it('a stored RAR whose first member is a PDF is a RAR, not a PDF ("%PDF-" lies in its first 1024 bytes)', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const r = await inspectFile(memorySource(writeRar5([{ name: '作品登记表.pdf', data: pdf }])), '张三.rar');
    expect(r.detected.type).toBe('rar');
    expect(r.archive?.items).toBe(1);
  });
});
