import type { Verdict } from '@/lib/checks/report';
import { t } from './i18n';
import './verdict.css';

/** A coloured word for a verdict (通过 / 提醒 / 不合格 / 无法读取); the colour is never the only signal. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`badge badge--${verdict}`} data-verdict={verdict}>
      {t(`ui.verdict.${verdict}`)}
    </span>
  );
}
