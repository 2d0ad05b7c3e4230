/**
 * Which slot of a category an upload on the page is for, from the upload's label (作品登记表, 登记表扫描件, 教学视频,
 * 支撑材料) and, failing that, its tip text (课件、动画、短视频…). The label is the site's own name for the slot;
 * the slot's keywords are the words the notices use.
 */

import { coreLabel, normalizeLabel } from '@/lib/autofill';
import type { Category } from '@/lib/rules/schema';

/** How the slot was recognised, strongest first. */
export type SlotMatch = 'label' | 'label-part' | 'keyword' | 'hint' | 'none';

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
function score(slot: Category['slots'][number], label: string, labelCore: string, hint: string): { score: number; via: SlotMatch } {
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
  return { score: 0, via: 'none' };
}

/** The best slot for an upload, or `slotId: null` when neither label nor hint points to one. Ties keep pack order. */
export function recognizeSlot(texts: UploadTexts, category: Pick<Category, 'slots'>): SlotGuess {
  const label = normalizeLabel(texts.label);
  const labelCore = coreLabel(texts.label);
  const hint = normalizeLabel(texts.hint ?? '');
  let best: SlotGuess = { slotId: null, via: 'none', score: 0 };
  for (const slot of category.slots) {
    const s = score(slot, label, labelCore, hint);
    if (s.score > best.score) best = { slotId: slot.id, via: s.via, score: s.score };
  }
  return best;
}
