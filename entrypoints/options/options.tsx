import { i18n } from '#i18n';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getDatabase, type SubmitHelperDB } from '@/lib/db';
import { currentPack, type RulePack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import { BackupTab } from './backup-tab';
import { DeadlinesTab } from './deadlines-tab';
import { DraftsTab } from './drafts-tab';
import { PeopleTab } from './people-tab';
import { RemindersTab } from './reminders-tab';
import { OptionsContext } from './store';
import { TeamsTab } from './teams-tab';

const TABS = ['people', 'teams', 'drafts', 'deadlines', 'reminders', 'backup'] as const;
type Tab = (typeof TABS)[number];

function tabLabel(tab: Tab): string {
  switch (tab) {
    case 'people': return i18n.t('optionsPage.tabs.people');
    case 'teams': return i18n.t('optionsPage.tabs.teams');
    case 'drafts': return i18n.t('optionsPage.tabs.drafts');
    case 'deadlines': return i18n.t('optionsPage.tabs.deadlines');
    case 'reminders': return i18n.t('optionsPage.tabs.reminders');
    case 'backup': return i18n.t('optionsPage.tabs.backup');
  }
}

/** The options page: people, teams, drafts, custom deadlines, reminders and rule pack, backup. Tests pass their own database and pack. */
export function Options({ db, pack }: { db?: SubmitHelperDB; pack?: RulePack } = {}) {
  // An imported newer rule pack replaces the bundled one everywhere; tests pass a pack of their own.
  const [activePack, setActivePack] = useState<RulePack>(pack ?? currentPack());
  useEffect(() => {
    if (!pack) void loadActivePack().then(setActivePack);
  }, [pack]);
  const env = useMemo(() => ({ db: db ?? getDatabase(), pack: activePack }), [db, activePack]);
  // The popup opens options.html#deadlines to add a district's own date.
  const [active, setActive] = useState<Tab>(() => {
    const hash = typeof location === 'undefined' ? '' : location.hash.slice(1);
    return (TABS as readonly string[]).includes(hash) ? (hash as Tab) : 'people';
  });
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  // WAI-ARIA tabs pattern: arrows move between tabs, Home/End jump, Tab leaves the tab list.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(active);
    const next =
      event.key === 'ArrowRight' ? TABS[(index + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(index - 1 + TABS.length) % TABS.length]
      : event.key === 'Home' ? TABS[0]
      : event.key === 'End' ? TABS[TABS.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    setActive(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <OptionsContext.Provider value={env}>
      <main className="options">
        <header>
          <h1>{i18n.t('options.heading')}</h1>
          <p>{i18n.t('options.intro')}</p>
        </header>
        <div className="tabs" role="tablist" aria-label={i18n.t('optionsPage.tabs.label')} onKeyDown={onKeyDown}>
          {TABS.map((tab) => (
            <button
              key={tab}
              ref={(el) => {
                tabRefs.current[tab] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={active === tab}
              aria-controls={`panel-${tab}`}
              tabIndex={active === tab ? 0 : -1}
              onClick={() => setActive(tab)}
            >
              {tabLabel(tab)}
            </button>
          ))}
        </div>
        <section className="panel" role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
          {active === 'people' && <PeopleTab />}
          {active === 'teams' && <TeamsTab />}
          {active === 'drafts' && <DraftsTab />}
          {active === 'deadlines' && <DeadlinesTab />}
          {active === 'reminders' && <RemindersTab onPackChanged={(p) => setActivePack(p ?? currentPack())} />}
          {active === 'backup' && <BackupTab />}
        </section>
        <footer>
          <p data-testid="rule-pack">{i18n.t('options.rulePack', [env.pack.activity, env.pack.version])}</p>
          <p>{i18n.t('options.categories', [String(env.pack.categories.length)])}</p>
          <p>
            <a href="/check.html" target="_blank" rel="noreferrer">{i18n.t('check.link')}</a>
          </p>
          <p>
            <a href="/privacy.html" target="_blank" rel="noreferrer">{i18n.t('privacy.link')}</a>
          </p>
        </footer>
      </main>
    </OptionsContext.Provider>
  );
}
