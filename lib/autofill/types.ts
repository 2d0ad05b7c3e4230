/**
 * Shapes shared by detection, planning and the executor. Everything a panel needs to show or store is plain data;
 * the only live references are `DetectedField.element` / `control`, which die with the page.
 */

/** Which UI library rendered a widget; decides how the executor talks to it. */
export type UiLibrary = 'element' | 'antd' | 'native';

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

/** One form field found on the page. */
export interface DetectedField {
  /** Position in document order within one detection run. */
  index: number;
  /** Widget root (`.el-select`, `.ant-radio-group`, or the native control itself). */
  element: Element;
  /** The input, textarea or select inside the widget, when it has one. */
  control: TextControl | HTMLSelectElement | null;
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
  | 'no-data';

/** One line of a fill plan; the panel lists these as a preview the user can untick. */
export interface FillAction {
  /** Stable within one plan: the field's detection index. */
  id: number;
  field: DetectedField;
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
  | { id: number; status: 'done'; value: string | string[] }
  | { id: number; status: 'skipped'; reason: SkipReason }
  | { id: number; status: 'failed'; reason: FillFailure; detail?: string };

/** Why the executor could not set a value. */
export type FillFailure =
  | 'detached'
  | 'no-control'
  | 'no-dropdown'
  | 'option-not-found'
  | 'cannot-clear'
  | 'value-not-taken'
  | 'error';
