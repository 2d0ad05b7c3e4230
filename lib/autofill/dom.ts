/**
 * Ancestor and class tests without the selector engine. Detection asks them for every field on every re-render;
 * `closest()`/`matches()` with selector lists cost far more in DOMs without a native style engine (jsdom, where the
 * tests and benchmarks run) and gain nothing over a walk up a dozen parents.
 */

/** True when the element has any of the class names. */
export function hasAnyClass(element: Element, names: ReadonlySet<string>): boolean {
  // The class attribute as a string: building a DOMTokenList per test is the slow part in jsdom.
  const value = element.getAttribute('class');
  if (value === null || value === '') return false;
  for (const name of value.split(/\s+/)) if (names.has(name)) return true;
  return false;
}

/** The element itself or its nearest ancestor passing `test`, like `closest()`. */
export function closestWhere(element: Element | null, test: (element: Element) => boolean): Element | null {
  for (let node = element; node; node = node.parentElement) if (test(node)) return node;
  return null;
}

/** `closest()` for tag names (upper case). */
export function closestTag(element: Element | null, ...tags: string[]): Element | null {
  return closestWhere(element, (node) => tags.includes(node.tagName));
}

/** `closest()` for class names. */
export function closestClass(element: Element | null, names: ReadonlySet<string>): Element | null {
  return closestWhere(element, (node) => hasAnyClass(node, names));
}

/** Direct children with any of the class names. */
export function childrenWithClass(parent: Element, names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (hasAnyClass(child, names)) out.push(child);
  }
  return out;
}

/** The class names of an element, split once; empty when it has none. */
export function classNamesOf(element: Element): readonly string[] {
  const value = element.getAttribute('class');
  if (value === null || value === '') return [];
  return /[\t\n\f\r]|  /.test(value) ? value.split(/\s+/) : value.split(' ');
}

/**
 * A selector list split into its plain `.class` parts, tested against class names already split, and the rest,
 * tested with `matches()`: the walk over a page asks this of every element, and a set lookup costs far less than
 * matching a list of two dozen selectors.
 */
export interface SelectorSet {
  classes: ReadonlySet<string>;
  rest: string;
}

export function selectorSet(...selectors: string[]): SelectorSet {
  const classes = new Set<string>();
  const rest: string[] = [];
  for (const part of selectors.flatMap((selector) => selector.split(','))) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    if (/^\.[\w-]+$/.test(trimmed)) classes.add(trimmed.slice(1));
    else rest.push(trimmed);
  }
  return { classes, rest: rest.join(', ') };
}

/** Whether an element whose class names are `names` matches the set. */
export function inSelectorSet(element: Element, names: readonly string[], set: SelectorSet): boolean {
  for (const name of names) if (set.classes.has(name)) return true;
  return set.rest !== '' && element.matches(set.rest);
}
