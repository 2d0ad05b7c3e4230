/**
 * Upload guard (issue #6): pure logic behind the on-site guard. Category and slot recognition from what the page
 * prints, checks of chosen files, the checklist, submit-button recognition and the teacher's remembered corrections.
 * DOM readers take the document as a parameter; nothing here touches browser globals at import time.
 */

export { detectCategory, headingTexts, type CategoryCandidate, type CategoryGuess, type DetectCategoryOptions } from './category';
export { checkChosenFile, isBlocking, isRepairableVideo, problemsOf, type ChosenFile, type FileCheck } from './check-file';
export {
  buildChecklist,
  type Checklist,
  type ChecklistInput,
  type ChecklistItem,
  type FieldState,
  type SlotItem,
  type SlotStatus,
  type UploadState,
} from './checklist';
export { pageFieldStates, readPageFields, type PageFields } from './fields';
export { workFilesOf, type WorkFile } from './work-files';
export {
  EMPTY_MEMORY,
  pageId,
  pageKeyOf,
  parseMemory,
  rememberCategory,
  rememberSlot,
  taughtSlot,
  type GuardMemory,
  type PageKey,
  type SlotCorrection,
} from './memory';
export { recognizeSlot, type SlotGuess, type SlotMatch, type UploadTexts } from './slots';
export { BUTTON_SELECTOR, buttonCaption, isSubmitText, submitButtonOf } from './submit';
export { findUploads, readUpload, uploadRootOf, type UploadSite } from './uploads';
