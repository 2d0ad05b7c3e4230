import { describe, expect, it } from 'vitest';
import { workFilesOf, type FileCheck } from '@/lib/guard';

const check = (name: string, size: number, slotId: string | null = null): FileCheck => ({
  name, size, slotId, verdict: 'pass', findings: [], startedAt: 0, finishedAt: 0, bytesRead: 0,
});

describe('workFilesOf', () => {
  it('counts the files a listing upload shows, each once, under the upload’s slot', () => {
    const v1 = check('课堂.mp4', 100);
    const v2 = check('课堂.mp4', 120);
    const removed = check('旧版.mp4', 999);
    expect(workFilesOf([{ key: 'a', label: '教学视频', slotId: 'video', listed: ['课堂.mp4'], checks: [v1, removed, v2], pending: 0 }]))
      .toEqual([{ slotId: 'video', size: 120 }]);
  });

  it('counts what an upload without a list holds, under the file’s own slot when the upload has none', () => {
    expect(workFilesOf([{ key: 'b', label: '附件', slotId: null, listed: null, checks: [check('b.docx', 7, 'lesson_plan')], pending: 0 }]))
      .toEqual([{ slotId: 'lesson_plan', size: 7 }]);
  });

  it('leaves out a listed file the extension never saw chosen (its size is unknown)', () => {
    expect(workFilesOf([{ key: 'c', label: '作品', slotId: 'work', listed: ['早先上传.zip'], checks: [], pending: 0 }])).toEqual([]);
  });
});
