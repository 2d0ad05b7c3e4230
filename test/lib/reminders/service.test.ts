import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Deadline as CustomDeadline } from '@/lib/profile/schema';
import { currentPack } from '@/lib/rules';
import { chinaInstant } from '@/lib/reminders/schedule';
import {
  DAILY_ALARM,
  REMINDER_ALARM_PREFIX,
  handleAlarm,
  handleNotificationClick,
  syncReminders,
  type ReminderEnv,
} from '@/lib/reminders/service';
import { followedCategoriesItem, organiserModeItem, reminderLogItem, reminderSettingsItem } from '@/lib/reminders/store';

// A district FTP deadline three days after "today" (2026-11-22, Beijing).
const district: CustomDeadline = { id: 'd1', label: '区级FTP报送', categoryId: 'ronghe', date: '2026-11-25' };

function env(now: number, custom: CustomDeadline[] = [district]): ReminderEnv {
  return { loadPack: async () => currentPack(), loadCustomDeadlines: async () => custom, now: () => now };
}

const reminderAlarms = async () =>
  (await fakeBrowser.alarms.getAll())
    .filter((a) => a.name.startsWith(REMINDER_ALARM_PREFIX))
    .map((a) => [a.name.slice(REMINDER_ALARM_PREFIX.length), new Date(a.scheduledTime).toISOString()]);
const notifications = async () => Object.entries(await fakeBrowser.notifications.getAll());
const badge = () => fakeBrowser.action.getBadgeText({});

beforeEach(async () => {
  // fakeBrowser.reset() in the setup file clears storage, alarms and notifications between tests.
  await followedCategoriesItem.setValue(null);
});

describe('syncReminders', () => {
  it('schedules the remaining reminders of a deadline three days away and shows 3 on the badge', async () => {
    await syncReminders(env(chinaInstant('2026-11-22', '08:00')));
    expect((await reminderAlarms()).sort()).toEqual([
      ['custom:d1|closing|0', '2026-11-25T01:00:00.000Z'],
      ['custom:d1|closing|1', '2026-11-24T01:00:00.000Z'],
      ['custom:d1|closing|3', '2026-11-22T01:00:00.000Z'],
    ]);
    expect(await fakeBrowser.alarms.get(DAILY_ALARM)).toMatchObject({
      scheduledTime: chinaInstant('2026-11-23'),
      periodInMinutes: 1440,
    });
    expect(await badge()).toBe('3');
    // The 7-day lead passed before the extension knew of the deadline: no stale notification on first run.
    expect(await notifications()).toEqual([]);
  });

  it('shows one notification when the alarm fires, and not again after a restart', async () => {
    const nine = chinaInstant('2026-11-22', '09:00');
    await syncReminders(env(chinaInstant('2026-11-22', '08:00')));
    await handleAlarm(`${REMINDER_ALARM_PREFIX}custom:d1|closing|3`, env(nine));
    const shown = await notifications();
    expect(shown).toHaveLength(1);
    expect(shown[0]![0]).toBe('custom:d1|closing|3');
    expect(shown[0]![1]).toMatchObject({
      title: '报送提醒 · 融合创新应用教学案例',
      message: '区级FTP报送将于 2026-11-25 截止，还剩 3 天。',
    });
    // 融合创新 goes to the district FTP: there is no site to open, so no button.
    expect(shown[0]![1]).not.toHaveProperty('buttons');

    await fakeBrowser.notifications.clear('custom:d1|closing|3');
    // Browser restarts an hour later: alarms are rebuilt, nothing is shown twice.
    await syncReminders(env(nine + 3_600_000));
    await handleAlarm(`${REMINDER_ALARM_PREFIX}custom:d1|closing|3`, env(nine + 3_600_000));
    expect(await notifications()).toEqual([]);
    expect((await reminderAlarms()).map(([id]) => id).sort()).toEqual(['custom:d1|closing|0', 'custom:d1|closing|1']);
  });

  it('catches up the latest missed reminder once after the browser was closed', async () => {
    await syncReminders(env(chinaInstant('2026-11-17', '20:00')));
    // Closed from the 17th to the evening of the 24th: the 7-, 3- and 1-day reminders were all missed.
    const later = env(chinaInstant('2026-11-24', '20:00'));
    await syncReminders(later);
    const shown = await notifications();
    expect(shown.map(([id]) => id)).toEqual(['custom:d1|closing|1']);
    expect(shown[0]![1]).toMatchObject({ message: '区级FTP报送将于 2026-11-25 截止，还剩 1 天。' });
    await syncReminders(later);
    expect(await notifications()).toHaveLength(1);
    expect((await reminderLogItem.getValue()).shown).toContain('custom:d1|closing|1');
  });

  it('tells of the last day in its own words and marks it on the badge', async () => {
    await syncReminders(env(chinaInstant('2026-11-24', '20:00')));
    await handleAlarm(`${REMINDER_ALARM_PREFIX}custom:d1|closing|0`, env(chinaInstant('2026-11-25', '09:00')));
    expect((await notifications())[0]![1]).toMatchObject({ message: '区级FTP报送今天截止（2026-11-25），请尽快提交。' });
    expect(await badge()).toBe('今');
  });

  it('follows the settings: time of day and lead days', async () => {
    await reminderSettingsItem.setValue({ leadDays: [2], leadDaysByCategory: {}, onOpen: false, time: '18:30' });
    await syncReminders(env(chinaInstant('2026-11-22', '08:00')));
    expect(await reminderAlarms()).toEqual([['custom:d1|closing|2', '2026-11-23T10:30:00.000Z']]);
  });

  it('shows nothing on the badge when no window is open, and schedules nothing for past windows', async () => {
    await syncReminders(env(chinaInstant('2026-11-22', '08:00'), []));
    expect(await badge()).toBe('');
    expect(await reminderAlarms()).toEqual([]);
  });

  it('reminds of pack windows only for followed categories', async () => {
    const during = chinaInstant('2025-09-20', '08:00');
    await syncReminders(env(during, []));
    const before = new Set((await reminderAlarms()).map(([id]) => id!.split(':')[1]!));
    expect([...before].sort()).toEqual(['mingshi', 'xiaoben']);
    await followedCategoriesItem.setValue(['mingshi']);
    await syncReminders(env(during, []));
    const keys = new Set((await reminderAlarms()).map(([id]) => id!.split('|')[0]));
    expect([...keys].every((k) => k!.startsWith('pack:mingshi:'))).toBe(true);
  });

  it('reminds an organiser (我是组织者) of the organisers\' windows, and a teacher not', async () => {
    const before = chinaInstant('2025-10-07', '20:00');
    await syncReminders(env(before, []));
    expect((await reminderAlarms()).filter(([id]) => id!.startsWith('pack:organiser:'))).toEqual([]);
    await organiserModeItem.setValue(true);
    await syncReminders(env(before, []));
    const organiser = (await reminderAlarms()).filter(([id]) => id!.startsWith('pack:organiser:provincial_recommendation|'));
    expect(organiser.map(([id]) => id).sort()).toEqual([
      'pack:organiser:provincial_recommendation|closing|0',
      'pack:organiser:provincial_recommendation|closing|1',
      'pack:organiser:provincial_recommendation|closing|3',
      'pack:organiser:provincial_recommendation|closing|7',
      'pack:organiser:provincial_recommendation|opens',
    ]);
    await handleAlarm(`${REMINDER_ALARM_PREFIX}pack:organiser:provincial_recommendation|opens`, env(chinaInstant('2025-10-08', '09:00'), []));
    expect((await notifications())[0]![1]).toMatchObject({
      title: '组织者提醒 · 省级推荐校本研修案例',
      message: '省级推荐校本研修案例今天开始，2025-10-20 截止。',
    });
    // Turned off again: the alarm that is still set stays silent.
    await organiserModeItem.setValue(false);
    await fakeBrowser.notifications.clear('pack:organiser:provincial_recommendation|opens');
    await handleAlarm(`${REMINDER_ALARM_PREFIX}pack:organiser:provincial_recommendation|closing|7`, env(chinaInstant('2025-10-13', '09:00'), []));
    expect(await notifications()).toEqual([]);
  });

  it('stays silent for an alarm whose deadline was deleted', async () => {
    await syncReminders(env(chinaInstant('2026-11-22', '08:00')));
    await handleAlarm(`${REMINDER_ALARM_PREFIX}custom:d1|closing|3`, env(chinaInstant('2026-11-22', '09:00'), []));
    expect(await notifications()).toEqual([]);
  });
});

describe('handleNotificationClick', () => {
  it('opens the site of the deadline and closes the notification', async () => {
    const pack = currentPack();
    const ronghe = pack.categories.find((c) => c.id === 'ronghe')!;
    const deadline: CustomDeadline = { ...district, categoryId: 'xiaoben' };
    await syncReminders(env(chinaInstant('2026-11-22', '08:00'), [deadline]));
    await handleAlarm(`${REMINDER_ALARM_PREFIX}custom:d1|closing|3`, env(chinaInstant('2026-11-22', '09:00'), [deadline]));
    expect((await notifications())[0]![1]).toMatchObject({ buttons: [{ title: '打开报送网站' }] });
    await handleNotificationClick('custom:d1|closing|3', env(chinaInstant('2026-11-22', '09:05'), [deadline]));
    expect(await notifications()).toEqual([]);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('https://huodong.ncet.edu.cn/');
    expect(ronghe.sites[0]).toBe('district-ftp');
  });
});
