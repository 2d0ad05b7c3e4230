/**
 * Autofill library (issues #5, #11): DOM-level, no extension APIs, safe to import in Node.
 *
 *   // content script: live fields (elements kept here), plain data out
 *   const fields = applyTaught(detectFields(document, { pack, category }), taught, { host, path });
 *   const data = fields.map(fieldInfo);              // serialisable: may cross into the panel's frame
 *   // anywhere: pure planning over the data
 *   const plan = planFill({ people, team, draft, pack, category }, data, { overwrite: false });
 *   // the panel previews `plan`, the user unticks some actions; the content script executes by field id
 *   const run = await runFill(plan.filter(isTicked), fields);
 *   await run.undo();
 *
 * `fieldLimits` gives the rule-pack limits of a detected text field for a live 字数 counter; `watchFields` re-detects
 * when a single-page app re-renders.
 */

export { CATALOGUE, type CatalogueEntry, type SelectParts } from './catalogue';
export { choiceOptions, optionText, type ChoiceOption } from './choices';
export { detectFields, WIDGET_SELECTOR, type DetectOptions } from './detect';
export { fieldInfo } from './field-info';
export { findLabel, createLabelContext, type FoundLabel, type LabelContext } from './labels';
export { fieldLimits, titleField, type FieldLimits } from './limits';
export { applyTaught, findByLocator, locatorPath, type PageKey } from './locator';
export { planFill, workSizeValue, type FillInput, type PlanOptions } from './plan';
export { runFill, type FillRun, type LiveFields, type RunOptions } from './run';
export { createTableCache } from './tables';
export { cleanText, coreLabel, matchOption, normalizeLabel } from './text';
export type * from './types';
export { classifyLabel, isRoleOnlyText, roleHintOf, type LabelClassification, type RoleHint, type VocabularyScope } from './vocabulary';
export { watchFields, type WatchOptions } from './watch';
export { availabilityOf, createVisibilityContext, type Availability } from './visibility';
export { readCurrent, setControlValue, type LiveField } from './widgets';
