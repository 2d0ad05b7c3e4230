/**
 * Autofill library (issue #5): DOM-level, no extension APIs, safe to import in Node.
 *
 *   const fields = applyTaught(detectFields(document, { pack, category }), taught, { host, path });
 *   const plan = planFill({ people, team, draft, pack, category }, fields, { overwrite: false });
 *   // panel previews `plan`, the user unticks some actions
 *   const run = await runFill(plan.filter(isTicked), document);
 *   await run.undo();
 *
 * `fieldLimits` gives the rule-pack limits of a detected text field for a live 字数 counter; `watchFields` re-detects
 * when a single-page app re-renders.
 */

export { detectFields, WIDGET_SELECTOR, type DetectOptions } from './detect';
export { findLabel, createLabelContext, type FoundLabel, type LabelContext } from './labels';
export { fieldLimits, titleField, type FieldLimits } from './limits';
export { applyTaught, findByLocator, locatorPath, type PageKey } from './locator';
export { planFill, workSizeValue, type FillInput, type PlanOptions } from './plan';
export { runFill, type FillRun, type RunOptions } from './run';
export { createTableCache } from './tables';
export { cleanText, coreLabel, matchOption, normalizeLabel } from './text';
export type * from './types';
export { classifyLabel, isRoleOnlyText, roleHintOf, type LabelClassification, type RoleHint, type VocabularyScope } from './vocabulary';
export { watchFields, type WatchOptions } from './watch';
export { readCurrent, setControlValue } from './widgets';
