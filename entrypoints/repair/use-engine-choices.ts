import { useEffect, useState } from 'react';
import { chooseEngines, preferredOrder, sortEngines, type EngineChoice, type EngineContext, type EngineId, type RepairEngine, type WorkPlan } from '@/lib/media/engine';
import type { RepairProbe } from '@/lib/media/plan';

/**
 * The engines that would run this job, in the order they are tried, each with its refusal if it will not take it.
 * `null` while they are being asked or when there is no work.
 */
export function useEngineChoices(
  engines: readonly RepairEngine[],
  context: () => Promise<EngineContext>,
  pinned: EngineId | 'auto',
  probe: RepairProbe | undefined,
  work: WorkPlan | undefined,
) {
  const [choices, setChoices] = useState<EngineChoice[] | null>(null);
  useEffect(() => {
    setChoices(null);
    if (!work || !probe) return;
    let live = true;
    const job = { probe, plan: work };
    void (async () => {
      const pool = pinned === 'auto'
        ? sortEngines(engines, preferredOrder(work.kind, await context()))
        : engines.filter((e) => e.id === pinned);
      const found = await chooseEngines(pool, job);
      if (live) setChoices(found);
    })();
    return () => {
      live = false;
    };
  }, [work, probe, engines, pinned, context]);
  return choices;
}
