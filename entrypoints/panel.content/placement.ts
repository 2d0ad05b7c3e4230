/** Where the panel may sit: pure geometry, so the rule "never cover the site's submit button" is testable. */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  left: number;
  top: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MARGIN = 16;

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** Keeps the panel's header on screen, so it can always be dragged back. */
export function clamp(point: Point, size: Size, viewport: Size, margin = 8): Point {
  return {
    left: Math.min(Math.max(point.left, margin), Math.max(margin, viewport.width - size.width - margin)),
    top: Math.min(Math.max(point.top, margin), Math.max(margin, viewport.height - Math.min(size.height, 48) - margin)),
  };
}

/**
 * A place for the panel that covers none of `obstacles` (the site's submit buttons), nearest to where it is; undefined
 * when it covers none already, or when no place on screen is free (a tiny window: the teacher can collapse it).
 */
export function avoid(panel: Rect, obstacles: readonly Rect[], viewport: Size, margin = MARGIN): Point | undefined {
  if (!obstacles.some((o) => overlaps(panel, o))) return undefined;
  const { width, height } = panel;
  const candidates: Point[] = [
    { left: viewport.width - width - margin, top: viewport.height - height - margin },
    { left: viewport.width - width - margin, top: margin },
    { left: margin, top: viewport.height - height - margin },
    { left: margin, top: margin },
  ];
  for (const o of obstacles) {
    candidates.push(
      { left: panel.left, top: o.top - height - margin },
      { left: panel.left, top: o.top + o.height + margin },
      { left: o.left - width - margin, top: panel.top },
      { left: o.left + o.width + margin, top: panel.top },
    );
  }
  const fits = (p: Point) => p.left >= 0 && p.top >= 0 && p.left + width <= viewport.width && p.top + height <= viewport.height;
  const free = candidates.filter((p) => fits(p) && !obstacles.some((o) => overlaps({ ...p, width, height }, o)));
  const distance = (p: Point) => Math.hypot(p.left - panel.left, p.top - panel.top);
  return free.sort((a, b) => distance(a) - distance(b))[0];
}
