import { describe, expect, it } from 'vitest';
import { recognizeSlot } from '@/lib/guard';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const category = (id: string) => findCategory(pack, id)!;

describe('recognizeSlot', () => {
  // Labels as the fixture pages (and the notices' forms) print them.
  it.each([
    ['zhijiao_shijian', '登记表扫描件', '在线填写后打印、签字，扫描为PDF上传', 'registration_form'],
    ['zhijiao_shijian', '教案', 'Word或PDF格式', 'lesson_plan'],
    ['zhijiao_shijian', '教学视频', '限1个，MP4格式，时长15-25分钟', 'video'],
    ['xinxihua', '作品登记表（签字扫描PDF）', 'PDF格式', 'registration_form'],
    ['xinxihua', '案例介绍文档', 'Word文档格式', 'case_intro'],
    ['xinxihua', '教学活动录像', 'MP4格式，总时长不超过50分钟', 'recording'],
    ['xinxihua', '相关材料', 'ZIP压缩包格式', 'materials'],
    ['zhijiao_shuzihua', '案例申报表', '', 'application_form'],
    ['zhijiao_shuzihua', '案例主体内容', 'Word格式，3000-4000字', 'main_text'],
    ['zhijiao_shuzihua', '辅助材料', '', 'supplementary'],
    ['xiaoben', '案例信息表', '', 'info_form'],
    ['xiaoben', '实施方案', '校本研修实施方案，Word格式', 'plan'],
    ['xiaoben', '总结报告', '', 'report'],
    ['xiaoben', '支撑材料', '', 'support'],
    ['mingshi', '研修实施方案', '', 'plan'],
    ['jingpin', '作品登记表', '', 'registration_form'],
    ['jingpin', '作品', '课件、动画、短视频、小程序、应用软件、电子读物等，可多选', 'work'],
    ['jingpin', '相关说明文档', 'Word文档格式', 'description'],
    ['zhijiao_shijian', '* 教学视频：', '', 'video'],
  ])('%s: “%s” → %s', (categoryId, label, hint, slotId) => {
    expect(recognizeSlot({ label, hint }, category(categoryId)).slotId).toBe(slotId);
  });

  it('falls back to the tip when the label names nothing', () => {
    const guess = recognizeSlot({ label: '上传文件', hint: '请上传教学视频，MP4格式' }, category('zhijiao_shijian'));
    expect(guess).toMatchObject({ slotId: 'video', via: 'hint' });
  });

  it('prefers the label over the tip', () => {
    const guess = recognizeSlot({ label: '教案', hint: '可附教学视频截图' }, category('zhijiao_shijian'));
    expect(guess).toMatchObject({ slotId: 'lesson_plan', via: 'label' });
  });

  it('uses a narrow accept attribute when label and tip say nothing', () => {
    expect(recognizeSlot({ label: '上传', hint: '', accept: '.mp4' }, category('zhijiao_shijian'))).toMatchObject({ slotId: 'video', via: 'accept' });
    expect(recognizeSlot({ label: '', hint: '', accept: 'video/*' }, category('zhijiao_shijian'))).toMatchObject({ slotId: 'video' });
    // Anything goes: no slot.
    expect(recognizeSlot({ label: '附件', hint: '', accept: '' }, category('zhijiao_shijian')).slotId).toBeNull();
    // The label still wins over accept.
    expect(recognizeSlot({ label: '教案', hint: '', accept: '.pdf' }, category('zhijiao_shijian')).slotId).toBe('lesson_plan');
  });

  it('says so when nothing points to a slot', () => {
    expect(recognizeSlot({ label: '头像', hint: 'JPG格式' }, category('zhijiao_shijian'))).toEqual({ slotId: null, via: 'none', score: 0 });
  });
});
