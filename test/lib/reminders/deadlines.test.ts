import { describe, expect, it } from 'vitest';
import { currentPack, windowState } from '@/lib/rules';
import { collectDeadlines } from '@/lib/reminders/deadlines';
import { chinaInstant, daysLeft, planReminders, DEFAULT_REMINDER_SETTINGS } from '@/lib/reminders/schedule';

const pack = currentPack();
const organiserKeys = pack.windows.map((w) => `pack:organiser:${w.id}`);

describe('collectDeadlines', () => {
  it('gives a teacher no organiser window, and an organiser every one of the pack, tagged', () => {
    const teacher = collectDeadlines(pack, [], 'all');
    expect(teacher.filter((d) => d.audience === 'organiser')).toEqual([]);
    expect(teacher.map((d) => d.key)).not.toEqual(expect.arrayContaining([organiserKeys[0]]));

    const organiser = collectDeadlines(pack, [], 'all', { organiser: true });
    const windows = organiser.filter((d) => d.audience === 'organiser');
    expect(windows.map((d) => d.key)).toEqual(organiserKeys);
    // The organiser still sees the teachers' windows: they chase their teachers by them.
    expect(organiser.filter((d) => d.audience === undefined).map((d) => d.key)).toEqual(teacher.map((d) => d.key));
    expect(windows).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: 'pack:organiser:provincial_recommendation', from: '2025-10-08', to: '2025-10-20', url: expect.stringContaining('huodong') }),
      expect.objectContaining({ key: 'pack:organiser:national_recommendation', to: '2025-11-15' }),
      expect.objectContaining({ key: 'pack:organiser:district_contact_form', to: '2025-06-30', url: undefined }),
      expect.objectContaining({ key: 'pack:organiser:provincial_contact_form', to: '2025-04-20' }),
    ]));
  });

  it('reads the windows from the pack, not from code: a new organiser window appears, and a category one only when followed', () => {
    const next = structuredClone(pack);
    next.windows.push({ id: 'district_ftp', label: '区级汇总上报', labelEn: 'District summary', audience: 'organiser', from: '2026-09-01', to: '2026-09-10', source: { notice: 'district', section: '四' } });
    const category = next.categories[0]!;
    category.windows.push({ id: 'school_review', label: '校内初审', labelEn: 'School review', audience: 'organiser', to: '2026-08-20', source: { notice: 'district', section: '四' } });
    const keys = (followed: ReadonlySet<string> | 'all') => collectDeadlines(next, [], followed, { organiser: true }).map((d) => d.key);
    expect(keys('all')).toEqual(expect.arrayContaining(['pack:organiser:district_ftp', `pack:${category.id}:school_review`]));
    expect(keys(new Set())).toContain('pack:organiser:district_ftp');
    expect(keys(new Set())).not.toContain(`pack:${category.id}:school_review`);
    expect(collectDeadlines(next, [], 'all').map((d) => d.key)).not.toContain(`pack:${category.id}:school_review`);
  });
});

// Edges of the organisers' windows, in Beijing time: the first and the last day are both inside.
describe('organiser windows at their edges', () => {
  const byKey = (key: string) => collectDeadlines(pack, [], 'all', { organiser: true }).find((d) => d.key === key)!;
  const at = (day: string, time: string) => new Date(chinaInstant(day, time));

  it.each([
    ['provincial_recommendation', '2025-10-07', '23:59', 'upcoming'],
    ['provincial_recommendation', '2025-10-08', '00:00', 'open'],
    ['provincial_recommendation', '2025-10-20', '23:59', 'open'],
    ['provincial_recommendation', '2025-10-21', '00:00', 'closed'],
    ['national_recommendation', '2025-01-01', '00:00', 'open'],
    ['national_recommendation', '2025-11-15', '23:59', 'open'],
    ['national_recommendation', '2025-11-16', '00:00', 'closed'],
    ['district_contact_form', '2025-06-30', '23:59', 'open'],
    ['district_contact_form', '2025-07-01', '00:00', 'closed'],
    ['provincial_contact_form', '2025-04-20', '23:59', 'open'],
    ['provincial_contact_form', '2025-04-21', '00:00', 'closed'],
  ] as const)('%s on %s %s (Beijing) is %s', (id, day, time, state) => {
    expect(windowState(byKey(`pack:organiser:${id}`), at(day, time))).toBe(state);
  });

  it('counts down to the last day and reminds on the opening day and the leads before the close', () => {
    const d = byKey('pack:organiser:provincial_recommendation');
    expect(daysLeft(d, at('2025-10-08', '00:00'))).toBe(12);
    expect(daysLeft(d, at('2025-10-20', '23:59'))).toBe(0);
    expect(daysLeft(d, at('2025-10-07', '23:59'))).toBeUndefined();
    expect(daysLeft(d, at('2025-10-21', '00:00'))).toBeUndefined();
    const reminders = planReminders([d], DEFAULT_REMINDER_SETTINGS).map((r) => [r.id, new Date(r.when).toISOString()]);
    expect(reminders).toEqual([
      ['pack:organiser:provincial_recommendation|opens', '2025-10-08T01:00:00.000Z'],
      ['pack:organiser:provincial_recommendation|closing|7', '2025-10-13T01:00:00.000Z'],
      ['pack:organiser:provincial_recommendation|closing|3', '2025-10-17T01:00:00.000Z'],
      ['pack:organiser:provincial_recommendation|closing|1', '2025-10-19T01:00:00.000Z'],
      ['pack:organiser:provincial_recommendation|closing|0', '2025-10-20T01:00:00.000Z'],
    ]);
  });
});
