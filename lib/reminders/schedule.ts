import { windowState } from '@/lib/rules';
import { chinaDay } from '@/lib/time/china';

/** A dated period a teacher may be reminded of: a rule-pack window or one of the user's own deadlines. */
export interface Deadline {
  /** Stable across rebuilds: `pack:<category>:<window>` or `custom:<id>`. */
  key: string;
  label: string;
  categoryId?: string;
  categoryName?: string;
  /** Beijing calendar days, both inclusive; no `from` means open until `to`. */
  from?: string;
  to: string;
  /** Where the notification's button leads. */
  url?: string;
  /** Set on the organisers' windows (shown only in 我是组织者 mode). */
  audience?: 'organiser';
}

/** When and how often to remind. */
export interface ReminderSettings {
  /** Days before the last day (0 = on the last day). */
  leadDays: number[];
  /** Per category id, replaces `leadDays`. */
  leadDaysByCategory: Record<string, number[]>;
  /** Remind when a window opens. */
  onOpen: boolean;
  /** Beijing wall-clock time of every reminder, `HH:MM`. */
  time: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  leadDays: [7, 3, 1, 0],
  leadDaysByCategory: {},
  onOpen: true,
  time: '09:00',
};

export type ReminderKind = 'opens' | 'closing';

/** One notification to show at `when`. */
export interface Reminder {
  /** Unique per deadline, kind and lead: the alarm name, and the key that prevents duplicates. */
  id: string;
  deadlineKey: string;
  kind: ReminderKind;
  /** Whole days from the reminder's day to the last day: 0 on the last day itself. */
  daysLeft: number;
  when: number;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant a Beijing wall-clock time on a Beijing calendar day occurs. China has had no DST since 1991. */
export function chinaInstant(day: string, time = '00:00'): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) - CHINA_OFFSET_MS;
}

function addDays(day: string, days: number): string {
  return chinaDay(new Date(chinaInstant(day, '12:00') + days * DAY_MS));
}

/** Whole Beijing calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((chinaInstant(b) - chinaInstant(a)) / DAY_MS);
}

/** Every reminder for the deadlines, past ones included (callers filter by time). Sorted by time. */
export function planReminders(deadlines: readonly Deadline[], settings: ReminderSettings): Reminder[] {
  const out: Reminder[] = [];
  for (const d of deadlines) {
    if (settings.onOpen && d.from) {
      out.push({
        id: `${d.key}|opens`,
        deadlineKey: d.key,
        kind: 'opens',
        daysLeft: daysBetween(d.from, d.to),
        when: chinaInstant(d.from, settings.time),
      });
    }
    const leads = d.categoryId ? (settings.leadDaysByCategory[d.categoryId] ?? settings.leadDays) : settings.leadDays;
    for (const lead of new Set(leads)) {
      const day = addDays(d.to, -lead);
      // A lead that falls before the window opens would remind of a window the teacher cannot use yet.
      if (d.from && day < d.from) continue;
      out.push({
        id: `${d.key}|closing|${lead}`,
        deadlineKey: d.key,
        kind: 'closing',
        daysLeft: lead,
        when: chinaInstant(day, settings.time),
      });
    }
  }
  return out.sort((a, b) => a.when - b.when || a.id.localeCompare(b.id));
}

/** Whole days from today to the last day (0 on the last day), or undefined when not open. */
export function daysLeft(d: Pick<Deadline, 'from' | 'to'>, now: Date): number | undefined {
  if (windowState(d, now) !== 'open') return undefined;
  return daysBetween(chinaDay(now), d.to);
}

/** Days left of the nearest open deadline (what the badge shows), or undefined when nothing is open. */
export function nearestDaysLeft(deadlines: readonly Deadline[], now: Date): number | undefined {
  const left = deadlines.map((d) => daysLeft(d, now)).filter((n): n is number => n !== undefined);
  return left.length ? Math.min(...left) : undefined;
}

/**
 * Reminders whose time passed while the browser was closed: at most one per deadline (the latest), and only those
 * not already shown, so a restart never repeats or floods.
 */
export function missedReminders(
  reminders: readonly Reminder[],
  shown: ReadonlySet<string>,
  since: number,
  now: number,
): Reminder[] {
  const latest = new Map<string, Reminder>();
  for (const r of reminders) {
    if (r.when <= since || r.when > now) continue;
    const prev = latest.get(r.deadlineKey);
    if (!prev || r.when > prev.when) latest.set(r.deadlineKey, r);
  }
  // An older reminder superseded by a newer one that was shown stays silent: it would only tell stale news.
  return [...latest.values()].filter((r) => !shown.has(r.id));
}
