/**
 * Field detection (issues #5, #11): one pass over the page in document order collects widgets and native controls
 * together with the section headings between them, so every field knows the heading above it without a second walk.
 *
 * What a field is comes first from what any page has — native inputs, textareas and selects (also hidden ones behind
 * a drawn widget), ARIA comboboxes and radio/checkbox groups — and the catalogue adds the roots of the widgets UI
 * libraries draw. Fields a person cannot see are left out (lib/autofill/visibility.ts). Roles (first/second/third
 * author, 联系人, 主管领导) are decided from the label, the table row, the enclosing group and the heading, in that
 * order; identical author blocks without a rank are numbered by repetition, and two fields that still claim the same
 * person's same attribute are flagged `ambiguous` instead of guessed.
 */

import { FORM_LABELS, LIBRARY_HEADINGS, NOT_A_FORM, ROOT_CLASSES, type CatalogueEntry } from './catalogue';
import { choiceGroupKey, choiceOptions, type ChoiceOption } from './choices';
import { classNamesOf, closestTag, hasAnyClass, inSelectorSet, selectorSet } from './dom';
import { createLabelContext, findLabel, formItemLabel, formItemLabelElement, type LabelContext } from './labels';
import { locatorPath, type SiblingCache } from './locator';
import { cellHeaders, createTableCache, type CellHeaders } from './tables';
import { cleanText } from './text';
import type {
  AuthorRole, DetectedField, FieldInfo, FillAttribute, FillRole, RoleSource, TextControl, UiLibrary, WidgetKind,
} from './types';
import { availabilityOf, bestOf, createVisibilityContext, type Availability, type VisibilityContext } from './visibility';
import { classifyLabel, isRoleOnlyText, roleHintOf, type RoleHint, type VocabularyScope } from './vocabulary';
import { readCurrent } from './widgets';

/** Options of `detectFields`. */
export interface DetectOptions extends VocabularyScope {
  /** Elements matching this selector, and everything inside them, are not fields (the extension's own panel). */
  ignore?: string;
}

/** Widget roots of every catalogued library, as one selector (teach mode and tests use it). */
export const WIDGET_SELECTOR = [...ROOT_CLASSES.keys()].map((name) => `.${name}`).join(', ');

const NOT_A_FORM_SET = selectorSet(NOT_A_FORM);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const INLINE = new Set(['B', 'STRONG', 'SPAN', 'I', 'EM', 'FONT', 'SMALL', 'U']);
/** Texts that may announce a person's block; a cheap test before the vocabulary's. */
const ROLE_CHARS = /[作联领人员]/;
const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'range', 'color']);
const HEADING_MAX_CHARS = 40;
const ARIA_WIDGETS = new Set(['combobox', 'listbox', 'radiogroup']);

/**
 * The catalogue root a class attribute names, if any; a specific kind wins over a generic input wrapper on the same
 * element (Element Plus draws a date editor as `el-input el-date-editor`).
 */
function catalogueRoot(node: Element, names: readonly string[] = classNamesOf(node)):
  { entry: CatalogueEntry; kind: WidgetKind | 'auto' } | undefined {
  let found: { entry: CatalogueEntry; kind: WidgetKind | 'auto' } | undefined;
  for (const name of names) {
    const root = ROOT_CLASSES.get(name);
    if (root && (!found || found.kind === 'auto')) found = root;
  }
  return found;
}

function matchesAny(node: Element, selector: string): boolean {
  return selector !== '' && node.matches(selector);
}

/** Headings, legends, library section titles, and table cells spanning several columns ("联系人信息" across a form). */
const HEADINGS = selectorSet(LIBRARY_HEADINGS);

function isHeadingCandidate(node: Element, names: readonly string[]): boolean {
  if (HEADING_TAGS.has(node.tagName) || node.getAttribute('role') === 'heading') return true;
  if (names.some((name) => name.includes('title'))) return true;
  if (inSelectorSet(node, names, HEADINGS)) return true;
  if (node.tagName === 'TD' || node.tagName === 'TH') {
    const span = node.getAttribute('colspan');
    return span !== null && span !== '1';
  }
  return false;
}

function hasControlInside(element: Element | null): number {
  if (!element) return 0;
  if (/^(?:INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) return 1;
  return element.querySelectorAll('input:not([type="hidden"]), select, textarea').length;
}

/**
 * A text that only says whose block follows (第二作者, 联系人信息, 主管领导), drawn by a divider or a bold row the
 * catalogue does not know. A label right before one control (`<td>第一作者</td><td><input></td>`) is that field's
 * label, not a heading, and a form item's own label never is.
 */
function isRoleLeaf(node: Element): string | undefined {
  if (node.tagName === 'LABEL') return undefined;
  for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
    if (!INLINE.has(child.tagName) || child.childElementCount > 0) return undefined;
  }
  const raw = node.textContent ?? '';
  if (raw.length > 3 * HEADING_MAX_CHARS || !ROLE_CHARS.test(raw)) return undefined;
  const text = cleanText(raw);
  if (text === '' || text.length > HEADING_MAX_CHARS || !roleHintOf(text)) return undefined;
  if (!isRoleOnlyText(text) && classifyLabel(text).attribute) {
    // 联系方式 / 联系电话 name an attribute; as a block title they still announce the contact's block.
    if (!/信息|方式$|情况$/.test(text)) return undefined;
  }
  if (matchesAny(node, FORM_LABELS) || (FORM_LABELS !== '' && node.closest(FORM_LABELS))) return undefined;
  const next = node.nextElementSibling ?? (node.parentElement?.childElementCount === 1 ? node.parentElement.nextElementSibling : null);
  if (hasControlInside(next) === 1) return undefined;
  return text;
}

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

function libraryOfClass(element: Element): UiLibrary {
  return catalogueRoot(element)?.entry.library ?? 'native';
}

function kindOf(root: Element, catalogued: WidgetKind | 'auto' | undefined, control: Element | null): WidgetKind {
  if (catalogued && catalogued !== 'auto') return catalogued;
  const role = root.getAttribute('role');
  if (role === 'radiogroup') return 'radio-group';
  if (role === 'combobox' || role === 'listbox') return 'select';
  const tag = control?.tagName;
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'SELECT') return 'select';
  if (tag === 'INPUT') {
    const type = (control!.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'radio') return 'radio-group';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'date' || type === 'datetime-local' || type === 'month') return 'date';
    if (type === 'number') return 'number';
    if (control!.getAttribute('role') === 'combobox') return 'select';
  }
  return 'text';
}

function isMultiple(root: Element, kind: WidgetKind, control: Element | null): boolean {
  if (kind === 'checkbox-group') return true;
  if (kind !== 'select') return false;
  if (control?.tagName === 'SELECT') return control.hasAttribute('multiple');
  return root.matches('.ant-select-multiple, .ant-select-tags, .arco-select-view-multiple, .t-select-input--multiple, [aria-multiselectable="true"]')
    || root.querySelector('.el-select__tags, .el-select__selection .el-tag, [aria-multiselectable="true"], .n-base-selection-tags') !== null;
}

function selectOptionTexts(control: Element | null): string[] {
  if (control?.tagName !== 'SELECT') return [];
  return Array.from(control.querySelectorAll('option'))
    .filter((option) => option.getAttribute('value') !== '')
    .map((option) => cleanText(option.textContent));
}

function isDisabled(root: Element, control: Element | null, options: readonly ChoiceOption[] | undefined): boolean {
  if (control?.hasAttribute('disabled') || root.hasAttribute('disabled')) return true;
  if (root.getAttribute('aria-disabled') === 'true') return true;
  if (hasAnyClass(root, DISABLED_CLASSES)) return true;
  if (root.closest('fieldset[disabled]')) return true;
  return options !== undefined && options.length > 0 && options.every((option) => option.input?.disabled === true);
}

const DISABLED_CLASSES = new Set(['is-disabled', 'ant-select-disabled', 'ant-picker-disabled', 'ant-input-disabled',
  'ant-input-affix-wrapper-disabled', 'ant-input-number-disabled', 'n-input--disabled', 'n-select--disabled',
  'arco-input-disabled', 'arco-select-view-disabled', 't-is-disabled', 'layui-disabled']);

function maxLengthOf(widget: Element, control: Element | null): number | undefined {
  const raw = control?.getAttribute('maxlength');
  if (raw != null) {
    const value = Number.parseInt(raw, 10);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  // Ant's show-count inputs enforce their limit in script and only print it ("0 / 1000"); Element puts the
  // maxlength attribute on the control itself.
  const counter = widget.getAttribute('data-count')
    ?? widget.getElementsByClassName('ant-input-show-count-suffix')[0]?.textContent;
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

function headingText(element: Element): string | undefined {
  if (hasControlInside(element) > 0) return undefined;
  const text = cleanText(element.textContent);
  return text !== '' && text.length <= HEADING_MAX_CHARS ? text : undefined;
}

/** Labels of groups around the widget: fieldset legends, outer form items, labelled regions, cards. */
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
      } else if (node !== ownItem && FORM_LABELS !== '' && formItemLabelElement(node)) {
        // The field's own form item gave its label; an outer one ("作者信息" around a table) names the block.
        text = cleanText(formItemLabelElement(node)?.textContent);
      } else if (node.getAttribute('role') === 'group' || node.getAttribute('role') === 'region') {
        const ids = node.getAttribute('aria-labelledby');
        text = cleanText(node.getAttribute('aria-label'))
          || (ids ? cleanText(ids.split(/\s+/).map((id) => node!.ownerDocument.getElementById(id)?.textContent ?? '').join(' ')) : '');
      }
      const hint = text === '' ? undefined : roleHintOf(text);
      entry = hint ? { hint, source: 'group', text, key: node } : null;
      cache.set(node, entry);
    }
    if (entry) hints.push(entry);
  }
  return hints;
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

/**
 * Two visible fields asking for the same person's same attribute cannot both be right: the page did not say whose
 * they are. Both are flagged, and the plan names them instead of writing author 1 twice.
 */
function flagAmbiguous(fields: readonly DetectedField[]): void {
  const seen = new Map<string, DetectedField[]>();
  for (const field of fields) {
    if (!field.attribute || !field.role || field.role === 'work' || field.availability !== 'visible') continue;
    const key = `${field.role}|${field.attribute}`;
    const list = seen.get(key);
    if (list) list.push(field);
    else seen.set(key, [field]);
  }
  for (const list of seen.values()) if (list.length > 1) for (const field of list) field.ambiguous = true;
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

/** A candidate field before labels and roles: the widget root, its control, the library and the kind. */
interface Candidate {
  widget: Element;
  control: TextControl | HTMLSelectElement | null;
  library: UiLibrary;
  kind: WidgetKind;
  /** Native radios / checkboxes: the group's first input (options are re-found from it). */
  native?: boolean;
}

/** A native <select> hidden behind a drawn widget (layui and many site-made selects): the widget is its sibling. */
function drawnSibling(select: Element, visibility: VisibilityContext): Element | undefined {
  const next = select.nextElementSibling;
  if (!next || /^(?:INPUT|SELECT|TEXTAREA)$/.test(next.tagName)) return undefined;
  if (availabilityOf(select, visibility) !== 'hidden') return undefined;
  return availabilityOf(next, visibility) === 'hidden' ? undefined : next;
}

/** What a person looks at to see this field: the group's options, or the widget. */
function visualAvailability(widget: Element, options: readonly ChoiceOption[] | undefined,
  visibility: VisibilityContext): Availability {
  if (!options || options.length === 0) return availabilityOf(widget, visibility);
  // The group is visible when any option is: most are, so the first visible one ends the search.
  const states: Availability[] = [];
  for (const option of options) {
    const state = availabilityOf(option.target, visibility);
    if (state === 'visible') return state;
    states.push(state);
  }
  return bestOf(states);
}

const CHOICE_KINDS: ReadonlySet<WidgetKind> = new Set(['radio-group', 'checkbox-group', 'checkbox']);

/**
 * Every field a person can see (or open) under `root`, in document order, with label, attribute, role and what it
 * holds now. Pure reading: the page is not changed. Pass the draft's rule pack and category so the pack's field labels
 * are recognised.
 */
export function detectFields(root: Document | Element, options: DetectOptions = {}): DetectedField[] {
  const top = rootElement(root);
  if (!top) return [];
  const doc = top.ownerDocument;
  const visibility = createVisibilityContext(doc);
  const tables = createTableCache();
  const labels: LabelContext = createLabelContext(top, tables, visibility.layout);
  const groupCache = new Map<Element, Hint | null>();
  const siblings: SiblingCache = new Map();
  const scope: VocabularyScope = { pack: options.pack, category: options.category };
  // Forms repeat their labels (姓名 once per author): each text is classified once per run.
  const classifications = new Map<string, ReturnType<typeof classifyLabel>>();
  const drafts: Draft[] = [];
  const nativeGroups = new Set<unknown>();
  const consumed = new Set<Element>();
  // Popups, pagers, uploads and the extension's own UI are skipped whole.
  const skipped = options.ignore ? selectorSet(NOT_A_FORM, options.ignore) : NOT_A_FORM_SET;
  let heading: Hint | undefined;
  let headingKey: object = top;

  // One walk in document order. A widget's subtree is its own business, and popups/pagers/uploads are not form
  // fields, so both are skipped whole instead of being matched element by element.
  type Step = { kind: 'field'; candidate: Candidate } | { kind: 'heading'; node: Element; text: string };
  const steps: Step[] = [];
  const visit = (parent: Element): void => {
    for (let node = parent.firstElementChild; node; node = node.nextElementSibling) {
      const tag = node.tagName;
      if (tag === 'TEMPLATE' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'svg' || tag === 'SVG') continue;
      const names = classNamesOf(node);
      if (inSelectorSet(node, names, skipped) || consumed.has(node)) continue;
      const catalogued = catalogueRoot(node, names);
      const role = node.getAttribute('role');
      if (catalogued) {
        const control = catalogued.kind === 'radio-group' || catalogued.kind === 'checkbox-group' ? null
          : node.previousElementSibling?.tagName === 'SELECT' && catalogued.kind === 'select'
            ? node.previousElementSibling as HTMLSelectElement : textControlOf(node);
        steps.push({ kind: 'field', candidate: { widget: node, control, library: catalogued.entry.library,
          kind: kindOf(node, catalogued.kind, control) } });
        continue;
      }
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
        const type = (node.getAttribute('type') ?? 'text').toLowerCase();
        if (tag === 'INPUT' && SKIPPED_INPUT_TYPES.has(type)) continue;
        if (tag === 'INPUT' && (type === 'radio' || type === 'checkbox')) {
          const key = choiceGroupKey(node);
          if (nativeGroups.has(key)) continue;
          nativeGroups.add(key);
          const group = type === 'radio' ? 'radio-group' : choiceOptions(node).length > 1 ? 'checkbox-group' : 'checkbox';
          steps.push({ kind: 'field', candidate: { widget: node, control: null, library: 'native', kind: group, native: true } });
          continue;
        }
        if (tag === 'SELECT') {
          const drawn = drawnSibling(node, visibility);
          if (drawn) {
            consumed.add(drawn);
            steps.push({ kind: 'field', candidate: { widget: drawn, control: node as HTMLSelectElement,
              library: libraryOfClass(drawn), kind: 'select' } });
            continue;
          }
        }
        steps.push({ kind: 'field', candidate: { widget: node, control: node as TextControl | HTMLSelectElement,
          library: 'native', kind: kindOf(node, undefined, node) } });
        continue;
      }
      if (role && ARIA_WIDGETS.has(role)) {
        const control = role === 'radiogroup' ? null : textControlOf(node);
        steps.push({ kind: 'field', candidate: { widget: node, control, library: 'native', kind: kindOf(node, undefined, control) } });
        continue;
      }
      if (isHeadingCandidate(node, names)) {
        const text = headingText(node);
        if (text !== undefined) steps.push({ kind: 'heading', node, text });
      } else if (node.childElementCount <= 3) {
        const text = isRoleLeaf(node);
        if (text !== undefined) {
          steps.push({ kind: 'heading', node, text });
          continue;
        }
      }
      visit(node);
    }
  };
  if (!(NOT_A_FORM !== '' && top.closest(NOT_A_FORM))) visit(top);

  for (const step of steps) {
    if (step.kind === 'heading') {
      const hint = roleHintOf(step.text);
      headingKey = step.node;
      heading = hint ? { hint, source: 'heading', text: step.text, key: step.node } : undefined;
      continue;
    }
    const candidate = step.candidate;
    // Read once: visibility, the option texts, disabled and the current value all come from the options.
    const groupOptions = CHOICE_KINDS.has(candidate.kind) ? choiceOptions(candidate.widget) : undefined;
    const available = visualAvailability(candidate.widget, groupOptions, visibility);
    // What a person cannot see is never read, listed or filled.
    if (available === 'hidden') continue;
    const { widget, control, kind } = candidate;
    const headers = cellHeaders(control ?? widget, top, tables);
    let label;
    let choices: string[];
    if (kind === 'radio-group' || kind === 'checkbox-group') {
      // The group's label: its own accessible name, its form item, or the layout around the whole group; every
      // option is read from its own text.
      const groupElement = candidate.native ? (closestTag(widget, 'FIELDSET') ?? widget.parentElement ?? widget) : widget;
      const item = formItemLabel(widget);
      label = candidate.native && item && item.text !== '' ? { text: item.text, source: 'form-item' as const }
        : findLabel(groupElement, null, labels, candidate.native ? cellHeaders(groupElement, top, tables) : headers);
      choices = groupOptions!.map((option) => option.text);
    } else {
      label = findLabel(widget, control, labels, headers);
      choices = selectOptionTexts(control);
    }
    let classification = classifications.get(label.text);
    if (!classification) classifications.set(label.text, (classification = classifyLabel(label.text, scope)));
    const readonlyKinds: WidgetKind[] = ['text', 'textarea', 'number'];
    const field: DetectedField = {
      index: 0,
      element: widget,
      control: kind === 'radio-group' || kind === 'checkbox-group' || kind === 'checkbox' ? null : control,
      library: candidate.library,
      widget: kind,
      label: label.text,
      labelSource: label.source,
      options: choices,
      multiple: isMultiple(widget, kind, control),
      readonly: readonlyKinds.includes(kind) && control !== null && control.hasAttribute('readonly'),
      disabled: isDisabled(widget, control, kind === 'radio-group' || kind === 'checkbox-group' ? groupOptions : undefined),
      maxLength: maxLengthOf(widget, control),
      placeholder: cleanText(control?.getAttribute('placeholder')) || undefined,
      attribute: classification.attribute,
      locator: { label: label.text, nth: 0, path: locatorPath(widget, top, siblings) },
      current: '',
      availability: available,
    };
    field.current = readCurrent(field, groupOptions);
    const hints: Hint[] = [];
    if (classification.role) {
      hints.push({ hint: classification.role, source: 'label', text: label.text, key: headers?.table ?? headingKey });
    }
    hints.push(...rowHints(headers));
    const ownItem = labels.formItem(widget);
    // The field's own form item gave its label; one that only holds the field's table names the block (作者信息).
    hints.push(...groupHints(widget, top, ownItem && ownItem.text !== '' ? ownItem.item : undefined, groupCache));
    if (heading) hints.push(heading);
    drafts.push({ field, hints, byAlias: classification.byAlias === true });
  }

  const fields = drafts.map((entry, index) => {
    entry.field.index = index;
    return entry.field;
  });
  dropAliasDuplicates(drafts);
  assignRoles(drafts);
  flagAmbiguous(fields);
  assignLocators(fields);
  return fields;
}
