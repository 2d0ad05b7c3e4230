/**
 * File-check engine: pure TypeScript over `Blob`, for the browser and Node. Start with `checkFiles`; the pieces
 * below it are exported for the UI (re-rendering messages, checking one file as it is dropped).
 */
export { checkFiles, type CheckOptions, type CheckProgress } from './check-files';
export { assignSlots, isSlotRequired, isSystemFile, layoutFindings, slotFindings, slotScore, type InputFile } from './assemble';
export {
  categoryForRoute,
  defaultRoute,
  DISTRICT_ROUTE,
  evaluate,
  evaluateFile,
  ROUTE_CHOICES,
  routeFor,
  routesOf,
  type RouteChoice,
  slotForRoute,
  type EvaluatedInput,
  type Evaluation,
  type EvaluateOptions,
  type Route,
} from './evaluate';
export { DEFAULT_TIMEOUT_MS, inspectFile, type Inspection, type InspectOptions } from './inspect';
export { checkAgainstSlot, FPS_TOLERANCE, slotAcceptsType, slotFitsType } from './slot-checks';
export { detectType, extensionOf, EXTENSION_TYPES, MIME, type Detection } from './detect';
export { CFR_SHARE } from './mp4';
export { FINDING_CODES, formatBytes, formatDuration, formatFinding, makeFinding, type FindingCode, type Lang } from './messages';
export {
  checkReportSchema,
  fileReportSchema,
  findingSchema,
  REPORT_SCHEMA_ID,
  VERDICTS,
  worstVerdict,
  type CheckReport,
  type FileReport,
  type Finding,
  type MediaInfo,
  type Verdict,
} from './report';
export type { ByteSource } from './source';
