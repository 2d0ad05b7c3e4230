/**
 * Radio and checkbox options, however they are drawn: native inputs with their own text beside them, inputs a
 * library hides behind a drawn circle or box (Element, Ant, Naive, Arco, TDesign wrap them in a <label>; layui draws a
 * sibling <div>), or ARIA `role="radio"` / `role="checkbox"` elements without any input. Each option is read from its
 * own text — never from the row header of the group — and clicked where a person clicks.
 */

import { cleanText } from './text';
import { hasLayout, styleOf } from './visibility';

/** One option of a choice group. */
export interface ChoiceOption {
  /** The native input, when the option has one. */
  input: HTMLInputElement | null;
  /** What a person clicks: the wrapping label, a `label[for]`, the drawn sibling, or the input / ARIA element. */
  target: Element;
  text: string;
  checked: boolean;
}

const MAX_OPTION_TEXT = 40;
const CONTROL = /^(?:INPUT|SELECT|TEXTAREA|BUTTON)$/;

function isChoiceInput(element: Element): element is HTMLInputElement {
  if (element.tagName !== 'INPUT') return false;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  return type === 'radio' || type === 'checkbox';
}

/** The <label> wrapping this input alone (a label around several options names the group, not the option). */
function ownLabel(input: HTMLInputElement): Element | null {
  const wrapping = input.parentElement?.closest('label') ?? null;
  if (wrapping && wrapping.querySelectorAll('input[type="radio"], input[type="checkbox"]').length === 1) return wrapping;
  const id = input.getAttribute('id');
  if (!id) return null;
  return input.ownerDocument.querySelector(`label[for="${id.replace(/["\\]/g, '\\$&')}"]`);
}

/** Text right after the input in document order, up to the next control: `<input type=radio>中职学校`. */
function followingText(input: Element): string {
  for (let node = input.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = cleanText(node.nodeValue);
      if (text !== '') return text;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (CONTROL.test(element.tagName) || element.querySelector('input, select, textarea')) return '';
    const text = cleanText(element.textContent);
    if (text !== '') return text.length <= MAX_OPTION_TEXT ? text : '';
  }
  return '';
}

/** An option's own text: its label, its aria-label or title, the text drawn right after it, its value. */
export function optionText(input: HTMLInputElement, label: Element | null = ownLabel(input)): string {
  const fromLabel = label ? cleanText(label.textContent) : '';
  if (fromLabel !== '') return fromLabel;
  return cleanText(input.getAttribute('aria-label')) || cleanText(input.getAttribute('title')) || followingText(input)
    || cleanText(input.getAttribute('value'));
}

function isHiddenInput(input: Element): boolean {
  const style = styleOf(input);
  if (style && (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')) return true;
  if (!hasLayout(input.ownerDocument)) return false;
  const rect = input.getBoundingClientRect();
  return rect.width < 2 || rect.height < 2;
}

/** What a person clicks to choose this input. */
export function clickTargetOf(input: HTMLInputElement, label: Element | null = ownLabel(input)): Element {
  if (label) return label;
  // layui and its kind keep the input hidden and draw the option as the next sibling.
  const drawn = input.nextElementSibling;
  if (drawn && !CONTROL.test(drawn.tagName) && isHiddenInput(input)) return drawn;
  return input;
}

/** Inputs of one choice group share a name; framework-bound inputs often have none, so their container groups them. */
export function choiceGroupKey(input: Element): unknown {
  const name = input.getAttribute('name');
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  if (name) return `${type}\u0000${name}`;
  return input.closest('fieldset, [role="radiogroup"], [role="group"], td, th, dd, li')
    ?? input.parentElement?.parentElement ?? input;
}

function scopeOf(element: Element): ParentNode {
  return element.closest('form') ?? element.ownerDocument;
}

/** The native inputs of the group `first` belongs to, in document order. */
export function groupInputs(first: Element): HTMLInputElement[] {
  const key = choiceGroupKey(first);
  const type = (first.getAttribute('type') ?? '').toLowerCase();
  if (typeof key !== 'string') {
    return Array.from((key as Element).querySelectorAll<HTMLInputElement>(`input[type="${type}"]`))
      .filter((input) => choiceGroupKey(input) === key);
  }
  return Array.from(scopeOf(first).querySelectorAll<HTMLInputElement>(`input[type="${type}"]`))
    .filter((input) => choiceGroupKey(input) === key);
}

/** The options of a group: a library or ARIA group root, or (for native groups) any one of its inputs. */
export function choiceOptions(element: Element): ChoiceOption[] {
  const inputs = isChoiceInput(element)
    ? groupInputs(element)
    : Array.from(element.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]'));
  if (inputs.length > 0) {
    return inputs.map((input) => {
      const label = ownLabel(input);
      return { input, target: clickTargetOf(input, label), text: optionText(input, label), checked: input.checked };
    });
  }
  return Array.from(element.querySelectorAll('[role="radio"], [role="checkbox"], [role="switch"]')).map((option) => ({
    input: null,
    target: option,
    text: cleanText(option.getAttribute('aria-label')) || cleanText(option.textContent),
    checked: option.getAttribute('aria-checked') === 'true',
  }));
}
