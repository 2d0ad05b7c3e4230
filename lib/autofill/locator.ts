/**
 * Teach mode: a field is remembered by its label and its index among fields with that label (survives re-renders
 * and most layout changes), with a short CSS path of stable ids and names as the fallback when the label changed.
 */

import { cleanText } from './text';
import type { DetectedField, FieldLocator, TaughtMapping } from './types';

/** Ids the libraries generate per render (el-id-1234-5, rc_select_3, React's :r1:) say nothing on the next visit. */
const GENERATED_ID = /^(?:el-id-|rc_select_|rc-tabs-|:r|vue-|v-|ant-|el-|\d)|\d{3,}/;
const MAX_PATH_PARTS = 5;

function escapeIdent(value: string): string {
  return value.replace(/[^\w-]/g, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `);
}

function stable(value: string | null): value is string {
  return value !== null && value !== '' && !GENERATED_ID.test(value);
}

/** Position of each child among same-tag siblings, computed once per parent (a 300-item form has one parent). */
export type SiblingCache = Map<Element, Map<Element, { nth: number; of: number }>>;

function typePosition(node: Element, cache: SiblingCache): { nth: number; of: number } {
  const parent = node.parentElement;
  if (!parent) return { nth: 1, of: 1 };
  let positions = cache.get(parent);
  if (!positions) {
    positions = new Map();
    const counts = new Map<string, number>();
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const nth = (counts.get(child.tagName) ?? 0) + 1;
      counts.set(child.tagName, nth);
      positions.set(child, { nth, of: 0 });
    }
    for (const [child, position] of positions) position.of = counts.get(child.tagName) ?? 1;
    cache.set(parent, positions);
  }
  return positions.get(node) ?? { nth: 1, of: 1 };
}

/** A short CSS path from the nearest element with a stable id (or the root) down to `element`. */
export function locatorPath(element: Element, stop: Element, cache: SiblingCache = new Map()): string {
  const parts: string[] = [];
  for (let node: Element | null = element; node && node !== stop && parts.length < MAX_PATH_PARTS;
    node = node.parentElement) {
    const id = node.getAttribute('id');
    if (stable(id)) {
      parts.unshift(`#${escapeIdent(id)}`);
      return parts.join(' > ');
    }
    const tag = node.tagName.toLowerCase();
    const name = node.getAttribute('name');
    if (stable(name) && node.matches('input, textarea, select')) {
      parts.unshift(`${tag}[name="${name.replace(/["\\]/g, '\\$&')}"]`);
      continue;
    }
    const { nth, of } = typePosition(node, cache);
    parts.unshift(of > 1 ? `${tag}:nth-of-type(${nth})` : tag);
  }
  return parts.join(' > ');
}

/** The detected field a locator points at: same label and index first, then the CSS path. */
export function findByLocator(fields: readonly DetectedField[], locator: FieldLocator): DetectedField | undefined {
  const label = cleanText(locator.label);
  const byLabel = fields.filter((field) => field.label === label);
  const hit = byLabel[locator.nth];
  if (hit) return hit;
  if (locator.path === '') return undefined;
  return fields.find((field) => field.locator.path === locator.path);
}

/** Where the page is, for filtering mappings taught on other pages. */
export interface PageKey {
  host?: string;
  path?: string;
}

/**
 * Fields with the user's taught mappings applied: a mapping wins over every heuristic, and `ignore` drops the field.
 * Mappings taught on another host or path are left out. Returns new field objects; the input is not changed.
 */
export function applyTaught(fields: readonly DetectedField[], mappings: readonly TaughtMapping[],
  page: PageKey = {}): DetectedField[] {
  const overrides = new Map<DetectedField, TaughtMapping>();
  for (const mapping of mappings) {
    if (mapping.host !== undefined && page.host !== undefined && mapping.host !== page.host) continue;
    if (mapping.path !== undefined && page.path !== undefined && mapping.path !== page.path) continue;
    const field = findByLocator(fields, mapping.locator);
    if (field) overrides.set(field, mapping);
  }
  const out: DetectedField[] = [];
  for (const field of fields) {
    const mapping = overrides.get(field);
    if (!mapping) {
      out.push(field);
      continue;
    }
    if (mapping.attribute === 'ignore') continue;
    const workish = mapping.attribute === 'workTitle' || mapping.attribute.startsWith('field:');
    out.push({
      ...field,
      attribute: mapping.attribute,
      role: mapping.role ?? (workish ? 'work' : (field.role ?? 'author[0]')),
      roleSource: 'taught',
    });
  }
  return out;
}
