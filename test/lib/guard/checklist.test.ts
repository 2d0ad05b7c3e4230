import { describe, expect, it } from 'vitest';
import { buildChecklist, type FileCheck, type UploadState } from '@/lib/guard';
import { makeFinding, type Verdict } from '@/lib/checks';
import { currentPack, findCategory } from '@/lib/rules';

const shijian = findCategory(currentPack(), 'zhijiao_shijian')!;
const ronghe = findCategory(currentPack(), 'ronghe')!;

function check(name: string, verdict: Verdict): FileCheck {
  const findings = verdict === 'pass' ? [makeFinding('size_ok', 'pass', { size: 1, max: 2 })]
    : [makeFinding('video_too_long', verdict, { durationSec: 1563, maxSec: 1500, minSec: 900 })];
  return { name, size: 1, slotId: null, verdict, findings, startedAt: 0, finishedAt: 1, bytesRead: 1 };
}

function upload(slotId: string | null, patch: Partial<UploadState> = {}): UploadState {
  return { key: `${slotId}#0`, label: slotId ?? '', slotId, listed: [], checks: [], pending: 0, ...patch };
}

const statuses = (uploads: UploadState[], extra = {}) =>
  Object.fromEntries(buildChecklist({ category: shijian, uploads, ...extra }).items.flatMap((i) => (i.kind === 'slot' ? [[i.slotId, i.status]] : [])));

describe('buildChecklist', () => {
  it('lists every required slot: missing, and those with no upload on this page', () => {
    const list = buildChecklist({ category: shijian, uploads: [upload('registration_form'), upload('lesson_plan'), upload('video')] });
    expect(statuses([upload('registration_form'), upload('lesson_plan'), upload('video')])).toEqual({
      registration_form: 'missing', intro: 'elsewhere', lesson_plan: 'missing', video: 'missing',
    });
    expect(list.blocking.map((i) => (i.kind === 'slot' ? i.slotId : i.kind))).toEqual(['registration_form', 'lesson_plan', 'video']);
  });

  it('ticks a slot when a chosen file passed or when the page already lists a file', () => {
    const s = statuses([
      upload('registration_form', { listed: ['登记表.pdf'] }),
      upload('lesson_plan', { listed: ['教案.docx'], checks: [check('教案.docx', 'pass')] }),
      upload('video', { listed: null, checks: [check('v.mp4', 'warn')] }),
    ]);
    expect(s).toMatchObject({ registration_form: 'listed', lesson_plan: 'ok', video: 'ok' });
  });

  it('fails a slot whose listed file failed; a newer check of the same name wins', () => {
    const failed = buildChecklist({ category: shijian, uploads: [upload('video', { listed: ['v.mp4'], checks: [check('v.mp4', 'fail')] })] });
    const item = failed.items.find((i) => i.kind === 'slot' && i.slotId === 'video');
    expect(item).toMatchObject({ status: 'failed', files: ['v.mp4'] });
    expect(failed.blocking).toContain(item);
    expect(statuses([upload('video', { listed: ['v.mp4'], checks: [check('v.mp4', 'fail'), check('v.mp4', 'pass')] })]).video).toBe('ok');
  });

  it('forgets a failed file the site refused or the teacher removed (it is no longer listed)', () => {
    expect(statuses([upload('video', { listed: [], checks: [check('v.mp4', 'fail')] })]).video).toBe('missing');
  });

  it('says it is still checking, and does not call the slot missing meanwhile', () => {
    const list = buildChecklist({ category: shijian, uploads: [upload('video', { pending: 1 })] });
    expect(list.checking).toBe(true);
    expect(list.blocking).toEqual([]);
  });

  it('leaves a page without recognised uploads alone', () => {
    expect(buildChecklist({ category: shijian, uploads: [] }).items).toEqual([]);
    expect(buildChecklist({ category: shijian, uploads: [upload(null)] }).items).toEqual([]);
  });

  it('blocks on a faulty file in an upload of no known slot', () => {
    const list = buildChecklist({ category: shijian, uploads: [upload(null, { listed: null, checks: [check('x.mp4', 'unreadable')] })] });
    expect(list.blocking).toEqual([expect.objectContaining({ kind: 'unassigned' })]);
  });

  it('counts a conditional slot only when the teacher says it applies', () => {
    const uploads = [upload('space_ppt'), upload('recording')];
    const without = buildChecklist({ category: ronghe, uploads });
    expect(without.items.find((i) => i.kind === 'slot' && i.slotId === 'space_ppt')).toMatchObject({ status: 'empty', required: false });
    const withIt = buildChecklist({ category: ronghe, uploads, answers: { space_ppt: true } });
    expect(withIt.items.find((i) => i.kind === 'slot' && i.slotId === 'space_ppt')).toMatchObject({ status: 'missing', required: true });
  });

  it('adds text fields over their 字数 limit and authors over three', () => {
    const list = buildChecklist({
      category: shijian,
      uploads: [],
      fields: [
        { fieldId: 'work_features', label: '案例简介', chars: 301, maxChars: 300 },
        { fieldId: 'install_notes', label: '作品安装运行说明', chars: 300, maxChars: 300 },
      ],
      authors: 4,
    });
    expect(list.blocking).toEqual([
      { kind: 'field', fieldId: 'work_features', label: '案例简介', chars: 301, maxChars: 300 },
      { kind: 'authors', count: 4, max: 3 },
    ]);
    expect(buildChecklist({ category: shijian, uploads: [], authors: 3 }).blocking).toEqual([]);
  });
});
