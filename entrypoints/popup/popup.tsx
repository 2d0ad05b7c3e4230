import { i18n } from '#i18n';
import { currentPack, windowState } from '@/lib/rules';
import type { Window } from '@/lib/rules/schema';
import { chinaDay } from '@/lib/time/china';

export interface PopupProps {
  now: Date;
}

/** The toolbar popup: every category of the current rule pack with its windows and today's state. */
export function Popup({ now }: PopupProps) {
  const pack = currentPack();
  return (
    <main className="popup">
      <h1 className="popup__title">{i18n.t('extName')}</h1>
      <p className="popup__today">{i18n.t('popup.today', [chinaDay(now)])}</p>
      <h2 className="popup__heading">{i18n.t('popup.heading')}</h2>
      <ul className="popup__categories" aria-label={i18n.t('popup.categories')}>
        {pack.categories.map((category) => (
          <li key={category.id} className="category" data-testid="popup-category" data-category={category.id}>
            <div className="category__name">{category.name}</div>
            <div className="category__group">{category.group}</div>
            {category.windows.length === 0 ? (
              <div className="category__none">{i18n.t('popup.noWindow')}</div>
            ) : (
              <ul className="category__windows">
                {category.windows.map((w) => (
                  <WindowRow key={w.id} window={w} now={now} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="popup__options" onClick={() => void browser.runtime.openOptionsPage()}>
        {i18n.t('popup.openOptions')}
      </button>
    </main>
  );
}

function WindowRow({ window: w, now }: { window: Window; now: Date }) {
  const state = windowState(w, now);
  const dates = w.from ? i18n.t('popup.window', [w.from, w.to]) : i18n.t('popup.windowUntil', [w.to]);
  return (
    <li className="window" data-state={state}>
      <span className="window__label">{w.label}</span>
      <span className="window__dates">{dates}</span>
      <span className={`window__state window__state--${state}`}>{i18n.t(`popup.state.${state}`)}</span>
    </li>
  );
}
