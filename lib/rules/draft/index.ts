import type { RulePack } from '../schema';
import { readNoticeDraft, type NoticeDraft, type NoticeInput } from './extract';
import { mergeDrafts, type DraftResult } from './merge';

export { readNoticeDraft, isWrapped } from './extract';
export type { DraftCategory, DraftField, DraftSlot, DraftWindow, Found, NoticeDraft, NoticeInput, NoticeRole } from './extract';
export { acceptOf, getValue, LIMIT_KINDS, mergeDrafts, setValue } from './merge';
export type { DraftResult, DraftValue, LimitKind, ValueState } from './merge';

/** A pack drafted from this year's notices over last year's pack, with the notices read. */
export interface PackDraft extends DraftResult {
  notices: NoticeDraft[];
}

/** Reads the notices and lays what they state over `base`. Pure: no I/O, no clock. */
export function draftPack(notices: readonly NoticeInput[], base: RulePack): PackDraft {
  const drafts = notices.map(readNoticeDraft);
  const result = mergeDrafts(drafts, base);
  for (const notice of notices) {
    if (notice.file) result.pack.notices[notice.role] = { ...result.pack.notices[notice.role], file: notice.file };
  }
  return { ...result, notices: drafts };
}
