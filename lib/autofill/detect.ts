/**
 * Field detection: one pass over the page in document order collects the UI libraries' widgets and native
 * controls together with the section headings between them, so every field knows the heading above it without a
 * second walk. Roles (first/second/third author, 联系人, 主管领导) are decided from the label, the table row, the
 * enclosing group and the heading, in that order; identical author blocks without a rank are numbered by repetition.
 */

import { closestClass, closestTag, closestWhere, hasAnyClass } from './dom';
import { createLabelContext, findLabel, formItemLabel, formItemLabelElement, type LabelContext } from './labels';
import { locatorPath, type SiblingCache } from './locator';
import { cellHeaders, createTableCache, type CellHeaders } from './tables';
import { cleanText } from './text';
import type {
  AuthorRole, DetectedField, FillAttribute, FillRole, RoleSource, TextControl, UiLibrary, WidgetKind,
} from './types';
import { classifyLabel, roleHintOf, type RoleHint, type VocabularyScope } from './vocabulary';

/** Options of `detectFields`. */
export interface DetectOptions extends VocabularyScope {
  /** Elements matching this selector, and everything inside them, are not fields (the extension's own panel). */
  ignore?: string;
}

const WIDGET_CLASSES = new Set([
  'el-select', 'el-cascader', 'el-date-editor', 'el-radio-group', 'el-checkbox-group', 'el-input-number',
  'el-autocomplete', 'el-input', 'el-textarea', 'el-checkbox',
  'ant-select', 'ant-picker', 'ant-radio-group', 'ant-checkbox-group', 'ant-input-number',
  'ant-input-affix-wrapper', 'ant-input-textarea', 'ant-checkbox-wrapper', 'ant-input',
]);

/** Widget roots of Element UI, Element Plus and Ant Design Vue; nested roots (.el-input in .el-select) are parts. */
export const WIDGET_SELECTOR = [...WIDGET_CLASSES].map((name) => `.${name}`).join(', ');

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const DIVIDER_TEXT = new Set(['el-divider__text', 'ant-divider-inner-text']);

/**
 * Headings, legends, divider texts, anything whose class says "title" (section-title, el-card title), and table
 * cells spanning several columns ("联系人信息" across a printed form).
 */
function isHeadingCandidate(node: Element): boolean {
  if (HEADING_TAGS.has(node.tagName) || node.getAttribute('role') === 'heading') return true;
  const classes = node.getAttribute('class');
  if (classes && (classes.includes('title') || hasAnyClass(node, DIVIDER_TEXT))) return true;
  if (node.tagName === 'TD' || node.tagName === 'TH') {
    const span = node.getAttribute('colspan');
    return span !== null && span !== '1';
  }
  return false;
}

/** Dropdowns, pickers and pagers hold inputs that are parts of other widgets, never fields of the form. */
const NOT_A_FORM_CLASSES = new Set([
  'el-popper', 'el-select-dropdown', 'el-picker-panel', 'el-cascader__dropdown', 'el-pagination',
  'el-upload', 'el-message-box', 'ant-select-dropdown', 'ant-picker-dropdown', 'ant-cascader-dropdown',
  'ant-pagination', 'ant-upload', 'ant-modal-confirm',
]);
const notAForm = (element: Element) =>
  closestWhere(element, (node) => node.tagName === 'TEMPLATE' || hasAnyClass(node, NOT_A_FORM_CLASSES)) !== null;
const FORM_ITEM_CLASSES = new Set(['el-form-item', 'ant-form-item']);
const CARD_CLASSES = new Set(['el-card', 'ant-card']);

const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'range', 'color']);
const HEADING_MAX_CHARS = 40;
const TEXT_INPUT = 'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]), textarea, select';

interface Hint {
  hint: RoleHint;
  source: RoleSource;
  text: string;
  /** Identifies the block, for numbering repeated author blocks. */
  key: object;
}

interface Draft {
  field: DetectedField;
  hints: Hint[];
  byAlias: boolean;
}

/** Radios sharing a name form a group; framework-bound radios often have no name, so their container groups them. */
export function radioGroupKey(radio: Element): unknown {
  const name = radio.getAttribute('name');
  if (name) return `${name}\u0000`;
  return radio.closest('fieldset, [role="radiogroup"], .el-form-item, .ant-form-item')
    ?? radio.parentElement?.parentElement ?? radio;
}

function libraryOf(element: Element): UiLibrary {
  const name = typeof element.className === 'string' ? element.className : '';
  if (/(?:^|\s)el-/.test(name)) return 'element';
  if (/(?:^|\s)ant-/.test(name)) return 'antd';
  return 'native';
}

const classSets = new Map<string, ReadonlySet<string>>();

/** Class test through a cached set per name list (see dom.ts for why not `matches`). */
function hasClass(element: Element, ...names: string[]): boolean {
  const key = names.join(' ');
  let set = classSets.get(key);
  if (!set) classSets.set(key, (set = new Set(names)));
  return hasAnyClass(element, set);
}

function kindOf(root: Element, control: Element | null): WidgetKind {
  if (hasClass(root, 'el-cascader', 'ant-cascader')) return 'cascader';
  if (hasClass(root, 'el-select', 'ant-select')) return 'select';
  if (hasClass(root, 'el-radio-group', 'ant-radio-group')) return 'radio-group';
  if (hasClass(root, 'el-checkbox-group', 'ant-checkbox-group')) return 'checkbox-group';
  if (hasClass(root, 'el-checkbox', 'ant-checkbox-wrapper')) return 'checkbox';
  if (hasClass(root, 'el-date-editor', 'ant-picker')) return 'date';
  if (hasClass(root, 'el-input-number', 'ant-input-number')) return 'number';
  const tag = control?.tagName;
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'SELECT') return 'select';
  if (tag === 'INPUT') {
    const type = (control!.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'radio') return 'radio-group';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'date' || type === 'datetime-local' || type === 'month') return 'date';
    if (type === 'number') return 'number';
  }
  return 'text';
}

function isMultiple(root: Element, kind: WidgetKind, control: Element | null): boolean {
  if (kind === 'checkbox-group') return true;
  if (kind !== 'select') return false;
  if (control?.tagName === 'SELECT') return control.hasAttribute('multiple');
  return root.matches('.ant-select-multiple, .ant-select-tags')
    || root.querySelector('.el-select__tags, .el-select__selection .el-tag, [aria-multiselectable="true"]') !== null;
}

function optionTexts(root: Element, kind: WidgetKind, control: Element | null): string[] {
  if (control?.tagName === 'SELECT') {
    return Array.from(control.querySelectorAll('option'))
      .filter((option) => option.getAttribute('value') !== '')
      .map((option) => cleanText(option.textContent));
  }
  if (kind === 'radio-group') {
    return Array.from(root.querySelectorAll('.el-radio, .el-radio-button, .ant-radio-wrapper, .ant-radio-button-wrapper'))
      .map((label) => cleanText(label.textContent));
  }
  if (kind === 'checkbox-group') {
    return Array.from(root.querySelectorAll('.el-checkbox, .el-checkbox-button, .ant-checkbox-wrapper'))
      .map((label) => cleanText(label.textContent));
  }
  return [];
}

function isDisabled(root: Element, control: Element | null, inDisabledFieldset: boolean): boolean {
  if (control?.hasAttribute('disabled') || root.hasAttribute('disabled')) return true;
  if (root.getAttribute('aria-disabled') === 'true') return true;
  if (hasClass(root, 'is-disabled', 'ant-select-disabled', 'ant-picker-disabled', 'ant-input-disabled',
    'ant-input-affix-wrapper-disabled', 'ant-input-number-disabled')) return true;
  if (inDisabledFieldset) return true;
  const group = hasClass(root, 'el-radio-group', 'el-checkbox-group', 'ant-radio-group', 'ant-checkbox-group');
  if (group) {
    const inputs = Array.from(root.querySelectorAll('input'));
    return inputs.length > 0 && inputs.every((input) => input.hasAttribute('disabled'));
  }
  return false;
}

function maxLengthOf(widget: Element, control: Element | null): number | undefined {
  const raw = control?.getAttribute('maxlength');
  if (raw != null) {
    const value = Number.parseInt(raw, 10);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  // Ant's show-count inputs enforce their limit in script and only print it ("0 / 1000"); Element puts the
  // maxlength attribute on the control itself.
  const counter = widget.getAttribute('data-count')
    ?? (libraryOf(widget) === 'antd'
      ? widget.getElementsByClassName('ant-input-show-count-suffix')[0]?.textContent : undefined);
  const printed = counter ? /\/\s*(\d+)\s*$/.exec(counter.trim()) : null;
  return printed ? Number(printed[1]) : undefined;
}

/**
 * A work field is asked once per form. When two fields claim it, one by the field's own label and one by an alias
 * (附件1 prints 学段 and also a 组别 the pack lists as an alias), the alias loses.
 */
function dropAliasDuplicates(drafts: readonly Draft[]): void {
  const byAttribute = new Map<string, Draft[]>();
  for (const entry of drafts) {
    const attribute = entry.field.attribute;
    if (!attribute?.startsWith('field:')) continue;
    const list = byAttribute.get(attribute);
    if (list) list.push(entry);
    else byAttribute.set(attribute, [entry]);
  }
  for (const list of byAttribute.values()) {
    if (list.length < 2 || !list.some((entry) => !entry.byAlias)) continue;
    for (const entry of list) if (entry.byAlias) delete entry.field.attribute;
  }
}

const CHOICE_TYPES = new Set(['hidden', 'radio', 'checkbox']);

function isTextControl(element: Element): boolean {
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !CHOICE_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
}

function textControlOf(root: Element): TextControl | HTMLSelectElement | null {
  if (isTextControl(root)) return root as TextControl | HTMLSelectElement;
  // A widget holds one kind of text control; inputs first (a date editor's input beside no textarea).
  const inputs = root.getElementsByTagName('input');
  for (let i = 0; i < inputs.length; i++) {
    if (isTextControl(inputs[i]!)) return inputs[i] as HTMLInputElement;
  }
  return (root.getElementsByTagName('textarea')[0] ?? root.getElementsByTagName('select')[0] ?? null) as
    TextControl | HTMLSelectElement | null;
}

function isHeading(element: Element): string | undefined {
  for (const tag of ['input', 'textarea', 'select']) if (element.getElementsByTagName(tag).length > 0) return undefined;
  const text = cleanText(element.textContent);
  return text !== '' && text.length <= HEADING_MAX_CHARS ? text : undefined;
}

/** Labels of groups around the widget: fieldset legends, outer form items, labelled regions, card headers. */
function groupHints(widget: Element, stop: Element, ownItem: Element | undefined,
  cache: Map<Element, Hint | null>): Hint[] {
  const hints: Hint[] = [];
  for (let node = widget.parentElement; node && node !== stop; node = node.parentElement) {
    let entry = cache.get(node);
    if (entry === undefined) {
      let text = '';
      if (node.tagName === 'FIELDSET') {
        const legend = node.firstElementChild?.tagName === 'LEGEND' ? node.firstElementChild : null;
        text = cleanText(legend?.textContent);
      } else if (hasAnyClass(node, FORM_ITEM_CLASSES)) {
        // The field's own form item gave its label; an outer one ("作者信息" around a table) names the block.
        if (node !== ownItem) text = formItemText(node);
      } else if (node.getAttribute('role') === 'group' || node.getAttribute('role') === 'region') {
        const ids = node.getAttribute('aria-labelledby');
        text = cleanText(node.getAttribute('aria-label'))
          || (ids ? cleanText(ids.split(/\s+/).map((id) => node!.ownerDocument.getElementById(id)?.textContent ?? '').join(' ')) : '');
      } else if (hasAnyClass(node, CARD_CLASSES)) {
        const header = Array.from(node.children).find((child) =>
          child.classList.contains('el-card__header') || child.classList.contains('ant-card-head'));
        text = cleanText(header?.textContent);
      }
      const hint = text === '' ? undefined : roleHintOf(text);
      entry = hint ? { hint, source: 'group', text, key: node } : null;
      cache.set(node, entry);
    }
    if (entry) hints.push(entry);
  }
  return hints;
}

function formItemText(item: Element): string {
  return cleanText(formItemLabelElement(item)?.textContent);
}

function rowHints(headers: CellHeaders | undefined): Hint[] {
  if (!headers) return [];
  const hints: Hint[] = [];
  for (const text of [headers.rowTitle, ...headers.rowTexts]) {
    if (text === undefined) continue;
    const hint = roleHintOf(text);
    if (hint) hints.push({ hint, source: 'row', text, key: headers.table });
  }
  return hints;
}

function isWorkAttribute(attribute: FillAttribute): boolean {
  return attribute === 'workTitle' || attribute.startsWith('field:');
}

const authorRole = (index: number): AuthorRole => `author[${index}]`;

/** Picks the role from the hints, strongest first; returns the hint to number by repetition when no rank is known. */
function resolveRole(entry: Draft): { role?: FillRole; source?: RoleSource; context?: string; repeatKey?: object } {
  const { field, hints } = entry;
  if (!field.attribute) return {};
  if (isWorkAttribute(field.attribute)) return { role: 'work', source: 'attribute' };
  const decisive = hints.find((candidate) => candidate.hint.kind !== 'work');
  if (!decisive) {
    // Nothing says whose field this is; the first author is the one who submits (national notice 五(一)).
    return { role: 'author[0]', source: 'default' };
  }
  const { kind } = decisive.hint;
  if (kind === 'contact' || kind === 'leader') return { role: kind, source: decisive.source, context: decisive.text };
  const ranked = hints.find((candidate) => candidate.hint.kind === 'author' && candidate.hint.index !== undefined);
  if (ranked) return { role: authorRole(ranked.hint.index!), source: ranked.source, context: ranked.text };
  return { source: 'repeat', context: decisive.text, repeatKey: decisive.key };
}

function assignRoles(drafts: readonly Draft[]): void {
  const cursors = new Map<object, { index: number; seen: Set<FillAttribute> }>();
  for (const entry of drafts) {
    const { role, source, context, repeatKey } = resolveRole(entry);
    const { field } = entry;
    if (repeatKey && field.attribute) {
      let cursor = cursors.get(repeatKey);
      if (!cursor) cursors.set(repeatKey, (cursor = { index: 0, seen: new Set() }));
      if (cursor.seen.has(field.attribute)) {
        cursor.index++;
        cursor.seen.clear();
      }
      cursor.seen.add(field.attribute);
      field.role = authorRole(cursor.index);
    } else if (role) {
      field.role = role;
    }
    if (source) field.roleSource = source;
    if (context !== undefined) field.roleContext = context;
  }
}

function assignLocators(fields: readonly DetectedField[]): void {
  const counts = new Map<string, number>();
  for (const field of fields) {
    const nth = counts.get(field.label) ?? 0;
    counts.set(field.label, nth + 1);
    field.locator.nth = nth;
  }
}

function rootElement(root: Document | Element): Element | null {
  return 'documentElement' in root ? (root.body ?? root.documentElement) : root;
}

/**
 * Every fillable field under `root`, in document order, with label, attribute and role. Pure reading: the page is
 * not changed. Pass the draft's rule pack and category so the pack's field labels are recognised.
 */
export function detectFields(root: Document | Element, options: DetectOptions = {}): DetectedField[] {
  const top = rootElement(root);
  if (!top) return [];
  const tables = createTableCache();
  const labels: LabelContext = createLabelContext(top, tables);
  const groupCache = new Map<Element, Hint | null>();
  const siblings: SiblingCache = new Map();
  const disabledFieldsets = top.querySelectorAll('fieldset[disabled]');
  const scope: VocabularyScope = { pack: options.pack, category: options.category };
  const drafts: Draft[] = [];
  const nativeGroups = new Map<unknown, Draft>();
  let heading: Hint | undefined;
  let headingKey: object = top;

  // One walk in document order. A widget's subtree is its own business, and popups/pagers/uploads are not form
  // fields, so both are skipped whole instead of being matched element by element.
  const candidates: Element[] = [];
  const visit = (parent: Element): void => {
    for (let node = parent.firstElementChild; node; node = node.nextElementSibling) {
      const tag = node.tagName;
      if (tag === 'TEMPLATE' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'svg' || tag === 'SVG') continue;
      if (hasAnyClass(node, NOT_A_FORM_CLASSES) || (options.ignore && node.matches(options.ignore))) continue;
      if (hasAnyClass(node, WIDGET_CLASSES) || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
        candidates.push(node);
        continue;
      }
      if (isHeadingCandidate(node)) candidates.push(node);
      visit(node);
    }
  };
  if (!notAForm(top)) visit(top);

  for (const node of candidates) {
    const isWidget = hasAnyClass(node, WIDGET_CLASSES);
    const isNative = !isWidget && (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT');
    if (!isWidget && !isNative) {
      const text = isHeading(node);
      if (text === undefined) continue;
      const hint = roleHintOf(text);
      headingKey = node;
      heading = hint ? { hint, source: 'heading', text, key: node } : undefined;
      continue;
    }
    if (isNative) {
      const type = (node.getAttribute('type') ?? 'text').toLowerCase();
      if (node.tagName === 'INPUT' && SKIPPED_INPUT_TYPES.has(type)) continue;
      // Native radios with one name (or, without a name, in one container) are one field; their labels are options.
      if (node.tagName === 'INPUT' && type === 'radio') {
        const key = radioGroupKey(node);
        const existing = nativeGroups.get(key);
        if (existing) {
          existing.field.options.push(findLabel(node, node, labels, undefined).text);
          continue;
        }
      }
    }

    const widget = node;
    const group = hasClass(widget, 'el-radio-group', 'el-checkbox-group', 'ant-radio-group', 'ant-checkbox-group');
    const control = group ? null : textControlOf(widget);
    const kind = kindOf(widget, isNative ? widget : control);
    const headers = cellHeaders(control ?? widget, top, tables);
    let label;
    let choices: string[];
    if (isNative && kind === 'radio-group') {
      // The group's label is the text before the first radio or the form item's; each radio's own label is an option.
      const item = formItemLabel(widget);
      const container = closestTag(widget, 'FIELDSET');
      const legend = container ? cleanText(container.querySelector(':scope > legend')?.textContent) : '';
      label = item && item.text !== '' ? { text: item.text, source: 'form-item' as const }
        : legend !== '' ? { text: legend, source: 'form-item' as const }
        : findLabel(widget.parentElement ?? widget, null, labels, headers);
      choices = [findLabel(widget, widget, labels, undefined).text];
    } else {
      label = findLabel(widget, control, labels, headers);
      choices = optionTexts(widget, kind, control);
    }
    const classification = classifyLabel(label.text, scope);
    const readonlyKinds: WidgetKind[] = ['text', 'textarea', 'number'];
    const field: DetectedField = {
      index: 0,
      element: widget,
      control: kind === 'radio-group' || kind === 'checkbox-group' || kind === 'checkbox' ? null : control,
      library: libraryOf(widget),
      widget: kind,
      label: label.text,
      labelSource: label.source,
      options: choices,
      multiple: isMultiple(widget, kind, control),
      readonly: readonlyKinds.includes(kind) && control !== null && control.hasAttribute('readonly'),
      disabled: isDisabled(widget, control, disabledFieldsets.length > 0 && widget.closest('fieldset[disabled]') !== null),
      maxLength: maxLengthOf(widget, control),
      placeholder: cleanText(control?.getAttribute('placeholder')) || undefined,
      attribute: classification.attribute,
      locator: { label: label.text, nth: 0, path: locatorPath(widget, top, siblings) },
    };
    const hints: Hint[] = [];
    if (classification.role) {
      hints.push({ hint: classification.role, source: 'label', text: label.text, key: headers?.table ?? headingKey });
    }
    hints.push(...rowHints(headers));
    hints.push(...groupHints(widget, top, labels.formItem(widget)?.item, groupCache));
    if (heading) hints.push(heading);
    const entry: Draft = { field, hints, byAlias: classification.byAlias === true };
    drafts.push(entry);
    if (isNative && kind === 'radio-group') nativeGroups.set(radioGroupKey(widget), entry);
  }

  const fields = drafts.map((entry, index) => {
    entry.field.index = index;
    return entry.field;
  });
  dropAliasDuplicates(drafts);
  assignRoles(drafts);
  assignLocators(fields);
  return fields;
}
