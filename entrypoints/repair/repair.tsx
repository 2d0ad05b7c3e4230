import { useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { formatBytes, formatDuration, formatFinding, type Lang } from '@/lib/checks/messages';
import { inspectFile } from '@/lib/checks/inspect';
import { checkAgainstSlot } from '@/lib/checks/slot-checks';
import { worstVerdict, type Finding, type Verdict } from '@/lib/checks/report';
import type { RulePack } from '@/lib/rules/schema';
import { formatClock, parseClock } from '@/lib/media/clock';
import {
  chooseEngines,
  expectedOutputBytes,
  preferredOrder,
  RepairFailedError,
  runWithFallback,
  sortEngines,
  type EngineChoice,
  type EngineContext,
  type EngineId,
  type RepairEngine,
  type WorkPlan,
} from '@/lib/media/engine';
import { planRepair, repairedName, type RepairIssue, type RepairPlan, type TrimRange } from '@/lib/media/plan';
import { probeVideo, type ProbeResult } from '@/lib/media/probe';
import { ProgressClock, type ProgressView } from '@/lib/media/progress';
import { defaultVideoSlot, videoSlots, type VideoSlot } from '@/lib/media/slots';

// Keys built at run time (issue and engine codes) are checked by the locale tests, not by the typed overloads.
const t = i18n.t as unknown as (key: string, substitutions?: Array<string | number>) => string;

export interface RepairPageProps {
  pack: RulePack;
  engines: readonly RepairEngine[];
  /** What orders the engines for a job (isolation, cores). */
  context: () => Promise<EngineContext>;
  initialCategory?: string | null;
  initialEngine?: EngineId | 'auto';
}

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; engine?: EngineId; view: ProgressView; fellBack?: { from: EngineId; to: EngineId } }
  | { phase: 'checking'; engine: EngineId }
  | { phase: 'done'; url: string; name: string; size: number; ms: number; engine: EngineId; verdict: Verdict; findings: Finding[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

const PROGRESS_TICK_MS = 250;

function uiLang(): Lang {
  return i18n.t('repair.lang') === 'en' ? 'en' : 'zh';
}

function bitrateText(bps: number): string {
  return bps >= 1_000_000 ? `${(bps / 1_000_000).toFixed(1)} Mbps` : `${Math.round(bps / 1000)} kbps`;
}

function slotKey(s: VideoSlot): string {
  return `${s.category.id}/${s.slot.id}`;
}

function issueText(issue: RepairIssue, lang: Lang): string {
  const p = issue.params;
  const n = (key: string) => Number(p[key]);
  const size = (w: number, h: number) => `${w}×${h}`;
  switch (issue.code) {
    case 'container':
      return t('repair.issues.container', [String(p.container).toUpperCase()]);
    case 'fps':
    case 'vfr':
      return t(`repair.issues.${issue.code}`, [n('fps'), n('required')]);
    case 'fps_unknown':
      return t('repair.issues.fps_unknown', [n('required')]);
    case 'resolution':
      return t('repair.issues.resolution', [size(n('width'), n('height')), size(n('minWidth'), n('minHeight'))]);
    case 'size_unknown':
      return t('repair.issues.size_unknown', [size(n('minWidth'), n('minHeight'))]);
    case 'too_long':
      return t('repair.issues.too_long', [formatDuration(n('durationSec'), lang), formatDuration(n('maxSec'), lang)]);
    case 'too_short':
      return t('repair.issues.too_short', [formatDuration(n('durationSec'), lang), formatDuration(n('minSec'), lang)]);
    case 'too_large':
      return t('repair.issues.too_large', [formatBytes(n('size'), lang), formatBytes(n('maxBytes'), lang)]);
    case 'codec':
      return t('repair.issues.codec', [[p.videoCodec, p.audioCodec].filter((c) => c !== '').join(' + ')]);
    default:
      return t(`repair.issues.${issue.code}`);
  }
}

function blockedText(plan: Extract<RepairPlan, { kind: 'blocked' }>, lang: Lang): string {
  const p = plan.params;
  const d = (sec: number | undefined) => formatDuration(sec ?? 0, lang);
  switch (plan.reason) {
    case 'too_short':
    case 'trim_too_short':
      return t(`repair.blocked.${plan.reason}`, [d(p.durationSec), d(p.minSec)]);
    case 'trim_too_long':
      return t('repair.blocked.trim_too_long', [d(p.durationSec), d(p.maxSec)]);
    case 'cannot_fit':
      return t('repair.blocked.cannot_fit', [d(p.durationSec), formatBytes(p.maxBytes ?? 0, lang)]);
    default:
      return t(`repair.blocked.${plan.reason}`);
  }
}

function engineName(id: EngineId): string {
  return t(`repair.engine.${id.replace('-', '_')}`);
}

function rulesText(s: VideoSlot, lang: Lang): string {
  const v = s.slot.video;
  const parts: string[] = [];
  if (v?.container) parts.push(v.container.toUpperCase());
  if (v?.fps !== undefined) parts.push(lang === 'zh' ? `${v.fps} 帧/秒` : `${v.fps} fps`);
  if (v?.minWidth !== undefined || v?.minHeight !== undefined) parts.push(`≥ ${v?.minWidth ?? 0}×${v?.minHeight ?? 0}`);
  if (v?.minDurationSec !== undefined || v?.maxDurationSec !== undefined) {
    parts.push(`${formatDuration(v?.minDurationSec ?? 0, lang)}–${v?.maxDurationSec !== undefined ? formatDuration(v.maxDurationSec, lang) : '∞'}`);
  }
  if (s.slot.maxBytes !== undefined) parts.push(`≤ ${formatBytes(s.slot.maxBytes, lang)}`);
  return parts.join('，');
}

/** The 视频修复 page: pick the rules and a video, see what is wrong and the proposed fix, run it, download. */
export function RepairPage({ pack, engines, context, initialCategory, initialEngine = 'auto' }: RepairPageProps) {
  const lang = uiLang();
  const slots = useMemo(() => videoSlots(pack), [pack]);
  const [key, setKey] = useState(() => {
    const first = defaultVideoSlot(slots, initialCategory);
    return first ? slotKey(first) : '';
  });
  const target = slots.find((s) => slotKey(s) === key);
  const [file, setFile] = useState<File | null>(null);
  const [probe, setProbe] = useState<ProbeResult | 'reading' | null>(null);
  const [trimOn, setTrimOn] = useState(false);
  const [trimStart, setTrimStart] = useState('0:00:00');
  const [trimEnd, setTrimEnd] = useState('');
  const [engineChoice, setEngineChoice] = useState<EngineId | 'auto'>(initialEngine);
  const [choices, setChoices] = useState<EngineChoice[] | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const startSec = parseClock(trimStart);
  const endSec = parseClock(trimEnd);
  const trimValid = startSec !== undefined && endSec !== undefined;
  const trim: TrimRange | undefined = trimOn && trimValid ? { startSec, endSec } : undefined;

  const plan = useMemo<RepairPlan | undefined>(() => {
    if (!target || !probe || probe === 'reading' || !probe.ok) return undefined;
    const rules = { ...(target.slot.maxBytes !== undefined ? { maxBytes: target.slot.maxBytes } : {}), video: target.slot.video };
    return planRepair(probe.probe, rules, trim ? { trim } : {});
    // `trim` is a new object on every render; its two numbers are what the plan depends on.
  }, [target, probe, trim?.startSec, trim?.endSec]);
  const work: WorkPlan | undefined = plan && (plan.kind === 'remux' || plan.kind === 'reencode') ? plan : undefined;

  useEffect(() => {
    setChoices(null);
    if (!work || !probe || probe === 'reading' || !probe.ok) return;
    let live = true;
    const job = { probe: probe.probe, plan: work };
    void (async () => {
      const pool = engineChoice === 'auto'
        ? sortEngines(engines, preferredOrder(work.kind, await context()))
        : engines.filter((e) => e.id === engineChoice);
      const found = await chooseEngines(pool, job);
      if (live) setChoices(found);
    })();
    return () => {
      live = false;
    };
  }, [work, probe, engines, engineChoice, context]);

  // Free the result's memory when it is replaced or the page goes away.
  const resultUrl = run.phase === 'done' ? run.url : undefined;
  useEffect(() => () => {
    if (resultUrl) URL.revokeObjectURL(resultUrl);
  }, [resultUrl]);
  useEffect(() => () => controller.current?.abort(), []);

  async function choose(picked: File | null): Promise<void> {
    controller.current?.abort();
    setRun({ phase: 'idle' });
    setFile(picked);
    setTrimOn(false);
    if (!picked) {
      setProbe(null);
      return;
    }
    setProbe('reading');
    const result = await probeVideo(picked, picked.name);
    setProbe(result);
    const duration = result.ok ? result.probe.media.durationSec : undefined;
    const max = target?.slot.video?.maxDurationSec;
    setTrimStart(formatClock(0));
    setTrimEnd(formatClock(duration !== undefined ? (max !== undefined ? Math.min(max, duration) : duration) : 0));
  }

  async function start(): Promise<void> {
    if (!file || !work || !choices || !target) return;
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
      const findings = [...inspection.findings, ...checkAgainstSlot(inspection, target.slot)];
      setRun({
        phase: 'done',
        url: URL.createObjectURL(result.blob),
        name,
        size: result.blob.size,
        ms,
        engine: result.engine,
        verdict: worstVerdict(findings.map((f) => f.verdict)),
        findings,
      });
    } catch (error) {
      clearInterval(ticker);
      if (abort.signal.aborted) setRun({ phase: 'cancelled' });
      else {
        const message = error instanceof RepairFailedError
          ? error.failures.map((f) => `${engineName(f.engine)}：${f.message}`).join('；')
          : error instanceof Error ? error.message : String(error);
        setRun({ phase: 'failed', message });
      }
    } finally {
      clearInterval(ticker);
      if (controller.current === abort) controller.current = null;
    }
  }

  const busy = run.phase === 'running' || run.phase === 'checking';
  const usable = choices?.filter((c) => !c.refusal) ?? [];
  const tooLarge = choices && usable.length === 0 ? choices.find((c) => c.refusal?.code === 'too_large')?.refusal : undefined;
  const media = probe && probe !== 'reading' && probe.ok ? probe.probe.media : undefined;

  return (
    <main className="repair" data-testid="repair-page">
      <h1>{i18n.t('repair.title')}</h1>
      <p className="repair__intro">{i18n.t('repair.intro')}</p>

      <section className="repair__card" aria-labelledby="repair-target">
        <h2 id="repair-target">{i18n.t('repair.target')}</h2>
        {slots.length === 0 ? (
          <p>{i18n.t('repair.noRules')}</p>
        ) : (
          <label className="repair__field">
            <span>{i18n.t('repair.category')}</span>
            <select value={key} disabled={busy} onChange={(e) => setKey(e.target.value)} data-testid="repair-category">
              {slots.map((s) => (
                <option key={slotKey(s)} value={slotKey(s)}>
                  {lang === 'zh' ? s.category.name : s.category.nameEn} · {lang === 'zh' ? s.slot.label : s.slot.labelEn}
                </option>
              ))}
            </select>
          </label>
        )}
        {target && <p className="repair__rules">{t('repair.rules', [rulesText(target, lang)])}</p>}
      </section>

      <section className="repair__card" aria-labelledby="repair-file-heading">
        <h2 id="repair-file-heading">{i18n.t('repair.facts.heading')}</h2>
        <label className="repair__field">
          <span>{i18n.t('repair.file')}</span>
          <input
            type="file"
            accept="video/*,.mp4,.mov,.m4v,.mkv,.webm,.avi"
            disabled={busy}
            aria-describedby="repair-file-hint"
            data-testid="repair-file"
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          />
        </label>
        <p id="repair-file-hint" className="repair__hint">{i18n.t('repair.fileHint')}</p>
        {probe === 'reading' && <p role="status">{i18n.t('repair.reading')}</p>}
        {probe && probe !== 'reading' && !probe.ok && (
          <p role="alert" className="repair__error" data-testid="repair-unreadable">
            {probe.reason === 'unreadable'
              ? t('repair.unreadable', [formatFinding(probe.finding, lang)])
              : t('repair.notVideo', [probe.type])}
          </p>
        )}
        {media && (
          <dl className="repair__facts" data-testid="repair-facts">
            <dt>{i18n.t('repair.facts.container')}</dt>
            <dd>{media.container.toUpperCase()}</dd>
            <dt>{i18n.t('repair.facts.duration')}</dt>
            <dd>{media.durationSec !== undefined ? formatDuration(media.durationSec, lang, true) : i18n.t('repair.facts.unknown')}</dd>
            <dt>{i18n.t('repair.facts.resolution')}</dt>
            <dd>{media.width !== undefined && media.height !== undefined ? `${media.width}×${media.height}` : i18n.t('repair.facts.unknown')}</dd>
            <dt>{i18n.t('repair.facts.fps')}</dt>
            <dd>
              {media.fps !== undefined ? t('repair.facts.fpsValue', [Math.round(media.fps * 100) / 100]) : i18n.t('repair.facts.unknown')}
              {media.vfr ? i18n.t('repair.facts.vfr') : ''}
            </dd>
            <dt>{i18n.t('repair.facts.codec')}</dt>
            <dd>{[media.videoCodec, media.audioCodec].filter(Boolean).join(' + ') || i18n.t('repair.facts.unknown')}</dd>
            <dt>{i18n.t('repair.facts.size')}</dt>
            <dd>{file ? formatBytes(file.size, lang) : ''}</dd>
          </dl>
        )}
      </section>

      {plan && (
        <section className="repair__card" aria-labelledby="repair-plan-heading" data-testid="repair-plan" data-kind={plan.kind}>
          <h2 id="repair-plan-heading">{i18n.t('repair.issues.heading')}</h2>
          {plan.issues.length === 0 ? (
            <p>{i18n.t('repair.issues.none')}</p>
          ) : (
            <ul className="repair__issues">
              {plan.issues.map((issue) => (
                <li key={issue.code} data-issue={issue.code} className={`repair__issue repair__issue--${issue.severity}`}>
                  {issueText(issue, lang)}
                </li>
              ))}
            </ul>
          )}
          <h2>{i18n.t('repair.plan.heading')}</h2>
          {plan.kind === 'none' && <p>{i18n.t('repair.plan.none')}</p>}
          {plan.kind === 'blocked' && <p role="alert" className="repair__error">{blockedText(plan, lang)}</p>}
          {plan.kind === 'remux' && <p>{i18n.t('repair.plan.remux')}</p>}
          {plan.kind === 'reencode' && (
            <>
              <p>
                {t('repair.plan.reencode', [
                  `${plan.width}×${plan.height}`,
                  plan.fps,
                  bitrateText(plan.videoBitrate),
                  plan.estimatedBytes !== undefined ? formatBytes(plan.estimatedBytes, lang) : i18n.t('repair.facts.unknown'),
                ])}{' '}
                {plan.audio === 'copy' && i18n.t('repair.plan.audioCopy')}
                {plan.audio === 'encode' && t('repair.plan.audioEncode', [bitrateText(plan.audioBitrate)])}
                {plan.audio === 'none' && i18n.t('repair.plan.audioNone')}
              </p>
              {plan.trim && (
                <p>
                  {t('repair.plan.trim', [formatClock(plan.trim.startSec), formatClock(plan.trim.endSec), formatDuration(plan.trim.endSec - plan.trim.startSec, lang)])}
                  {plan.trimSuggested && <> {t('repair.plan.trimSuggested', [formatDuration(target?.slot.video?.maxDurationSec ?? 0, lang)])}</>}
                </p>
              )}
            </>
          )}

          {media && plan.kind !== 'none' && (
            <fieldset className="repair__trim" disabled={busy}>
              <legend>{i18n.t('repair.trim.legend')}</legend>
              <label>
                <input type="checkbox" checked={trimOn} onChange={(e) => setTrimOn(e.target.checked)} data-testid="repair-trim" />
                {i18n.t('repair.trim.enable')}
              </label>
              {trimOn && (
                <div className="repair__trim-times">
                  <label>
                    <span>{i18n.t('repair.trim.start')}</span>
                    <input value={trimStart} inputMode="numeric" onChange={(e) => setTrimStart(e.target.value)} aria-invalid={startSec === undefined} />
                  </label>
                  <label>
                    <span>{i18n.t('repair.trim.end')}</span>
                    <input value={trimEnd} inputMode="numeric" onChange={(e) => setTrimEnd(e.target.value)} aria-invalid={endSec === undefined} />
                  </label>
                  {!trimValid && <p role="alert" className="repair__error">{i18n.t('repair.trim.invalid')}</p>}
                </div>
              )}
            </fieldset>
          )}

          {work && (
            <div className="repair__run">
              <label className="repair__field">
                <span>{i18n.t('repair.engine.label')}</span>
                <select value={engineChoice} disabled={busy} onChange={(e) => setEngineChoice(e.target.value as EngineId | 'auto')} data-testid="repair-engine">
                  <option value="auto">{i18n.t('repair.engine.auto')}</option>
                  {engines.map((e) => (
                    <option key={e.id} value={e.id}>{engineName(e.id)}</option>
                  ))}
                </select>
              </label>
              {choices && (
                <ul
                  className="repair__engines"
                  aria-label={i18n.t('repair.engine.label')}
                  data-testid="repair-engine-order"
                  data-first={choices.find((c) => !c.refusal)?.engine.id}
                >
                  {choices.map((c) => (
                    <li key={c.engine.id} data-engine={c.engine.id} data-ok={!c.refusal}>
                      {engineName(c.engine.id)}
                      {c.refusal && (
                        <span className="repair__muted">
                          {' — '}
                          {c.refusal.code === 'codec'
                            ? t('repair.engine.codec', [String(c.refusal.params.codec)])
                            : c.refusal.code === 'too_large' ? i18n.t('repair.engine.tooLarge') : i18n.t('repair.engine.unavailable')}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {tooLarge && probe && probe !== 'reading' && probe.ok && (
                <p role="alert" className="repair__error" data-testid="repair-too-large">
                  {t('repair.tooLarge', [
                    formatBytes(Math.max(expectedOutputBytes(probe.probe, work), Number(tooLarge.params.bytes)), lang),
                    formatBytes(Number(tooLarge.params.max), lang),
                  ])}
                </p>
              )}
              {choices && usable.length === 0 && !tooLarge && <p role="alert" className="repair__error">{i18n.t('repair.noEngine')}</p>}
              <div className="repair__buttons">
                <button type="button" onClick={() => void start()} disabled={busy || usable.length === 0 || (trimOn && !trimValid)} data-testid="repair-start">
                  {i18n.t('repair.start')}
                </button>
                {busy && (
                  <button type="button" onClick={() => controller.current?.abort()} data-testid="repair-cancel">
                    {i18n.t('repair.cancel')}
                  </button>
                )}
              </div>
            </div>
          )}
        </section>
      )}

      {run.phase === 'running' && <Progress view={run.view} engine={run.engine} fellBack={run.fellBack} />}
      {run.phase === 'checking' && <p role="status">{i18n.t('repair.checking')}</p>}
      {run.phase === 'cancelled' && <p role="status" data-testid="repair-cancelled">{i18n.t('repair.cancelled')}</p>}
      {run.phase === 'failed' && <p role="alert" className="repair__error" data-testid="repair-failed">{t('repair.failed', [run.message])}</p>}
      {run.phase === 'done' && (
        <section className="repair__card" aria-labelledby="repair-result-heading" data-testid="repair-result" data-verdict={run.verdict} data-engine={run.engine} data-ms={run.ms}>
          <h2 id="repair-result-heading">{i18n.t('repair.result.heading')}</h2>
          <p>{t('repair.result.stats', [formatBytes(run.size, lang), formatDuration(run.ms / 1000, lang, true), engineName(run.engine)])}</p>
          {run.verdict === 'pass' || run.verdict === 'warn' ? (
            <p role="status">{i18n.t('repair.result.pass')}</p>
          ) : (
            <p role="alert" className="repair__error">{i18n.t('repair.result.fail')}</p>
          )}
          <ul className="repair__findings">
            {run.findings.filter((f) => f.verdict !== 'pass').map((f, i) => (
              <li key={`${f.code}-${i}`} data-code={f.code} data-verdict={f.verdict}>{formatFinding(f, lang)}</li>
            ))}
          </ul>
          {(run.verdict === 'pass' || run.verdict === 'warn') && (
            <a className="repair__download" href={run.url} download={run.name} data-testid="repair-download">
              {t('repair.result.download', [run.name])}
            </a>
          )}
        </section>
      )}
    </main>
  );
}

function Progress({ view, engine, fellBack }: { view: ProgressView; engine?: EngineId | undefined; fellBack?: { from: EngineId; to: EngineId } | undefined }) {
  const lang = uiLang();
  const percent = Math.floor(view.fraction * 100);
  return (
    <section className="repair__card repair__progress" data-testid="repair-progress" data-percent={percent}>
      {engine && <p>{t('repair.engine.using', [engineName(engine)])}</p>}
      {fellBack && <p role="status">{t('repair.engine.fellBack', [engineName(fellBack.from), engineName(fellBack.to)])}</p>}
      <progress max={100} value={percent} aria-label={i18n.t('repair.progress.label')} aria-valuetext={`${percent}%`} />
      <p className="repair__progress-line">
        <strong>{percent}%</strong>
        <span>{t('repair.progress.elapsed', [formatDuration(view.elapsedMs / 1000, lang)])}</span>
        <span>
          {view.remainingMs !== undefined
            ? t('repair.progress.remaining', [formatDuration(view.remainingMs / 1000, lang)])
            : i18n.t('repair.progress.estimating')}
        </span>
        {view.speed !== undefined && <span>{t('repair.progress.speed', [view.speed.toFixed(1)])}</span>}
      </p>
    </section>
  );
}
