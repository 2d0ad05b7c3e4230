import { describe, expect, it } from 'vitest';
import { currentPack } from '@/lib/rules';
import { defaultVideoSlot, videoSlots } from '@/lib/media/slots';

describe('videoSlots', () => {
  it('offers every slot with video rules, and only those', () => {
    const slots = videoSlots(currentPack());
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.slot.video !== undefined)).toBe(true);
    expect(slots.map((s) => `${s.category.id}/${s.slot.id}`)).toContain('zhijiao_shijian/video');
  });
});

describe('defaultVideoSlot', () => {
  const slots = videoSlots(currentPack());
  it('takes the category from the address when it has a video slot', () => {
    expect(defaultVideoSlot(slots, 'ronghe')?.category.id).toBe('ronghe');
  });
  it.each([null, 'no_such_category', 'xiaoben'])('falls back to the strictest slot for %j', (id) => {
    expect(defaultVideoSlot(slots, id)?.category.id).toBe('zhijiao_shijian');
  });
  it('has nothing to offer without video slots', () => {
    expect(defaultVideoSlot([], 'ronghe')).toBeUndefined();
  });
});
