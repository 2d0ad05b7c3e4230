import { useState } from 'react';
import { formatClock, parseClock } from '@/lib/media/clock';
import type { TrimRange } from '@/lib/media/plan';

/** The part of the video to keep, typed as 时:分:秒; `range` only while trimming is on and both times parse. */
export function useTrim() {
  const [on, setOn] = useState(false);
  const [start, setStart] = useState('0:00:00');
  const [end, setEnd] = useState('');
  const startSec = parseClock(start);
  const endSec = parseClock(end);
  const valid = startSec !== undefined && endSec !== undefined;
  const range: TrimRange | undefined = on && valid ? { startSec, endSec } : undefined;

  /** A new video: trimming off, the range from its start to its end or the slot's maximum, whichever comes first. */
  const reset = (durationSec: number | undefined, maxSec: number | undefined) => {
    setOn(false);
    setStart(formatClock(0));
    setEnd(formatClock(durationSec !== undefined ? (maxSec !== undefined ? Math.min(maxSec, durationSec) : durationSec) : 0));
  };

  return { on, setOn, start, setStart, end, setEnd, startSec, endSec, valid, range, reset };
}

export type Trim = ReturnType<typeof useTrim>;
