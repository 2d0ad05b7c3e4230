import { describe, expect, it } from 'vitest';
import {
  chooseEngines,
  MAX_OUTPUT_BYTES,
  memoryRefusal,
  preferredOrder,
  RepairFailedError,
  runWithFallback,
  sortEngines,
  type EngineId,
  type RepairEngine,
  type WorkPlan,
} from '@/lib/media/engine';
import type { RepairProbe } from '@/lib/media/plan';

const PROBE: RepairProbe = { name: 'a.mov', size: 1000, media: { container: 'mov' } };
const PLAN: WorkPlan = { kind: 'remux', issues: [], estimatedBytes: 1000 };

function engine(id: EngineId, behaviour: { available?: boolean; refuse?: boolean; run?: (signal?: AbortSignal) => Promise<Blob> }): RepairEngine & { runs: number } {
  const e = {
    id,
    runs: 0,
    available: async () => behaviour.available ?? true,
    refuse: async () => (behaviour.refuse ? { code: 'too_large' as const, params: { bytes: 1, max: 0 } } : undefined),
    run: async (_file: Blob, _plan: WorkPlan, options: { signal?: AbortSignal }) => {
      e.runs++;
      return (behaviour.run ?? (async () => new Blob([id])))(options.signal);
    },
  };
  return e;
}

describe('memoryRefusal', () => {
  it('refuses outputs over the in-memory limit and inputs over an engine’s own limit', () => {
    expect(memoryRefusal(PROBE, PLAN)).toBeUndefined();
    expect(memoryRefusal({ ...PROBE, size: 2 * MAX_OUTPUT_BYTES }, { ...PLAN, estimatedBytes: 2 * MAX_OUTPUT_BYTES })).toMatchObject({ code: 'too_large', params: { what: 'output' } });
    expect(memoryRefusal(PROBE, PLAN, 999)).toMatchObject({ code: 'too_large', params: { what: 'input', max: 999 } });
  });
});

describe('chooseEngines', () => {
  it('keeps the order and says why an engine is left out', async () => {
    const choices = await chooseEngines(
      [engine('webcodecs', { available: false }), engine('ffmpeg-mt', { refuse: true }), engine('ffmpeg', {})],
      { probe: PROBE, plan: PLAN },
    );
    expect(choices.map((c) => [c.engine.id, c.refusal?.code])).toEqual([['webcodecs', 'unavailable'], ['ffmpeg-mt', 'too_large'], ['ffmpeg', undefined]]);
  });

  it('treats an engine that throws while being asked as unavailable', async () => {
    const broken = { ...engine('webcodecs', {}), available: async () => { throw new Error('no WebCodecs'); } };
    expect((await chooseEngines([broken], { probe: PROBE, plan: PLAN }))[0]?.refusal).toMatchObject({ code: 'unavailable', params: { reason: 'no WebCodecs' } });
  });
});

describe('runWithFallback', () => {
  it('falls back to the next engine when one fails', async () => {
    const first = engine('webcodecs', { run: async () => { throw new Error('encoder refused 1280x2276'); } });
    const second = engine('ffmpeg', {});
    const seen: EngineId[] = [];
    const result = await runWithFallback(await chooseEngines([first, second], { probe: PROBE, plan: PLAN }), new Blob(), PLAN, {
      onEngine: (id) => seen.push(id),
    });
    expect(result.engine).toBe('ffmpeg');
    expect(await result.blob.text()).toBe('ffmpeg');
    expect(result.failures).toEqual([{ engine: 'webcodecs', message: 'encoder refused 1280x2276' }]);
    expect(seen).toEqual(['webcodecs', 'ffmpeg']);
  });

  it('stops at once when cancelled, without trying another engine', async () => {
    const controller = new AbortController();
    const first = engine('webcodecs', {
      run: (signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    const second = engine('ffmpeg', {});
    const running = runWithFallback(await chooseEngines([first, second], { probe: PROBE, plan: PLAN }), new Blob(), PLAN, { signal: controller.signal });
    controller.abort(new DOMException('cancelled', 'AbortError'));
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(second.runs).toBe(0);
  });

  it('reports every failure when no engine finishes', async () => {
    const fail = (id: EngineId) => engine(id, { run: async () => { throw new Error(`${id} broke`); } });
    const running = runWithFallback(await chooseEngines([fail('webcodecs'), fail('ffmpeg')], { probe: PROBE, plan: PLAN }), new Blob(), PLAN, {});
    await expect(running).rejects.toBeInstanceOf(RepairFailedError);
    await expect(running).rejects.toMatchObject({ failures: [{ engine: 'webcodecs' }, { engine: 'ffmpeg' }] });
  });
});

describe('preferredOrder', () => {
  const isolated = { isolated: true, cores: 2 };
  it.each([
    ['a remux, which needs no codec', 'remux', isolated, ['webcodecs', 'ffmpeg-mt', 'ffmpeg']],
    ['a re-encode in an isolated page', 'reencode', isolated, ['webcodecs', 'ffmpeg-mt', 'ffmpeg']],
    ['a page that is not isolated', 'reencode', { ...isolated, isolated: false }, ['webcodecs', 'ffmpeg', 'ffmpeg-mt']],
    ['a single core', 'reencode', { ...isolated, cores: 1 }, ['webcodecs', 'ffmpeg', 'ffmpeg-mt']],
  ] as const)('puts the fastest first for %s', (_, kind, context, order) => {
    expect(preferredOrder(kind, context)).toEqual(order);
  });

  it('sorts engines by that order', () => {
    const engines = [engine('webcodecs', {}), engine('ffmpeg-mt', {}), engine('ffmpeg', {})];
    expect(sortEngines(engines, ['ffmpeg-mt', 'webcodecs', 'ffmpeg']).map((e) => e.id)).toEqual(['ffmpeg-mt', 'webcodecs', 'ffmpeg']);
  });
});
