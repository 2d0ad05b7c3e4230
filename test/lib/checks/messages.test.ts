import { describe, expect, it } from 'vitest';
import { FINDING_CODES, formatBytes, formatDuration, formatFinding, makeFinding } from '../../../lib/checks/messages';
import { findingSchema } from '../../../lib/checks/report';

describe('formatFinding', () => {
  it.each([
    [{ code: 'video_fps_mismatch', params: { fps: 30, required: 25 } }, '帧速率 30 fps，要求 25 fps', 'Frame rate 30 fps; 25 fps is required'],
    [{ code: 'video_too_long', params: { durationSec: 26 * 60 + 3.4, maxSec: 1500 } }, '时长 26 分 03 秒，超过 25 分钟上限', 'Duration 26:03 exceeds the 25 min limit'],
    [{ code: 'type_mismatch', params: { actual: 'mkv', ext: '.mp4' } }, '文件实际是 MKV，扩展名却是 .mp4', 'The file is really MKV but its extension is .mp4'],
    [{ code: 'doc_chars_over', params: { chars: 2315, max: 2000 } }, '字数 2315，超过 2000 字上限', '2315 characters exceeds the 2000-character limit'],
    [{ code: 'archive_items_over', params: { items: 7, max: 5 } }, '压缩包内有 7 个文件，超过 5 个上限', 'The archive holds 7 files; at most 5 are allowed'],
    [{ code: 'size_too_large', params: { size: 600 * 1024 * 1024, max: 500 * 1024 * 1024 } }, '文件大小 600 MB，超过 500 MB 上限', 'Size 600 MB exceeds the 500 MB limit'],
  ] as const)('renders %j', (finding, zh, en) => {
    expect(formatFinding(finding, 'zh')).toBe(zh);
    expect(formatFinding(finding, 'en')).toBe(en);
  });

  it('never prints an over-limit duration equal to the limit', () => {
    expect(formatFinding({ code: 'video_too_long', params: { durationSec: 1500.4, maxSec: 1500 } })).toBe('时长 25 分 00.4 秒，超过 25 分钟上限');
  });

  it('never prints an over-limit size equal to the limit', () => {
    const msg = formatFinding({ code: 'size_too_large', params: { size: 500 * 1024 * 1024 + 5000, max: 500 * 1024 * 1024 } });
    expect(msg).toBe('文件大小 500.005 MB，超过 500 MB 上限');
  });

  it('has a Chinese and an English sentence for every code, with no placeholder left empty', () => {
    const params = {
      name: 'a', seconds: 5, reason: 'r', limit: 'maxTopLevelBoxes', mb: 256, actual: 'mkv', ext: '.mp4', accepted: ['pdf'], size: 1, max: 2, min: 1,
      expected: 10, bytes: 1, container: 'mkv', durationSec: 70, minSec: 60, maxSec: 120, width: 1, height: 1,
      minWidth: 1, minHeight: 1, fps: 30, required: 25, chars: 1, type: 'pdf', levels: 1, items: 1, totalBytes: 1,
      longEdge: 1, label: '登记表', labelEn: 'Form', count: 2, unknown: 1, path: 'a/b', found: 'x', folders: ['a', 'b'],
      pages: 2, scanned: 1, fonts: 1,
    };
    for (const code of FINDING_CODES) {
      for (const lang of ['zh', 'en'] as const) {
        const text = formatFinding({ code, params }, lang);
        expect(text.length, `${code} ${lang}`).toBeGreaterThan(5);
        expect(text, `${code} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});

describe('makeFinding', () => {
  it('builds a schema-valid finding with the Chinese message', () => {
    const f = makeFinding('slot_missing', 'fail', { label: '作品登记表' });
    expect(findingSchema.parse(f)).toEqual({ code: 'slot_missing', verdict: 'fail', params: { label: '作品登记表' }, message: '缺少：作品登记表' });
  });
});

describe('formatDuration / formatBytes', () => {
  it.each([
    [59.9, '0 分 59 秒'],
    [3725, '1 小时 02 分 05 秒'],
  ])('%s s → %s', (sec, text) => expect(formatDuration(sec, 'zh')).toBe(text));

  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [100 * 1024 * 1024, '100 MB'],
    [5 * 1024 ** 3, '5 GB'],
  ])('%i bytes → %s', (bytes, text) => expect(formatBytes(bytes, 'zh')).toBe(text));
});
