/** What the progress bar shows: share done, time spent, time left (unknown until the rate settles). */
export interface ProgressView {
  /** 0–1. */
  fraction: number;
  elapsedMs: number;
  remainingMs?: number;
  /** Media seconds processed per wall-clock second, once measurable. */
  speed?: number;
}

/** Time left is shown only after this much work, so the first guess is not wildly off. */
const MIN_FRACTION_FOR_ESTIMATE = 0.02;
const MIN_ELAPSED_FOR_ESTIMATE_MS = 2000;

/**
 * Turns engine progress into an honest view: the fraction never goes backwards, and the time left comes from the
 * rate over the work done so far, not from the last step (which jumps with scene complexity).
 */
export class ProgressClock {
  readonly #startedAt: number;
  readonly #durationSec: number | undefined;
  readonly #now: () => number;
  #fraction = 0;

  constructor(options: { durationSec?: number; now?: () => number } = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#startedAt = this.#now();
    this.#durationSec = options.durationSec;
  }

  /** Records progress as a fraction (0–1) and returns the view to show. */
  update(fraction: number): ProgressView {
    if (Number.isFinite(fraction)) this.#fraction = Math.max(this.#fraction, Math.min(1, Math.max(0, fraction)));
    return this.view();
  }

  /** Records progress as processed media seconds; needs the output duration. */
  updateSeconds(processedSec: number): ProgressView {
    if (this.#durationSec === undefined || this.#durationSec <= 0) return this.view();
    return this.update(processedSec / this.#durationSec);
  }

  view(): ProgressView {
    const elapsedMs = Math.max(0, this.#now() - this.#startedAt);
    const fraction = this.#fraction;
    const view: ProgressView = { fraction, elapsedMs };
    if (fraction >= 1) return { ...view, remainingMs: 0 };
    if (fraction >= MIN_FRACTION_FOR_ESTIMATE && elapsedMs >= MIN_ELAPSED_FOR_ESTIMATE_MS) {
      view.remainingMs = Math.round((elapsedMs * (1 - fraction)) / fraction);
      if (this.#durationSec !== undefined) view.speed = (fraction * this.#durationSec) / (elapsedMs / 1000);
    }
    return view;
  }
}
