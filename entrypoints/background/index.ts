import { storage } from '#imports';
import { createMessageHandlers, getDatabase } from '@/lib/db';
import { onMessage } from '@/lib/messaging';
import { installOpenPageListener } from '@/lib/guard/open-page';
import { loadActivePack } from '@/lib/rules/active';
import { handleAlarm, handleNotificationClick, syncReminders, type ReminderEnv } from '@/lib/reminders/service';
import { DEADLINES_CHANGED_KEY, followedCategoriesItem, organiserModeItem, reminderSettingsItem } from '@/lib/reminders/store';
import { importedPackItem } from '@/lib/rules/active';

/** Chrome reports an unpacked extension loaded from the command line as newly installed at every start. */
const welcomedItem = storage.defineItem<boolean>('local:welcomed', { fallback: false });

async function welcomeOnce(): Promise<void> {
  if (await welcomedItem.getValue()) return;
  await welcomedItem.setValue(true);
  await browser.runtime.openOptionsPage();
}

export default defineBackground(() => {
  const reminders: ReminderEnv = {
    loadPack: loadActivePack,
    loadCustomDeadlines: () => getDatabase().deadlines.toArray(),
  };
  const resync = () => void syncReminders(reminders).catch((error) => console.warn('[报送助手] reminders', error));

  // Listeners are registered synchronously at start-up: a service worker woken by an event must find them there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void welcomeOnce();
    resync();
  });
  browser.runtime.onStartup.addListener(resync);
  browser.alarms.onAlarm.addListener((alarm) => void handleAlarm(alarm.name, reminders));
  browser.notifications.onClicked.addListener((id) => void handleNotificationClick(id, reminders));
  browser.notifications.onButtonClicked?.addListener((id) => void handleNotificationClick(id, reminders));
  // Settings, followed categories, an imported rule pack and custom deadlines are written by extension pages; any change rebuilds alarms.
  const watched = new Set([reminderSettingsItem.key, followedCategoriesItem.key, organiserModeItem.key, importedPackItem.key, DEADLINES_CHANGED_KEY].map((k) => k.replace(/^local:/, '')));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => watched.has(k))) resync();
  });

  // Content scripts read profiles and record fills through the background: Dexie opened from a content script
  // would belong to the page's origin, not to the extension.
  onMessage(createMessageHandlers(getDatabase));
  // The on-site upload guard opens the repair and 预检 pages through here (content scripts cannot navigate to them).
  installOpenPageListener(browser);
});
