import { useState } from 'react';
import { i18n } from '#i18n';
import { CategoryRules } from '@/components/category-rules';
import { downloadFile, type SaveFile } from '@/components/download';
import { uiLang } from '@/components/i18n';
import type { CheckReport } from '@/lib/checks';
import type { RulePack } from '@/lib/rules';
import { chinaDay } from '@/lib/time/china';
import { RouteSection } from './route-section';
import { RunStatus } from './run-status';
import { SetupSection } from './setup-section';
import { IgnoredSection, SlotsSection, UnassignedSection } from './slots-section';
import { MissingSection, OverallSection, WholeSection } from './summary-sections';
import { useCategory } from './use-category';
import { useCheckRun } from './use-check-run';
import { useRoute } from './use-route';
import { usePickedFiles } from './use-picked-files';

export type { SaveFile };

export interface CheckPageProps {
  pack: RulePack;
  /** From `check.html?category=<id>`; ignored when the pack has no such category. */
  initialCategory?: string | null;
  onCategoryChange?: (id: string) => void;
  save?: SaveFile;
  now?: () => Date;
}

/** `预检报告-<category>-<YYYY-MM-DD>.json`, dated on the Beijing calendar like every deadline in the extension. */
export function reportFileName(categoryId: string, now: Date): string {
  return `预检报告-${categoryId}-${chinaDay(now)}.json`;
}

function exportReport(report: CheckReport, save: SaveFile, now: Date): void {
  save(reportFileName(report.category, now), new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
}

/**
 * The 预检 page: choose a category, add files or folders, and see each item's result in plain words. The state lives
 * in one hook per job (category and answers, picked files, the check run); each section of the page is a component.
 */
export function CheckPage({ pack, initialCategory, onCategoryChange, save = downloadFile, now = () => new Date() }: CheckPageProps) {
  const lang = uiLang();
  const choice = useCategory(pack, lang, initialCategory, onCategoryChange);
  const route = useRoute(choice.category);
  // Every section below sees the category as the chosen route asks for it.
  const category = route.routed;
  const picked = usePickedFiles();
  const { run, report, rows, cancel, restart } = useCheckRun({ pack, category, route: route.route, files: picked.files, answers: choice.answers, overrides: choice.overrides });
  const running = run.phase === 'running';
  const actions = { onReassign: choice.reassign, onRemove: picked.remove };
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const tick = (text: string, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(text);
      else next.delete(text);
      return next;
    });

  return (
    <main className="check" aria-busy={running}>
      <header>
        <h1>{i18n.t('check.title')}</h1>
        <p className="check__intro">{i18n.t('check.intro')}</p>
        <p className="check__intro"><a href="/batch.html">{i18n.t('batch.link')}</a></p>
      </header>
      <SetupSection
        pack={pack}
        lang={lang}
        category={category}
        onCategory={choice.choose}
        questions={choice.questions}
        answers={choice.answers}
        onAnswer={choice.answer}
        routeChoice={<RouteSection route={route.route} routes={route.routes} onRoute={route.choose} />}
        drop={{ count: picked.files.length, dragging: picked.dragging, onFiles: picked.addList, onClear: picked.clear, dropHandlers: picked.dropHandlers }}
      />
      <CategoryRules pack={pack} category={category} lang={lang} ticked={ticked} onTick={tick} />
      <RunStatus run={run} onCancel={cancel} onRestart={restart} />
      {report && (
        <>
          <OverallSection report={report} busy={running} onExport={() => exportReport(report, save, now())} />
          <MissingSection report={report} category={category} lang={lang} />
          <WholeSection report={report} lang={lang} />
        </>
      )}
      <SlotsSection category={category} rows={rows} lang={lang} answers={choice.answers} {...actions} />
      <UnassignedSection category={category} rows={rows} lang={lang} {...actions} />
      <IgnoredSection rows={rows} />
    </main>
  );
}
