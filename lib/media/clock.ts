/** Reads `h:mm:ss`, `m:ss` or plain seconds (decimals allowed) as seconds; undefined when it is not a time. */
export function parseClock(text: string): number | undefined {
  const parts = text.trim().replace(/：/g, ':').split(':');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  // Only the last field may carry decimals, and minutes/seconds after the first field stay below 60.
  if (numbers.slice(0, -1).some((n) => !Number.isInteger(n))) return undefined;
  if (numbers.slice(1).some((n) => n >= 60)) return undefined;
  return numbers.reduce((total, n) => total * 60 + n, 0);
}

/** Seconds as `h:mm:ss` (whole seconds, rounded down), the form `parseClock` reads back. */
export function formatClock(sec: number): string {
  const total = Math.max(0, Math.floor(sec));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
