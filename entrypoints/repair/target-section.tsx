import { i18n } from '#i18n';
import { inLang, t } from '@/components/i18n';
import type { Lang } from '@/lib/checks/messages';
import type { VideoSlot } from '@/lib/media/slots';
import { rulesText } from './texts';
import { slotKey } from './use-video';

/** Which category's video rules to repair for, and those rules on one line. */
export function TargetSection({ slots, value, onChange, target, busy, lang }: {
  slots: readonly VideoSlot[];
  value: string;
  onChange: (key: string) => void;
  target: VideoSlot | undefined;
  busy: boolean;
  lang: Lang;
}) {
  return (
    <section className="repair__card" aria-labelledby="repair-target">
      <h2 id="repair-target">{i18n.t('repair.target')}</h2>
      {slots.length === 0 ? (
        <p>{i18n.t('repair.noRules')}</p>
      ) : (
        <label className="repair__field">
          <span>{i18n.t('repair.category')}</span>
          <select value={value} disabled={busy} onChange={(e) => onChange(e.target.value)} data-testid="repair-category">
            {slots.map((s) => (
              <option key={slotKey(s)} value={slotKey(s)}>
                {inLang(lang, s.category.name, s.category.nameEn)} · {inLang(lang, s.slot.label, s.slot.labelEn)}
              </option>
            ))}
          </select>
        </label>
      )}
      {target && <p className="repair__rules">{t('repair.rules', [rulesText(target, lang)])}</p>}
    </section>
  );
}
