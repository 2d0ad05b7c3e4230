import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectType, extensionOf } from '../../../lib/checks/detect';
import { inspectFile } from '../../../lib/checks/inspect';
import { Reader } from '../../../lib/checks/source';
import { latin1, memorySource } from '../../fixtures/checks/bytes';
import { buildGif, buildJpeg, buildPdf, buildPng } from '../../fixtures/checks/images';
import { avSpec, buildMp4Bytes } from '../../fixtures/checks/mp4-builder';
import { buildDocx, buildOle } from '../../fixtures/checks/office';

const reader = (bytes: Uint8Array) => new Reader(memorySource(bytes), { deadline: Date.now() + 5000, timeoutMs: 5000 });
const bytes = (s: string) => new Uint8Array(latin1(s));
const ooxml = (dir: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [`${dir}/x.xml`]: strToU8('<x/>') });

describe('detectType', () => {
  it.each([
    ['mp4', buildMp4Bytes(avSpec({ seconds: 1 })), 'mp4'],
    ['mov (qt brand)', buildMp4Bytes(avSpec({ seconds: 1, brand: 'qt  ' })), 'mov'],
    ['mov (no ftyp)', buildMp4Bytes(avSpec({ seconds: 1, brand: null })), 'mov'],
    ['mkv', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...latin1('matroska')]), 'mkv'],
    ['webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, ...latin1('webm')]), 'mkv'],
    ['avi', bytes('RIFF\x10\x00\x00\x00AVI LIST'), 'avi'],
    ['pdf', buildPdf(1), 'pdf'],
    ['pdf with junk before the header', buildPdf(1, { junkBefore: 'xx\n' }), 'pdf'],
    ['docx', buildDocx('<w:p/>'), 'docx'],
    ['pptx', ooxml('ppt'), 'pptx'],
    ['xlsx', ooxml('xl'), 'xlsx'],
    ['zip', zipSync({ 'a.txt': strToU8('a') }), 'zip'],
    ['doc', buildOle('WordDocument'), 'doc'],
    ['xls', buildOle('Workbook'), 'xls'],
    ['ppt', buildOle('PowerPoint Document'), 'ppt'],
    ['rar4', bytes('Rar!\x1a\x07\x00\xcf\x90'), 'rar'],
    ['rar5', bytes('Rar!\x1a\x07\x01\x00\x33\x92'), 'rar'],
    ['7z', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), '7z'],
    ['jpeg', buildJpeg(100, 100), 'jpeg'],
    ['png', buildPng(10, 10), 'png'],
    ['gif', buildGif(10, 10), 'gif'],
    ['exe', bytes('MZ\x90\x00\x03\x00'), 'exe'],
    ['html', bytes('\xef\xbb\xbf  <!DOCTYPE html><html>'), 'html'],
    ['text', bytes('hello'), 'unknown'],
    ['heic still', bytes('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), 'unknown'],
  ])('%s', async (_label, data, type) => {
    expect((await detectType(reader(data), 'x')).type).toBe(type);
  });

  it('names the WebM container', async () => {
    const d = await detectType(reader(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, ...latin1('webm')])), 'a.webm');
    expect(d).toMatchObject({ type: 'mkv', container: 'webm', mime: 'video/webm' });
  });

  it('falls back to the extension for an OLE2 file whose directory it cannot read', async () => {
    const ole = buildOle('WordDocument').slice(0, 512);
    expect((await detectType(reader(ole), 'a.xls')).type).toBe('xls');
    expect((await detectType(reader(ole), 'a.bin')).type).toBe('doc');
  });

  it('keeps the ZIP directory for later checks', async () => {
    const d = await detectType(reader(zipSync({ 'a/b.txt': strToU8('ab') })), 'a.zip');
    expect(d.zip?.entries.map((e) => e.name)).toEqual(['a/b.txt']);
  });
});

describe('extensionOf', () => {
  it.each([
    ['录像.MP4', '.mp4'],
    ['a/b/c.tar.gz', '.gz'],
    ['noext', ''],
    ['.hidden', ''],
  ])('%s → %s', (name, ext) => expect(extensionOf(name)).toBe(ext));
});

describe('inspectFile type against extension', () => {
  it.each([
    ['a real MKV named .mp4', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x6d]), '课堂实录.mp4', 'type_mismatch', 'fail', '文件实际是 MKV，扩展名却是 .mp4'],
    ['a DOCX named .doc', buildDocx('<w:p/>'), '说明.doc', 'type_mismatch', 'warn', '文件实际是 DOCX，扩展名却是 .doc'],
    ['a PNG named .jpg', buildPng(10, 10), '照片.jpg', 'type_mismatch', 'fail', '文件实际是 PNG，扩展名却是 .jpg'],
    ['garbage named .pdf', bytes('not a pdf at all'), '登记表.pdf', 'type_mismatch', 'fail', '文件实际是无法识别的格式，扩展名却是 .pdf'],
  ])('flags %s', async (_label, data, name, code, verdict, message) => {
    const r = await inspectFile(memorySource(data), name);
    const f = r.findings.find((x) => x.code === code);
    expect(f).toMatchObject({ verdict, message });
  });

  it('raises nothing when type and extension agree', async () => {
    expect((await inspectFile(memorySource(buildPng(10, 10)), 'a.PNG')).findings).toEqual([]);
  });

  it('fails an empty file', async () => {
    const r = await inspectFile(memorySource(new Uint8Array(0)), 'a.docx');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['file_empty', 'fail']]);
  });
});
