/**
 * The organiser's desk: a district's submissions, teacher by teacher and work by work, from their layout alone.
 * `inferLayout` (pure) finds the works and their categories; `checkDistrict` runs the file checks per work.
 */
export { categoryKey, editDistance, matchCategory, typoBudget, type CategoryMatch, type MisspellReason } from './category-match';
export {
  inferLayout,
  LAYOUT_ISSUE_CODES,
  parseTeacherFolder,
  type InferOptions,
  type Layout,
  type LayoutEntry,
  type LayoutIssue,
  type LayoutIssueCode,
  type TeacherName,
  type WorkFile,
  type WorkUnit,
} from './layout';
export { formatLayoutIssue } from './messages';
export { checkDistrict, failuresOf, resultOf, type CheckDistrictOptions, type DistrictProgress, type WorkResult } from './run';
