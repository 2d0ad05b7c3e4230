import { storage } from '#imports';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './schedule';

/** How and when to remind; edited in the options page. */
export const reminderSettingsItem = storage.defineItem<ReminderSettings>('local:reminderSettings', {
  fallback: DEFAULT_REMINDER_SETTINGS,
});

/** Category ids the teacher follows; `null` = all (the default, so a new user misses nothing). */
export const followedCategoriesItem = storage.defineItem<string[] | null>('local:followedCategories', {
  fallback: null,
});

/**
 * 我是组织者: the user collects entries for a district, school or province, so the organisers' windows of the pack
 * (provincial recommendation, contact-form deadlines…) are shown and reminded too. Off by default: a teacher would
 * only be confused by dates that are not theirs.
 */
export const organiserModeItem = storage.defineItem<boolean>('local:organiserMode', { fallback: false });

/** What was already shown and when reminders last ran: kept in storage, as a service worker forgets its memory. */
export interface ReminderLog {
  shown: string[];
  lastRun: number | null;
}

export const reminderLogItem = storage.defineItem<ReminderLog>('local:reminderLog', {
  fallback: { shown: [], lastRun: null },
});

/**
 * Bumped by extension pages after they change custom deadlines in Dexie: a storage change wakes the service worker,
 * which then rebuilds its alarms (a Dexie change in another page would not).
 */
export const DEADLINES_CHANGED_KEY = 'local:deadlinesChangedAt';
export const deadlinesChangedItem = storage.defineItem<number>(DEADLINES_CHANGED_KEY, { fallback: 0 });
