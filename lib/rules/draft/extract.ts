import type { FileType, SiteId, Source } from '../schema';
import * as find from './patterns';
import { ancestry, segment, type Section } from './sections';
import {
  cleanNotice, flatten, isSubsequence, quoteOf, spanOf, splitOutside, withoutBrackets, type Flat, type Span,
} from './text';

/** Which of the pack's two notices a text plays (the schema cites sources as district or national). */
export type NoticeRole = Source['notice'];

export interface NoticeInput {
  role: NoticeRole;
  text: string;
  /** File name shown in the pack ("2026通知.docx"). */
  file?: string;
}

/** A value read from a notice, with the words it came from. */
export interface Found<T> {
  value: T;
  quote: string;
  notice: NoticeRole;
  section: string;
  span: Span;
}

export interface DraftVideo {
  minDurationSec?: Found<number>;
  maxDurationSec?: Found<number>;
  minWidth?: Found<number>;
  minHeight?: Found<number>;
  fps?: Found<number>;
}

export interface DraftSlot {
  name: Found<string>;
  /** Annex numbers the slot cites ("附件7"). */
  cites: string[];
  types?: Found<FileType[]>;
  maxCount?: Found<number>;
  maxBytes?: Found<number>;
  maxTotalBytes?: Found<number>;
  video: DraftVideo;
  minChars?: Found<number>;
  maxChars?: Found<number>;
  maxHeadingLevels?: Found<number>;
  maxItems?: Found<number>;
  minLongEdge?: Found<number>;
}

export interface DraftField {
  label: string;
  annex?: string;
  maxChars?: Found<number>;
  maxKeywords?: Found<number>;
}

export interface DraftWindow {
  label: string;
  audience: 'teacher' | 'organiser';
  found: Found<{ from?: string; to: string }>;
}

export interface DraftCategory {
  name: Found<string>;
  /** Shorter names the other notice uses ("校本研修案例"). */
  aliases: string[];
  group?: string;
  /** Notices that describe the category, the more specific one first. */
  notices: NoticeRole[];
  cites: string[];
  slots: DraftSlot[];
  fields: DraftField[];
  windows: DraftWindow[];
  maxAuthors?: Found<number>;
  maxWorksPerFirstAuthor?: Found<number>;
  maxTotalVideoSec?: Found<number>;
  sites: Array<Found<SiteId>>;
}

/** What the drafter read from one notice. */
export interface NoticeDraft {
  role: NoticeRole;
  /** The notice text the spans point into (Word bookmarks blanked). */
  text: string;
  sections: Section[];
  year?: Found<number>;
  categories: DraftCategory[];
  /** Windows not tied to one category (organisers' dates). */
  windows: DraftWindow[];
  maxAuthors?: Found<number>;
}

// ---------------------------------------------------------------------------------------------------------------

const CATEGORY_SUFFIX = /(案例|资源|软件|课例|微课|作品|课程)$/u;
const SLOT_CUE = /须提交|须包含|需提交|需同时提交|包含|报送形式|提交内容|一并提交|上传内容/u;
const LIST_SEPARATOR = /、|,|，|及|和|以及|;|；/uy;
const STOP_WORDS = /以(?=[A-Za-z])|等|经恰当|一并|通过|逐个|填写后|上传|格式|总量|总数|不超过|提交至/u;
const LEAD_VERBS = /^(?:其中|另外|另|报送形式|作品要求|制作要求|提交内容|须提交|需同时提交|须包含|需提交|包含|填写|打印(?:签字|盖章)?并?将?|并将|将|同时提交|提交)[:：]?/u;
const SCAN = /扫描件|扫描为PDF|PDF扫描/iu;
const SENTENCE_END = /[。;；!！?？\n]/u;
const CLAUSE_END = /[。;；,，!！?？\t\n]/u;

interface Sentence {
  flat: Flat;
  from: number;
  to: number;
  section: number;
}

/** Clause around flat[from, to): up to the nearest comma/stop outside brackets. */
function clauseAround(flat: Flat, from: number, to: number, min: number, max: number): [number, number] {
  let start = from;
  let depth = 0;
  // A clause that runs back more than 48 characters is a table read as text: quote the part next to the value.
  while (start > min && from - start < 48) {
    const char = flat.text[start - 1]!;
    if (')）》”'.includes(char)) depth++;
    else if ('(（《“'.includes(char)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && CLAUSE_END.test(char)) break;
    start--;
  }
  let end = to;
  depth = 0;
  while (end < max) {
    const char = flat.text[end]!;
    if ('(（《“'.includes(char)) depth++;
    else if (')）》”'.includes(char)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && CLAUSE_END.test(char)) break;
    end++;
  }
  return [start, end];
}

class NoticeReader {
  readonly text: string;
  readonly sections: Section[];
  readonly flats: Flat[];
  /** A Word extract ends a paragraph at each line break; a PDF extract wraps lines mid-sentence. */
  readonly breaks: 'keep' | 'join';
  readonly sentences: Sentence[] = [];
  readonly categories: DraftCategory[] = [];
  readonly windows: DraftWindow[] = [];
  maxAuthors?: Found<number>;
  year?: Found<number>;
  /** Category index per section, for sections that are a category's own. */
  private readonly categoryOfSection = new Map<number, number>();

  constructor(readonly role: NoticeRole, text: string) {
    this.text = cleanNotice(text);
    this.sections = segment(this.text);
    this.breaks = isWrapped(this.text) ? 'join' : 'keep';
    this.flats = this.sections.map((section) => flatten(this.text, section.start, section.end, this.breaks));
    this.sections.forEach((_, index) => {
      const flat = this.flats[index]!;
      let from = 0;
      for (let i = 0; i <= flat.text.length; i++) {
        if (i === flat.text.length || SENTENCE_END.test(flat.text[i]!) ) {
          if (i > from) this.sentences.push({ flat, from, to: i + (i < flat.text.length ? 1 : 0), section: index });
          from = i + 1;
        }
      }
    });
  }

  found<T>(value: T, flat: Flat, from: number, to: number, section: number): Found<T> {
    const span = spanOf(flat, from, to);
    return { value, quote: quoteOf(this.text, span), notice: this.role, section: this.sections[section]!.label || '开头', span };
  }

  /** A value quoted by its clause. */
  clauseFound<T>(value: T, sentence: Sentence, hit: { from: number; to: number }): Found<T> {
    const [start, end] = clauseAround(sentence.flat, sentence.from + hit.from, sentence.from + hit.to, sentence.from,
      sentence.to);
    return this.found(value, sentence.flat, start, end, sentence.section);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Year

  readYear(): void {
    const whole = flatten(this.text, 0, this.text.length, this.breaks).text;
    const [newest] = find.yearsIn(whole);
    if (!newest) return;
    for (const sentence of this.sentences) {
      const text = sentence.flat.text.slice(sentence.from, sentence.to);
      const hit = find.yearsIn(text).find((entry) => entry.value === newest.value);
      if (hit) {
        this.year = this.clauseFound(newest.value, sentence, hit);
        return;
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Categories

  readCategories(): void {
    for (const sentence of this.sentences) {
      if (this.sections[sentence.section]!.annex !== undefined) continue;
      const text = sentence.flat.text.slice(sentence.from, sentence.to).replace(/[。;；\n]$/u, '');
      const colon = text.lastIndexOf(':');
      if (colon < 0) continue;
      const list = text.slice(colon + 1);
      const items = splitOutside(list, /、/uy).map(([a, b]) => list.slice(a, b).replace(/等$/u, ''));
      if (items.length < 2 || !items.every((item) => CATEGORY_SUFFIX.test(withoutBrackets(item)) && item.length >= 4
        && item.length <= 40)) {
        continue;
      }
      const group = text.slice(0, colon).replace(/^.*[,，]/u, '');
      let at = sentence.from + colon + 1;
      for (const item of items) {
        const index = sentence.flat.text.indexOf(item, at);
        at = index + item.length;
        if (this.categories.some((category) => category.name.value === item)) continue;
        this.categories.push(this.newCategory(this.found(item, sentence.flat, index, index + item.length, sentence.section),
          group));
      }
    }
    // Headings "名称：是指…" name a category the notice did not list.
    this.sections.forEach((section, index) => {
      if (section.annex !== undefined) return;
      const match = /^(.{4,40}?)[:：]是指/u.exec(withoutBracketsKeep(section.title));
      if (!match || !CATEGORY_SUFFIX.test(match[1]!) || this.nameAt(section.title) !== undefined) return;
      const flat = this.flats[index]!;
      const from = flat.text.indexOf(match[1]!);
      if (from < 0) return;
      this.categories.push(this.newCategory(this.found(match[1]!, flat, from, from + match[1]!.length, index)));
    });
    this.sections.forEach((section, index) => {
      if (section.annex !== undefined) return;
      const category = this.nameAt(section.title);
      if (category !== undefined) this.categoryOfSection.set(index, category);
    });
  }

  private newCategory(name: Found<string>, group?: string): DraftCategory {
    return {
      name, aliases: [], ...(group ? { group } : {}), notices: [this.role], cites: [], slots: [], fields: [], windows: [],
      sites: [],
    };
  }

  /** The category whose name a heading starts with (the longest name wins). */
  private nameAt(title: string): number | undefined {
    const flat = flatten(title).text;
    let best: number | undefined;
    this.categories.forEach((category, index) => {
      if (flat.startsWith(category.name.value) && (best === undefined
        || category.name.value.length > this.categories[best]!.name.value.length)) best = index;
    });
    return best;
  }

  /** Categories named in a text, longer names hiding the shorter ones they contain. */
  namedIn(text: string): number[] {
    const hits: Array<{ index: number; from: number; to: number }> = [];
    this.categories.forEach((category, index) => {
      for (let at = text.indexOf(category.name.value); at >= 0; at = text.indexOf(category.name.value, at + 1)) {
        hits.push({ index, from: at, to: at + category.name.value.length });
      }
    });
    const kept = hits.filter((hit) => !hits.some((other) => other !== hit && other.from <= hit.from && other.to >= hit.to
      && other.to - other.from > hit.to - hit.from));
    return [...new Set(kept.map((hit) => hit.index))];
  }

  /** The categories a sentence speaks about, or undefined when it is about the whole notice. */
  scopeOf(sentence: Sentence): number[] | undefined {
    const named = this.namedIn(sentence.flat.text.slice(sentence.from, sentence.to));
    if (named.length > 0) return named;
    for (const index of ancestry(this.sections, sentence.section)) {
      const own = this.categoryOfSection.get(index);
      if (own !== undefined) return [own];
      const inSection = this.namedIn(this.flats[index]!.text);
      if (inSection.length > 0) return inSection;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Slots: lists of what to submit, and the formats stated for them

  readSlots(): void {
    for (const sentence of this.sentences) {
      if (this.sections[sentence.section]!.annex !== undefined) continue;
      const scope = this.scopeOf(sentence);
      if (scope?.length !== 1) continue;
      const category = this.categories[scope[0]!]!;
      const text = sentence.flat.text.slice(sentence.from, sentence.to);
      this.readCites(category, text);
      if (SLOT_CUE.test(text)) this.readSlotList(category, sentence, text);
      this.readFormatClauses(category, sentence, text);
    }
    // An annex a category cites can name a file of its own ("图片为JPG格式" in 附件14).
    for (const sentence of this.sentences) {
      if (this.sections[sentence.section]!.annex === undefined) continue;
      const scope = this.annexScope(sentence);
      if (scope?.length !== 1) continue;
      this.readFormatClauses(this.categories[scope[0]!]!, sentence, sentence.flat.text.slice(sentence.from, sentence.to));
    }
  }

  private readCites(category: DraftCategory, text: string): void {
    for (const match of text.matchAll(/附件?(\d{1,2})(?!\d)/gu)) {
      if (!/附件|见附/u.test(text.slice(Math.max(0, match.index - 1), match.index + 2))) continue;
      const annex = `附件${match[1]}`;
      if (!category.cites.includes(annex)) category.cites.push(annex);
    }
  }

  private readSlotList(category: DraftCategory, sentence: Sentence, text: string): void {
    const cue = SLOT_CUE.exec(text)!;
    const offset = cue.index;
    const listText = text.slice(offset);
    let previous: DraftSlot | undefined;
    // Items of one list are different slots: "作品登记表、作品" must not read 作品 as the form.
    const used = new Set<DraftSlot>();
    for (const [a, b] of splitOutside(listText, LIST_SEPARATOR)) {
      const piece = listText.slice(a, b);
      if (SCAN.test(piece) && !/[(（]/u.test(piece)) {
        // "打印签字并将PDF扫描件": the form just named goes in as a PDF scan.
        const form = previous && /表$/u.test(previous.name.value) ? previous : category.slots.find((s) => /表$/u.test(s.name.value));
        if (form && !form.types) form.types = this.found(['pdf'], sentence.flat, sentence.from + offset + a, sentence.from + offset + b, sentence.section);
        continue;
      }
      const bracketAt = piece.search(/[(（]/u);
      let name = (bracketAt >= 0 ? piece.slice(0, bracketAt) : piece).replace(LEAD_VERBS, '').replace(/[《》]/gu, '');
      const stop = STOP_WORDS.exec(name);
      if (stop) name = name.slice(0, stop.index);
      name = name.replace(LEAD_VERBS, '').trim();
      if (!/^[\u4e00-\u9fffA-Za-z]{2,16}$/u.test(name) || !/[\u4e00-\u9fff]{2}|^PPTX?$/iu.test(name)) continue;
      const nameFrom = sentence.from + offset + a + piece.indexOf(name.slice(0, 2));
      if ([...used].some((slot) => slot.name.value === name)) continue;
      const slot = this.slotNamed(category, name, used) ?? this.addSlot(category,
        this.found(name, sentence.flat, nameFrom, nameFrom + name.length, sentence.section));
      used.add(slot);
      previous = slot;
      const bracket = bracketAt >= 0 ? piece.slice(bracketAt) : '';
      this.readCites(category, bracket);
      for (const match of bracket.matchAll(/附件?(\d{1,2})/gu)) {
        const annex = `附件${match[1]}`;
        if (!slot.cites.includes(annex)) slot.cites.push(annex);
      }
      const types = find.formatsIn(/^PPTX?$/iu.test(name) ? name : bracket);
      if (types.length > 0 && !slot.types) {
        slot.types = this.found(types, sentence.flat, sentence.from + offset + a, sentence.from + offset + b, sentence.section);
      }
    }
  }

  /** "案例信息表填写后以 PDF、word 格式上传", "教案可以为 Word或PDF格式", "图片为JPG格式", "输出格式为MP4". */
  private readFormatClauses(category: DraftCategory, sentence: Sentence, text: string): void {
    for (const [a, b] of splitOutside(text, /[,，;；。]/uy)) {
      const clause = text.slice(a, b).replace(/^[^:：]*[:：]/u, (lead) => (lead.length <= 8 ? '' : lead));
      const shift = text.slice(a, b).length - clause.length;
      const subject = /^(.+?)(?:填写后|均|应|须|可)?(?:以|可以为|可为|为|采用|使用)([A-Za-z0-9、/或和及\s]+?)(?:文档)?格式/u.exec(clause);
      const output = /格式(?:为|是|:|：)([A-Za-z0-9]+)/u.exec(clause);
      const formats = find.formatsIn(subject?.[2] ?? output?.[1] ?? '');
      if (formats.length === 0) continue;
      const at = sentence.from + a + shift;
      const names = subject ? subject[1]!.split('、').map((name) => name.trim())
        .filter((name) => name !== '' && !/扫描|填写|打印|提交|上传|盖章|生成/u.test(name)) : [];
      if (subject && names.length === 0) continue;
      const targets = names.length > 0
        ? names.map((name) => this.slotNamed(category, name) ?? (/^[\u4e00-\u9fff]{2,16}$/u.test(name)
          ? this.addSlot(category, this.found(name, sentence.flat, at + clause.indexOf(name), at + clause.indexOf(name) + name.length, sentence.section))
          : undefined))
        : [this.mentionedSlot(category, text, 0) ?? this.videoSlot(category)];
      for (const slot of targets) {
        if (slot && !slot.types) slot.types = this.found(formats, sentence.flat, at, sentence.from + b, sentence.section);
      }
    }
  }

  private addSlot(category: DraftCategory, name: Found<string>): DraftSlot {
    const slot: DraftSlot = { name, cites: [], video: {} };
    category.slots.push(slot);
    return slot;
  }

  /**
   * The slot another sentence means by `name`: the same name, a shortening ("研修实施方案" for 校本研修实施方案), a
   * lengthening of a name of four characters or more, or the same characters in order ("研修方案").
   */
  slotNamed(category: DraftCategory, name: string, skip: ReadonlySet<DraftSlot> = new Set()): DraftSlot | undefined {
    const slots = category.slots.filter((slot) => !skip.has(slot));
    return slots.find((slot) => slot.name.value === name)
      ?? slots.find((slot) => slot.name.value.includes(name)
        || (slot.name.value.length >= 4 && name.includes(slot.name.value)))
      ?? (name.length >= 3 ? slots.find((slot) => isSubsequence(name, slot.name.value)) : undefined);
  }

  /** The slot a sentence names last before `before` (full name, else its last two characters: 视频, 材料). */
  mentionedSlot(category: DraftCategory, text: string, before: number): DraftSlot | undefined {
    const limit = before > 0 ? before : text.length;
    for (const names of [(slot: DraftSlot) => slot.name.value, (slot: DraftSlot) => slot.name.value.slice(-2)]) {
      let best: { slot: DraftSlot; at: number } | undefined;
      for (const slot of category.slots) {
        const at = text.lastIndexOf(names(slot), limit);
        if (at >= 0 && (!best || at > best.at)) best = { slot, at };
      }
      if (best) return best.slot;
    }
    return undefined;
  }

  videoSlot(category: DraftCategory): DraftSlot | undefined {
    return category.slots.find((slot) => slot.types?.value.includes('mp4'))
      ?? category.slots.find((slot) => /视频|录像|实录/u.test(slot.name.value));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Limits in sentences

  readLimits(): void {
    const noticeYear = this.year?.value ?? new Date().getFullYear();
    for (const sentence of this.sentences) {
      const section = this.sections[sentence.section]!;
      const text = sentence.flat.text.slice(sentence.from, sentence.to);
      const scope = section.annex === undefined ? this.scopeOf(sentence) : this.annexScope(sentence);
      this.readWindow(sentence, text, scope, noticeYear);
      this.readSites(sentence, text, scope);

      const authors = find.authorLimit(text);
      if (authors) {
        const found = this.clauseFound(authors.value, sentence, authors);
        if (scope === undefined) this.maxAuthors ??= found;
        for (const index of scope ?? []) this.categories[index]!.maxAuthors ??= found;
      }
      const works = find.worksPerAuthor(text);
      if (works) {
        for (const index of scope ?? []) {
          this.categories[index]!.maxWorksPerFirstAuthor ??= this.clauseFound(works.value, sentence, works);
        }
      }
      for (const index of scope ?? []) this.readSlotLimits(this.categories[index]!, sentence, text, section.annex !== undefined);
    }
    // A rule stated for the whole notice ("每个项目作者不超过3人") holds where no category states its own.
    if (this.maxAuthors) for (const category of this.categories) category.maxAuthors ??= this.maxAuthors;
  }

  /** An annex speaks for the categories that cite it or whose name its title carries. */
  private annexScope(sentence: Sentence): number[] | undefined {
    const block = this.blocks().find((entry) => entry.start <= sentence.flat.offsets[sentence.from]! && sentence.flat.offsets[sentence.from]! < entry.end);
    return block ? this.blockCategories(block) : undefined;
  }

  /** The slot the previous sentence of the same section spoke about, per category ("…图片为JPG格式；单张照片在2M以内"). */
  private readonly lastSlot = new Map<DraftCategory, { section: number; slot: DraftSlot }>();

  private readSlotLimits(category: DraftCategory, sentence: Sentence, text: string, inAnnex: boolean): void {
    const named = this.mentionedSlot(category, text, 0);
    const last = this.lastSlot.get(category);
    if (named) this.lastSlot.set(category, { section: sentence.section, slot: named });
    const carried = last && last.section === sentence.section ? last.slot : undefined;
    const at = (hit: { from: number }) => this.mentionedSlot(category, text, hit.from) ?? named ?? carried;
    const video = (hit: { from: number }) => {
      const slot = at(hit);
      return slot && (slot.types?.value.includes('mp4') || /视频|录像|实录/u.test(slot.name.value)) ? slot : this.videoSlot(category);
    };
    const set = <K extends keyof DraftSlot>(slot: DraftSlot | undefined, key: K, value: DraftSlot[K]) => {
      if (slot && slot[key] === undefined) slot[key] = value;
    };
    const setVideo = (slot: DraftSlot | undefined, key: keyof DraftVideo, value: Found<number>) => {
      if (slot && slot.video[key] === undefined) slot.video[key] = value;
    };

    if (/时长|时间|分钟|小时/u.test(text)) {
      const range = find.durationRange(text);
      if (range) {
        const slot = video(range);
        setVideo(slot, 'minDurationSec', this.clauseFound(range.value.min, sentence, range));
        setVideo(slot, 'maxDurationSec', this.clauseFound(range.value.max, sentence, range));
      } else {
        const max = find.durationMax(text);
        if (max?.value.total) category.maxTotalVideoSec ??= this.clauseFound(max.value.seconds, sentence, max);
        else if (max) setVideo(video(max), 'maxDurationSec', this.clauseFound(max.value.seconds, sentence, max));
        const min = find.durationMin(text);
        if (min && /视频|录像|时长/u.test(text)) setVideo(video(min), 'minDurationSec', this.clauseFound(min.value, sentence, min));
      }
    }
    if (/分辨率/u.test(text)) {
      const size = find.resolution(text);
      if (size) {
        const slot = video(size);
        setVideo(slot, 'minWidth', this.clauseFound(size.value.width, sentence, size));
        setVideo(slot, 'minHeight', this.clauseFound(size.value.height, sentence, size));
      }
    }
    if (/帧/u.test(text)) {
      const fps = find.frameRate(text);
      if (fps) setVideo(video(fps), 'fps', this.clauseFound(fps.value, sentence, fps));
    }
    const size = find.sizeLimit(text);
    if (size) set(at(size), size.value.total ? 'maxTotalBytes' : 'maxBytes', this.clauseFound(size.value.bytes, sentence, size));
    const count = find.itemCount(text);
    if (count) {
      const slot = /视频/u.test(text.slice(Math.max(0, count.from - 4), count.to)) ? video(count) : at(count);
      set(slot, 'maxCount', this.clauseFound(count.value.count, sentence, count));
      if (count.value.total) set(slot, 'maxItems', this.clauseFound(count.value.count, sentence, count));
    }
    const edge = find.longEdge(text);
    if (edge) set(at(edge), 'minLongEdge', this.clauseFound(edge.value, sentence, edge));
    if (!inAnnex) {
      // 字数 in the body ("总结报告不超过3000字"); annex forms are read cell by cell in readForms.
      const range = find.charRange(text);
      const max = range ? undefined : find.charMax(text);
      const slot = range ? at(range) : max ? at(max) : undefined;
      if (range) {
        set(slot, 'minChars', this.clauseFound(range.value.min, sentence, range));
        set(slot, 'maxChars', this.clauseFound(range.value.max, sentence, range));
      } else if (max) set(slot, 'maxChars', this.clauseFound(max.value, sentence, max));
    }
  }

  private readWindow(sentence: Sentence, text: string, scope: number[] | undefined, year: number): void {
    const window = find.dateWindow(text, year);
    if (!window) return;
    const found = this.clauseFound(window.value, sentence, window);
    const clause = flatten(found.quote).text;
    const datePart = flatten(found.quote).text.search(/(?:\d{4}年)?\d{1,2}月\d{1,2}日/u);
    let label = clause.slice(0, Math.max(0, datePart))
      .replace(/^注[:：]/u, '')
      .replace(/^\d+\.|^[(（]?[一二三四五六七八九十]+[)）、]/u, '')
      .replace(/(?:时间为|时间是|时间:|时间：|时间|期间|于|请|在|:|：|为)+$/u, '')
      .replace(/^(?:请|于)+/u, '');
    if (label.length < 2 || label.length > 24) {
      const block = this.blocks().find((entry) => entry.start <= found.span.start && found.span.start < entry.end);
      label = block?.titles[0] ?? (clause.replace(/(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:前|之前)?/u, '').slice(0, 24) || '截止日期');
    }
    const organiser = /组织单位|省级|国家级|推荐|联系人|管理员|各地|各校|各单位/u.test(text + label);
    const draft: DraftWindow = { label, audience: organiser ? 'organiser' : 'teacher', found };
    const targets = scope ?? (!organiser && this.categories.length <= 3 ? this.categories.map((_, i) => i) : []);
    const lists = targets.length === 0 || organiser ? [this.windows] : targets.map((index) => this.categories[index]!.windows);
    for (const list of lists) {
      // One date stated twice (in the text and on the annex's form) is one window; the longer label names it better.
      const same = list.findIndex((entry) => entry.found.value.from === window.value.from && entry.found.value.to === window.value.to);
      if (same < 0) list.push(draft);
      else if (list[same]!.label.length < draft.label.length) list[same] = draft;
    }
  }

  private readSites(sentence: Sentence, text: string, scope: number[] | undefined): void {
    const targets = scope ?? (this.categories.length <= 3 ? this.categories.map((_, i) => i) : []);
    for (const site of find.sitesIn(text)) {
      const found = this.clauseFound(site.value, sentence, site);
      for (const index of targets) {
        const category = this.categories[index]!;
        if (!category.sites.some((entry) => entry.value === site.value)) category.sites.push(found);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Annex forms: fields printed on the forms, and whole-document limits (总结报告 ≤ 2000 字)

  private blockCache?: Block[];

  /** The annex area cut into forms: at each "附件N" and at each title line (作品登记表, …申报表, …撰写说明). */
  blocks(): Block[] {
    if (this.blockCache) return this.blockCache;
    const blocks: Block[] = [];
    const firstAnnex = this.sections.find((section) => section.annex !== undefined);
    if (!firstAnnex) return (this.blockCache = blocks);
    let offset = 0;
    let previousTitle = false;
    for (const line of this.text.split('\n')) {
      const lineStart = offset;
      offset += line.length + 1;
      if (offset <= firstAnnex.start) continue;
      const flat = flatten(line).text;
      const header = /^附件(\d{1,2})[:：]?$/u.exec(flat);
      const isTitle = !/^\t/u.test(line) && flat.length >= 5 && flat.length <= 34 && !/[:：,，。;；]/u.test(flat)
        && /(表|方案|报告|说明|要求|内容)$/u.test(withoutBrackets(flat)) && !/^\d|^[一二三四五六七八九十]+、/u.test(flat);
      const current = blocks[blocks.length - 1];
      if (header) {
        if (current) current.end = lineStart;
        blocks.push({ annex: `附件${header[1]}`, titles: [], start: lineStart, end: this.text.length });
        previousTitle = false;
      } else if (isTitle) {
        if (current && current.titles.length === 0) current.titles.push(flat);
        else {
          if (current) current.end = lineStart;
          blocks.push({ titles: [flat], start: lineStart, end: this.text.length });
        }
        previousTitle = true;
      } else if (previousTitle && current && /^[(（].*[)）]$/u.test(flat)) {
        current.titles.push(flat);
        previousTitle = false;
      } else if (flat !== '') previousTitle = false;
    }
    return (this.blockCache = blocks);
  }

  blockCategories(block: Block): number[] {
    const byCite = this.categories.flatMap((category, index) =>
      block.annex !== undefined && category.cites.includes(block.annex) ? [index] : []);
    const byTitle = block.titles.flatMap((title) => this.namedIn(title));
    const list = [...new Set([...byCite, ...byTitle])];
    return list.length > 0 ? list : [];
  }

  readForms(): void {
    for (const block of this.blocks()) {
      const targets = this.blockCategories(block);
      if (targets.length === 0) continue;
      const { fields, document } = this.readBlock(block);
      for (const index of targets) {
        const category = this.categories[index]!;
        for (const field of fields) {
          if (!category.fields.some((known) => known.label === field.label && known.annex === field.annex)) {
            category.fields.push(field);
          }
        }
        const slot = this.documentSlot(category, block);
        if (!slot) continue;
        slot.minChars ??= document.minChars;
        slot.maxChars ??= document.maxChars;
        slot.maxHeadingLevels ??= document.maxHeadingLevels;
      }
    }
  }

  /** The Word slot a template annex describes: the one citing it, else named in its title, else the only one. */
  private documentSlot(category: DraftCategory, block: Block): DraftSlot | undefined {
    const isWord = (slot: DraftSlot) => slot.types?.value.includes('docx') ?? false;
    if (block.annex !== undefined) {
      const citing = category.slots.find((slot) => slot.cites.includes(block.annex!));
      if (citing) return isWord(citing) || !citing.types ? citing : undefined;
    }
    const titled = category.slots.find((slot) => block.titles.some((title) => title.includes(slot.name.value)));
    if (titled) return titled;
    const words = category.slots.filter(isWord);
    return words.length === 1 ? words[0] : undefined;
  }

  private readBlock(block: Block): { fields: DraftField[]; document: Pick<DraftSlot, 'minChars' | 'maxChars' | 'maxHeadingLevels'> } {
    const raw = this.text.slice(block.start, block.end);
    const tabbed = raw.includes('\t');
    const cells: Array<{ start: number; end: number }> = [];
    const cut = tabbed ? /\t/gu : /\n/gu;
    let from = 0;
    for (const match of raw.matchAll(cut)) {
      cells.push({ start: block.start + from, end: block.start + match.index });
      from = match.index + match[0].length;
    }
    cells.push({ start: block.start + from, end: block.end });
    const isLabel = (text: string) => /^[\u4e00-\u9fff、()（）/]{2,12}$/u.test(text) && !block.titles.includes(text);
    const isHeading = (text: string) => /^[一二三四五六七八九十]+、|^\d+[.、]/u.test(text) && text.length <= 12;
    // A PDF extract wraps a box's text over lines ("不超过 400\n\n字。"): consecutive text lines are one piece.
    const pieces: Array<{ start: number; end: number }> = [];
    for (const cell of cells) {
      const text = flatten(this.text, cell.start, cell.end).text;
      if (text === '') continue;
      const last = pieces[pieces.length - 1];
      const lastText = last ? flatten(this.text, last.start, last.end).text : '';
      if (!tabbed && last && text !== '' && !isLabel(text) && !isHeading(text) && lastText !== '' && !isLabel(lastText)
        && !isHeading(lastText)) last.end = cell.end;
      else pieces.push({ ...cell });
    }

    const fields: DraftField[] = [];
    const document: Pick<DraftSlot, 'minChars' | 'maxChars' | 'maxHeadingLevels'> = {};
    const here = this.sections.findIndex((section) => section.start >= block.start) ;
    const sectionIndex = Math.max(0, here < 0 ? this.sections.length - 1 : here);
    let label: string | undefined;
    let lastPieceWasLabel = false;
    for (const piece of pieces) {
      const flat = flatten(this.text, piece.start, piece.end);
      const text = flat.text;
      if (text === '') continue;
      if (isHeading(text)) {
        label = undefined;
        lastPieceWasLabel = false;
        continue;
      }
      if (isLabel(text)) {
        label = !tabbed && lastPieceWasLabel && text.length <= 3 && label ? label + text : text;
        lastPieceWasLabel = true;
        continue;
      }
      lastPieceWasLabel = false;
      const inline = /^([\u4e00-\u9fff]{2,24}?)(?:[(（][^)）]*?(?:不超过|以内)|(?=不超过\d+个))/u.exec(text);
      const fieldLabel = inline?.[1] ?? label;
      const quoted = <T>(value: T, hit: { from: number; to: number }) => {
        const [start, end] = clauseAround(flat, hit.from, hit.to, 0, text.length);
        const at = flat.offsets[hit.from]!;
        const sectionOf = this.sections.reduce((best, section, index) => (section.start <= at ? index : best), sectionIndex);
        return this.found(value, flat, start, end, sectionOf);
      };
      // "全文不超过2000字" caps the whole document; a box's own limit may precede it in the same run of text.
      const wholeAt = text.search(/全文|全篇/u);
      if (wholeAt >= 0) {
        const whole = find.charMax(text.slice(wholeAt));
        if (whole) document.maxChars ??= quoted(whole.value, { from: whole.from + wholeAt, to: whole.to + wholeAt });
      }
      const own = wholeAt >= 0 ? text.slice(0, wholeAt) : text;
      const range = find.charRange(own);
      const levels = find.headingLevels(own);
      if (levels) document.maxHeadingLevels ??= quoted(levels.value, levels);
      if (range && fieldLabel === undefined) {
        document.minChars ??= quoted(range.value.min, range);
        document.maxChars ??= quoted(range.value.max, range);
        continue;
      }
      const max = find.charMax(own);
      if (max && fieldLabel === undefined) {
        if (!levels || !/标题/u.test(own.slice(Math.max(0, max.from - 4), max.to))) document.maxChars ??= quoted(max.value, max);
        continue;
      }
      if (fieldLabel === undefined) continue;
      const field: DraftField = { label: fieldLabel, ...(block.annex ? { annex: block.annex } : {}) };
      if (max) field.maxChars = quoted(max.value, max);
      if (/关键词|关键字/u.test(fieldLabel)) {
        const keywords = find.keywordLimit(own);
        if (keywords) field.maxKeywords = quoted(keywords.value, keywords);
      }
      if ((field.maxChars || field.maxKeywords) && !fields.some((known) => known.label === field.label)) fields.push(field);
    }
    return { fields, document };
  }
}

/**
 * Whether the text is hard-wrapped like a PDF extract: most lines stop near the same width. A Word extract has one
 * line per paragraph, of every length.
 */
export function isWrapped(text: string): boolean {
  const lengths = text.split('\n').map((line) => flatten(line).text.length).filter((length) => length > 0);
  if (lengths.length < 10) return false;
  const sorted = [...lengths].sort((a, b) => a - b);
  const wide = sorted[Math.floor(sorted.length * 0.9)]!;
  const full = lengths.filter((length) => length >= wide * 0.8 && length <= wide * 1.1).length;
  return full / lengths.length > 0.2;
}

interface Block {
  annex?: string;
  titles: string[];
  start: number;
  end: number;
}

/** A heading's text with brackets kept but width folded, for "名称：是指" matching. */
function withoutBracketsKeep(title: string): string {
  return flatten(title).text;
}

/** Reads one notice: its year, categories, what each asks for and the limits it states, each with its quote. */
export function readNoticeDraft(input: NoticeInput): NoticeDraft {
  const reader = new NoticeReader(input.role, input.text);
  reader.readYear();
  reader.readCategories();
  reader.readSlots();
  reader.readLimits();
  reader.readForms();
  return {
    role: input.role,
    text: reader.text,
    sections: reader.sections,
    ...(reader.year ? { year: reader.year } : {}),
    categories: reader.categories,
    windows: reader.windows,
    ...(reader.maxAuthors ? { maxAuthors: reader.maxAuthors } : {}),
  };
}
