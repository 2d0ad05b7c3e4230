import { formatFinding, type Lang } from '@/lib/checks/messages';
import { VERDICTS, type Finding } from '@/lib/checks/report';
import { t } from './i18n';
import './verdict.css';

function byWorst(a: Finding, b: Finding): number {
  return VERDICTS.indexOf(b.verdict) - VERDICTS.indexOf(a.verdict);
}

/**
 * Findings in plain words, worst first. Each line starts with a mark and a hidden verdict word, so a screen reader
 * hears what the colour shows. `hidePass` leaves the passes out.
 */
export function FindingList({ findings, lang, hidePass = false }: { findings: readonly Finding[]; lang: Lang; hidePass?: boolean }) {
  const shown = hidePass ? findings.filter((f) => f.verdict !== 'pass') : findings;
  return (
    <ul className="findings">
      {[...shown].sort(byWorst).map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding finding--${f.verdict}`} data-code={f.code} data-verdict={f.verdict}>
          <span className="visually-hidden">{t('ui.verdictPrefix', [t(`ui.verdict.${f.verdict}`)])}</span>
          {formatFinding(f, lang)}
        </li>
      ))}
    </ul>
  );
}
