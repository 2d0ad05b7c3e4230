import { describe, expect, it } from 'vitest';
import { windowState } from '@/lib/rules';
import {
  DEFAULT_REMINDER_SETTINGS,
  nearestDaysLeft,
  chinaInstant,
  daysBetween,
  daysLeft,
  missedReminders,
  planReminders,
  type Deadline,
} from '@/lib/reminders/schedule';

const xiaoben: Deadline = { key: 'pack:xiaoben:submit', label: '提交', categoryId: 'xiaoben', from: '2025-09-15', to: '2025-09-30' };
const district: Deadline = { key: 'custom:1', label: '区里截止', to: '2025-03-02' };

const iso = (ms: number) => new Date(ms).toISOString();

describe('chinaInstant', () => {
  it.each([
    ['2025-09-30', '00:00', '2025-09-29T16:00:00.000Z'],
    ['2025-09-30', '09:00', '2025-09-30T01:00:00.000Z'],
    ['2025-01-01', '07:59', '2024-12-31T23:59:00.000Z'],
    // March 30 is a DST day in Europe, March 9 in the US: Beijing keeps UTC+8 throughout.
    ['2025-03-30', '09:00', '2025-03-30T01:00:00.000Z'],
  ])('%s %s Beijing is %s', (day, time, expected) => {
    expect(iso(chinaInstant(day, time))).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-01-31', '2025-02-01', 1],
    ['2025-02-28', '2025-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-09-30', '2025-09-15', -15],
  ])('%s → %s is %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });
});

describe('planReminders', () => {
  it('reminds on opening and 7, 3, 1 and 0 days before closing, at 09:00 Beijing', () => {
    const plan = planReminders([xiaoben], DEFAULT_REMINDER_SETTINGS);
    expect(plan.map((r) => [r.id, iso(r.when), r.daysLeft])).toEqual([
      ['pack:xiaoben:submit|opens', '2025-09-15T01:00:00.000Z', 15],
      ['pack:xiaoben:submit|closing|7', '2025-09-23T01:00:00.000Z', 7],
      ['pack:xiaoben:submit|closing|3', '2025-09-27T01:00:00.000Z', 3],
      ['pack:xiaoben:submit|closing|1', '2025-09-29T01:00:00.000Z', 1],
      ['pack:xiaoben:submit|closing|0', '2025-09-30T01:00:00.000Z', 0],
    ]);
  });

  it('crosses month ends: a 7-day lead before March 2 falls in February', () => {
    const plan = planReminders([district], { ...DEFAULT_REMINDER_SETTINGS, leadDays: [7] });
    expect(plan.map((r) => iso(r.when))).toEqual(['2025-02-23T01:00:00.000Z']);
  });

  it('uses per-category leads and drops leads before the window opens', () => {
    const short: Deadline = { ...xiaoben, from: '2025-09-28' };
    const plan = planReminders([short], {
      ...DEFAULT_REMINDER_SETTINGS,
      onOpen: false,
      leadDaysByCategory: { xiaoben: [5, 2, 2] },
    });
    expect(plan.map((r) => r.id)).toEqual(['pack:xiaoben:submit|closing|2']);
  });

  it('gives unique ids', () => {
    const plan = planReminders([xiaoben, district], DEFAULT_REMINDER_SETTINGS);
    expect(new Set(plan.map((r) => r.id)).size).toBe(plan.length);
  });
});

describe('daysLeft', () => {
  // The instants are UTC; the answers depend on the Beijing day only, whatever the host's zone.
  it.each([
    ['2025-09-14T15:59:59Z', 'upcoming', undefined],
    ['2025-09-14T16:00:00Z', 'open', 15],
    ['2025-09-29T15:59:59Z', 'open', 1],
    ['2025-09-29T16:00:00Z', 'open', 0],
    ['2025-09-30T15:59:59Z', 'open', 0],
    ['2025-09-30T16:00:00Z', 'closed', undefined],
  ])('at %s the window is %s', (at, state, left) => {
    expect(windowState(xiaoben, new Date(at))).toBe(state);
    expect(daysLeft(xiaoben, new Date(at))).toBe(left);
  });
});

describe('nearestDaysLeft', () => {
  it('gives the nearest open deadline, or nothing', () => {
    const now = new Date('2025-09-27T03:00:00Z');
    const other: Deadline = { key: 'custom:2', label: 'x', to: '2025-10-10' };
    expect(nearestDaysLeft([other, xiaoben], now)).toBe(3);
    expect(nearestDaysLeft([xiaoben], new Date('2025-10-01T03:00:00Z'))).toBeUndefined();
  });
});

describe('missedReminders', () => {
  const plan = planReminders([xiaoben], DEFAULT_REMINDER_SETTINGS);

  it('catches up only the latest missed reminder per deadline', () => {
    const since = chinaInstant('2025-09-20');
    const now = chinaInstant('2025-09-29', '12:00');
    expect(missedReminders(plan, new Set(), since, now).map((r) => r.id)).toEqual(['pack:xiaoben:submit|closing|1']);
  });

  it('never repeats a reminder already shown', () => {
    const since = chinaInstant('2025-09-20');
    const now = chinaInstant('2025-09-29', '12:00');
    expect(missedReminders(plan, new Set(['pack:xiaoben:submit|closing|1']), since, now)).toEqual([]);
  });

  it('ignores reminders before the last run and in the future', () => {
    const since = chinaInstant('2025-09-29', '10:00');
    const now = chinaInstant('2025-09-29', '12:00');
    expect(missedReminders(plan, new Set(), since, now)).toEqual([]);
  });
});
