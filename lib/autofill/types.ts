/**
 * Shapes shared by detection, planning and the executor. What planning reads — `FieldInfo`, `FillAction` — is plain,
 * serialisable data (it may cross into the panel's extension-origin frame); the content script keeps the live
 * elements in `DetectedField` and looks them up by `id` when it executes a plan.
 */

import type { Availability } from './visibility';

/**
 * Which UI library drew a widget (an entry of lib/autofill/catalogue.ts), or `native` for plain and ARIA-described
 * controls; decides how the executor talks to it.
 */
export type UiLibrary = 'element' | 'antd' | 'naive' | 'arco' | 'tdesign' | 'layui' | 'native';

/** What kind of control a detected field is. */
export type WidgetKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'radio-group'
  | 'checkbox-group'
  | 'checkbox'
  | 'date'
  | 'cascader';

/** Where a field's label came from, strongest first (the order browsers use for an accessible name, then fallbacks). */
export type LabelSource =
  | 'aria-labelledby'
  | 'label-for'
  | 'label-wrap'
  | 'aria-label'
  | 'form-item'
  | 'row-header'
  | 'column-header'
  | 'preceding-text'
  | 'placeholder'
  | 'title'
  | 'none';

/** A person's attributes as `Person` in lib/profile/schema.ts stores them. */
export type PersonAttribute =
  | 'name'
  | 'organization'
  | 'title'
  | 'mobile'
  | 'landline'
  | 'email'
  | 'schoolType'
  | 'subject'
  | 'grade'
  | 'major'
  | 'region';

/** A rule-pack field of the draft (`field:work_features`), or the draft's own title when no pack field matched. */
export type WorkAttribute = 'workTitle' | `field:${string}`;

/** What a field asks for. */
export type FillAttribute = PersonAttribute | WorkAttribute;

/** `author[0]` is the first author (第一作者). */
export type AuthorRole = `author[${number}]`;

/**
 * Whose data goes into a field. `leader` is 附件13's 主管领导, a different person from the 联系人; `work` is data of
 * the work itself (title, 作品特点 …).
 */
export type FillRole = 'work' | 'contact' | 'leader' | AuthorRole;

/** How a field's role was decided, strongest first; `default` means nothing on the page said whose field it is. */
export type RoleSource = 'taught' | 'label' | 'row' | 'group' | 'heading' | 'repeat' | 'attribute' | 'default';

/**
 * A serialisable way to find a field again on a later visit: the label text with its index among fields carrying the
 * same label, plus a short CSS path built from stable ids and names.
 */
export interface FieldLocator {
  label: string;
  /** 0-based index among detected fields with the same `label`, in document order. */
  nth: number;
  path: string;
}

/** Live DOM control a text-like field types into. */
export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** One form field found on the page, as plain data. */
export interface FieldInfo {
  /** Position in document order within one detection run; the key of the content script's element map. */
  index: number;
  library: UiLibrary;
  widget: WidgetKind;
  /** Label text with whitespace collapsed, as the page prints it. */
  label: string;
  labelSource: LabelSource;
  /** Choices visible in the DOM (radio/checkbox labels, native options); empty for library selects until opened. */
  options: string[];
  multiple: boolean;
  readonly: boolean;
  disabled: boolean;
  /** The control's own `maxlength`, if any. */
  maxLength?: number;
  placeholder?: string;
  attribute?: FillAttribute;
  role?: FillRole;
  roleSource?: RoleSource;
  /** Section heading, legend or row header text that decided the role, for the preview. */
  roleContext?: string;
  locator: FieldLocator;
  /** What the field holds now, as its widget shows it; a list for multi-choice widgets. */
  current: string | string[];
  /**
   * `visible`, or `collapsed`: inside something a person must open first (a closed <details>, a hidden tab, a
   * collapsed panel) — listed as 展开后可填, never filled. Fields a person cannot see at all are not detected.
   */
  availability: Exclude<Availability, 'hidden'>;
  /** Another field claims the same person and attribute and nothing on the page tells them apart. */
  ambiguous?: boolean;
}

/** A detected field with its live elements; only the content script holds these. */
export interface DetectedField extends FieldInfo {
  /** Widget root (`.el-select`, `.ant-radio-group`, a drawn select, or the native control itself). */
  element: Element;
  /** The input, textarea or select inside the widget (a hidden native select behind a drawn one), if any. */
  control: TextControl | HTMLSelectElement | null;
}

/** A user's correction from teach mode: "this field is that attribute of that person", or "leave it alone". */
export interface TaughtMapping {
  /** Host name the mapping was taught on; omitted = any host. */
  host?: string;
  /** Path (location.pathname + hash route) the mapping was taught on; omitted = any path on the host. */
  path?: string;
  locator: FieldLocator;
  attribute: FillAttribute | 'ignore';
  role?: FillRole;
}

/** Why an action will not run. */
export type SkipReason =
  | 'readonly'
  | 'disabled'
  | 'user-value'
  | 'same-value'
  | 'too-long'
  | 'book-title-marks'
  | 'no-option'
  | 'no-data'
  /** In a closed section: 展开后可填. */
  | 'collapsed'
  /** Two fields look like the same person's same attribute; the preview says so instead of guessing. */
  | 'ambiguous-role';

/** One line of a fill plan; the panel lists these as a preview the user can untick. */
export interface FillAction {
  /** Stable within one plan: the field's detection index. */
  id: number;
  /** The field as detected, plain data (no DOM references). */
  field: FieldInfo;
  role: FillRole;
  attribute: FillAttribute;
  /** What will be written; a list for multi-choice widgets. */
  value: string | string[];
  /** What the field holds now. */
  current: string | string[];
  /** Why this field got this value: label, where the label came from, how the role was decided. */
  reason: { label: string; labelSource: LabelSource; roleSource: RoleSource; roleContext?: string };
  skip?: SkipReason;
  /** For `too-long`: the limit that would be broken (字数 from the rule pack, or the control's maxlength). */
  limit?: number;
}

/** Outcome of one executed action. */
export type FillResult =
  /** `value` is what the widget shows afterwards (大庆市 for a saved 黑龙江省大庆市). */
  | { id: number; status: 'done'; value: string | string[] }
  | { id: number; status: 'skipped'; reason: SkipReason }
  /** `widget` says which kind of control refused (单选 vs 下拉框 in the message). */
  | { id: number; status: 'failed'; reason: FillFailure; detail?: string; widget?: WidgetKind };

/** Why the executor could not set a value. */
export type FillFailure =
  | 'detached'
  | 'no-control'
  | 'no-dropdown'
  | 'option-not-found'
  /** The field was empty before and its widget cannot be emptied again (a radio group, a non-clearable select). */
  | 'cannot-clear'
  | 'value-not-taken'
  | 'error';
