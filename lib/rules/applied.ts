import type { z } from 'zod';
import { acceptSchema, rulePackSchema, sourceSchema, windowSchema } from './schema';

/*
 * Every key of the rule pack is applied somewhere a teacher or an organiser sees it. This file is the map from each
 * key to the module that applies it and to what the user sees; test/meta/applied.test.ts walks the zod schema and
 * fails for a key that is not listed here, or whose module no longer reads it. A new key in the schema therefore
 * needs a consumer before it can land: a pack key read by no code is a rule that silently does nothing.
 */

/** Schemas used in several places, listed once under their own name (`Source.section`, `Window.to`, `Accept.types`). */
export const SHARED_SCHEMAS: ReadonlyArray<readonly [z.ZodType, string]> = [
  [sourceSchema, 'Source'],
  [acceptSchema, 'Accept'],
  [windowSchema, 'Window'],
];

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
}
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch']);

/**
 * The keys of a schema as paths (`categories[].slots[].video.fps`): every leaf, and every place a shared schema is
 * used (`categories[].slots[].video.source`); a shared schema's own keys are listed once under its name.
 */
export function schemaKeys(root: z.ZodType = rulePackSchema, shared: ReadonlyArray<readonly [z.ZodType, string]> = SHARED_SCHEMAS): string[] {
  const names = new Map(shared);
  const out: string[] = [];
  const expanded = new Set<string>();
  const walk = (schema: z.ZodType, path: string): void => {
    const name = names.get(schema);
    if (name !== undefined && path !== name) {
      out.push(path);
      if (!expanded.has(name)) {
        expanded.add(name);
        walk(schema, name);
      }
      return;
    }
    const def = defOf(schema);
    if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, path);
    if (def.type === 'array' && def.element) return walk(def.element, `${path}[]`);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    out.push(path);
  };
  walk(root, '');
  return out;
}

/** Where a key is applied: a module that reads it, and what the teacher or organiser sees because of it. */
export interface KeyUse {
  /** Path from the repository root; the module must mention the key's last name. */
  module: string;
  shows: string;
}

const use = (module: string, shows: string): KeyUse => ({ module, shows });
const CHECKS = 'lib/checks/slot-checks.ts';
const EVALUATE = 'lib/checks/evaluate.ts';
const NOTES = 'lib/rules/category-notes.ts';
const RULES_UI = 'components/category-rules.tsx';
const DEADLINES = 'lib/reminders/deadlines.ts';
const CITED = use(NOTES, '预检 本类别须知 → 规则出处: the notice, section and quote of the rule');

/** Every key of the rule pack schema and where it is applied. */
export const APPLIED: Readonly<Record<string, readonly KeyUse[]>> = {
  schema: [use('lib/rules/index.ts', '规则包 import/options: a file of another schema is refused with the reason')],
  version: [use('lib/rules/active.ts', 'the newer of the bundled and the imported pack is used; options and 规则包 show the version')],
  year: [use('lib/forms/index.ts', '填表: the printed form layout of the pack\'s year')],
  activity: [use('entrypoints/options/options.tsx', 'options: 当前规则包 names the activity')],
  'notices.district.title': [use(NOTES, '规则出处 names the notice each rule comes from')],
  'notices.district.file': [use(NOTES, '规则出处 names the notice\'s file')],
  'notices.national.title': [use(NOTES, '规则出处 names the notice each rule comes from')],
  'notices.national.file': [use(NOTES, '规则出处 names the notice\'s file')],
  'common[].text': [use(RULES_UI, '本类别须知 lists the rules every category shares, once per category')],
  'common[].textEn': [use(RULES_UI, 'the same in English')],
  'common[].source': [CITED],
  'Source.notice': [use(NOTES, '规则出处: which notice')],
  'Source.section': [use(NOTES, '规则出处: the section')],
  'Source.quote': [use(NOTES, '规则出处: the notice\'s words')],
  'windows[]': [use(DEADLINES, 'popup and reminders: organiser windows in 我是组织者 mode')],
  'Window.id': [use(DEADLINES, 'the reminder\'s key (one alarm per window and lead)')],
  'Window.label': [use(DEADLINES, 'popup rows and notifications name the window')],
  'Window.labelEn': [use(NOTES, '规则出处 in English names the window')],
  'Window.site': [use(DEADLINES, 'a reminder\'s button opens that site')],
  'Window.audience': [use(DEADLINES, 'teachers see teacher windows; 我是组织者 adds the organisers\'')],
  'Window.from': [use(DEADLINES, 'popup 即将开始/进行中, the opening-day reminder')],
  'Window.to': [use(DEADLINES, 'popup countdown, the closing reminders, the badge')],
  'Window.source': [CITED],
  'categories[].id': [use('lib/checks/check-files.ts', 'every report and the page address name the category')],
  'categories[].name': [use(DEADLINES, 'popup rows, reminders, every category choice')],
  'categories[].nameEn': [use('components/category-select.tsx', 'category choices in English')],
  'categories[].group': [use('components/category-select.tsx', 'category choices grouped (中小学 / 职业教育 …)')],
  'categories[].groupEn': [use('components/category-select.tsx', 'the groups in English')],
  'categories[].sites[]': [use('lib/guard/category.ts', 'the panel tells the category from the site the teacher is on')],
  'categories[].forms[]': [use('lib/guard/category.ts', 'the panel tells the category from the form number (附件N) on the page')],
  'categories[].slots[].id': [use('lib/checks/assemble.ts', '预检 assigns each file to a material')],
  'categories[].slots[].label': [use('lib/checks/assemble.ts', '预检 and the panel name each material')],
  'categories[].slots[].labelEn': [use('lib/checks/assemble.ts', 'the materials in English')],
  'categories[].slots[].keywords[]': [use('lib/checks/assemble.ts', 'files and uploads are matched to a material by their names')],
  'categories[].slots[].required': [use('lib/checks/assemble.ts', '缺少的材料 in 预检, the panel\'s checklist before submit')],
  'categories[].slots[].requiredIf.question': [use('entrypoints/check/use-category.ts', '预检 asks the question that makes a material required')],
  'categories[].slots[].requiredIf.questionEn': [use('entrypoints/check/use-category.ts', 'the question in English')],
  'categories[].slots[].accept': [use(CHECKS, 'a file of another real type or extension fails')],
  'Accept.types[]': [use(CHECKS, 'the real type (magic bytes) must be one of these')],
  'Accept.extensions[]': [use(CHECKS, 'the file name must end in one of these')],
  'categories[].slots[].noArchives': [use(CHECKS, 'a ZIP where files must be uploaded one by one fails')],
  'categories[].slots[].minCount': [use('lib/checks/assemble.ts', 'too few files for a material fails')],
  'categories[].slots[].maxCount': [use('lib/checks/assemble.ts', 'too many files for a material fails')],
  'categories[].slots[].maxBytes': [use(CHECKS, 'a file over the size limit fails'), use('lib/media/plan.ts', '视频修复 aims under it')],
  'categories[].slots[].maxTotalBytes': [use('lib/checks/assemble.ts', 'the material\'s files together over the limit fail')],
  'categories[].slots[].video.minDurationSec': [use(CHECKS, 'a video shorter than the minimum fails'), use('lib/media/plan.ts', '视频修复 refuses to pad it')],
  'categories[].slots[].video.maxDurationSec': [use(CHECKS, 'a longer video fails'), use('lib/media/plan.ts', '视频修复 trims to it')],
  'categories[].slots[].video.minWidth': [use(CHECKS, 'a narrower video fails'), use('lib/media/plan.ts', '视频修复 scales up, a portrait video goes into this frame')],
  'categories[].slots[].video.minHeight': [use(CHECKS, 'a lower video fails'), use('lib/media/plan.ts', '视频修复 scales up, a portrait video goes into this frame')],
  'categories[].slots[].video.fps': [use(CHECKS, 'another frame rate fails'), use('lib/media/plan.ts', '视频修复 re-encodes at this rate')],
  'categories[].slots[].video.container': [use(CHECKS, 'a MOV where MP4 is required fails'), use('lib/media/plan.ts', '视频修复 copies into MP4')],
  'categories[].slots[].video.source': [CITED],
  'categories[].slots[].document.minChars': [use(CHECKS, 'a Word file under the 字数 minimum fails')],
  'categories[].slots[].document.maxChars': [use(CHECKS, 'a Word file over the 字数 cap fails')],
  'categories[].slots[].document.maxHeadingLevels': [use(CHECKS, 'too many heading levels fail')],
  'categories[].slots[].document.source': [CITED],
  'categories[].slots[].archive.maxItems': [use(CHECKS, 'a ZIP with too many items fails')],
  'categories[].slots[].archive.maxTotalBytes': [use(CHECKS, 'a ZIP whose contents are too large fails')],
  'categories[].slots[].archive.source': [CITED],
  'categories[].slots[].image.minLongEdge': [use(CHECKS, 'an image whose long edge is too short fails')],
  'categories[].slots[].image.source': [CITED],
  'categories[].slots[].scan.pages': [use(CHECKS, 'a signed scan with another page count than the form warns')],
  'categories[].slots[].scan.source': [CITED],
  'categories[].slots[].variants[].site': [use(EVALUATE, '预检 on the district route applies the district variant')],
  'categories[].slots[].variants[].accept': [use(EVALUATE, 'the route\'s formats (信息表 PDF only on the district FTP)')],
  'categories[].slots[].variants[].maxCount': [use(EVALUATE, 'the route\'s count (支撑材料 as one ZIP)')],
  'categories[].slots[].variants[].scan.pages': [use(CHECKS, 'the route\'s signed scan (信息表 on the district FTP): page count warns')],
  'categories[].slots[].variants[].scan.source': [CITED],
  'categories[].slots[].variants[].source': [CITED],
  'categories[].slots[].notes[]': [use('entrypoints/check/slots-section.tsx', '预检 shows the notice\'s notes under each material')],
  'categories[].slots[].sources[]': [CITED],
  'categories[].fields[].id': [use('lib/profile/draft-check.ts', 'drafts keep their texts by field')],
  'categories[].fields[].label': [use('lib/autofill/limits.ts', 'the panel finds the field on the page by its label')],
  'categories[].fields[].labelEn': [use('entrypoints/options/drafts-tab.tsx', 'draft fields in English')],
  'categories[].fields[].aliases[]': [use('lib/autofill/limits.ts', 'other wordings of the label are found too')],
  'categories[].fields[].form': [use('lib/rules/draft/merge.ts', '规则包: a new notice\'s field is matched to the form (附件N) it is printed on')],
  'categories[].fields[].minChars': [use('lib/profile/draft-check.ts', '字数 under the minimum is flagged in drafts and on the page')],
  'categories[].fields[].maxChars': [use('lib/profile/draft-check.ts', '字数 over the cap is flagged in drafts and on the page')],
  'categories[].fields[].maxKeywords': [use('lib/profile/draft-check.ts', 'too many 关键词 are flagged')],
  'categories[].fields[].noBookTitleMarks': [use('lib/profile/draft-check.ts', '《》 in the work\'s name is flagged')],
  'categories[].fields[].options[]': [use('lib/forms/bind.ts', '填表 ticks the option of the closed list')],
  'categories[].fields[].multiple': [use('lib/autofill/plan.ts', 'several values are filled into a multiple choice')],
  'categories[].fields[].sizeOf.exceptSlots[]': [use('lib/autofill/plan.ts', '作品大小 is the total of the chosen files but these')],
  'categories[].fields[].source': [CITED],
  'categories[].maxAuthors': [use('lib/profile/draft-check.ts', 'a team too large for the category is flagged'), use(NOTES, '本类别须知')],
  'categories[].maxWorksPerFirstAuthor': [use('lib/profile/draft-check.ts', 'drafts: a first author with more works than allowed is warned'), use(NOTES, '本类别须知')],
  'categories[].maxTotalVideoSec': [use('lib/checks/assemble.ts', '预检: the recordings together over the total fail'), use(NOTES, '本类别须知')],
  'categories[].totalSource': [use(NOTES, '本类别须知 and 规则出处 cite the total\'s sentence')],
  'categories[].selfChecks[].text': [use(RULES_UI, '预检: a checklist the teacher ticks')],
  'categories[].selfChecks[].textEn': [use(RULES_UI, 'the checklist in English')],
  'categories[].selfChecks[].source': [CITED],
  'categories[].windows[]': [use(DEADLINES, 'popup states and reminders of the category')],
  'categories[].sources[]': [CITED],
};
