import type { Category, FileType, RulePack, Slot, Source, Window } from '../schema';
import type { DraftCategory, DraftField, DraftSlot, DraftWindow, Found, NoticeDraft, NoticeRole } from './extract';
import { foldWidth, isSubsequence, similarity, withoutBrackets, type Span } from './text';

/** The kinds of limit the drafter measures itself on. */
export const LIMIT_KINDS = [
  'durations', 'resolutions', 'fps', 'formats', 'sizes', 'counts', 'chars', 'windows', 'keywords', 'images', 'headings',
  'sites', 'names',
] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export type ValueState = 'found' | 'changed' | 'missing';

/** One value of the draft, beside the base pack's, with the sentence it came from. */
export interface DraftValue {
  /** Where the value lives: "categories.zhijiao_shijian.slots.video.video.minDurationSec". */
  path: string;
  kind: LimitKind;
  /** What the value is, for people: "职业教育实践性教学案例 › 教学视频 › 最短时长（秒）". */
  label: string;
  /** The drafted value; undefined when the notice does not state it. */
  value?: unknown;
  /** The base pack's value; undefined when the base has none (a new limit). */
  previous?: unknown;
  quote?: string;
  notice?: NoticeRole;
  section?: string;
  span?: Span;
  state: ValueState;
}

// ---------------------------------------------------------------------------------------------------------------
// One view of a category across the two notices

/** The notices' drafts of one category, the more specific notice first. */
function combine(drafts: readonly NoticeDraft[]): DraftCategory[] {
  const combined: DraftCategory[] = [];
  // A notice about two categories is more specific than one about nine: its formats rule those two.
  const ordered = [...drafts].sort((a, b) => a.categories.length - b.categories.length);
  for (const draft of ordered) {
    for (const category of draft.categories) {
      const name = category.name.value;
      const same = combined.find((known) => known.name.value.endsWith(name) || name.endsWith(known.name.value));
      if (!same) {
        combined.push({ ...category, slots: category.slots.map((slot) => ({ ...slot, video: { ...slot.video } })),
          fields: [...category.fields], windows: [...category.windows], sites: [...category.sites], aliases: [] });
        continue;
      }
      if (name.length > same.name.value.length) {
        same.aliases.push(same.name.value);
        same.name = category.name;
      } else if (name !== same.name.value) same.aliases.push(name);
      same.notices.push(draft.role);
      same.group ??= category.group;
      same.maxAuthors ??= category.maxAuthors;
      same.maxWorksPerFirstAuthor ??= category.maxWorksPerFirstAuthor;
      same.maxTotalVideoSec ??= category.maxTotalVideoSec;
      for (const site of category.sites) if (!same.sites.some((known) => known.value === site.value)) same.sites.push(site);
      for (const window of category.windows) {
        if (!same.windows.some((known) => known.found.value.from === window.found.value.from
          && known.found.value.to === window.found.value.to)) same.windows.push(window);
      }
      same.fields.push(...category.fields);
      for (const slot of category.slots) {
        const match = same.slots.find((known) => slotScore(slot.name.value, known.name.value, []) >= 0.7);
        if (!match) {
          same.slots.push({ ...slot, video: { ...slot.video } });
          continue;
        }
        // Formats come from the specific notice only; the other notice's format is its own site's variant.
        fillSlot(match, slot, false);
      }
    }
  }
  return combined;
}

const SLOT_KEYS = ['maxCount', 'maxBytes', 'maxTotalBytes', 'minChars', 'maxChars', 'maxHeadingLevels', 'maxItems',
  'minLongEdge'] as const;

function fillSlot(target: DraftSlot, from: DraftSlot, withTypes: boolean): void {
  for (const key of SLOT_KEYS) target[key] ??= from[key];
  for (const [key, value] of Object.entries(from.video) as Array<[keyof DraftSlot['video'], Found<number>]>) {
    target.video[key] ??= value;
  }
  if (withTypes) target.types ??= from.types;
  for (const cite of from.cites) if (!target.cites.includes(cite)) target.cites.push(cite);
}

// ---------------------------------------------------------------------------------------------------------------
// Matching the draft to the base pack

const squash = (text: string): string => withoutBrackets(text).replace(/\s+/gu, '');

function slotScore(name: string, label: string, keywords: readonly string[]): number {
  const core = squash(label);
  if (core === name) return 1;
  if (core.includes(name) || (name.includes(core) && core.length >= 2)) return 0.9;
  if (name.length >= 3 && isSubsequence(name, core)) return 0.75;
  const keyword = keywords.filter((word) => word.length >= 2 && name.includes(word))
    .sort((a, b) => b.length - a.length)[0];
  if (keyword) return 0.5 + Math.min(0.2, keyword.length * 0.05);
  return similarity(name, core) * 0.8;
}

function categoryScore(draft: DraftCategory, base: Category): number {
  const names = [draft.name.value, ...draft.aliases];
  if (names.includes(base.name)) return 1;
  if (names.some((name) => base.name.endsWith(name) || name.endsWith(base.name))) return 0.9;
  return Math.max(...names.map((name) => similarity(name, base.name)));
}

/** Pairs each draft item with at most one base item, best scores first. */
function pair<D, B>(drafts: readonly D[], bases: readonly B[], score: (d: D, b: B) => number, threshold: number,
  shared = false): Map<D, B> {
  const candidates = drafts.flatMap((d) => bases.map((b) => ({ d, b, score: score(d, b) })))
    .filter((entry) => entry.score >= threshold)
    .sort((x, y) => y.score - x.score);
  const result = new Map<D, B>();
  const taken = new Set<B>();
  for (const { d, b } of candidates) {
    if (result.has(d) || (!shared && taken.has(b))) continue;
    result.set(d, b);
    taken.add(b);
  }
  return result;
}

function windowScore(draft: DraftWindow, base: Window, single: boolean): number {
  let score = similarity(squash(draft.label), squash(base.label));
  if (squash(base.label).includes(squash(draft.label)) || squash(draft.label).includes(squash(base.label))) score += 0.5;
  if (base.source.notice === draft.found.notice && base.source.section === draft.found.section) score += 0.6;
  if (base.from === draft.found.value.from && base.to === draft.found.value.to) score += 0.4;
  if (base.audience === draft.audience) score += 0.1;
  if (single) score += 0.3;
  return score;
}

const sameLabel = (text: string, field: { label: string; aliases: readonly string[] }): boolean =>
  [field.label, ...field.aliases].some((label) => squash(label) === squash(text));

function fieldFor(draft: DraftField, category: Category): Category['fields'][number] | undefined {
  const candidates = category.fields.filter((field) => sameLabel(draft.label, field));
  if (candidates.length <= 1) return candidates[0];
  const byAnnex = draft.annex === undefined ? [] : candidates.filter((field) => field.form.startsWith(`${draft.annex} `));
  if (byAnnex.length === 1) return byAnnex[0];
  return candidates.find((field) => (draft.maxChars ? field.maxChars !== undefined : field.maxKeywords !== undefined))
    ?? candidates[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Building the values

const EXTENSIONS: Partial<Record<FileType, string[]>> = {
  pdf: ['.pdf'], doc: ['.doc'], docx: ['.docx'], mp4: ['.mp4'], mov: ['.mov'], mkv: ['.mkv'], avi: ['.avi'],
  zip: ['.zip'], rar: ['.rar'], '7z': ['.7z'], jpeg: ['.jpg', '.jpeg'], png: ['.png'], gif: ['.gif'], ppt: ['.ppt'],
  pptx: ['.pptx'], xls: ['.xls'], xlsx: ['.xlsx'], exe: ['.exe'], html: ['.html', '.htm'],
};

/** The accept rule of a list of types: the types and the extensions their files carry. */
export function acceptOf(types: readonly FileType[]): Slot['accept'] {
  return { types: [...types], extensions: types.flatMap((type) => EXTENSIONS[type] ?? []) };
}

const sameValue = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return JSON.stringify(Object.entries(a).filter(([, v]) => v !== undefined).sort())
      === JSON.stringify(Object.entries(b).filter(([, v]) => v !== undefined).sort());
  }
  return typeof a === 'string' && typeof b === 'string' ? foldWidth(a) === foldWidth(b) : a === b;
};

class ValueList {
  readonly values: DraftValue[] = [];

  add(path: string, kind: LimitKind, label: string, found: Found<unknown> | undefined, previous: unknown,
    value: unknown = found?.value): void {
    if (found === undefined && previous === undefined) return;
    const state: ValueState = found === undefined ? 'missing' : sameValue(value, previous) ? 'found' : 'changed';
    this.values.push({
      path, kind, label, ...(found ? { value, quote: found.quote, notice: found.notice, section: found.section,
        span: found.span } : {}), ...(previous === undefined ? {} : { previous }), state,
    });
  }
}

const windowValue = (window: Pick<Window, 'from' | 'to'>) => (window.from === undefined ? { to: window.to } : { from: window.from, to: window.to });

function slotValues(list: ValueList, at: string, title: string, base: Slot | undefined, drafts: readonly DraftSlot[]): void {
  const merged: DraftSlot = { name: drafts[0]?.name ?? { value: '', quote: '', notice: 'district', section: '', span: { start: 0, end: 0 } }, cites: [], video: {} };
  for (const draft of drafts) fillSlot(merged, draft, true);
  const add = (key: string, kind: LimitKind, label: string, found: Found<unknown> | undefined, previous: unknown, value?: unknown) =>
    list.add(`${at}.${key}`, kind, `${title} › ${label}`, found, previous, value ?? found?.value);
  add('accept', 'formats', '格式', merged.types, base?.accept.types);
  add('maxCount', 'counts', '最多文件数', merged.maxCount, base?.maxCount);
  add('maxBytes', 'sizes', '单个文件大小上限（字节）', merged.maxBytes, base?.maxBytes);
  add('maxTotalBytes', 'sizes', '总大小上限（字节）', merged.maxTotalBytes, base?.maxTotalBytes);
  add('video.minDurationSec', 'durations', '最短时长（秒）', merged.video.minDurationSec, base?.video?.minDurationSec);
  add('video.maxDurationSec', 'durations', '最长时长（秒）', merged.video.maxDurationSec, base?.video?.maxDurationSec);
  add('video.minWidth', 'resolutions', '最小宽度（像素）', merged.video.minWidth, base?.video?.minWidth);
  add('video.minHeight', 'resolutions', '最小高度（像素）', merged.video.minHeight, base?.video?.minHeight);
  add('video.fps', 'fps', '帧率', merged.video.fps, base?.video?.fps);
  add('document.minChars', 'chars', '最少字数', merged.minChars, base?.document?.minChars);
  add('document.maxChars', 'chars', '最多字数', merged.maxChars, base?.document?.maxChars);
  add('document.maxHeadingLevels', 'headings', '标题层级上限', merged.maxHeadingLevels, base?.document?.maxHeadingLevels);
  add('archive.maxItems', 'counts', '压缩包内最多文件数', merged.maxItems, base?.archive?.maxItems);
  add('image.minLongEdge', 'images', '图片长边下限（像素）', merged.minLongEdge, base?.image?.minLongEdge);
}

function categoryValues(list: ValueList, base: Category, draft: DraftCategory | undefined): DraftSlot[] {
  const at = `categories.${base.id}`;
  const title = base.name;
  list.add(`${at}.name`, 'names', `${title} › 项目名称`, draft?.name, base.name, draft?.name.quote);
  list.add(`${at}.maxAuthors`, 'counts', `${title} › 作者人数上限`, draft?.maxAuthors, base.maxAuthors);
  list.add(`${at}.maxWorksPerFirstAuthor`, 'counts', `${title} › 每位第一作者限报件数`, draft?.maxWorksPerFirstAuthor,
    base.maxWorksPerFirstAuthor);
  list.add(`${at}.maxTotalVideoSec`, 'durations', `${title} › 录像总时长上限（秒）`, draft?.maxTotalVideoSec, base.maxTotalVideoSec);
  for (const site of draft?.sites ?? []) {
    if (!base.sites.includes(site.value)) list.add(`${at}.sites`, 'sites', `${title} › 报送平台`, site, base.sites, [...base.sites, site.value]);
  }

  const draftSlots = draft?.slots ?? [];
  const bySlot = new Map<Slot, DraftSlot[]>();
  for (const slot of draftSlots) {
    let best: { slot: Slot; score: number } | undefined;
    for (const candidate of base.slots) {
      const score = slotScore(slot.name.value, candidate.label, candidate.keywords);
      if (score >= 0.5 && (!best || score > best.score)) best = { slot: candidate, score };
    }
    if (best) bySlot.set(best.slot, [...(bySlot.get(best.slot) ?? []), slot]);
  }
  for (const slot of base.slots) slotValues(list, `${at}.slots.${slot.id}`, `${title} › ${slot.label}`, slot, bySlot.get(slot) ?? []);

  const byField = new Map<string, DraftField>();
  for (const field of draft?.fields ?? []) {
    const target = fieldFor(field, base);
    if (target && !byField.has(target.id)) byField.set(target.id, field);
  }
  for (const field of base.fields) {
    const found = byField.get(field.id);
    const fieldAt = `${at}.fields.${field.id}`;
    list.add(`${fieldAt}.maxChars`, 'chars', `${title} › ${field.label} › 字数上限`, found?.maxChars, field.maxChars);
    list.add(`${fieldAt}.maxKeywords`, 'keywords', `${title} › ${field.label} › 关键词个数上限`, found?.maxKeywords,
      field.maxKeywords);
  }
  windowValues(list, `${at}.windows`, title, base.windows, draft?.windows ?? []);
  return draftSlots.filter((slot) => ![...bySlot.values()].some((slots) => slots.includes(slot)));
}

function windowValues(list: ValueList, at: string, title: string, bases: readonly Window[], drafts: readonly DraftWindow[]): void {
  const single = bases.length === 1 && drafts.length === 1;
  const pairs = pair(drafts, bases, (d, b) => windowScore(d, b, single), 0.6);
  const matched = new Map([...pairs].map(([d, b]) => [b, d]));
  for (const base of bases) {
    const draft = matched.get(base);
    list.add(`${at}.${base.id}`, 'windows', `${title} › ${base.label}`, draft?.found, windowValue(base),
      draft ? windowValue(draft.found.value) : undefined);
  }
  drafts.filter((draft) => !pairs.has(draft)).forEach((draft, index) => {
    list.add(`${at}.new_${index + 1}`, 'windows', `${title} › ${draft.label}（新）`, draft.found, undefined,
      { ...windowValue(draft.found.value), label: draft.label, audience: draft.audience });
  });
}

// ---------------------------------------------------------------------------------------------------------------

/** The result of drafting: the pack to review and every value with its state. */
export interface DraftResult {
  pack: RulePack;
  values: DraftValue[];
  /** Categories of the notice the base pack does not have (added to the draft pack). */
  added: string[];
  /**
   * Files the notice asks for in a category the base pack has, for which the base has no slot: added to the draft
   * pack as new slots (ids `new_N`), their values marked like every other change, to be reviewed.
   */
  addedSlots: Array<{ category: string; slot: string; name: string; quote: string }>;
}

/**
 * Lays the drafts of the notices over a base pack: values the notices state replace the base's (marked found when
 * equal, changed when not), values they do not state stay as they were (marked missing), categories the base has
 * not got are added.
 */
export function mergeDrafts(drafts: readonly NoticeDraft[], base: RulePack): DraftResult {
  const combined = combine(drafts);
  const list = new ValueList();
  const pairs = pair(combined, base.categories, categoryScore, 0.6);
  const byBase = new Map([...pairs].map(([d, b]) => [b, d]));
  const unmatched = base.categories.map((category) => ({ category, slots: categoryValues(list, category, byBase.get(category)) }));
  const globalDrafts = drafts.flatMap((draft) => draft.windows);
  windowValues(list, 'windows', '组织工作', base.windows, globalDrafts);

  const pack = structuredClone(base) as RulePack;
  const addedSlots: DraftResult['addedSlots'] = [];
  for (const { category, slots } of unmatched) {
    const target = pack.categories.find((entry) => entry.id === category.id)!;
    slots.forEach((draftSlot, index) => {
      const slot = slotFromDraft(draftSlot, `new_${index + 1}`);
      target.slots.push(slot);
      addedSlots.push({ category: category.name, slot: slot.id, name: slot.label, quote: draftSlot.name.quote });
      list.add(`categories.${category.id}.slots.${slot.id}.label`, 'names', `${category.name} › ${slot.label}（新材料）`,
        draftSlot.name, undefined);
      slotValues(list, `categories.${category.id}.slots.${slot.id}`, `${category.name} › ${slot.label}（新）`, undefined, [draftSlot]);
    });
  }
  const added: string[] = [];
  combined.filter((draft) => !pairs.has(draft)).forEach((draft, index) => {
    const category = newCategory(draft, `new_${index + 1}`, drafts);
    pack.categories.push(category);
    added.push(category.name);
    list.add(`categories.${category.id}.name`, 'names', `${category.name} › 项目名称（新）`, draft.name, undefined,
      draft.name.quote);
    categoryValues(list, category, draft);
  });
  for (const value of list.values) if (value.state !== 'missing') setValue(pack, value.path, value.value, sourceOf(value));

  const years = drafts.map((draft) => draft.year?.value).filter((year): year is number => year !== undefined);
  const year = Math.max(base.year, ...years);
  pack.year = year;
  const [, revision = '0'] = base.version.split('.');
  pack.version = year > base.year ? `${year}.1` : `${year}.${Number(revision) + 1}`;
  return { pack, values: list.values, added, addedSlots };
}

function sourceOf(value: Pick<DraftValue, 'notice' | 'section' | 'quote'>): Source | undefined {
  return value.notice && value.section && value.quote ? { notice: value.notice, section: value.section, quote: value.quote } : undefined;
}

const ANY_FILE = acceptOf(['pdf', 'doc', 'docx', 'ppt', 'pptx', 'xls', 'xlsx', 'zip', 'rar', '7z', 'mp4', 'mov', 'jpeg', 'png']);

/**
 * A slot for a file the base pack has no slot for, named as the notice names it. Its limits are written by the
 * values drafted for it; a form the notice asks to be scanned ("签字扫描为PDF格式") takes the scan check.
 */
function slotFromDraft(slot: DraftSlot, id: string): Slot {
  const source = { notice: slot.name.notice, section: slot.name.section, quote: slot.name.quote };
  const scanned = slot.types && slot.types.value.includes('pdf') && /扫描/u.test(slot.types.quote);
  return {
    id,
    label: slot.name.value,
    labelEn: slot.name.value,
    keywords: [slot.name.value],
    required: true,
    accept: slot.types ? acceptOf(slot.types.value) : ANY_FILE,
    noArchives: false,
    minCount: 1,
    ...(scanned ? { scan: { source: { notice: slot.types!.notice, section: slot.types!.section, quote: slot.types!.quote } } } : {}),
    variants: [],
    notes: [],
    sources: [source],
  };
}

function newCategory(draft: DraftCategory, id: string, drafts: readonly NoticeDraft[]): Category {
  const source = { notice: draft.name.notice, section: draft.name.section, quote: draft.name.quote };
  const common = drafts.find((entry) => entry.maxAuthors)?.maxAuthors?.value;
  const slots: Slot[] = draft.slots.map((slot, index) => slotFromDraft(slot, `slot_${index + 1}`));
  if (slots.length === 0) {
    slots.push({ id: 'work', label: '作品', labelEn: 'Work', keywords: ['作品'], required: true, accept: ANY_FILE,
      noArchives: false, minCount: 1, variants: [], notes: ['通知未列出材料，请填写。'], sources: [source] });
  }
  return {
    id,
    name: draft.name.quote,
    nameEn: draft.name.quote,
    group: draft.group ?? '未分组',
    groupEn: draft.group ?? 'Ungrouped',
    sites: draft.sites.length > 0 ? draft.sites.map((site) => site.value) : ['huodong'],
    forms: [...draft.cites],
    slots,
    fields: [],
    maxAuthors: draft.maxAuthors?.value ?? common ?? 3,
    selfChecks: [],
    windows: [],
    sources: [source],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and writing a value by its path

const LISTS = new Set(['categories', 'slots', 'fields', 'windows']);

/** Sets the value at a path of `pack` (in place), recording the quote as the value's source. */
export function setValue(pack: RulePack, path: string, value: unknown, source?: Source): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = pack as unknown as Record<string, unknown>;
  let category: Category | undefined;
  let slot: Slot | undefined;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    if (LISTS.has(key)) {
      const list = node[key] as Array<{ id: string }>;
      const id = keys[++i]!;
      let item = list.find((entry) => entry.id === id);
      if (!item && key === 'windows' && i === keys.length - 1) {
        const window = value as Window & { label?: string };
        item = { id: `window_${list.length + 1}`, label: window.label ?? '新日期', labelEn: window.label ?? 'New date',
          audience: window.audience ?? 'teacher', to: window.to, source: source ?? { notice: 'district', section: '—' } } as Window;
        list.push(item);
      }
      if (!item) throw new Error(`No ${key} "${id}" in ${path}`);
      if (key === 'categories') category = item as Category;
      if (key === 'slots') slot = item as Slot;
      if (i === keys.length - 1) {
        const window = item as Window;
        const next = value as Pick<Window, 'from' | 'to'>;
        window.to = next.to;
        if (next.from === undefined) delete window.from;
        else window.from = next.from;
        if (source) window.source = source;
        return;
      }
      node = item as unknown as Record<string, unknown>;
      continue;
    }
    if (node[key] === undefined) node[key] = { source: source ?? { notice: 'district', section: '—' } };
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (last === 'accept') node.accept = acceptOf(value as FileType[]);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  if (!source) return;
  if ('source' in node && node !== (category as unknown) && node !== (slot as unknown)) node.source = source;
  const owner = slot ?? category;
  if (last === 'maxTotalVideoSec' && category) category.totalSource = source;
  else if (owner && !owner.sources.some((entry) => entry.quote === source.quote)) owner.sources.push(source);
}

/** The value at a path (for the page's editors). */
export function getValue(pack: RulePack, path: string): unknown {
  const keys = path.split('.');
  let node: unknown = pack;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof node !== 'object' || node === null) return undefined;
    const next = (node as Record<string, unknown>)[key];
    if (LISTS.has(key) && Array.isArray(next)) {
      const id = keys[++i];
      node = next.find((entry: { id?: string }) => entry.id === id);
      if (i === keys.length - 1 && key === 'windows' && node) return windowValue(node as Window);
      continue;
    }
    node = key === 'accept' && next && typeof next === 'object' ? (next as Slot['accept']).types : next;
  }
  return node;
}
