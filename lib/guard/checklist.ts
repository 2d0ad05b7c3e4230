/**
 * The panel's checklist for one category: each file slot (ticked when a chosen file passed, or when the page already
 * lists a file for it), text fields over their 字数 limit, and authors over the limit. Pure: the page's state comes in
 * as data, so the same list decides the inline results, the panel and the submit dialog.
 */

import { isSlotRequired } from '@/lib/checks';
import type { Category } from '@/lib/rules/schema';
import { type FileCheck, isBlocking } from './check-file';

/** What the guard knows about one upload on the page. */
export interface UploadState {
  key: string;
  label: string;
  slotId: string | null;
  /** Names the page lists for this upload; null when it shows no list (then `checks` are the files). */
  listed: string[] | null;
  /** Files chosen here since the page loaded, newest last. */
  checks: FileCheck[];
  /** Files still being checked. */
  pending: number;
}

/** A text field of the category as the page holds it. */
export interface FieldState {
  fieldId: string;
  label: string;
  chars: number;
  maxChars?: number;
  minChars?: number;
}

export type SlotStatus =
  /** A chosen file passed, or every listed file passed. */
  | 'ok'
  /** The page lists a file that was not chosen here (uploaded on an earlier visit); not checked. */
  | 'listed'
  /** A file for the slot failed. */
  | 'failed'
  /** Still checking. */
  | 'checking'
  /** Required, and nothing is chosen. */
  | 'missing'
  /** Optional and empty. */
  | 'empty'
  /** The category asks for it but this page has no upload for it (another step or page). */
  | 'elsewhere';

export interface SlotItem {
  kind: 'slot';
  slotId: string;
  label: string;
  required: boolean;
  status: SlotStatus;
  /** The failing checks, for the dialog and the panel. */
  failed: FileCheck[];
  files: string[];
}

export interface FieldItem {
  kind: 'field';
  fieldId: string;
  label: string;
  chars: number;
  maxChars: number;
}

export interface AuthorsItem {
  kind: 'authors';
  count: number;
  max: number;
}

/** An upload whose slot could not be recognised and whose file has a fault of its own (damaged, wrong extension). */
export interface UnassignedItem {
  kind: 'unassigned';
  key: string;
  label: string;
  failed: FileCheck[];
}

export type ChecklistItem = SlotItem | FieldItem | AuthorsItem | UnassignedItem;

export interface Checklist {
  categoryId: string;
  items: ChecklistItem[];
  /** What the submit dialog lists: failures and missing required slots. */
  blocking: ChecklistItem[];
  /** True when files are still being checked. */
  checking: boolean;
}

export interface ChecklistInput {
  category: Pick<Category, 'id' | 'slots' | 'maxAuthors'>;
  uploads: readonly UploadState[];
  fields?: readonly FieldState[];
  /** Authors the page holds with a name filled in. */
  authors?: number;
  /** Answers to `requiredIf` questions by slot id. */
  answers?: Readonly<Record<string, boolean>>;
}

/** The files an upload holds now, each with its check when it was chosen here. */
export function currentFiles(upload: UploadState): Array<{ name: string; check?: FileCheck }> {
  if (upload.listed === null) return upload.checks.map((check) => ({ name: check.name, check }));
  return upload.listed.map((name) => {
    // The newest check of a file with that name: a file chosen again replaces the earlier result.
    const check = [...upload.checks].reverse().find((c) => c.name === name);
    return check ? { name, check } : { name };
  });
}

function slotStatus(uploads: readonly UploadState[], required: boolean): Pick<SlotItem, 'status' | 'failed' | 'files'> {
  const files = uploads.flatMap(currentFiles);
  const failed = files.flatMap((f) => (f.check && isBlocking(f.check.verdict) ? [f.check] : []));
  const names = files.map((f) => f.name);
  if (failed.length > 0) return { status: 'failed', failed, files: names };
  if (uploads.some((u) => u.pending > 0)) return { status: 'checking', failed, files: names };
  if (files.length === 0) return { status: required ? 'missing' : 'empty', failed, files: names };
  return { status: files.some((f) => f.check) ? 'ok' : 'listed', failed, files: names };
}

/** Builds the checklist; `blocking` is empty when the submission may go ahead without asking. */
export function buildChecklist(input: ChecklistInput): Checklist {
  const { category, uploads } = input;
  const answers = input.answers ?? {};
  const items: ChecklistItem[] = [];
  const pageHasSlots = uploads.some((u) => u.slotId !== null);

  for (const slot of category.slots) {
    const mine = uploads.filter((u) => u.slotId === slot.id);
    const required = isSlotRequired(slot, answers);
    if (mine.length === 0) {
      // A page without any recognised upload (a list, step one of a wizard) is not judged on files at all.
      if (required && pageHasSlots) items.push({ kind: 'slot', slotId: slot.id, label: slot.label, required, status: 'elsewhere', failed: [], files: [] });
      continue;
    }
    items.push({ kind: 'slot', slotId: slot.id, label: slot.label, required, ...slotStatus(mine, required) });
  }

  for (const upload of uploads.filter((u) => u.slotId === null)) {
    const failed = currentFiles(upload).flatMap((f) => (f.check && isBlocking(f.check.verdict) ? [f.check] : []));
    if (failed.length > 0) items.push({ kind: 'unassigned', key: upload.key, label: upload.label, failed });
  }

  for (const field of input.fields ?? []) {
    if (field.maxChars !== undefined && field.chars > field.maxChars) {
      items.push({ kind: 'field', fieldId: field.fieldId, label: field.label, chars: field.chars, maxChars: field.maxChars });
    }
  }
  if (input.authors !== undefined && input.authors > category.maxAuthors) {
    items.push({ kind: 'authors', count: input.authors, max: category.maxAuthors });
  }

  const blocking = items.filter((item) => {
    if (item.kind !== 'slot') return true;
    return item.status === 'failed' || item.status === 'missing';
  });
  return { categoryId: category.id, items, blocking, checking: uploads.some((u) => u.pending > 0) };
}
