import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFiles, type CheckProgress } from '../../../lib/checks/check-files';
import { checkReportSchema } from '../../../lib/checks/report';
import { currentPack, findCategory } from '../../../lib/rules';
import { hangingSource, memorySource } from '../../fixtures/checks/bytes';
import { makeCategory } from '../../fixtures/checks/category';
import { buildPdf } from '../../fixtures/checks/images';
import { avSpec, buildMp4Source } from '../../fixtures/checks/mp4-builder';
import { buildDocx, para } from '../../fixtures/checks/office';

const category = makeCategory();
const teacher = `小学+实验小学+张三/${category.name}/春天的诗`;

function goodSet() {
  return [
    { blob: memorySource(buildPdf(2)), name: '作品登记表.pdf', path: `${teacher}/作品登记表.pdf` },
    { blob: memorySource(buildDocx(para('案例介绍正文'))), name: '案例介绍.docx', path: `${teacher}/案例介绍.docx` },
    { blob: buildMp4Source(avSpec({ seconds: 20 * 60, moovAtEnd: true, mdatPayload: 400 * 1024 * 1024 })), name: '课堂实录.mp4', path: `${teacher}/课堂实录.mp4` },
    { blob: memorySource(zipSync({ '材料/a.txt': strToU8('a') })), name: '相关材料.zip', path: `${teacher}/相关材料.zip` },
    { blob: memorySource(new Uint8Array(6148)), name: '.DS_Store', path: `${teacher}/.DS_Store` },
  ];
}

describe('checkFiles', () => {
  it('passes a complete, conforming submission and produces a schema-valid report', async () => {
    const progress: CheckProgress[] = [];
    const report = await checkFiles(category, goodSet(), { rulePack: '2025.1', onProgress: (p) => progress.push(p) });
    expect(checkReportSchema.parse(report)).toEqual(report);
    expect(report.verdict).toBe('pass');
    expect(report.missing).toEqual([]);
    expect(report.files.map((f) => [f.name, f.slot, f.verdict])).toEqual([
      ['作品登记表.pdf', 'form', 'pass'],
      ['案例介绍.docx', 'case_doc', 'pass'],
      ['课堂实录.mp4', 'recording', 'pass'],
      ['相关材料.zip', 'materials', 'pass'],
      ['.DS_Store', null, 'pass'],
    ]);
    const video = report.files[2]!;
    expect(video.media).toMatchObject({ container: 'mp4', width: 1280, height: 720, fps: 25, vfr: false, videoCodec: 'avc1.64001f', audioCodec: 'mp4a.40.2' });
    expect(video.media!.durationSec).toBeCloseTo(1200, 1);
    expect(report.files[1]!.document).toEqual({ chars: 6, headingLevels: 0 });
    expect(report.files[3]!.archive).toEqual({ items: 1, totalBytes: 1, encrypted: false, format: 'zip' });
    expect(report.findings.map((f) => f.code)).toEqual(['video_total_ok', 'layout_ok']);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
  });

  it('fails a submission with a missing slot, a long video and a wrong folder name', async () => {
    const files = goodSet()
      .filter((f) => !f.name.endsWith('.docx'))
      .map((f) => ({ ...f, path: f.path.replace(category.name, '融合创新应用案例') }));
    files[1] = { ...files[1]!, blob: buildMp4Source(avSpec({ seconds: 26 * 60 + 3, moovAtEnd: true })) };
    const report = await checkFiles(category, files, { rulePack: '2025.1' });
    expect(report.verdict).toBe('fail');
    expect(report.missing).toEqual([{ slot: 'case_doc', label: '案例介绍文档' }]);
    expect(report.files[1]!.findings.map((f) => f.message)).toContain('时长 26 分 03 秒，超过 25 分钟上限');
    expect(report.findings.map((f) => f.code)).toEqual(['slot_missing', 'video_total_ok', 'layout_category_folder']);
  });

  it('turns a hanging read into an unreadable finding within the time bound', async () => {
    const started = Date.now();
    const report = await checkFiles(category, [{ blob: hangingSource(1000), name: '课堂实录.mp4' }], { rulePack: 'x', timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(report.files[0]!.findings.map((f) => [f.code, f.verdict])).toContainEqual(['check_timeout', 'unreadable']);
    expect(report.files[0]!.verdict).toBe('unreadable');
    expect(report.verdict).toBe('unreadable');
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = checkFiles(category, [{ blob: hangingSource(1000), name: 'a.mp4' }], { rulePack: 'x', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(pending).rejects.toThrow('user cancelled');
  });

  it('counts a requiredIf slot only when the teacher says it applies', async () => {
    const without = await checkFiles(category, goodSet(), { rulePack: 'x' });
    const withSpace = await checkFiles(category, goodSet(), { rulePack: 'x', answers: { space_ppt: true } });
    expect(without.missing).toEqual([]);
    expect(withSpace.missing.map((m) => m.slot)).toEqual(['space_ppt']);
  });
});

describe('checkFiles with the bundled rule pack', () => {
  const pack = currentPack();
  const zhijiao = findCategory(pack, 'zhijiao_shijian')!;
  const videoSlot = zhijiao.slots.find((s) => s.video)!;
  const limits = videoSlot.video!;

  it.each([
    ['inside the window', (limits.minDurationSec! + limits.maxDurationSec!) / 2, 'pass'],
    ['one second too long', limits.maxDurationSec! + 1, 'fail'],
    ['one second too short', limits.minDurationSec! - 1, 'fail'],
  ])('checks the vocational teaching video %s', async (_label, seconds, verdict) => {
    const blob = buildMp4Source(avSpec({ seconds, fps: limits.fps!, width: limits.minWidth!, height: limits.minHeight! }));
    const report = await checkFiles(zhijiao, [{ blob, name: '教学视频.mp4' }], { rulePack: pack.version });
    expect(report.rulePack).toBe(pack.version);
    expect(report.files[0]!.slot).toBe(videoSlot.id);
    expect(report.files[0]!.verdict).toBe(verdict);
  });
});
