import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@/lib/reminders/schedule';
import { followedCategoriesItem, organiserModeItem, reminderSettingsItem } from '@/lib/reminders/store';
import { loadImportedPack, removeImportedPack } from '@/lib/rules/active';
import type { RulePack } from '@/lib/rules';
import { Field, Status } from './controls';
import { NO_STATUS, useEnv, type StatusLine } from './store';

/** "7, 3、1 0" → [7, 3, 1, 0]; undefined when anything is not a whole number of days from 0 to 60. */
export function parseLeadDays(text: string): number[] | undefined {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (parts.length === 0) return [];
  const days = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  if (days.some((d) => !(d >= 0 && d <= 60))) return undefined;
  return [...new Set(days)].sort((a, b) => b - a);
}

const formatDays = (days: readonly number[]) => days.join(', ');

/** Reminder settings, followed categories, and importing next year's rule pack. */
export function RemindersTab({ onPackChanged }: { onPackChanged: (pack: RulePack | undefined) => void }) {
  const { pack } = useEnv();
  const [settings, setSettings] = useState<ReminderSettings>();
  const [leadText, setLeadText] = useState('');
  const [byCategory, setByCategory] = useState<Record<string, string>>({});
  const [followed, setFollowed] = useState<string[] | null>(null);
  const [organiser, setOrganiser] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<StatusLine>(NO_STATUS);
  const [packStatus, setPackStatus] = useState<StatusLine>(NO_STATUS);
  const [imported, setImported] = useState<RulePack>();

  useEffect(() => {
    void reminderSettingsItem.getValue().then((s) => {
      setSettings(s);
      setLeadText(formatDays(s.leadDays));
      setByCategory(Object.fromEntries(Object.entries(s.leadDaysByCategory).map(([k, v]) => [k, formatDays(v)])));
    });
    void followedCategoriesItem.getValue().then(setFollowed);
    void organiserModeItem.getValue().then(setOrganiser);
    void loadImportedPack().then(setImported);
  }, []);

  if (!settings) return <p>{i18n.t('optionsPage.loading')}</p>;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    const leadDays = parseLeadDays(leadText);
    if (!leadDays) nextErrors.leadDays = i18n.t('reminders.leadDaysError');
    const perCategory: Record<string, number[]> = {};
    for (const [id, text] of Object.entries(byCategory)) {
      if (!text.trim()) continue;
      const days = parseLeadDays(text);
      if (days) perCategory[id] = days;
      else nextErrors[`lead-${id}`] = i18n.t('reminders.leadDaysError');
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      setStatus({ text: i18n.t('optionsPage.notSaved'), kind: 'error' });
      return;
    }
    const next = { ...settings!, leadDays: leadDays!, leadDaysByCategory: perCategory };
    await reminderSettingsItem.setValue(next);
    await followedCategoriesItem.setValue(followed);
    await organiserModeItem.setValue(organiser);
    setSettings(next);
    setStatus({ text: i18n.t('optionsPage.saved'), kind: 'ok' });
  }

  const isFollowed = (id: string) => followed === null || followed.includes(id);
  const toggle = (id: string) => {
    const current = followed ?? pack.categories.map((c) => c.id);
    setFollowed(current.includes(id) ? current.filter((c) => c !== id) : [...current, id]);
  };

  return (
    <div className="reminders">
      <form className="editor" onSubmit={save} noValidate aria-label={i18n.t('reminders.heading')}>
        <h2>{i18n.t('reminders.heading')}</h2>
        <div className="grid">
          <Field label={i18n.t('reminders.leadDays')} hint={i18n.t('reminders.leadDaysHint')} error={errors.leadDays}>
            {(p) => <input {...p} type="text" name="leadDays" value={leadText} onChange={(e) => setLeadText(e.target.value)} />}
          </Field>
          <Field label={i18n.t('reminders.time')} hint={i18n.t('reminders.timeHint')}>
            {(p) => (
              <input {...p} type="time" name="time" value={settings.time}
                onChange={(e) => setSettings({ ...settings, time: e.target.value || DEFAULT_REMINDER_SETTINGS.time })} />
            )}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" name="onOpen" checked={settings.onOpen} onChange={(e) => setSettings({ ...settings, onOpen: e.target.checked })} />
          {i18n.t('reminders.onOpen')}
        </label>
        <label className="check">
          <input type="checkbox" role="switch" name="organiser" checked={organiser} aria-checked={organiser} onChange={(e) => setOrganiser(e.target.checked)} />
          {i18n.t('reminders.organiser')}
        </label>
        <fieldset>
          <legend>{i18n.t('reminders.categories')}</legend>
          <table className="categories">
            <thead>
              <tr>
                <th scope="col">{i18n.t('reminders.follow')}</th>
                <th scope="col">{i18n.t('reminders.categoryLeadDays')}</th>
              </tr>
            </thead>
            <tbody>
              {pack.categories.map((c) => (
                <tr key={c.id} data-category={c.id}>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={isFollowed(c.id)} onChange={() => toggle(c.id)} />
                      {c.name}
                    </label>
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={i18n.t('reminders.categoryLeadDaysFor', [c.name])}
                      aria-invalid={!!errors[`lead-${c.id}`]}
                      placeholder={formatDays(settings.leadDays)}
                      value={byCategory[c.id] ?? ''}
                      onChange={(e) => setByCategory({ ...byCategory, [c.id]: e.target.value })}
                    />
                    {errors[`lead-${c.id}`] && <p className="error">{errors[`lead-${c.id}`]}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">{i18n.t('optionsPage.save')}</button>
        </div>
        <Status {...status} />
      </form>

      <section className="editor" aria-labelledby="rule-pack-heading">
        <h2 id="rule-pack-heading">{i18n.t('reminders.packHeading')}</h2>
        <p data-testid="active-pack">{i18n.t('options.rulePack', [pack.activity, pack.version])}</p>
        <p className="hint">{i18n.t('reminders.packHint')}</p>
        <button type="button" className="primary" data-testid="open-rulepack"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/rulepack.html') })}>
          {i18n.t('rulepack.link')}
        </button>
        {imported && (
          <button type="button" onClick={async () => {
            await removeImportedPack();
            setImported(undefined);
            onPackChanged(undefined);
            setPackStatus({ text: i18n.t('reminders.packRemoved'), kind: 'ok' });
          }}>
            {i18n.t('reminders.packRemove', [imported.version])}
          </button>
        )}
        <Status {...packStatus} />
      </section>
    </div>
  );
}
