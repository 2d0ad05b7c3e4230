/**
 * What a label asks for. Browsers' autofill guesses from English-centric patterns and falls into traps on these
 * forms (年级 read as a card's expiry year, 作品大小 as a clothing size, 联系人 as a bare name field); this vocabulary
 * is written from the registration forms of the notices (附件1/2/5/8/11/13) and from every field of the rule pack.
 */

import type { Category, FieldRule, RulePack } from '@/lib/rules/schema';
import { coreLabel, normalizeLabel } from './text';
import type { FillAttribute, PersonAttribute } from './types';

/** Whose block a text names; `index` is set when the text gives an author's rank (第二作者 → 1). */
export interface RoleHint {
  kind: 'author' | 'contact' | 'leader' | 'work';
  index?: number;
}

/** What a label means: an attribute, and possibly whose (第一作者姓名, 联系人手机). */
export interface LabelClassification {
  attribute?: FillAttribute;
  role?: RoleHint;
  /** The pack field the label matched, when it matched one. */
  fieldId?: string;
  /** The match was on one of the field's aliases, not its own label (weaker when two fields claim one id). */
  byAlias?: boolean;
}

/** The rule pack (and the draft's category) whose field labels count as vocabulary. */
export interface VocabularyScope {
  pack?: RulePack;
  category?: Category;
}

const ORDINALS: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4 };

/**
 * A role word at the start of a label, then the rest. 作者 alone is last so 作者一/作者1 keep their rank; 作品 never
 * matches (作者 ≠ 作品).
 */
const ROLE_PREFIX =
  /^(?:第([一二三四五1-5])作者|作者([一二三四五1-5])(?![0-9])|(联系人)|((?:主管|分管)校?领导)|(作者))的?(.*)$/;

/** Anywhere in a heading, legend, row header or group label. */
const HEADING_PATTERNS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => RoleHint]> = [
  [/(?:主管|分管)校?领导/, () => ({ kind: 'leader' })],
  [/第([一二三四五1-5])作者|作者([一二三四五1-5])(?![0-9])|^([一二三])作$/, (m) => ({
    kind: 'author',
    index: ORDINALS[m[1] ?? m[2] ?? m[3] ?? ''] ?? 0,
  })],
  [/联系人|联系信息|联系方式|通讯联系/, () => ({ kind: 'contact' })],
  [/作者|团队成员|参与人员/, () => ({ kind: 'author' })],
  [/作品信息|案例信息|基本信息|作品基本|资源信息|课程信息/, () => ({ kind: 'work' })],
];

/** After the role word, nothing that names an attribute: 第一作者, 联系人信息, 作者信息（排序填写，最多3人）. */
const ROLE_ONLY_REST = /^(?:信息|情况|资料|基本信息|信息栏)?$/;

/** Person attributes, tried in order on the label without its role prefix and notes. */
const PERSON_PATTERNS: ReadonlyArray<[RegExp, PersonAttribute]> = [
  [/^(?:作者|教师|申报人|负责人|真实|用户)?(?:姓名|名字)$|^(?:full|author|contact)?name$/, 'name'],
  [/^(?:工作|所在|所属|任职|任教|申报)?(?:单位|学校|院校)(?:名称|全称)?$|^(?:organi[sz]ation|school|affiliation|employer|company)$/, 'organization'],
  [/^(?:专业技术|技术|行政)?(?:职称|职务|职位)(?:[/、或及和]?(?:职称|职务))?$|^(?:jobtitle|position)$/, 'title'],
  [/^(?:固定电话|固话|座机|办公电话|单位电话|办公室电话)(?:号码?)?$|^(?:landline|officephone|workphone)$/, 'landline'],
  // 联系电话 is a mobile on these forms: every notice's contact row asks for 手机 beside a separate 固定电话.
  [/^(?:联系)?(?:手机|移动电话|电话|方式)(?:号码?)?$|^手机[/或]电话$|^(?:mobile|mobilephone|cellphone|phone|tel|telephone)$/, 'mobile'],
  [/^(?:联系|个人|工作)?(?:电子)?(?:邮箱|邮件|信箱|电邮)(?:地址)?$|^e-?mail(?:地址|address)?$|^mail$/, 'email'],
  [/^(?:学校类型|学校类别|任教学段|学段|学校性质)$|^(?:schooltype|stage)$/, 'schoolType'],
  [/^(?:任教)?(?:学科|科目)(?:名称)?$|^subject$/, 'subject'],
  [/^(?:任教)?年级$|^grade$/, 'grade'],
  [/^(?:所属|所学|任教)?专业(?:名称)?$|^major$/, 'major'],
  [/^(?:所在|所属)?(?:地区|省份|省市|省市区|所在地|区县|地市|省\/市\/区)$|^region$/, 'region'],
];

const WORK_TITLE = /^(?:作品|案例|资源|课程|课件)(?:名称|标题|题目)$|^(?:作品名|worktitle|title)$/;

/**
 * Pack fields that are people's data: 附件13's 联系人/主管领导 rows. Their aliases (职务, 手机, 邮箱) are the same
 * words for both people, so they are recognised through role + person vocabulary, never by alias.
 */
const PERSON_FIELD = /^(?:contact|leader)_(?:name|title|mobile|email)$/;

interface FieldMatch {
  id: string;
  byAlias: boolean;
}

interface FieldIndex {
  byLabel: Map<string, FieldMatch>;
}

function indexFields(fields: readonly FieldRule[], into: Map<string, FieldMatch> = new Map()): Map<string, FieldMatch> {
  // Own labels first, so an alias of one field never shadows another field's label.
  for (const pass of ['label', 'alias'] as const) {
    for (const field of fields) {
      if (PERSON_FIELD.test(field.id)) continue;
      for (const text of pass === 'label' ? [field.label] : field.aliases) {
        for (const key of [normalizeLabel(text), coreLabel(text)]) {
          if (key !== '' && !into.has(key)) into.set(key, { id: field.id, byAlias: pass === 'alias' });
        }
      }
    }
  }
  return into;
}

const packIndexes = new WeakMap<RulePack, FieldIndex>();
const categoryIndexes = new WeakMap<Category, FieldIndex>();

function packIndex(pack: RulePack): FieldIndex {
  let index = packIndexes.get(pack);
  if (!index) {
    const byLabel = new Map<string, FieldMatch>();
    for (const category of pack.categories) indexFields(category.fields, byLabel);
    index = { byLabel };
    packIndexes.set(pack, index);
  }
  return index;
}

function categoryIndex(category: Category): FieldIndex {
  let index = categoryIndexes.get(category);
  if (!index) {
    index = { byLabel: indexFields(category.fields) };
    categoryIndexes.set(category, index);
  }
  return index;
}

function lookUp(index: FieldIndex | undefined, normal: string, core: string): FieldMatch | undefined {
  if (!index) return undefined;
  return index.byLabel.get(normal) ?? index.byLabel.get(core);
}

function personAttribute(core: string): PersonAttribute | undefined {
  for (const [pattern, attribute] of PERSON_PATTERNS) if (pattern.test(core)) return attribute;
  return undefined;
}

/** The role a heading, legend, row header or group label announces; undefined when it names none. */
export function roleHintOf(text: string): RoleHint | undefined {
  const normal = normalizeLabel(text);
  if (normal === '' || normal.length > 40) return undefined;
  for (const [pattern, make] of HEADING_PATTERNS) {
    const match = pattern.exec(normal);
    if (match) return make(match);
  }
  return undefined;
}

function splitRole(core: string): { role?: RoleHint; rest: string } {
  const match = ROLE_PREFIX.exec(core);
  if (!match) return { rest: core };
  const [, rankA, rankB, contact, leader, , rest = ''] = match;
  let role: RoleHint;
  if (rankA !== undefined || rankB !== undefined) role = { kind: 'author', index: ORDINALS[rankA ?? rankB ?? ''] ?? 0 };
  else if (contact !== undefined) role = { kind: 'contact' };
  else if (leader !== undefined) role = { kind: 'leader' };
  else role = { kind: 'author' };
  return { role, rest };
}

/** True for texts that only say whose block follows: 第一作者, 作者2, 联系人信息, 主管领导. */
export function isRoleOnlyText(text: string): boolean {
  const { role, rest } = splitRole(coreLabel(text));
  return role !== undefined && ROLE_ONLY_REST.test(rest);
}

/**
 * Classifies one label. With a category, that category's fields win over the generic vocabulary (附件5's 学段 is the
 * draft's multi-choice 学段, not the teacher's school type); without one, the generic vocabulary goes first and the
 * pack's fields of every category come last.
 */
export function classifyLabel(label: string, scope: VocabularyScope = {}): LabelClassification {
  const normal = normalizeLabel(label);
  const core = coreLabel(label);
  if (core === '') return {};
  const { role, rest } = splitRole(core);

  if (role) {
    if (role.kind === 'work') return { role };
    // 联系人 / 主管领导 / 第一作者 printed beside an input is that person's name (附件13 "联系人 ____ 职务 ____").
    if (ROLE_ONLY_REST.test(rest)) return rest === '' ? { role, attribute: 'name' } : { role };
    const attribute = personAttribute(rest);
    if (attribute) return { role, attribute };
  }

  const categoryField = scope.category ? lookUp(categoryIndex(scope.category), normal, core) : undefined;
  if (categoryField && !role) {
    return { attribute: `field:${categoryField.id}`, fieldId: categoryField.id, byAlias: categoryField.byAlias };
  }

  const attribute = personAttribute(core);
  if (attribute) return { attribute };
  if (WORK_TITLE.test(core)) return { attribute: 'workTitle' };

  const packField = scope.pack ? lookUp(packIndex(scope.pack), normal, core) : undefined;
  if (packField) {
    return { attribute: `field:${packField.id}`, fieldId: packField.id, byAlias: packField.byAlias,
      ...(role ? { role } : {}) };
  }
  return role ? { role } : {};
}
