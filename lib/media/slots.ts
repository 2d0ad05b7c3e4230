import type { Category, RulePack, Slot } from '../rules/schema';

/** A slot that takes a video with limits the repair can meet. */
export interface VideoSlot {
  category: Category;
  slot: Slot;
}

/** Every category slot with video rules, in pack order: the choices on the repair page. */
export function videoSlots(pack: RulePack): VideoSlot[] {
  return pack.categories.flatMap((category) =>
    category.slots.filter((slot) => slot.video !== undefined).map((slot) => ({ category, slot })),
  );
}

/**
 * The slot to start with: the first video slot of the category named in the page address, else the strictest one
 * (most video limits), which is the category most teachers open the page for.
 */
export function defaultVideoSlot(slots: readonly VideoSlot[], categoryId?: string | null): VideoSlot | undefined {
  const named = categoryId ? slots.find((s) => s.category.id === categoryId) : undefined;
  if (named) return named;
  const strictness = (s: VideoSlot) => Object.values(s.slot.video ?? {}).length + (s.slot.maxBytes !== undefined ? 1 : 0);
  return [...slots].sort((a, b) => strictness(b) - strictness(a))[0];
}
