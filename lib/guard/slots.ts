/**
 * Which slot of a category an upload on the page is for, from the upload's label (作品登记表, 登记表扫描件, 教学视频,
 * 支撑材料 — a form item's label, a table row's first cell, the text before a plain input), then its tip text
 * (课件、动画、短视频…, a 要求 column, the text after the input), and last the input's `accept` attribute. The label
 * is the site's own name for the slot; the slot's keywords are the words the notices use.
 */

import { coreLabel, normalizeLabel } from '@/lib/autofill';
import type { Category } from '@/lib/rules/schema';

/** How the slot was recognised, strongest first. */
export type SlotMatch = 'label' | 'label-part' | 'keyword' | 'hint' | 'accept' | 'none';

export interface SlotGuess {
  slotId: string | null;
  via: SlotMatch;
  score: number;
}

export interface UploadTexts {
  /** The upload's label (form-item label, table header, <label>). */
  label: string;
  /** Tip or hint text printed with the upload. */
  hint?: string;
  /** The input's `accept` attribute: ".mp4", ".jpg,.jpeg", "video/*". */
  accept?: string;
}

const MIME_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'video/': ['.mp4', '.mov', '.mkv', '.avi', '.webm'],
  'image/': ['.jpg', '.jpeg', '.png', '.gif'],
  'application/pdf': ['.pdf'],
  'application/zip': ['.zip'],
};

/** What an `accept` attribute allows, one group of extensions per item (video/* is any video); empty: anything. */
function acceptedExtensions(accept: string): string[][] {
  return accept.toLowerCase().split(/\s*,\s*/).flatMap((item) => {
    if (item.startsWith('.')) return [[item]];
    const mime = Object.entries(MIME_EXTENSIONS).find(([prefix]) => item === prefix || item.startsWith(prefix));
    return mime ? [[...mime[1]]] : [];
  });
}

const MIN_PART = 2;

function keywordLength(text: string, keywords: readonly string[]): number {
  let best = 0;
  for (const keyword of keywords) {
    const k = normalizeLabel(keyword);
    if (k !== '' && text.includes(k)) best = Math.max(best, k.length);
  }
  return best;
}

/** Scores one slot for one upload; 0 means the texts say nothing about this slot. */
function score(slot: Category['slots'][number], label: string, labelCore: string, hint: string,
  accept: readonly string[][]): { score: number; via: SlotMatch } {
  const slotCore = coreLabel(slot.label);
  if (labelCore !== '' && labelCore === slotCore) return { score: 1000, via: 'label' };
  // 实施方案 for 校本研修实施方案, 作品登记表 for 作品登记表（附件1）.
  if (labelCore.length >= MIN_PART && (slotCore.includes(labelCore) || labelCore.includes(slotCore))) {
    return { score: 500 + Math.min(labelCore.length, slotCore.length), via: 'label-part' };
  }
  const inLabel = keywordLength(label, slot.keywords);
  if (inLabel > 0) return { score: 100 + 2 * inLabel, via: 'keyword' };
  const inHint = hint === '' ? 0 : keywordLength(hint, slot.keywords);
  if (inHint > 0) return { score: 10 + inHint, via: 'hint' };
  // Only a narrow accept says something (".mp4" is the video slot; "*" or a long list says nothing): every accepted
  // extension must be one the slot takes, and the slot's own list must be short enough to be specific.
  if (accept.length > 0 && accept.every((group) => group.some((ext) => slot.accept.extensions.includes(ext)))) {
    return { score: Math.max(1, 8 - slot.accept.extensions.length), via: 'accept' };
  }
  return { score: 0, via: 'none' };
}

/** The best slot for an upload, or `slotId: null` when neither label nor hint points to one. Ties keep pack order. */
export function recognizeSlot(texts: UploadTexts, category: Pick<Category, 'slots'>): SlotGuess {
  const label = normalizeLabel(texts.label);
  const labelCore = coreLabel(texts.label);
  const hint = normalizeLabel(texts.hint ?? '');
  const accept = acceptedExtensions(texts.accept ?? '');
  let best: SlotGuess = { slotId: null, via: 'none', score: 0 };
  for (const slot of category.slots) {
    const s = score(slot, label, labelCore, hint, accept);
    if (s.score > best.score) best = { slotId: slot.id, via: s.via, score: s.score };
  }
  return best;
}
