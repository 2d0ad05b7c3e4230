/**
 * Finding a field's label, in the order a browser computes an accessible name (aria-labelledby, aria-label, <label>)
 * followed by what registration forms actually use: the UI library's form-item label (Element's
 * `.el-form-item__label`, whose `for` often points at nothing because the id sits on a wrapper; Ant's
 * `.ant-form-item-label > label`), table headers, text just before the control, then placeholder and title.
 */

import { childrenWithClass, closestClass, closestTag } from './dom';
import { cellHeaders, type CellHeaders, type TableCache } from './tables';
import { cleanText } from './text';
import type { LabelSource } from './types';
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
}

const CONTROLS = 'input, textarea, select, button, .el-select, .ant-select';
const MAX_PRECEDING_TEXT = 40;

/** Builds the shared lookups for one root. */
export function createLabelContext(root: Element, tables: TableCache): LabelContext {
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
  return { root, labelsFor, tables, formItem };
}

/** Text of an element without the text of controls inside it (a wrapping label around a select). */
function ownText(element: Element): string {
  if (element.querySelector(CONTROLS) === null) return cleanText(element.textContent);
  let text = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(CONTROLS)) walk(child);
    }
  };
  walk(element);
  return cleanText(text);
}

function byIds(doc: Document, ids: string): string {
  return cleanText(
    ids
      .split(/\s+/)
      .map((id) => (id === '' ? '' : (doc.getElementById(id)?.textContent ?? '')))
      .join(' '),
  );
}

const FORM_ITEM_CLASSES = new Set(['el-form-item', 'ant-form-item']);
const EL_LABEL = new Set(['el-form-item__label']);
const EL_LABEL_WRAP = new Set(['el-form-item__label-wrap']);
const ANT_ROW = new Set(['ant-row', 'ant-form-item-row']);
const ANT_LABEL_COL = new Set(['ant-form-item-label']);

/** The label element of a form item (Element: `.el-form-item__label`; Ant: `.ant-form-item-label label`). */
export function formItemLabelElement(item: Element): Element | undefined {
  const [direct] = childrenWithClass(item, EL_LABEL);
  if (direct) return direct;
  for (const wrap of childrenWithClass(item, EL_LABEL_WRAP)) {
    const [inner] = childrenWithClass(wrap, EL_LABEL);
    if (inner) return inner;
  }
  const columns = [...childrenWithClass(item, ANT_LABEL_COL),
    ...childrenWithClass(item, ANT_ROW).flatMap((row) => childrenWithClass(row, ANT_LABEL_COL))];
  for (const column of columns) {
    const label = column.getElementsByTagName('label')[0];
    if (label) return label;
  }
  return undefined;
}

/** The label of the nearest form item, when that item has one. */
export function formItemLabel(element: Element): { item: Element; text: string } | undefined {
  const item = closestClass(element, FORM_ITEM_CLASSES);
  if (!item) return undefined;
  const label = formItemLabelElement(item);
  const text = label ? cleanText(label.textContent) || cleanText(label.getAttribute('title')) : '';
  return { item, text };
}

function tableLabel(headers: CellHeaders | undefined): FoundLabel | undefined {
  if (!headers) return undefined;
  const { left, column } = headers;
  // "第一作者" in the first column of an author table names the row, not the field; the column header does.
  if (left && !(column !== undefined && isRoleOnlyText(left.text))) {
    return { text: left.text, source: 'row-header' };
  }
  if (column !== undefined) return { text: column, source: 'column-header' };
  return left ? { text: left.text, source: 'row-header' } : undefined;
}

/** Short text right before the widget (`姓名：<input>`), looking through at most three ancestors. */
function precedingText(widget: Element, stop: Element): string | undefined {
  let node: Element | null = widget;
  for (let depth = 0; node && node !== stop && depth < 3; depth++) {
    let sibling: Node | null = node.previousSibling;
    while (sibling) {
      if (sibling.nodeType === 3) {
        const text = cleanText(sibling.nodeValue);
        if (text !== '') return text.length <= MAX_PRECEDING_TEXT ? text : undefined;
      } else if (sibling.nodeType === 1) {
        const element = sibling as Element;
        if (element.matches(CONTROLS) || element.querySelector(CONTROLS)) return undefined;
        // A section heading names a block of fields, not the next one.
        if (element.matches('h1, h2, h3, h4, h5, h6, legend')) return undefined;
        const text = cleanText(element.textContent);
        if (text !== '') return text.length <= MAX_PRECEDING_TEXT ? text : undefined;
      }
      sibling = sibling.previousSibling;
    }
    node = node.parentElement;
  }
  return undefined;
}

function placeholderOf(widget: Element, control: Element | null): string | undefined {
  const own = cleanText(control?.getAttribute('placeholder'));
  if (own !== '') return own;
  const shown = widget.getElementsByClassName('el-select__placeholder')[0]
    ?? widget.getElementsByClassName('ant-select-selection-placeholder')[0];
  const text = cleanText(shown?.textContent);
  return text === '' ? undefined : text;
}

/**
 * The label of a field whose widget root is `widget` and whose native control (if any) is `control`.
 * `headers` is passed in because detection needs the same table lookup for roles.
 */
export function findLabel(widget: Element, control: Element | null, context: LabelContext,
  headers: CellHeaders | undefined = cellHeaders(control ?? widget, context.root, context.tables)): FoundLabel {
  const doc = widget.ownerDocument;
  const targets = control && control !== widget ? [control, widget] : [widget];

  for (const target of targets) {
    const ids = target.getAttribute('aria-labelledby');
    if (ids) {
      const text = byIds(doc, ids);
      if (text !== '') return { text, source: 'aria-labelledby' };
    }
  }
  for (const target of targets) {
    const text = cleanText(target.getAttribute('aria-label'));
    if (text !== '') return { text, source: 'aria-label' };
  }
  for (const target of targets) {
    const id = target.getAttribute('id');
    const labels = id ? context.labelsFor.get(id) : undefined;
    if (labels) {
      const text = cleanText(labels.map((label) => label.textContent ?? '').join(' '));
      if (text !== '') return { text, source: 'label-for' };
    }
  }
  // A library's radio/checkbox wrapper is a <label> too, but it names an option, not the field.
  const wrapping = closestTag(control, 'LABEL');
  if (wrapping && closestClass(wrapping, OPTION_WRAPPERS) === null && context.root.contains(wrapping)) {
    const text = ownText(wrapping);
    if (text !== '') return { text, source: 'label-wrap' };
  }

  const item = context.formItem(widget);
  if (item && item.text !== '') return { text: item.text, source: 'form-item' };

  const fromTable = tableLabel(headers);
  if (fromTable) return fromTable;

  const before = precedingText(widget, item?.item ?? context.root);
  if (before !== undefined) return { text: before, source: 'preceding-text' };

  const placeholder = placeholderOf(widget, control);
  if (placeholder !== undefined) return { text: placeholder, source: 'placeholder' };

  const title = cleanText(control?.getAttribute('title') ?? widget.getAttribute('title'));
  if (title !== '') return { text: title, source: 'title' };
  return { text: '', source: 'none' };
}

/** Option wrappers that are <label> elements of their own. */
const OPTION_WRAPPERS = new Set(['el-radio', 'el-checkbox', 'ant-radio-wrapper', 'ant-checkbox-wrapper', 'el-radio-button']);
