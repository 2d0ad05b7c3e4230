/**
 * Upload components on the page: Element UI / Element Plus `el-upload` (a hidden `input.el-upload__input` inside
 * `.el-upload`, the tip and the file list beside it), Ant Design Vue `a-upload` (`.ant-upload-wrapper` around a
 * `display: none` input and `.ant-upload-list`), and plain `<input type="file">`. Only reads the DOM.
 */

import { cleanText, createLabelContext, createTableCache, findLabel } from '@/lib/autofill';

const FILE_INPUT = 'input[type="file"]';
const LIST = '.el-upload-list, .ant-upload-list';
const LIST_ITEM = '.el-upload-list__item, .ant-upload-list-item';
const ITEM_NAME = '.el-upload-list__item-file-name, .el-upload-list__item-name, .ant-upload-list-item-name';
/** Most specific first: a drag area is the visible part of the .el-upload around it. */
const TRIGGERS = ['.el-upload-dragger', '.ant-upload-drag', '.ant-upload-select', '.el-upload'];
const HINT = '.el-upload__tip, .ant-upload-hint, [class*="upload-tip"], [class*="upload-hint"], [class*="upload__tip"]';
const FORM_ITEM = '.el-form-item, .ant-form-item';
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
  if (input && !root.closest('.ant-upload-wrapper, .el-upload') && !root.querySelector('.el-upload')) {
    return Array.from(input.files ?? []).map((f) => f.name);
  }
  return null;
}

function hintOf(root: Element): string {
  const scope = root.closest(FORM_ITEM) ?? root.parentElement ?? root;
  return cleanText(Array.from(scope.querySelectorAll(HINT)).map((e) => e.textContent ?? '').join(' '));
}

/** Reads one upload component; `key` is filled in by `findUploads`, which sees all of them. */
export function readUpload(root: Element, labelContext = createLabelContext(root.ownerDocument.body, createTableCache())): Omit<UploadSite, 'key'> {
  const input = root.matches(FILE_INPUT) ? root as HTMLInputElement : root.querySelector<HTMLInputElement>(FILE_INPUT);
  const trigger = TRIGGERS.map((t) => root.querySelector(t)).find((e) => e !== null) ?? root;
  const found = findLabel(root, input, labelContext);
  // A native input's label may be the button text (选择文件) only when nothing names it; that says nothing.
  const label = found.source === 'none' ? '' : found.text;
  return {
    root,
    trigger,
    input,
    label,
    hint: hintOf(root),
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
