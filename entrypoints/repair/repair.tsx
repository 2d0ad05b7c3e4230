import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { uiLang } from '@/components/i18n';
import type { EngineContext, EngineId, RepairEngine, WorkPlan } from '@/lib/media/engine';
import { planRepair, type FitMode, type RepairPlan } from '@/lib/media/plan';
import type { RulePack } from '@/lib/rules/schema';
import { FactsSection } from './facts-section';
import { FitFieldset } from './fit-fieldset';
import { PlanSection } from './plan-section';
import { RunControls } from './run-controls';
import { RunResult } from './run-result';
import { TargetSection } from './target-section';
import { TrimFieldset } from './trim-fieldset';
import { useEngineChoices } from './use-engine-choices';
import { useRepairRun } from './use-repair-run';
import { useTrim } from './use-trim';
import { useTarget, useVideo } from './use-video';

export interface RepairPageProps {
  pack: RulePack;
  engines: readonly RepairEngine[];
  /** What orders the engines for a job (isolation, cores). */
  context: () => Promise<EngineContext>;
  initialCategory?: string | null;
  initialEngine?: EngineId | 'auto';
}

/**
 * The 视频修复 page: pick the rules and a video, see what is wrong and the proposed fix, run it, download. One hook
 * per job (target rules, video, trim, engine choice, the run); one component per section of the page.
 */
export function RepairPage({ pack, engines, context, initialCategory, initialEngine = 'auto' }: RepairPageProps) {
  const lang = uiLang();
  const { slots, key, setKey, target } = useTarget(pack, initialCategory);
  const video = useVideo();
  const trim = useTrim();
  const repair = useRepairRun();
  const [pinned, setPinned] = useState<EngineId | 'auto'>(initialEngine);
  const [fit, setFit] = useState<FitMode>('pad');
  const { probed, media } = video;

  const plan = useMemo<RepairPlan | undefined>(() => {
    if (!target || !probed) return undefined;
    const rules = { ...(target.slot.maxBytes !== undefined ? { maxBytes: target.slot.maxBytes } : {}), video: target.slot.video };
    return planRepair(probed, rules, { fit, ...(trim.range ? { trim: trim.range } : {}) });
    // `trim.range` is a new object on every render; its two numbers are what the plan depends on.
  }, [target, probed, fit, trim.range?.startSec, trim.range?.endSec]);
  const work: WorkPlan | undefined = plan && (plan.kind === 'remux' || plan.kind === 'reencode') ? plan : undefined;
  const choices = useEngineChoices(engines, context, pinned, probed, work);

  async function choose(file: File | null): Promise<void> {
    repair.reset();
    trim.setOn(false);
    const result = await video.choose(file);
    if (result) trim.reset(result.ok ? result.probe.media.durationSec : undefined, target?.slot.video?.maxDurationSec);
  }
  const start = () => {
    if (video.file && work && choices && target) void repair.start(video.file, work, choices, target.slot);
  };

  return (
    <main className="repair" data-testid="repair-page">
      <h1>{i18n.t('repair.title')}</h1>
      <p className="repair__intro">{i18n.t('repair.intro')}</p>
      <TargetSection slots={slots} value={key} onChange={setKey} target={target} busy={repair.busy} lang={lang} />
      <FactsSection file={video.file} probe={video.probe} media={media} busy={repair.busy} lang={lang} onChoose={(f) => void choose(f)} />
      {plan && (
        <PlanSection plan={plan} maxDurationSec={target?.slot.video?.maxDurationSec} lang={lang}>
          {plan.kind === 'reencode' && plan.fitChoices && (
            <FitFieldset choices={plan.fitChoices} value={fit} onChange={setFit} busy={repair.busy} />
          )}
          {media && plan.kind !== 'none' && <TrimFieldset trim={trim} busy={repair.busy} />}
          {work && probed && (
            <RunControls
              engines={engines}
              pinned={pinned}
              onPin={setPinned}
              choices={choices}
              probe={probed}
              work={work}
              busy={repair.busy}
              blocked={trim.on && !trim.valid}
              lang={lang}
              onStart={start}
              onCancel={repair.cancel}
            />
          )}
        </PlanSection>
      )}
      <RunResult run={repair.run} lang={lang} />
    </main>
  );
}
