/**
 * Finding a field's label the way a person reads the form (issue #11):
 *  1. the accessible name as browsers compute it (aria-labelledby, aria-label, <label for>, a wrapping <label>),
 *     through `dom-accessibility-api`, the implementation Testing Library uses;
 *  2. the UI library's form-item label (the catalogue), whose `for` often points at nothing;
 *  3. the layout: the text cell to the left in the same table row or the column header above (a 序号 cell is a
 *     row number, not a label), then the nearest label-like text to the left or above in the same form row
 *     (getBoundingClientRect where the page has layout, DOM order where it has none);
 *  4. placeholder, then title.
 */

import { computeAccessibleName } from 'dom-accessibility-api';
import { FORM_ITEMS, formItemLabelOf, formItemOf, LIBRARY_HEADINGS } from './catalogue';
import { closestTag } from './dom';
import { cellHeaders, type CellHeaders, type TableCache } from './tables';
import { cleanText } from './text';
import type { LabelSource } from './types';
import { styleOf } from './visibility';
import { isRoleOnlyText } from './vocabulary';

/** A label and where it was found. */
export interface FoundLabel {
  text: string;
  source: LabelSource;
}

/** Lookups shared by every field of one detection run. */
export interface LabelContext {
  root: Element;
  /** `label[for]` elements by their `for` value. */
  labelsFor: Map<string, Element[]>;
  tables: TableCache;
  /** `formItemLabel`, memoised per widget for the run. */
  formItem: (widget: Element) => { item: Element; text: string } | undefined;
  /** False where the DOM has no layout (jsdom): geometry is skipped. */
  layout: boolean;
}

const CONTROLS = 'input:not([type="hidden"]), textarea, select, button, [role="combobox"], [role="listbox"], [role="textbox"]';
const MAX_LABEL_TEXT = 40;
/** Option wrappers are <label> elements too, but they name an option, not the field. */
const OPTION_INPUT = /^(?:radio|checkbox)$/i;
/** aria-label values some libraries set that name a widget type, not a field (TDesign: "checkbox-group"). */
const GENERIC_ARIA = /^[a-z\s_-]*(?:group|box|input|select|picker|wrapper|textarea|combobox)[a-z\s_-]*$/i;

/** Builds the shared lookups for one root. */
export function createLabelContext(root: Element, tables: TableCache, layout = false): LabelContext {
  const labelsFor = new Map<string, Element[]>();
  const all = root.getElementsByTagName('label');
  for (let i = 0; i < all.length; i++) {
    const label = all[i]!;
    const key = label.getAttribute('for') ?? '';
    if (key === '') continue;
    const list = labelsFor.get(key);
    if (list) list.push(label);
    else labelsFor.set(key, [label]);
  }
  const items = new Map<Element, { item: Element; text: string } | undefined>();
  const formItem = (widget: Element) => {
    if (!items.has(widget)) items.set(widget, formItemLabel(widget));
    return items.get(widget);
  };
  return { root, labelsFor, tables, formItem, layout };
}

/** The label element of a form item, for any library in the catalogue. */
export function formItemLabelElement(item: Element): Element | undefined {
  if (FORM_ITEMS === '' || !item.matches(FORM_ITEMS)) return undefined;
  const found = formItemOf(item);
  return found && found.item === item ? formItemLabelOf(item, found.entry) : undefined;
}

/**
 * The label of the nearest form item around `element`. An item that holds a table around the element names the
 * block (作者信息 around an author table), not the field, so its text is left out here.
 */
export function formItemLabel(element: Element): { item: Element; text: string } | undefined {
  const found = formItemOf(element);
  if (!found) return undefined;
  const cell = closestTag(element, 'TD', 'TH');
  if (cell && found.item.contains(cell)) return { item: found.item, text: '' };
  const label = formItemLabelOf(found.item, found.entry);
  const text = label ? cleanText(label.textContent) || cleanText(label.getAttribute('title')) : '';
  return { item: found.item, text };
}

/**
 * The text of the `<label for>` elements naming `target` when they hold nothing but text: what accname computes for
 * them (pseudo-element content is not read, as below), without its tree walk. Undefined when a label holds elements.
 */
function plainLabelsFor(target: Element, context: LabelContext): string | undefined {
  const labels = context.labelsFor.get(target.getAttribute('id') ?? '');
  if (!labels || labels.some((label) => label.childElementCount > 0)) return undefined;
  return cleanText(labels.map((label) => label.textContent ?? '').join(' '));
}

function accessibleName(target: Element): string {
  try {
    // Pseudo-element content (Element's required-star ::before) is decoration, not part of the label.
    return cleanText(computeAccessibleName(target, {
      getComputedStyle: (element) => styleOf(element) ?? (element as HTMLElement).style,
      computedStyleSupportsPseudoElements: false,
    }));
  } catch {
    return '';
  }
}

/** Where the accessible name of `target` would come from, strongest first; undefined when only title/placeholder. */
function explicitSource(target: Element, context: LabelContext): LabelSource | undefined {
  if (target.hasAttribute('aria-labelledby')) return 'aria-labelledby';
  const aria = cleanText(target.getAttribute('aria-label'));
  if (aria !== '' && !GENERIC_ARIA.test(aria)) return 'aria-label';
  const isOption = target.tagName === 'INPUT' && OPTION_INPUT.test(target.getAttribute('type') ?? '');
  if (isOption) return undefined;
  const id = target.getAttribute('id');
  if (id && context.labelsFor.has(id)) return 'label-for';
  const wrapping = target.parentElement ? closestTag(target.parentElement, 'LABEL') : null;
  if (wrapping && context.root.contains(wrapping)) return 'label-wrap';
  if (target.tagName === 'FIELDSET' && target.querySelector(':scope > legend')) return 'form-item';
  return undefined;
}

/** Text of a short, control-free cell or element. */
function shortText(element: Element): string | undefined {
  const text = cleanText(element.textContent);
  return text !== '' && text.length <= MAX_LABEL_TEXT ? text : undefined;
}

/** A row number or an author's rank in a table's first column: 1, (2), 3., 一, No.1. */
const ROW_NUMBER = /^(?:no\.?\s*)?[(（]?(?:\d{1,3}|[一二三四五六七八九十])[)）.、]?$/i;
/** Column headers that number rows rather than name fields. */
const INDEX_HEADER = /^(?:序号|排序|编号|顺序|次序|作者排序|排名|no\.?|#)$/i;

function tableLabel(headers: CellHeaders | undefined): FoundLabel | undefined {
  if (!headers) return undefined;
  const { left, column } = headers;
  if (column !== undefined && left) {
    // A row number or a rank (序号 1, 第一作者) left of an author's cell numbers the row; the column header names it.
    const numbering = ROW_NUMBER.test(left.text) || isRoleOnlyText(left.text)
      || (left.columnHeader !== undefined && INDEX_HEADER.test(left.columnHeader.replace(/\s+/g, '')));
    if (numbering) return { text: column, source: 'column-header' };
  }
  if (left && !ROW_NUMBER.test(left.text)) return { text: left.text, source: 'row-header' };
  if (column !== undefined) return { text: column, source: 'column-header' };
  return undefined;
}

/**
 * Short text right before the widget (`姓名：<input>`), looking through at most three ancestors; the field's own
 * hidden native control (a select behind its drawing) is passed over.
 */
function precedingText(widget: Element, stop: Element, control: Element | null = null): string | undefined {
  let node: Element | null = widget;
  for (let depth = 0; node && node !== stop && depth < 3; depth++) {
    let sibling: Node | null = node.previousSibling;
    while (sibling) {
      if (sibling.nodeType === 3) {
        const text = cleanText(sibling.nodeValue);
        if (text !== '') return text.length <= MAX_LABEL_TEXT ? text : undefined;
      } else if (sibling.nodeType === 1) {
        const element = sibling as Element;
        if (element === control) {
          sibling = sibling.previousSibling;
          continue;
        }
        if (element.matches(CONTROLS) || element.querySelector(CONTROLS)) return undefined;
        // A section heading names a block of fields, not the next one.
        if (element.matches('h1, h2, h3, h4, h5, h6, legend')) return undefined;
        const text = cleanText(element.textContent);
        if (text !== '') return text.length <= MAX_LABEL_TEXT ? text : undefined;
      }
      sibling = sibling.previousSibling;
    }
    node = node.parentElement;
  }
  return undefined;
}

const MAX_GEOMETRY_CANDIDATES = 80;
/** How far above a field a label may sit (label-position: top) and still be its label, in CSS pixels. */
const MAX_ABOVE = 48;

/**
 * The nearest label-like text to the left of the widget in the same line, else just above it, among the short
 * control-free texts within a few ancestors: what a person reads as the label of an input drawn by a layout the
 * other steps do not know.
 */
function geometryLabel(widget: Element, stop: Element): string | undefined {
  const box = widget.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return undefined;
  let scope: Element | null = widget.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope === stop ? null : scope.parentElement) {
    let best: { text: string; distance: number } | undefined;
    const leaves = scope.querySelectorAll('label, span, div, p, td, th, b, strong, font, dt');
    for (let i = 0, seen = 0; i < leaves.length && seen < MAX_GEOMETRY_CANDIDATES; i++) {
      const leaf = leaves[i]!;
      if (leaf.childElementCount > 2 || leaf.contains(widget) || widget.contains(leaf)) continue;
      if (leaf.querySelector(CONTROLS) || (LIBRARY_HEADINGS !== '' && leaf.matches(LIBRARY_HEADINGS))) continue;
      const text = shortText(leaf);
      if (!text) continue;
      seen++;
      const rect = leaf.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const middle = box.top + box.height / 2;
      let distance: number | undefined;
      if (rect.right <= box.left + 2 && rect.top <= middle && rect.bottom >= middle) distance = box.left - rect.right;
      else if (rect.bottom <= box.top + 2 && box.top - rect.bottom <= MAX_ABOVE
        && rect.left < box.right && rect.right > box.left - 8) distance = 1000 + box.top - rect.bottom;
      if (distance !== undefined && (!best || distance < best.distance)) best = { text, distance };
    }
    if (best) return best.text;
  }
  return undefined;
}

function placeholderOf(widget: Element, control: Element | null): string | undefined {
  const own = cleanText(control?.getAttribute('placeholder'));
  if (own !== '') return own;
  const shown = widget.querySelector('[class*="placeholder"]');
  const text = shown && !shown.querySelector(CONTROLS) ? cleanText(shown.textContent) : '';
  return text === '' ? undefined : text;
}

/**
 * The label of a field whose widget root is `widget` and whose native control (if any) is `control`.
 * `headers` is passed in because detection needs the same table lookup for roles.
 */
export function findLabel(widget: Element, control: Element | null, context: LabelContext,
  headers: CellHeaders | undefined = cellHeaders(control ?? widget, context.root, context.tables)): FoundLabel {
  const targets = control && control !== widget ? [control, widget] : [widget];
  for (const target of targets) {
    const source = explicitSource(target, context);
    if (!source) continue;
    const text = source === 'aria-label' ? cleanText(target.getAttribute('aria-label'))
      : source === 'form-item' ? cleanText(target.querySelector(':scope > legend')?.textContent)
        : (source === 'label-for' ? plainLabelsFor(target, context) : undefined) ?? accessibleName(target);
    if (text !== '') return { text, source };
  }

  const item = context.formItem(widget);
  if (item && item.text !== '') return { text: item.text, source: 'form-item' };

  const fromTable = tableLabel(headers);
  if (fromTable) return fromTable;

  const stop = item?.item ?? context.root;
  const before = precedingText(widget, stop, control) ?? (context.layout ? geometryLabel(widget, stop) : undefined);
  if (before !== undefined) return { text: before, source: 'preceding-text' };

  const placeholder = placeholderOf(widget, control);
  if (placeholder !== undefined) return { text: placeholder, source: 'placeholder' };

  const title = cleanText(control?.getAttribute('title') ?? widget.getAttribute('title'));
  if (title !== '') return { text: title, source: 'title' };
  return { text: '', source: 'none' };
}
