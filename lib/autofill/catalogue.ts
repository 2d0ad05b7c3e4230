/**
 * The one place for what is truly library-specific (issue #11). Recognition works without it — accessible names,
 * ARIA roles, table and layout geometry, and native controls hidden behind drawn widgets — and the catalogue only
 * adds what a library draws without ARIA: which element is a widget's root, the form item's label, what a drawn
 * select shows, where its options pop up, which containers are dropdowns rather than forms, and which hidden
 * containers a person can open (tabs, collapses). Every entry names the library and the version it was seen on;
 * `test/e2e/catalogue.e2e.ts` replays every selector against the fixture page rendered by that library.
 *
 * Adding a library is one entry here plus one fixture page under test/e2e/fixtures/forms/.
 */

import type { UiLibrary, WidgetKind } from './types';

/** What a drawn select shows and where its options appear (all selectors; the root is the widget root). */
export interface SelectParts {
  /** What a person clicks to open it, inside the root (the root itself when absent). */
  trigger?: string;
  /** The element showing the chosen option's text (single choice). */
  value?: string;
  /** Shown instead of a value while nothing is chosen. */
  placeholder?: string;
  /** Chosen items of a multiple select. */
  tags?: string;
  /** The popup holding the options, usually appended to <body>. */
  dropdown: string;
  option: string;
  /** Class or attribute selector (tested on the option) of the chosen one and of a disabled one. */
  selected?: string;
  disabled?: string;
  /** `mousedown` for libraries that open on mousedown (rc-select); default click. */
  openWith?: 'click' | 'mousedown';
}

/** One UI library's markup. */
export interface CatalogueEntry {
  library: UiLibrary;
  /** The package and the version(s) these selectors were read from. */
  seen: string;
  /** Widget roots by class name; a nested root (the input inside a select) is part of the outer one. */
  roots: ReadonlyArray<readonly [className: string, kind: WidgetKind | 'auto']>;
  /** Form item containers and their label elements (the label of the nearest item names a field). */
  formItem?: { item: string; label: string };
  /** Containers whose inputs are parts of popups, pagers or uploads, never fields of the form. */
  notAForm?: readonly string[];
  /** Section titles the library draws (dividers, card headers, collapse headers). */
  headings?: readonly string[];
  /** Hidden containers a person can open: tab panes, collapse bodies. Fields inside are "展开后可填". */
  openable?: readonly string[];
  select?: SelectParts;
  /** Upload components: the root, the visible trigger, the file list and a file's name, the tip. */
  upload?: { root: string; trigger: string; list?: string; item?: string; name?: string; tip?: string };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    library: 'element',
    seen: 'element-plus 2.14.8; element-ui 2.15.14',
    roots: [
      ['el-cascader', 'cascader'], ['el-select', 'select'], ['el-date-editor', 'date'], ['el-radio-group', 'radio-group'],
      ['el-checkbox-group', 'checkbox-group'], ['el-input-number', 'number'], ['el-autocomplete', 'auto'],
      ['el-input', 'auto'], ['el-textarea', 'auto'], ['el-checkbox', 'checkbox'],
    ],
    formItem: { item: '.el-form-item', label: '.el-form-item__label' },
    notAForm: ['.el-popper', '.el-select-dropdown', '.el-picker-panel', '.el-cascader__dropdown', '.el-pagination',
      '.el-upload', '.el-message-box'],
    headings: ['.el-divider__text', '.el-card__header', '.el-collapse-item__header'],
    openable: ['.el-tab-pane', '.el-collapse-item__wrap'],
    upload: { root: '.el-upload', trigger: '.el-upload-dragger, .el-upload', list: '.el-upload-list',
      item: '.el-upload-list__item', name: '.el-upload-list__item-file-name, .el-upload-list__item-name', tip: '.el-upload__tip' },
  },
  {
    library: 'antd',
    seen: 'ant-design-vue 4.2.6',
    roots: [
      ['ant-cascader', 'cascader'], ['ant-select', 'select'], ['ant-picker', 'date'], ['ant-radio-group', 'radio-group'],
      ['ant-checkbox-group', 'checkbox-group'], ['ant-input-number', 'number'], ['ant-input-affix-wrapper', 'auto'],
      ['ant-input-textarea', 'auto'], ['ant-checkbox-wrapper', 'checkbox'], ['ant-input', 'auto'],
    ],
    formItem: { item: '.ant-form-item', label: '.ant-form-item-label label' },
    notAForm: ['.ant-select-dropdown', '.ant-picker-dropdown', '.ant-cascader-dropdown', '.ant-pagination', '.ant-upload',
      '.ant-modal-confirm'],
    headings: ['.ant-divider-inner-text', '.ant-card-head-title', '.ant-collapse-header'],
    openable: ['.ant-tabs-tabpane', '.ant-collapse-content'],
    upload: { root: '.ant-upload-wrapper', trigger: '.ant-upload-drag, .ant-upload-select', list: '.ant-upload-list',
      item: '.ant-upload-list-item', name: '.ant-upload-list-item-name', tip: '.ant-upload-hint' },
  },
  {
    library: 'naive',
    seen: 'naive-ui 2.45.3',
    roots: [['n-select', 'select'], ['n-radio-group', 'radio-group'], ['n-checkbox-group', 'checkbox-group'],
      ['n-input-number', 'number'], ['n-date-picker', 'date'], ['n-input', 'auto']],
    formItem: { item: '.n-form-item', label: '.n-form-item-label' },
    notAForm: ['.n-base-select-menu', '.n-upload', '.n-date-panel', '.n-pagination'],
    headings: ['.n-divider__title', '.n-card-header__main', '.n-collapse-item__header-main'],
    openable: ['.n-tab-pane', '.n-collapse-item__content-wrapper'],
    select: { trigger: '.n-base-selection', value: '.n-base-selection-input, .n-base-selection-label',
      placeholder: '.n-base-selection-placeholder', tags: '.n-base-selection-tag-wrapper .n-tag__content',
      dropdown: '.n-base-select-menu', option: '.n-base-select-option', selected: '.n-base-select-option--selected',
      disabled: '.n-base-select-option--disabled' },
    upload: { root: '.n-upload', trigger: '.n-upload-trigger', list: '.n-upload-file-list', item: '.n-upload-file',
      name: '.n-upload-file-info__name' },
  },
  {
    library: 'arco',
    seen: '@arco-design/web-vue 2.59.0',
    roots: [['arco-select', 'select'], ['arco-radio-group', 'radio-group'], ['arco-checkbox-group', 'checkbox-group'],
      ['arco-input-number', 'number'], ['arco-picker', 'date'], ['arco-textarea-wrapper', 'auto'], ['arco-input-wrapper', 'auto']],
    formItem: { item: '.arco-form-item', label: '.arco-form-item-label' },
    notAForm: ['.arco-select-dropdown', '.arco-trigger-popup', '.arco-upload', '.arco-pagination'],
    headings: ['.arco-divider-text', '.arco-card-header-title', '.arco-collapse-item-header-title'],
    openable: ['.arco-tabs-content-item', '.arco-collapse-item-content'],
    select: { value: '.arco-select-view-value', placeholder: '.arco-select-view-value-hidden',
      tags: '.arco-select-view-tag .arco-tag-content, .arco-input-tag-tag .arco-tag-content',
      dropdown: '.arco-select-dropdown', option: '.arco-select-option', selected: '.arco-select-option-selected',
      disabled: '.arco-select-option-disabled' },
    upload: { root: '.arco-upload-wrapper', trigger: '.arco-upload', list: '.arco-upload-list',
      item: '.arco-upload-list-item', name: '.arco-upload-list-item-name-text' },
  },
  {
    library: 'tdesign',
    seen: 'tdesign-vue-next 1.20.8',
    roots: [['t-select', 'select'], ['t-radio-group', 'radio-group'], ['t-checkbox-group', 'checkbox-group'],
      ['t-input-number', 'number'], ['t-date-picker', 'date'], ['t-textarea', 'auto'], ['t-input__wrap', 'auto']],
    formItem: { item: '.t-form__item', label: '.t-form__label label' },
    notAForm: ['.t-popup', '.t-upload', '.t-pagination'],
    headings: ['.t-divider__inner-text', '.t-card__title', '.t-collapse-panel__header'],
    openable: ['.t-tab-panel', '.t-collapse-panel__body'],
    select: { value: 'input.t-input__inner', tags: '.t-tag .t-tag--text', dropdown: '.t-select__dropdown',
      option: '.t-select-option', selected: '.t-is-selected', disabled: '.t-is-disabled' },
    upload: { root: '.t-upload', trigger: '.t-upload__trigger', list: '.t-upload__flow, .t-upload__single-display-text',
      item: '.t-upload__single-name, .t-upload__flow-name', tip: '.t-upload__tips' },
  },
  {
    library: 'layui',
    seen: 'layui 2.13.6',
    // layui draws over server-rendered native controls and keeps them in the DOM, hidden: its drawn select is the
    // widget, the hidden <select> before it the control.
    roots: [['layui-form-select', 'select']],
    formItem: { item: '.layui-form-item', label: '.layui-form-label' },
    notAForm: ['.layui-layer', '.layui-laypage'],
    headings: ['.layui-field-title > legend', '.layui-card-header', '.layui-colla-title'],
    openable: ['.layui-tab-item', '.layui-colla-content'],
    select: { trigger: '.layui-select-title', value: '.layui-select-title input', dropdown: 'dl', option: 'dd',
      selected: '.layui-this', disabled: '.layui-disabled' },
  },
];

/** Widget root class → library and kind, over every entry. */
export const ROOT_CLASSES: ReadonlyMap<string, { entry: CatalogueEntry; kind: WidgetKind | 'auto' }> = new Map(
  CATALOGUE.flatMap((entry) => entry.roots.map(([name, kind]) => [name, { entry, kind }] as const)),
);

const join = (parts: ReadonlyArray<string | undefined>) => parts.filter((p): p is string => !!p).join(', ');

/** Containers that are never forms, as one selector. */
export const NOT_A_FORM = join(CATALOGUE.flatMap((entry) => entry.notAForm ?? []));
/** Form items of every library, as one selector. */
export const FORM_ITEMS = join(CATALOGUE.map((entry) => entry.formItem?.item));
/** Form item labels of every library, as one selector. */
export const FORM_LABELS = join(CATALOGUE.map((entry) => entry.formItem?.label));
/** Section titles of every library. */
export const LIBRARY_HEADINGS = join(CATALOGUE.flatMap((entry) => entry.headings ?? []));
/** Openable hidden containers of every library. */
export const OPENABLE = join(CATALOGUE.flatMap((entry) => entry.openable ?? []));
/** Upload roots of every library. */
export const UPLOAD_ROOTS = join(CATALOGUE.map((entry) => entry.upload?.root));

/** The catalogue entry of a library. */
export function entryOf(library: UiLibrary): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.library === library);
}

/** The entry whose form item contains the element (nearest item wins), with that item. */
export function formItemOf(element: Element): { entry: CatalogueEntry; item: Element } | undefined {
  // One walk up for every library's items at once; then which library's item it is.
  const item = FORM_ITEMS === '' ? null : element.closest(FORM_ITEMS);
  if (!item) return undefined;
  const entry = CATALOGUE.find((candidate) => candidate.formItem && item.matches(candidate.formItem.item));
  return entry ? { entry, item } : undefined;
}

/** The label element of a form item, looking only at the item's own label (not at nested items'). */
export function formItemLabelOf(item: Element, entry: CatalogueEntry): Element | undefined {
  if (!entry.formItem) return undefined;
  for (const label of Array.from(item.querySelectorAll(entry.formItem.label))) {
    if (label.closest(entry.formItem.item) === item) return label;
  }
  return undefined;
}
