import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { checkAgainstSlot } from '../../../lib/checks/slot-checks';
import { latin1, memorySource } from '../../fixtures/checks/bytes';
import { writeRar5 } from '../../fixtures/checks/rar-writer';
import { makeCategory } from '../../fixtures/checks/category';
import { buildJpeg } from '../../fixtures/checks/images';
import { avSpec, buildMp4Source, type Mp4Spec } from '../../fixtures/checks/mp4-builder';
import { buildDocx, buildOle, para } from '../../fixtures/checks/office';

const category = makeCategory();
const slot = (id: string) => category.slots.find((s) => s.id === id)!;

async function check(source: Parameters<typeof inspectFile>[0], name: string, slotId: string) {
  const insp = await inspectFile(source, name);
  return [...insp.findings, ...checkAgainstSlot(insp, slot(slotId))].map((f) => [f.code, f.verdict]);
}
const video = (spec: Mp4Spec, name = '录像.mp4') => check(buildMp4Source(spec), name, 'recording');

describe('checkAgainstSlot: video', () => {
  it('passes a conforming recording', async () => {
    expect(await video(avSpec({ seconds: 20 * 60 }))).toEqual([
      ['size_ok', 'pass'],
      ['video_duration_ok', 'pass'],
      ['video_resolution_ok', 'pass'],
      ['video_fps_ok', 'pass'],
    ]);
  });

  it.each([
    ['too long', avSpec({ seconds: 26 * 60 + 3 }), 'video_too_long'],
    ['too short', avSpec({ seconds: 30 }), 'video_too_short'],
    ['720p portrait', avSpec({ seconds: 600, width: 720, height: 1280 }), 'video_resolution_low'],
    ['30 fps', avSpec({ seconds: 600, fps: 30 }), 'video_fps_mismatch'],
    ['23.976 fps', avSpec({ seconds: 600, fps: 24000 / 1001 }), 'video_fps_mismatch'],
  ])('fails a recording that is %s', async (_label, spec, code) => {
    expect(await video(spec)).toContainEqual([code, 'fail']);
  });

  it('warns about a variable frame rate averaging 25 fps', async () => {
    const spec = avSpec({ seconds: 0 });
    spec.tracks[0]!.stts = Array.from({ length: 1000 }, (_, i) => [15, i % 2 ? 3000 : 4200] as [number, number]);
    expect(await video(spec)).toContainEqual(['video_vfr', 'warn']);
  });

  it('fails a file over the size limit', async () => {
    expect(await video(avSpec({ seconds: 600, mdatPayload: 600 * 1024 * 1024 }))).toContainEqual(['size_too_large', 'fail']);
  });

  it('says an MKV needs to be MP4', async () => {
    const mkv = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x6d]);
    const result = await check(memorySource(mkv), '录像.mkv', 'recording');
    expect(result).toEqual(
      expect.arrayContaining([
        ['type_not_accepted', 'fail'],
        ['extension_not_accepted', 'fail'],
        ['video_container', 'fail'],
      ]),
    );
  });

  it('skips limit checks on an unreadable recording', async () => {
    const cut = new Uint8Array(await buildMp4Source(avSpec({ seconds: 600 })).slice(0, 2000).arrayBuffer());
    expect(await check(memorySource(cut), '录像.mp4', 'recording')).toEqual([
      ['video_truncated', 'unreadable'],
      ['size_ok', 'pass'],
    ]);
  });
});

describe('checkAgainstSlot: documents', () => {
  it.each([
    ['within the limit', '字'.repeat(2000), ['doc_chars_ok', 'pass']],
    ['over the limit', '字'.repeat(2001), ['doc_chars_over', 'fail']],
  ])('counts a DOCX %s', async (_label, text, expected) => {
    expect(await check(memorySource(buildDocx(para(text))), '案例介绍.docx', 'case_doc')).toContainEqual(expected);
  });

  it('fails headings deeper than allowed', async () => {
    const body = [1, 2, 3, 4, 5].map((n) => para(`标题${n}`, { style: String(n) })).join('');
    expect(await check(memorySource(buildDocx(body)), '案例介绍.docx', 'case_doc')).toContainEqual(['doc_headings_over', 'fail']);
  });

  it('asks to check a legacy .doc in Word', async () => {
    const result = await check(memorySource(buildOle('WordDocument')), '案例介绍.doc', 'case_doc');
    expect(result).toEqual([['doc_legacy', 'warn']]);
  });
});

describe('checkAgainstSlot: archives and pictures', () => {
  it('counts items and total size of the materials ZIP', async () => {
    const files = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`材料/${i}.txt`, strToU8('x')]));
    expect(await check(memorySource(zipSync(files)), '相关材料.zip', 'materials')).toEqual([
      ['archive_items_over', 'fail'],
      ['archive_bytes_ok', 'pass'],
    ]);
  });

  it('a RAR that is only a signature is damaged, not an empty archive', async () => {
    const rar = new Uint8Array(latin1('Rar!\x1a\x07\x01\x00'));
    expect(await check(memorySource(rar), '相关材料.rar', 'materials')).toContainEqual(['archive_damaged', 'unreadable']);
  });

  it('counts the items of a RAR against the slot', async () => {
    const rar = writeRar5([{ name: 'a.jpg', data: new Uint8Array(10) }, { name: 'b.jpg', data: new Uint8Array(10) }]);
    expect(await check(memorySource(rar), '相关材料.rar', 'materials')).toContainEqual(['archive_items_ok', 'pass']);
  });

  it('rejects an archive where files must be uploaded one by one', async () => {
    expect(await check(memorySource(zipSync({ 'a.jpg': buildJpeg(2000, 1000) })), '图片.zip', 'photos')).toContainEqual(['archive_not_allowed', 'fail']);
  });

  it.each([
    [1600, 900, 'image_ok', 'pass'],
    [800, 600, 'image_small', 'fail'],
  ])('checks the long edge of a %i×%i picture', async (w, h, code, verdict) => {
    expect(await check(memorySource(buildJpeg(w, h)), '照片.jpg', 'photos')).toContainEqual([code, verdict]);
  });
});
