/**
 * Coalesces calls into one run before the next paint. Falls back to a timer where there are no frames (a hidden
 * tab's frames stop; jsdom has none).
 */
export function frameScheduler(run: () => void): { schedule: () => void; cancel: () => void } {
  let pending: number | ReturnType<typeof setTimeout> | undefined;
  const hasFrames = typeof requestAnimationFrame === 'function';
  const fire = () => {
    pending = undefined;
    run();
  };
  return {
    schedule() {
      if (pending !== undefined) return;
      pending = hasFrames ? requestAnimationFrame(fire) : setTimeout(fire, 16);
    },
    cancel() {
      if (pending === undefined) return;
      if (hasFrames) cancelAnimationFrame(pending as number);
      else clearTimeout(pending as ReturnType<typeof setTimeout>);
      pending = undefined;
    },
  };
}
