/**
 * Upload components on the page: the libraries' own (Element UI / Element Plus `el-upload`, Ant Design Vue
 * `a-upload`, and the others in lib/autofill/catalogue.ts, each a hidden `<input type=file>` behind a drawn button
 * with a file list and a tip) and plain `<input type="file">` anywhere — in a printed form's table row, after a
 * `材料名称：` text, or with only a tip beside it. Only reads the DOM.
 */

import { CATALOGUE, cleanText, createLabelContext, createTableCache, findLabel } from '@/lib/autofill';

const FILE_INPUT = 'input[type="file"]';
const uploads = CATALOGUE.flatMap((entry) => (entry.upload ? [entry.upload] : []));
const joined = (parts: Array<string | undefined>) => parts.filter((part): part is string => !!part).join(', ');
const LIST = joined(uploads.map((u) => u.list));
const LIST_ITEM = joined(uploads.map((u) => u.item));
const ITEM_NAME = joined(uploads.map((u) => u.name));
/** Most specific first: a drag area is the visible part of the .el-upload around it. */
const TRIGGERS = uploads.flatMap((u) => u.trigger.split(/\s*,\s*/));
const HINT = joined([...uploads.map((u) => u.tip), '[class*="upload-tip"]', '[class*="upload-hint"]', '[class*="upload__tip"]',
  '[class*="word-aux"]', '[class*="form-item-extra"]', '[class*="__help"]', '[class*="form__tips"]']);
const FORM_ITEM = joined(CATALOGUE.map((entry) => entry.formItem?.item));
const MAX_HINT = 80;
const UPLOAD_ROOTS = joined(uploads.map((u) => u.root));
/** How far up from a drop target to look for the upload it belongs to. */
const MAX_DROP_DEPTH = 6;

/** One upload component as the page shows it now. */
export interface UploadSite {
  /** The component's root: el-upload's own element, `.ant-upload-wrapper`, or the native input's parent. */
  root: Element;
  /** What a person clicks or drops on; the inline result is placed beside it. */
  trigger: Element;
  input: HTMLInputElement | null;
  label: string;
  hint: string;
  /** The input's `accept` attribute (".mp4", "video/*"), lower case; '' when it accepts anything. */
  accept: string;
  /** Files the page lists as chosen or uploaded; null when the component shows no list. */
  listed: string[] | null;
  multiple: boolean;
  /** Stable across re-renders: the label and the index among uploads with the same label. */
  key: string;
}

/** The root of the upload component an element (the file input, a drop area, the button) belongs to. */
export function uploadRootOf(element: Element): Element | null {
  const ant = element.closest('.ant-upload-wrapper');
  if (ant) return ant;
  let el = element.closest('.el-upload');
  if (el) {
    // el-upload-dragger sits inside .el-upload; the component root is the parent of the outermost one.
    for (let up = el.parentElement?.closest('.el-upload'); up; up = up.parentElement?.closest('.el-upload')) el = up;
    return el.parentElement ?? el;
  }
  const input = element.matches(FILE_INPUT) ? element : null;
  if (input) {
    const parent = input.parentElement;
    return parent && parent.querySelectorAll(FILE_INPUT).length === 1 && parent !== input.ownerDocument.body ? parent : input;
  }
  // A drop on a custom area: the nearest ancestor holding exactly one file input.
  let node: Element | null = element;
  for (let depth = 0; node && depth < MAX_DROP_DEPTH; depth++, node = node.parentElement) {
    const inputs = node.querySelectorAll(FILE_INPUT);
    if (inputs.length === 1) return uploadRootOf(inputs[0]!);
    if (inputs.length > 1) return null;
  }
  return null;
}

function listedNames(root: Element, input: HTMLInputElement | null): string[] | null {
  const list = root.querySelector(LIST);
  if (list) {
    return Array.from(list.querySelectorAll(LIST_ITEM))
      .map((item) => cleanText((item.querySelector(ITEM_NAME) ?? item).textContent))
      .filter((name) => name !== '');
  }
  // A plain input keeps its selection: that is the page's list.
  if (input && !root.closest(UPLOAD_ROOTS) && !root.querySelector(UPLOAD_ROOTS)) {
    return Array.from(input.files ?? []).map((f) => f.name);
  }
  return null;
}

/** Short text after the input up to the next control: `<input type=file> <span>PDF格式</span>`. */
function textAfter(input: Element): string {
  const parts: string[] = [];
  for (let node = input.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 && ((node as Element).matches('input, select, textarea, button') || (node as Element).querySelector('input, select, textarea'))) break;
    const text = cleanText(node.textContent);
    if (text !== '') parts.push(text);
  }
  const text = parts.join(' ');
  return text.length <= MAX_HINT ? text : '';
}

/** The other control-free cells of the input's table row: 要求 / 说明 columns of a printed form's upload table. */
function rowCells(input: Element, label: string): string {
  const row = input.closest('tr');
  if (!row) return '';
  return Array.from(row.children)
    .filter((cell) => !cell.querySelector('input, select, textarea, button'))
    .map((cell) => cleanText(cell.textContent))
    .filter((text) => text !== '' && text !== label && !/^\d+$/.test(text))
    .join(' ');
}

function hintOf(root: Element, input: HTMLInputElement | null, label: string): string {
  const scope = (FORM_ITEM !== '' ? root.closest(FORM_ITEM) : null) ?? root.parentElement ?? root;
  const tips = cleanText(Array.from(scope.querySelectorAll(HINT)).map((e) => e.textContent ?? '').join(' '));
  if (tips !== '' || !input) return tips;
  return cleanText([rowCells(input, label), textAfter(input)].filter((t) => t !== '').join(' '));
}

/** Reads one upload component; `key` is filled in by `findUploads`, which sees all of them. */
export function readUpload(root: Element, labelContext = createLabelContext(root.ownerDocument.body, createTableCache())): Omit<UploadSite, 'key'> {
  const input = root.matches(FILE_INPUT) ? root as HTMLInputElement : root.querySelector<HTMLInputElement>(FILE_INPUT);
  const trigger = TRIGGERS.map((t) => root.querySelector(t)).find((e) => e !== null) ?? root;
  // A plain input is its own widget: the text before it inside its paragraph or cell is its label.
  const plain = input !== null && root.querySelector(TRIGGERS.join(', ')) === null;
  const found = findLabel(plain ? input : root, input, labelContext);
  // A native input's label may be the button text (选择文件) only when nothing names it; that says nothing.
  const label = found.source === 'none' || found.source === 'placeholder' ? '' : found.text;
  return {
    root,
    trigger,
    input,
    label,
    hint: hintOf(root, input, label),
    accept: cleanText(input?.getAttribute('accept')).toLowerCase(),
    listed: listedNames(root, input),
    multiple: input?.multiple ?? false,
  };
}

/** Every upload component in the document, in document order, outside `ignore`. */
export function findUploads(doc: Document, ignore?: string): UploadSite[] {
  const roots: Element[] = [];
  for (const input of Array.from(doc.querySelectorAll(FILE_INPUT))) {
    if (ignore && input.closest(ignore)) continue;
    const root = uploadRootOf(input);
    if (root && !roots.includes(root)) roots.push(root);
  }
  const context = createLabelContext(doc.body ?? doc.documentElement, createTableCache());
  const seen = new Map<string, number>();
  return roots.map((root) => {
    const site = readUpload(root, context);
    const nth = seen.get(site.label) ?? 0;
    seen.set(site.label, nth + 1);
    return { ...site, key: `${site.label}#${nth}` };
  });
}
