import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Deadline as CustomDeadline } from '@/lib/profile/schema';
import type { RulePack } from '@/lib/rules/schema';
import { collectDeadlines } from './deadlines';
import { missedReminders, nearestDaysLeft, planReminders, type Deadline, type Reminder } from './schedule';
import { followedCategoriesItem, organiserModeItem, reminderLogItem, reminderSettingsItem } from './store';

/** Alarm names: one per reminder, plus a daily one at Beijing midnight to move the badge's count. */
export const REMINDER_ALARM_PREFIX = 'remind|';
export const DAILY_ALARM = 'reminders:daily';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** What the reminder service reads; the background passes the real sources, tests pass their own. */
export interface ReminderEnv {
  /** The active rule pack (an imported newer one wins over the bundled one). */
  loadPack: () => Promise<RulePack>;
  loadCustomDeadlines: () => Promise<CustomDeadline[]>;
  now?: () => number;
}

async function currentDeadlines(env: ReminderEnv): Promise<Deadline[]> {
  const [followed, organiser] = await Promise.all([followedCategoriesItem.getValue(), organiserModeItem.getValue()]);
  const [pack, custom] = await Promise.all([env.loadPack(), env.loadCustomDeadlines()]);
  return collectDeadlines(pack, custom, followed ? new Set(followed) : 'all', { organiser });
}

/** The notification for a reminder; its id is the reminder's, so a reminder can never show twice at once. */
export function reminderNotification(reminder: Reminder, deadline: Deadline) {
  const title = i18n.t(deadline.audience === 'organiser' ? 'reminder.organiserTitle' : 'reminder.title', [deadline.categoryName ?? deadline.label]);
  const message =
    reminder.kind === 'opens'
      ? i18n.t('reminder.opens', [deadline.label, deadline.to])
      : reminder.daysLeft === 0
        ? i18n.t('reminder.lastDay', [deadline.label, deadline.to])
        : i18n.t('reminder.closing', [deadline.label, deadline.to, String(reminder.daysLeft)]);
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Firefox rejects notification buttons; a click on the notification itself opens the site there.
    ...(!import.meta.env.FIREFOX && deadline.url ? { buttons: [{ title: i18n.t('reminder.openSite') }] } : {}),
  };
}

async function show(reminder: Reminder, deadline: Deadline): Promise<void> {
  await browser.notifications.create(reminder.id, reminderNotification(reminder, deadline));
}

async function updateBadge(deadlines: readonly Deadline[], now: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const left = nearestDaysLeft(deadlines, new Date(now));
  const text = left === undefined ? '' : left === 0 ? i18n.t('reminder.badgeToday') : String(left);
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: '#c0392b' });
}

/** The next Beijing midnight after `now`. */
function nextChinaMidnight(now: number): number {
  return Math.floor((now + CHINA_OFFSET_MS) / DAY_MS + 1) * DAY_MS - CHINA_OFFSET_MS;
}

/**
 * Rebuilds every reminder alarm from storage: on install, on browser start, and whenever a deadline or a setting
 * changes. Reminders missed while the browser was closed are shown once (the latest per deadline); nothing already
 * shown is shown again.
 */
export async function syncReminders(env: ReminderEnv): Promise<void> {
  const now = env.now?.() ?? Date.now();
  const [settings, log, deadlines] = await Promise.all([
    reminderSettingsItem.getValue(),
    reminderLogItem.getValue(),
    currentDeadlines(env),
  ]);
  const plan = planReminders(deadlines, settings);
  const byKey = new Map(deadlines.map((d) => [d.key, d]));
  const shown = new Set(log.shown);

  // On the very first run there is nothing to catch up: a new user is not told of windows that closed before.
  const missed = log.lastRun === null ? [] : missedReminders(plan, shown, log.lastRun, now);
  for (const reminder of missed) {
    await show(reminder, byKey.get(reminder.deadlineKey)!);
    shown.add(reminder.id);
  }
  // Anything already due counts as handled, so a later catch-up cannot bring it back.
  for (const reminder of plan) if (reminder.when <= now) shown.add(reminder.id);

  const alarms = await browser.alarms.getAll();
  await Promise.all(
    alarms.filter((a) => a.name.startsWith(REMINDER_ALARM_PREFIX)).map((a) => browser.alarms.clear(a.name)),
  );
  for (const reminder of plan) {
    if (reminder.when > now) await browser.alarms.create(REMINDER_ALARM_PREFIX + reminder.id, { when: reminder.when });
  }
  await browser.alarms.create(DAILY_ALARM, { when: nextChinaMidnight(now), periodInMinutes: 24 * 60 });

  const planned = new Set(plan.map((r) => r.id));
  await reminderLogItem.setValue({ shown: [...shown].filter((id) => planned.has(id)), lastRun: now });
  await updateBadge(deadlines, now);
}

/** An alarm fired: show its reminder unless a catch-up already did, or refresh the badge at midnight. */
export async function handleAlarm(name: string, env: ReminderEnv): Promise<void> {
  const now = env.now?.() ?? Date.now();
  if (name === DAILY_ALARM) {
    await updateBadge(await currentDeadlines(env), now);
    return;
  }
  if (!name.startsWith(REMINDER_ALARM_PREFIX)) return;
  const id = name.slice(REMINDER_ALARM_PREFIX.length);
  const [log, settings, deadlines] = await Promise.all([
    reminderLogItem.getValue(),
    reminderSettingsItem.getValue(),
    currentDeadlines(env),
  ]);
  if (!log.shown.includes(id)) {
    const reminder = planReminders(deadlines, settings).find((r) => r.id === id);
    const deadline = reminder && deadlines.find((d) => d.key === reminder.deadlineKey);
    // A reminder whose deadline was deleted or unfollowed since the alarm was set stays silent.
    if (reminder && deadline) {
      await show(reminder, deadline);
      await reminderLogItem.setValue({ shown: [...log.shown, id], lastRun: now });
    }
  }
  await updateBadge(deadlines, now);
}

/** A click on a reminder (or its button) opens the site the deadline belongs to. */
export async function handleNotificationClick(notificationId: string, env: ReminderEnv): Promise<void> {
  const deadlineKey = notificationId.split('|')[0];
  const deadline = (await currentDeadlines(env)).find((d) => d.key === deadlineKey);
  await browser.notifications.clear(notificationId);
  if (deadline?.url) await browser.tabs.create({ url: deadline.url });
}
