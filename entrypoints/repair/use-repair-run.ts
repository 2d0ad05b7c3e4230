import { useEffect, useRef, useState } from 'react';
import { inspectFile } from '@/lib/checks/inspect';
import { worstVerdict, type Finding, type Verdict } from '@/lib/checks/report';
import { checkAgainstSlot } from '@/lib/checks/slot-checks';
import { RepairFailedError, runWithFallback, type EngineChoice, type EngineId, type WorkPlan } from '@/lib/media/engine';
import { repairedName } from '@/lib/media/plan';
import { ProgressClock, type ProgressView } from '@/lib/media/progress';
import type { Slot } from '@/lib/rules/schema';
import { engineName } from './texts';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; engine?: EngineId; view: ProgressView; fellBack?: { from: EngineId; to: EngineId } }
  | { phase: 'checking'; engine: EngineId }
  | { phase: 'done'; url: string; name: string; size: number; ms: number; engine: EngineId; verdict: Verdict; findings: Finding[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

const PROGRESS_TICK_MS = 250;

function failureText(error: unknown): string {
  if (error instanceof RepairFailedError) return error.failures.map((f) => `${engineName(f.engine)}：${f.message}`).join('；');
  return error instanceof Error ? error.message : String(error);
}

/**
 * One repair at a time: runs the plan on the engines in order (falling back when one fails), re-checks the output
 * against the slot, and frees the result's memory when it is replaced, on cancel, and when the page goes away.
 */
export function useRepairRun() {
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const resultUrl = run.phase === 'done' ? run.url : undefined;
  useEffect(() => () => {
    if (resultUrl) URL.revokeObjectURL(resultUrl);
  }, [resultUrl]);
  useEffect(() => () => controller.current?.abort(), []);

  const cancel = () => controller.current?.abort();
  const reset = () => {
    controller.current?.abort();
    setRun({ phase: 'idle' });
  };

  async function start(file: File, work: WorkPlan, choices: EngineChoice[], slot: Slot): Promise<void> {
    const abort = new AbortController();
    controller.current = abort;
    const clock = new ProgressClock({ ...(work.durationSec !== undefined ? { durationSec: work.durationSec } : {}) });
    let engine: EngineId | undefined;
    let fellBack: { from: EngineId; to: EngineId } | undefined;
    const show = () => setRun({ phase: 'running', view: clock.view(), ...(engine ? { engine } : {}), ...(fellBack ? { fellBack } : {}) });
    show();
    const ticker = setInterval(show, PROGRESS_TICK_MS);
    const began = performance.now();
    try {
      const result = await runWithFallback(choices, file, work, {
        signal: abort.signal,
        onProgress: (fraction) => clock.update(fraction),
        onEngine: (id, failures) => {
          const last = failures.at(-1);
          if (last) fellBack = { from: last.engine, to: id };
          engine = id;
        },
      });
      const ms = Math.round(performance.now() - began);
      clearInterval(ticker);
      setRun({ phase: 'checking', engine: result.engine });
      const name = repairedName(file.name);
      const inspection = await inspectFile(result.blob, name, { timeoutMs: 15_000, signal: abort.signal });
      const findings = [...inspection.findings, ...checkAgainstSlot(inspection, slot)];
      const verdict = worstVerdict(findings.map((f) => f.verdict));
      setRun({ phase: 'done', url: URL.createObjectURL(result.blob), name, size: result.blob.size, ms, engine: result.engine, verdict, findings });
    } catch (error) {
      setRun(abort.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', message: failureText(error) });
    } finally {
      clearInterval(ticker);
      if (controller.current === abort) controller.current = null;
    }
  }

  const busy = run.phase === 'running' || run.phase === 'checking';
  return { run, busy, start, cancel, reset };
}
