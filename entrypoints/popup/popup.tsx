import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { Deadline as CustomDeadline } from '@/lib/profile/schema';
import { RULE_PACKS, windowState, type RulePack, type WindowState } from '@/lib/rules';
import { allWindowsPast, loadActivePack } from '@/lib/rules/active';
import { categoryRows } from '@/lib/reminders/categories';
import { collectDeadlines } from '@/lib/reminders/deadlines';
import { daysBetween, type Deadline } from '@/lib/reminders/schedule';
import { followedCategoriesItem, organiserModeItem } from '@/lib/reminders/store';
import { SITE_ADAPTERS } from '@/lib/sites';
import { chinaDay } from '@/lib/time/china';

export interface PopupProps {
  now: Date;
  loadCustomDeadlines: () => Promise<CustomDeadline[]>;
}

const GROUPS: WindowState[] = ['open', 'upcoming', 'closed'];

/** The toolbar popup: windows by state with countdowns, the categories followed, and the way to every page. */
export function Popup({ now, loadCustomDeadlines }: PopupProps) {
  const [pack, setPack] = useState<RulePack>(RULE_PACKS[0]!);
  const [custom, setCustom] = useState<CustomDeadline[]>([]);
  const [followed, setFollowed] = useState<string[] | null>(null);
  const [organiser, setOrganiser] = useState(false);

  useEffect(() => {
    void loadActivePack().then(setPack);
    void loadCustomDeadlines().then(setCustom);
    void followedCategoriesItem.getValue().then(setFollowed);
    void organiserModeItem.getValue().then(setOrganiser);
    const unwatch = [followedCategoriesItem.watch(setFollowed), organiserModeItem.watch(setOrganiser)];
    return () => unwatch.forEach((stop) => stop());
  }, [loadCustomDeadlines]);

  const isFollowed = (id: string) => followed === null || followed.includes(id);
  const toggle = (id: string) => {
    const current = followed ?? pack.categories.map((c) => c.id);
    void followedCategoriesItem.setValue(
      current.includes(id) ? current.filter((c) => c !== id) : [...current, id],
    );
  };

  const deadlines = collectDeadlines(pack, custom, 'all', { organiser });
  const today = chinaDay(now);

  return (
    <main className="popup">
      <header className="popup__header">
        <h1 className="popup__title">{i18n.t('extName')}</h1>
        <p className="popup__today">{i18n.t('popup.today', [today])}</p>
        <label className="popup__organiser">
          <input
            type="checkbox"
            role="switch"
            checked={organiser}
            aria-checked={organiser}
            aria-describedby="popup-organiser-hint"
            onChange={(e) => {
              // Shown at once; storage's change event confirms it (and carries a change made in options).
              setOrganiser(e.target.checked);
              void organiserModeItem.setValue(e.target.checked);
            }}
          />
          {i18n.t('popup.organiser')}
        </label>
        <p id="popup-organiser-hint" className="popup__hint">{i18n.t('popup.organiserHint')}</p>
      </header>
      {allWindowsPast(pack, now) && (
        <p className="popup__all-past" role="status" data-testid="popup-all-past">
          {i18n.t('rulepack.allPast')}{' '}
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/rulepack.html') })}>
            {i18n.t('rulepack.open')}
          </button>
        </p>
      )}
      {GROUPS.map((state) => {
        const items = deadlines
          .filter((d) => windowState(d, now) === state)
          .sort((a, b) => (state === 'closed' ? b.to.localeCompare(a.to) : a.to.localeCompare(b.to)));
        return (
          <section key={state} className="group" data-testid={`popup-group-${state}`} aria-labelledby={`group-${state}`}>
            <h2 id={`group-${state}`} className="group__title">
              {i18n.t(`popup.state.${state}`)} <span className="group__count">{items.length}</span>
            </h2>
            {items.length === 0 ? (
              <p className="group__empty">{i18n.t('popup.none')}</p>
            ) : (
              <ul className="group__list">
                {items.map((d) => (
                  <DeadlineRow key={d.key} deadline={d} state={state} today={today} muted={!!d.categoryId && !isFollowed(d.categoryId)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <section className="follow" aria-labelledby="popup-categories-heading" data-testid="popup-categories">
        <h2 id="popup-categories-heading" className="group__title">{i18n.t('popup.categories')}</h2>
        <ul className="follow__list">
          {categoryRows(pack, deadlines, now, isFollowed).map((row) => (
            <li
              key={row.id}
              className={`category category--${row.state}`}
              data-testid="popup-category"
              data-category={row.id}
              data-state={row.state}
            >
              <label>
                <input
                  type="checkbox"
                  checked={row.followed}
                  onChange={() => toggle(row.id)}
                  aria-label={i18n.t('popup.followCategory', [row.name])}
                />
                <span className="category__name">{row.name}</span>
              </label>
              <span className="category__state">
                {row.state === 'none' ? i18n.t('popup.noWindowShort') : i18n.t(`popup.state.${row.state}`)}
              </span>
              {row.state === 'none' && (
                <button
                  type="button"
                  className="category__add"
                  aria-label={i18n.t('popup.addDistrictFor', [row.name])}
                  onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#deadlines') })}
                >
                  {i18n.t('popup.addDistrict')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <p className="popup__hint">{i18n.t('popup.districtHint')}</p>
      </section>
      <nav className="links" aria-label={i18n.t('popup.links')}>
        {SITE_ADAPTERS.map((site) => (
          <a key={site.id} href={site.home} target="_blank" rel="noreferrer">
            {i18n.t(`sites.${site.id}`)}
          </a>
        ))}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.openOptions')}
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/check.html') })}>
          {i18n.t('check.link')}
        </button>
        <a href="/forms.html" target="_blank" rel="noreferrer">{i18n.t('forms.link')}</a>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/batch.html') })}>{i18n.t('batch.link')}</button>
      </nav>
      <p className="popup__hint">{i18n.t('popup.addDates')}</p>
    </main>
  );
}

function DeadlineRow({ deadline: d, state, today, muted }: { deadline: Deadline; state: WindowState; today: string; muted: boolean }) {
  const dates = d.from ? i18n.t('popup.window', [d.from, d.to]) : i18n.t('popup.windowUntil', [d.to]);
  let countdown: string;
  if (state === 'open') {
    const left = daysBetween(today, d.to);
    countdown = left === 0 ? i18n.t('popup.closesToday') : i18n.t('popup.daysLeft', [String(left)]);
  } else if (state === 'upcoming') {
    countdown = i18n.t('popup.startsIn', [String(daysBetween(today, d.from!))]);
  } else {
    countdown = i18n.t('popup.state.closed');
  }
  return (
    <li className={`deadline deadline--${state}${muted ? ' deadline--muted' : ''}`} data-key={d.key} data-state={state}>
      <div className="deadline__name">
        {d.audience === 'organiser' && <span className="deadline__tag">{i18n.t('popup.organiserTag')}</span>}
        {d.categoryName ?? d.label}
      </div>
      <div className="deadline__meta">
        {d.categoryName && <span className="deadline__label">{d.label}</span>}
        <span className="deadline__dates">{dates}</span>
        <span className="deadline__countdown">{countdown}</span>
      </div>
    </li>
  );
}
