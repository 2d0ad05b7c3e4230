import { describe, expect, it } from 'vitest';
import { isCalendarDay, isClockTime, isEmail, isMobile, normalizeLandline, normalizeMobile } from '@/lib/profile/validators';

describe('normalizeMobile / isMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-19912345678', '19912345678'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(normalizeMobile(raw)).toBe(normalised);
    expect(isMobile(raw)).toBe(true);
  });

  it.each(['1380013800', '138001380001', '12800138000', '23800138000', '1380013800a', '１３８００１３８０００', ''])(
    'rejects %s',
    (raw) => expect(isMobile(raw)).toBe(false),
  );
});

describe('normalizeLandline', () => {
  it.each([
    ['010-62345678', '010-62345678'],
    ['01062345678', '010-62345678'],
    ['(021)87654321', '021-87654321'],
    ['（0571）8765432', '0571-8765432'],
    ['0571 87654321', '0571-87654321'],
    ['010-62345678-123', '010-62345678-123'],
    ['010-62345678转123', '010-62345678-123'],
    ['0755-2345678 ext. 9', '0755-2345678-9'],
  ])('reads %s as %s', (raw, normalised) => expect(normalizeLandline(raw)).toBe(normalised));

  it.each([
    '12345678', // no area code
    '010-12345678', // local numbers never start with 1
    '010-1234567890', // local number too long
    '010-0234567', // local numbers never start with 0
    '0571-123456', // too short
    '13800138000', // a mobile is not a landline
    '010-62345678-1234567', // extension too long
  ])('rejects %s', (raw) => expect(normalizeLandline(raw)).toBeNull());
});

describe('isEmail', () => {
  it.each(['teacher@school.edu.cn', 'li.ming+zx@163.com', 'a_b@qq.com'])('accepts %s', (raw) =>
    expect(isEmail(raw)).toBe(true),
  );
  it.each(['teacher＠school.cn', 'teacher@school.cn。', 'teacher@', '@qq.com', 'a..b@qq.com', 'a@qq', '李@qq.com'])(
    'rejects %s',
    (raw) => expect(isEmail(raw)).toBe(false),
  );
});

describe('isCalendarDay / isClockTime', () => {
  it.each([
    ['2025-09-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-9-30', false],
    ['2025-13-01', false],
  ])('%s is a day: %s', (text, ok) => expect(isCalendarDay(text)).toBe(ok));
  it.each([
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
  ])('%s is a time: %s', (text, ok) => expect(isClockTime(text)).toBe(ok));
});
