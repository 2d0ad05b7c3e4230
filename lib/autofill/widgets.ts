/**
 * Reading and writing each widget the way its library listens, so the page's own framework state changes (Vue 2/3
 * `v-model`, React controlled inputs) and not just the DOM. Every browser object comes from the element's own
 * document and window; nothing here touches globals.
 */

import { entryOf, type SelectParts } from './catalogue';
import { choiceOptions, type ChoiceOption } from './choices';
import { cleanText, matchOption, optionKey } from './text';
import type { DetectedField, FillFailure, TextControl } from './types';

/** Timing of the executor; tests use short waits, pages with transitions may need longer. */
export interface WidgetTiming {
  /** Pause after opening a dropdown or typing, for the library to render. Default 30 ms. */
  settleMs: number;
  /** How long to wait for a dropdown or option to appear. Default 1000 ms. */
  timeoutMs: number;
}

export const DEFAULT_TIMING: WidgetTiming = { settleMs: 30, timeoutMs: 1000 };

/** Thrown inside the executor and turned into a `failed` result. */
export class FillError extends Error {
  constructor(readonly reason: FillFailure) {
    super(reason);
  }
}

type Win = Window & typeof globalThis;

function winOf(element: Element): Win {
  const win = element.ownerDocument.defaultView;
  if (!win) throw new FillError('detached');
  return win as Win;
}

function sleep(win: Win, ms: number): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, ms));
}

async function waitFor<T>(win: Win, timing: WidgetTiming, probe: () => T | null | undefined): Promise<T | undefined> {
  const deadline = Date.now() + timing.timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() >= deadline) return undefined;
    await sleep(win, Math.max(5, Math.min(timing.settleMs, 50)));
  }
}

/** Submitting is the user's decision; the executor never clicks anything that could submit a form. */
function isSubmitter(element: Element): boolean {
  const button = element.closest('button, input[type="submit"], input[type="image"]');
  if (!button) return false;
  if (button.tagName === 'INPUT') return true;
  const type = (button.getAttribute('type') ?? '').toLowerCase();
  return type === 'submit' || (type === '' && button.closest('form') !== null);
}

function click(element: Element): void {
  if (isSubmitter(element)) throw new FillError('error');
  const win = winOf(element);
  const init = { bubbles: true, cancelable: true, composed: true };
  element.dispatchEvent(new win.MouseEvent('mousedown', init));
  element.dispatchEvent(new win.MouseEvent('mouseup', init));
  (element as HTMLElement).click();
}

function mouse(element: Element, type: 'mousedown' | 'mouseenter' | 'mousemove'): void {
  const win = winOf(element);
  element.dispatchEvent(new win.MouseEvent(type, { bubbles: type !== 'mouseenter', cancelable: true, composed: true }));
}

function key(element: Element, name: 'Enter' | 'Escape'): void {
  const win = winOf(element);
  const code = name === 'Enter' ? 13 : 27;
  for (const type of ['keydown', 'keyup'] as const) {
    element.dispatchEvent(new win.KeyboardEvent(type, { key: name, code: name, keyCode: code, which: code,
      bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
  }
}

function fire(element: Element, type: string): void {
  const win = winOf(element);
  element.dispatchEvent(new win.Event(type, { bubbles: true, composed: true }));
}

/**
 * Sets a value through the prototype's setter, which React's value tracker cannot intercept, inside a composition
 * so IME-aware handlers (Vue's v-model, Element's el-input) do not drop it, then fires input and change.
 */
export function setControlValue(control: TextControl | HTMLSelectElement, value: string): void {
  const win = winOf(control);
  const proto = control.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype
    : control.tagName === 'SELECT' ? win.HTMLSelectElement.prototype
    : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (control.tagName !== 'SELECT') {
    control.dispatchEvent(new win.CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
  }
  if (setter) setter.call(control, value);
  else control.value = value;
  if (control.tagName !== 'SELECT') {
    control.dispatchEvent(new win.CompositionEvent('compositionend', { bubbles: true, composed: true, data: value }));
    control.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, data: value,
      inputType: 'insertText' }));
  } else {
    fire(control, 'input');
  }
  fire(control, 'change');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function texts(root: Element, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((el) => cleanText(el.getAttribute('title') || el.textContent))
    .filter((text) => text !== '');
}

function nativeSelectCurrent(select: HTMLSelectElement, multiple: boolean): string | string[] {
  // A single select shows its first option until someone picks; that is the browser's default, not a choice.
  if (!select.multiple && select.selectedIndex === 0 && !select.options[0]?.defaultSelected) return '';
  const selected = Array.from(select.selectedOptions ?? [])
    .filter((option) => option.value !== '')
    .map((option) => cleanText(option.textContent));
  return multiple ? selected : (selected[0] ?? '');
}

/** What a drawn select of a catalogued library (or an ARIA combobox) shows as chosen. */
function drawnSelectCurrent(field: LiveField, parts: SelectParts | undefined): string | string[] {
  const root = field.element;
  if (parts?.tags && field.multiple) return texts(root, parts.tags);
  if (parts?.placeholder) {
    const placeholder = root.querySelector(parts.placeholder);
    if (placeholder && placeholder.getClientRects().length > 0) return '';
    if (placeholder && !root.ownerDocument.documentElement.getBoundingClientRect().width) return '';
  }
  const shown = parts?.value ? root.querySelector(parts.value) : root.querySelector('input, [role="combobox"]');
  if (!shown) return cleanText(root.textContent);
  if (shown.tagName === 'INPUT') return cleanText((shown as HTMLInputElement).value);
  const text = cleanText(shown.textContent);
  if (text !== '') return text;
  return cleanText(shown.querySelector('input')?.value);
}

function selectCurrent(field: LiveField): string | string[] {
  const root = field.element;
  const control = field.control;
  // A native select, shown or hidden behind a drawn one (layui keeps the native select in step with its drawing).
  if (control?.tagName === 'SELECT') return nativeSelectCurrent(control as HTMLSelectElement, field.multiple);
  if (field.library !== 'element' && field.library !== 'antd') return drawnSelectCurrent(field, entryOf(field.library)?.select);
  if (field.library === 'antd') {
    if (field.multiple) return texts(root, '.ant-select-selection-item-content');
    return texts(root, '.ant-select-selection-item')[0] ?? '';
  }
  // Element UI keeps tags in .el-select__tags; Element Plus in .el-select__selection.
  const tags = texts(root, '.el-select__tags-text, .el-select__selection .el-tag .el-select__tags-text');
  if (field.multiple || tags.length > 0) return tags;
  const shown = root.querySelector('.el-select__placeholder, .el-select__selected-item:not(.el-select__input-wrapper)');
  if (shown && root.querySelector('.el-select__wrapper')) {
    return shown.classList.contains('is-transparent') ? '' : cleanText(shown.textContent);
  }
  return control ? (control as TextControl).value : '';
}

/** The live parts of a field the executor and the readers need. */
export type LiveField = Pick<DetectedField, 'element' | 'control' | 'library' | 'widget' | 'multiple'>;

/** What the field holds now, as its widget shows it; a list for multi-choice widgets. */
export function readCurrent(field: LiveField, options?: readonly ChoiceOption[]): string | string[] {
  const choices = () => options ?? choiceOptions(field.element);
  switch (field.widget) {
    case 'radio-group':
      return choices().find((option) => option.checked)?.text ?? '';
    case 'checkbox-group':
      return choices().filter((option) => option.checked).map((option) => option.text);
    case 'checkbox':
      return choices()[0]?.checked ? 'true' : '';
    case 'select':
      return selectCurrent(field);
    case 'cascader':
      if (field.library === 'antd') return texts(field.element, '.ant-select-selection-item')[0] ?? '';
      return (field.control as TextControl | null)?.value ?? '';
    default:
      return (field.control as TextControl | null)?.value ?? '';
  }
}

/** Compares values the way a person would: option keys, order-free for lists. */
export function sameValue(a: string | string[], b: string | string[]): boolean {
  const list = (v: string | string[]) => (Array.isArray(v) ? v : v === '' ? [] : [v]).map(optionKey).sort();
  const left = list(a);
  const right = list(b);
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

export function isEmptyValue(value: string | string[]): boolean {
  return Array.isArray(value) ? value.length === 0 : value.trim() === '';
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function writeText(field: LiveField, value: string): Promise<void> {
  const control = field.control;
  if (!control) throw new FillError('no-control');
  const focusable = control as HTMLElement;
  focusable.focus?.();
  setControlValue(control, value);
  // Form libraries validate on blur (el-form `trigger: 'blur'`); leave the field as a person would.
  focusable.blur?.();
}

async function writeDate(field: LiveField, value: string, timing: WidgetTiming): Promise<void> {
  const control = field.control as TextControl | null;
  if (!control) throw new FillError('no-control');
  const win = winOf(control);
  // Ant's picker input stays readonly until its panel opens; both libraries open on mousedown/click/focus.
  mouse(control, 'mousedown');
  (control as HTMLElement).click();
  (control as HTMLElement).focus?.();
  await sleep(win, timing.settleMs);
  setControlValue(control, value);
  key(control, 'Enter');
  await sleep(win, timing.settleMs);
  key(control, 'Escape');
  (control as HTMLElement).blur?.();
  await sleep(win, timing.settleMs);
}

async function writeNativeSelect(field: LiveField, value: string | string[]): Promise<string | string[]> {
  const select = field.control as HTMLSelectElement;
  const wanted = Array.isArray(value) ? value : value === '' ? [] : [value];
  const options = Array.from(select.options);
  const labels = options.map((option) => cleanText(option.textContent));
  const picks = new Set<HTMLOptionElement>();
  for (const item of wanted) {
    const match = matchOption(labels, item);
    const index = match === undefined ? -1 : labels.indexOf(match);
    const option = index >= 0 ? options[index] : undefined;
    if (!option) throw new FillError('option-not-found');
    picks.add(option);
  }
  if (select.multiple) {
    for (const option of options) option.selected = picks.has(option);
    fire(select, 'input');
    fire(select, 'change');
    return [...picks].map((option) => cleanText(option.textContent));
  }
  const [first] = picks;
  // Nothing wanted: back to the placeholder option (value "") when the select has one.
  if (!first && !options.some((option) => option.value === '')) throw new FillError('cannot-clear');
  setControlValue(select, first ? first.value : '');
  return first ? cleanText(first.textContent) : '';
}

/** One frame (or a short pause where frames do not run), then until `done()` holds or the bound passes. */
async function settle(win: Win, timing: WidgetTiming, done: () => boolean): Promise<void> {
  await Promise.race([
    new Promise<void>((resolve) => (win.requestAnimationFrame ? win.requestAnimationFrame(() => resolve()) : resolve())),
    sleep(win, 50),
  ]);
  // Vue and React apply a model change in a microtask or the next task; a second click before that reads the old
  // model and drops the first (two quick clicks on an Element Plus checkbox group kept only the last).
  await sleep(win, 0);
  const deadline = Date.now() + Math.min(timing.timeoutMs, 400);
  while (!done() && Date.now() < deadline) await sleep(win, 10);
}

async function writeChoices(field: LiveField, value: string | string[], timing: WidgetTiming): Promise<string | string[]> {
  const win = winOf(field.element);
  const wanted = Array.isArray(value) ? value : value === '' ? [] : [value];
  const options = choiceOptions(field.element);
  const labels = options.map((option) => option.text);
  const targets = new Set<number>();
  for (const item of wanted) {
    const match = matchOption(labels, item);
    const index = match === undefined ? -1 : labels.indexOf(match);
    if (index < 0) throw new FillError('option-not-found');
    targets.add(index);
  }
  if (field.widget === 'radio-group') {
    const [target] = targets;
    if (target === undefined) {
      // A chosen radio cannot be un-chosen by a person either; undo says so (单选) instead of pretending.
      if (options.some((option) => option.checked)) throw new FillError('cannot-clear');
      return '';
    }
    if (!options[target]!.checked) {
      click(options[target]!.target);
      await settle(win, timing, () => choiceOptions(field.element)[target]?.checked === true);
    }
    return options[target]!.text;
  }
  for (let i = 0; i < options.length; i++) {
    // Read again each time: the framework may have re-rendered the options after the last click.
    const now = choiceOptions(field.element)[i];
    if (!now || now.input?.disabled || now.checked === targets.has(i)) continue;
    click(now.target);
    await settle(win, timing, () => choiceOptions(field.element)[i]?.checked === targets.has(i));
  }
  return [...targets].sort((x, y) => x - y).map((i) => options[i]!.text);
}

// --- drawn selects (catalogued libraries without a dedicated path, ARIA comboboxes, hidden native selects) -------

/** Visible popups that may hold this select's options, newest last. */
function popupsOf(field: LiveField, parts: SelectParts | undefined): Element[] {
  const doc = field.element.ownerDocument;
  const root = field.element;
  const found: Element[] = [];
  const linked = root.getAttribute('aria-controls') ?? root.querySelector('[aria-controls]')?.getAttribute('aria-controls');
  if (linked) {
    const target = doc.getElementById(linked);
    if (target) found.push(target);
  }
  const selector = [parts?.dropdown, '[role="listbox"]'].filter(Boolean).join(', ');
  // A dropdown drawn inside the widget (layui's <dl>) comes first; popups appended to <body> after.
  for (const element of Array.from(root.querySelectorAll(selector))) found.push(element);
  for (const element of Array.from(doc.querySelectorAll(selector))) if (!root.contains(element)) found.push(element);
  return found.filter((element) => element.getClientRects().length > 0 || !doc.documentElement.getBoundingClientRect().width);
}

interface DrawnOption {
  element: Element;
  text: string;
  selected: boolean;
}

function drawnOptions(popup: Element, parts: SelectParts | undefined): DrawnOption[] {
  const selector = parts?.option ? `${parts.option}, [role="option"]` : '[role="option"], li, dd';
  return Array.from(popup.querySelectorAll(selector))
    .filter((element) => !(parts?.disabled && element.matches(parts.disabled)) && element.getAttribute('aria-disabled') !== 'true')
    .map((element) => ({
      element,
      text: cleanText(element.getAttribute('title') || element.textContent),
      selected: (parts?.selected ? element.matches(parts.selected) : false) || element.getAttribute('aria-selected') === 'true',
    }))
    .filter((option) => option.text !== '');
}

function findDrawnOption(field: LiveField, parts: SelectParts | undefined, wanted: string): DrawnOption | undefined {
  for (const popup of popupsOf(field, parts).reverse()) {
    const options = drawnOptions(popup, parts);
    const match = matchOption(options.map((option) => option.text), wanted);
    if (match !== undefined) return options.find((option) => option.text === match);
  }
  return undefined;
}

function pressOption(element: Element): void {
  const win = winOf(element);
  const init = { bubbles: true, cancelable: true, composed: true };
  element.dispatchEvent(new win.MouseEvent('mouseenter', { ...init, bubbles: false }));
  element.dispatchEvent(new win.MouseEvent('mousemove', init));
  click(element);
}

async function writeDrawnSelect(field: LiveField, value: string | string[], timing: WidgetTiming): Promise<string | string[]> {
  const win = winOf(field.element);
  const parts = entryOf(field.library)?.select;
  const root = field.element;
  let wanted = Array.isArray(value) ? value : value === '' ? [] : [value];
  const native = field.control?.tagName === 'SELECT' ? field.control as HTMLSelectElement : null;
  if (wanted.length === 0) {
    // Back to "nothing chosen": only where the select has a placeholder option a person can pick (请选择).
    const blank = native ? Array.from(native.options).find((option) => option.value === '') : undefined;
    if (!blank || field.multiple) throw new FillError('cannot-clear');
    wanted = [cleanText(blank.textContent)];
  }
  const trigger = (parts?.trigger ? root.querySelector(parts.trigger) : null) ?? root.querySelector('[role="combobox"]') ?? root;
  const openIt = () => {
    if (parts?.openWith === 'mousedown') mouse(trigger, 'mousedown');
    else click(trigger);
  };
  const picked: string[] = [];
  try {
    for (const item of wanted) {
      let option = findDrawnOption(field, parts, item);
      if (!option) {
        openIt();
        option = await waitFor(win, timing, () => findDrawnOption(field, parts, item));
      }
      if (!option) {
        // A filterable select shows only some options (a virtual list): type the value, as a person would.
        const search = Array.from(root.querySelectorAll<HTMLInputElement>('input')).find((input) => !input.readOnly && !input.disabled);
        if (search) {
          setControlValue(search, item);
          option = await waitFor(win, timing, () => findDrawnOption(field, parts, item));
        }
      }
      if (!option) throw new FillError(popupsOf(field, parts).length > 0 ? 'option-not-found' : 'no-dropdown');
      const text = option.text;
      if (!option.selected || !field.multiple) pressOption(option.element);
      picked.push(text);
      await settle(win, timing, () => {
        const now = readCurrent(field);
        return Array.isArray(now) ? now.some((shown) => sameValue(shown, text)) : sameValue(now, text);
      });
      if (!field.multiple) break;
    }
  } finally {
    if (field.multiple && popupsOf(field, parts).some((popup) => !root.contains(popup))) {
      const input = root.querySelector('input');
      if (input) key(input, 'Escape');
      await sleep(win, timing.settleMs);
    }
  }
  if (native && value.length === 0) return '';
  return field.multiple ? picked : picked[0] ?? '';
}

// --- library dropdowns ------------------------------------------------------------------------------------------

const DROPDOWN = {
  element: '.el-select-dropdown, .el-cascader__dropdown',
  antd: '.ant-select-dropdown',
} as const;

function isShown(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (style?.display === 'none' || style?.visibility === 'hidden') return false;
  }
  return !element.matches('.ant-select-dropdown-hidden');
}

function searchInput(field: LiveField): TextControl | null {
  const root = field.element;
  if (field.library === 'antd') return root.querySelector<TextControl>('.ant-select-selection-search-input');
  const input = root.querySelector<TextControl>('.el-select__input, input.el-input__inner, input');
  return input && !input.hasAttribute('readonly') ? input : null;
}

function isOpen(field: LiveField): boolean {
  const root = field.element;
  if (field.library === 'antd') return root.matches('.ant-select-open');
  const expanded = root.querySelector('[aria-expanded]')?.getAttribute('aria-expanded');
  if (expanded != null) return expanded === 'true';
  return root.querySelector('.is-reverse, .is-focus') !== null;
}

/** A dropdown playing its closing animation is still in the DOM for a moment; it is not the open one. */
function isLeaving(element: Element): boolean {
  return /-leave(?:-active)?(?:\s|$)/.test(element.className) || (element as HTMLElement).style?.pointerEvents === 'none';
}

function dropdownOf(field: LiveField): Element | undefined {
  const doc = field.element.ownerDocument;
  const root = field.element;
  const controls = root.querySelector('[aria-controls]')?.getAttribute('aria-controls')
    ?? root.querySelector('[aria-owns]')?.getAttribute('aria-owns');
  const selector = field.library === 'antd' ? DROPDOWN.antd : DROPDOWN.element;
  const usable = (element: Element | null | undefined): element is Element =>
    !!element && isShown(element) && !isLeaving(element);
  if (controls) {
    // Ids should be unique, but server-rendered and test builds of rc-select reuse one; take the open match.
    const linked = Array.from(doc.querySelectorAll(`[id="${controls.replace(/["\\]/g, '\\$&')}"]`))
      .map((target) => target.closest(selector))
      .filter(usable);
    if (linked.length > 0) return linked[linked.length - 1];
  }
  // Element UI gives its popper no link to the select; the open one is the shown one appended last to <body>.
  const shown = Array.from(doc.querySelectorAll(selector)).filter(usable);
  return shown[shown.length - 1];
}

function open(field: LiveField): void {
  const root = field.element;
  if (field.library === 'antd') {
    // rc-select toggles on mousedown of the selector, not on click.
    mouse(root.querySelector('.ant-select-selector') ?? root, 'mousedown');
    return;
  }
  click(root.querySelector('.el-select__wrapper, .el-input') ?? root);
}

function close(field: LiveField): void {
  if (!isOpen(field)) return;
  const input = searchInput(field) ?? field.element.querySelector('input');
  if (input) key(input, 'Escape');
  if (!isOpen(field)) return;
  if (field.library === 'antd') mouse(field.element.querySelector('.ant-select-selector') ?? field.element, 'mousedown');
  else click(field.element.querySelector('.el-select__wrapper, .el-input') ?? field.element);
}

interface OptionNode {
  element: Element;
  text: string;
  selected: boolean;
}

function optionNodes(field: LiveField, dropdown: Element): OptionNode[] {
  if (field.library === 'antd') {
    return Array.from(dropdown.querySelectorAll('.ant-select-item-option')).map((element) => ({
      element,
      text: cleanText(element.getAttribute('title') || element.textContent),
      selected: element.classList.contains('ant-select-item-option-selected'),
    }));
  }
  return Array.from(dropdown.querySelectorAll('.el-select-dropdown__item')).map((element) => ({
    element,
    text: cleanText(element.textContent),
    selected: element.classList.contains('is-selected') || element.classList.contains('selected'),
  }));
}

function findOption(field: LiveField, dropdown: Element, wanted: string): OptionNode | undefined {
  const nodes = optionNodes(field, dropdown).filter((node) => !node.element.matches('.is-disabled, .ant-select-item-option-disabled'));
  const match = matchOption(nodes.map((node) => node.text), wanted);
  return match === undefined ? undefined : nodes.find((node) => node.text === match);
}

/** Finds an option that may be filtered out or off-screen in a virtual list: search first, then scroll. */
async function reachOption(field: LiveField, wanted: string, timing: WidgetTiming): Promise<OptionNode> {
  const win = winOf(field.element);
  let dropdown = dropdownOf(field);
  let option = dropdown ? findOption(field, dropdown, wanted) : undefined;
  if (option) return option;
  const search = isFilterable(field) ? searchInput(field) : null;
  if (search) {
    setControlValue(search, wanted);
    option = await waitFor(win, timing, () => {
      dropdown = dropdownOf(field);
      return dropdown ? findOption(field, dropdown, wanted) : undefined;
    });
    if (option) return option;
  }
  dropdown = dropdownOf(field);
  const holder = dropdown?.querySelector('.rc-virtual-list-holder, .el-select-dropdown__wrap, .el-scrollbar__wrap');
  if (dropdown && holder) {
    holder.scrollTop = 0;
    for (let step = 0; step < 200; step++) {
      const before = holder.scrollTop;
      holder.scrollTop = before + Math.max(holder.clientHeight, 128);
      fire(holder, 'scroll');
      await sleep(win, timing.settleMs);
      option = findOption(field, dropdown, wanted);
      if (option) return option;
      if (holder.scrollTop === before) break;
    }
  }
  throw new FillError(dropdown ? 'option-not-found' : 'no-dropdown');
}

function isFilterable(field: LiveField): boolean {
  const root = field.element;
  if (field.library === 'antd') return root.matches('.ant-select-show-search');
  return root.querySelector('.el-select__wrapper.is-filterable') !== null || searchInput(field) !== null;
}

async function openDropdown(field: LiveField, timing: WidgetTiming): Promise<Element> {
  const win = winOf(field.element);
  if (!isOpen(field) || !dropdownOf(field)) open(field);
  const dropdown = await waitFor(win, timing, () => dropdownOf(field));
  if (!dropdown) throw new FillError('no-dropdown');
  await sleep(win, timing.settleMs);
  return dropdown;
}

function pick(field: LiveField, option: OptionNode): void {
  if (field.library === 'antd') {
    mouse(option.element, 'mousemove');
    option.element.dispatchEvent(new (winOf(option.element).MouseEvent)('click', { bubbles: true, cancelable: true }));
  } else {
    click(option.element);
  }
}

async function clearSelect(field: LiveField, timing: WidgetTiming): Promise<void> {
  const win = winOf(field.element);
  const root = field.element;
  // mouseenter does not bubble: Element UI's el-cascader listens on its root, el-select on its wrapper or input.
  const hovered = new Set([root, root.querySelector('.el-select__wrapper, .el-input, .ant-select-selector') ?? root]);
  for (const target of hovered) mouse(target, 'mouseenter');
  await sleep(win, timing.settleMs);
  const clear = root.querySelector('.el-select__clear, .el-input__clear, .el-icon-circle-close, .ant-select-clear');
  if (!clear) throw new FillError('cannot-clear');
  if (field.library === 'antd') mouse(clear, 'mousedown');
  else click(clear);
  await sleep(win, timing.settleMs);
}

async function writeLibrarySelect(field: LiveField, value: string | string[], timing: WidgetTiming): Promise<string | string[]> {
  const win = winOf(field.element);
  const wanted = Array.isArray(value) ? value : value === '' ? [] : [value];
  const multiple = field.multiple || Array.isArray(value);
  if (wanted.length === 0 && !multiple) {
    await clearSelect(field, timing);
    return '';
  }
  const picked: string[] = [];
  await openDropdown(field, timing);
  try {
    for (const item of wanted) {
      const option = await reachOption(field, item, timing);
      picked.push(option.text);
      if (!option.selected) {
        pick(field, option);
        await sleep(win, timing.settleMs);
      }
      if (!multiple) return option.text;
      if (!isOpen(field)) await openDropdown(field, timing);
    }
    if (multiple) {
      const dropdown = dropdownOf(field);
      const keep = new Set(wanted.map(optionKey));
      for (const node of dropdown ? optionNodes(field, dropdown) : []) {
        if (node.selected && !keep.has(optionKey(node.text)) && !wanted.some((w) => matchOption([node.text], w))) {
          pick(field, node);
          await sleep(win, timing.settleMs);
        }
      }
    }
  } finally {
    close(field);
    await sleep(win, timing.settleMs);
  }
  return picked;
}

// --- cascader -----------------------------------------------------------------------------------------------------

const CASCADER = {
  element: { dropdown: '.el-cascader__dropdown, .el-popper', menu: '.el-cascader-menu', node: '.el-cascader-node',
    label: '.el-cascader-node__label', suggestion: '.el-cascader__suggestion-item' },
  antd: { dropdown: '.ant-select-dropdown, .ant-cascader-dropdown', menu: '.ant-cascader-menu',
    node: '.ant-cascader-menu-item', label: '.ant-cascader-menu-item-content', suggestion: '.ant-cascader-menu-item' },
} as const;

function cascaderParts(field: LiveField) {
  return field.library === 'antd' ? CASCADER.antd : CASCADER.element;
}

function cascaderDropdown(field: LiveField): Element | undefined {
  const parts = cascaderParts(field);
  const doc = field.element.ownerDocument;
  const shown = Array.from(doc.querySelectorAll(parts.dropdown))
    .filter((el) => isShown(el) && el.querySelector(parts.menu) !== null);
  return shown[shown.length - 1];
}

function nodeText(node: Element, labelSelector: string): string {
  return cleanText(node.getAttribute('title') || node.querySelector(labelSelector)?.textContent || node.textContent);
}

async function writeCascader(field: LiveField, value: string, timing: WidgetTiming): Promise<string> {
  const win = winOf(field.element);
  const parts = cascaderParts(field);
  const path = value.split(/\s*[/／>]\s*/).filter((part) => part !== '');
  if (path.length === 0) {
    await clearSelect(field, timing);
    return '';
  }
  const root = field.element;
  if (field.library === 'antd') mouse(root.querySelector('.ant-select-selector') ?? root, 'mousedown');
  else click(root.querySelector('.el-input') ?? root);
  const dropdown = await waitFor(win, timing, () => cascaderDropdown(field));
  if (!dropdown) throw new FillError('no-dropdown');
  const menus = () => Array.from(dropdown.querySelectorAll(parts.menu));
  const nodesIn = (menu: Element | undefined) => (menu ? Array.from(menu.querySelectorAll(parts.node)) : []);
  const find = (menu: Element | undefined, wanted: string) => {
    const nodes = nodesIn(menu);
    const labels = nodes.map((node) => nodeText(node, parts.label));
    const match = matchOption(labels, wanted);
    return match === undefined ? undefined : nodes[labels.indexOf(match)];
  };
  try {
    if (path.length > 1) {
      let last = '';
      for (const [level, part] of path.entries()) {
        const node = await waitFor(win, timing, () => find(menus()[level], part));
        if (!node) throw new FillError('option-not-found');
        last = nodeText(node, parts.label);
        click(node);
        await sleep(win, timing.settleMs);
      }
      return last;
    }
    // Only the leaf is known (a teacher's 所属专业): try each first-level group until its children hold it.
    const [leaf] = path as [string];
    const direct = find(menus()[0], leaf);
    if (direct) {
      click(direct);
      return nodeText(direct, parts.label);
    }
    for (const group of nodesIn(menus()[0])) {
      click(group);
      await sleep(win, timing.settleMs);
      const node = find(menus()[1], leaf);
      if (node) {
        const text = nodeText(node, parts.label);
        click(node);
        await sleep(win, timing.settleMs);
        return text;
      }
    }
    throw new FillError('option-not-found');
  } finally {
    if (cascaderDropdown(field)) {
      const input = root.querySelector('input');
      if (input) key(input, 'Escape');
    }
    await sleep(win, timing.settleMs);
  }
}

/**
 * Writes one value into one field through the widget's own event path, as a person would, and returns what the
 * widget should now show (the option actually clicked: 大庆市 for a wanted 黑龙江省大庆市).
 */
export async function writeField(field: LiveField, value: string | string[], timing: WidgetTiming): Promise<string | string[]> {
  if (!field.element.isConnected) throw new FillError('detached');
  const single = Array.isArray(value) ? value.join('、') : value;
  switch (field.widget) {
    case 'text':
    case 'textarea':
    case 'number':
      await writeText(field, single);
      return single;
    case 'date':
      await writeDate(field, single, timing);
      return single;
    case 'radio-group':
    case 'checkbox-group':
      return writeChoices(field, value, timing);
    case 'select':
      if (field.control?.tagName === 'SELECT' && field.control === field.element) return writeNativeSelect(field, value);
      if (field.library === 'element' || field.library === 'antd') return writeLibrarySelect(field, value, timing);
      return writeDrawnSelect(field, value, timing);
    case 'cascader':
      return writeCascader(field, single, timing);
    case 'checkbox':
      throw new FillError('error');
  }
}

/**
 * Whether the widget shows what was chosen: the same value, or for a cascader or a path-like select the chosen
 * option at the end of what it prints ("装备制造大类 / 数控技术" shows 数控技术).
 */
export function showsValue(current: string | string[], expected: string | string[]): boolean {
  if (sameValue(current, expected)) return true;
  if (Array.isArray(current) || Array.isArray(expected) || expected === '') return false;
  return optionKey(current).endsWith(optionKey(expected));
}
