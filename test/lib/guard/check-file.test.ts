import { describe, expect, it } from 'vitest';
import { checkChosenFile, isRepairableVideo, problemsOf } from '@/lib/guard';
import { formatFinding } from '@/lib/checks';
import { currentPack, findCategory } from '@/lib/rules';
import { SparseSource } from '../../fixtures/checks/bytes';
import { buildMp4Pieces } from '../../fixtures/checks/mp4-builder';

const video = findCategory(currentPack(), 'zhijiao_shijian')!.slots.find((s) => s.id === 'video')!;
const MB = 1024 * 1024;

/** A header-only MP4: `sec` seconds at `fps`, 1920×1080, with `bytes` of virtual media data. */
function mp4(name: string, sec: number, fps: number, bytes = 1000): SparseSource & { name: string } {
  const { pieces, size } = buildMp4Pieces({
    tracks: [{ kind: 'video', codec: 'avc1', timescale: fps * 1000, stts: [[Math.round(sec * fps), 1000]], width: 1920, height: 1080 }],
    mdatPayload: bytes,
  });
  return Object.assign(new SparseSource(size, pieces), { name });
}

describe('checkChosenFile', () => {
  it('passes a 20-minute 25 fps 1080p MP4 in the 教学视频 slot', async () => {
    const check = await checkChosenFile(mp4('课堂.mp4', 20 * 60, 25), video);
    expect(check).toMatchObject({ name: '课堂.mp4', slotId: 'video', verdict: 'pass' });
    expect(problemsOf(check)).toEqual([]);
  });

  it('says exactly what is wrong with a 26-minute 30 fps video, reading only its headers', async () => {
    const file = mp4('超长.mp4', 26 * 60 + 3, 30, 600 * MB);
    const check = await checkChosenFile(file, video);
    expect(check.verdict).toBe('fail');
    // Every fault, each in the words the notices use; failures in the engine's order (size, duration, frame rate).
    expect(problemsOf(check).map((f) => formatFinding(f, 'zh'))).toEqual([
      '文件大小 600 MB，超过 500 MB 上限',
      '时长 26 分 03 秒，超过 25 分钟上限',
      '帧速率 30 fps，要求 25 fps',
    ]);
    expect(check.bytesRead).toBeLessThan(64 * 1024);
    expect(file.bytesRead).toBe(check.bytesRead);
    expect(isRepairableVideo(check)).toBe(true);
  });

  it('without a slot reports only the file’s own faults', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
    const file = Object.assign(new Blob([bytes]), { name: '登记表.docx' });
    const check = await checkChosenFile(file, undefined);
    expect(check.slotId).toBeNull();
    expect(check.findings.map((f) => f.code)).toEqual(['type_mismatch']);
    expect(isRepairableVideo(check)).toBe(false);
  });
});

