/**
 * The teacher's corrections, remembered like teach mode: the category chosen for a page, and the slot chosen for an
 * upload (by its label and index among uploads with that label, which survives re-renders). Pure helpers over plain
 * data; the panel keeps the data in `browser.storage.local`.
 */

/** Host plus path and hash route without its query: the same form on a later visit. */
export interface PageKey {
  host: string;
  path: string;
}

export function pageKeyOf(loc: Pick<Location, 'hostname' | 'pathname' | 'hash'>): PageKey {
  return { host: loc.hostname.toLowerCase(), path: `${loc.pathname}${loc.hash.split('?')[0] ?? ''}` };
}

export function pageId(page: PageKey): string {
  return `${page.host}${page.path}`;
}

/** "This upload is for that slot", taught on one page for one category. */
export interface SlotCorrection {
  host: string;
  path: string;
  categoryId: string;
  /** `UploadSite.key`: label#nth. */
  upload: string;
  slotId: string;
}

export interface GuardMemory {
  /** Category chosen per page (`pageId`). */
  categories: Record<string, string>;
  slots: SlotCorrection[];
}

export const EMPTY_MEMORY: GuardMemory = { categories: {}, slots: [] };

/** Accepts what storage holds, dropping anything malformed (storage is shared with older versions). */
export function parseMemory(raw: unknown): GuardMemory {
  if (typeof raw !== 'object' || raw === null) return EMPTY_MEMORY;
  const value = raw as Partial<GuardMemory>;
  const categories = typeof value.categories === 'object' && value.categories !== null
    ? Object.fromEntries(Object.entries(value.categories).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};
  const slots = Array.isArray(value.slots)
    ? value.slots.filter((s): s is SlotCorrection => typeof s === 'object' && s !== null
      && ['host', 'path', 'categoryId', 'upload', 'slotId'].every((k) => typeof (s as unknown as Record<string, unknown>)[k] === 'string'))
    : [];
  return { categories, slots };
}

export function rememberCategory(memory: GuardMemory, page: PageKey, categoryId: string | null): GuardMemory {
  const categories = { ...memory.categories };
  if (categoryId === null) delete categories[pageId(page)];
  else categories[pageId(page)] = categoryId;
  return { ...memory, categories };
}

/** Records (or, with `slotId: null`, forgets) a slot correction; one per page, category and upload. */
export function rememberSlot(memory: GuardMemory, page: PageKey, categoryId: string, upload: string,
  slotId: string | null): GuardMemory {
  const same = (s: SlotCorrection) => s.host === page.host && s.path === page.path && s.categoryId === categoryId && s.upload === upload;
  const slots = memory.slots.filter((s) => !same(s));
  if (slotId !== null) slots.push({ ...page, categoryId, upload, slotId });
  return { ...memory, slots };
}

/** The taught slot for an upload on this page, if any. */
export function taughtSlot(memory: GuardMemory, page: PageKey, categoryId: string, upload: string): string | undefined {
  return memory.slots.find((s) => s.host === page.host && s.path === page.path && s.categoryId === categoryId && s.upload === upload)?.slotId;
}
