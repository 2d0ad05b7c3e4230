import { chineseNumber, foldWidth } from './text';

/** The five numbering styles of a notice, outermost first: 一、 （一） 1. （1） ①. */
type Marker = 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'circled';

/** One numbered section of a notice. */
export interface Section {
  /** Path of numbers as the notice writes it: "二(二)2(3)①", "附件14 三"; "" before the first heading. */
  label: string;
  /** The heading line without its number, e.g. "职业教育实践性教学案例：是指…". */
  title: string;
  /** The annex the section belongs to ("附件3"), if any. */
  annex?: string;
  /** Original offsets of the section's own text (its heading up to the next heading of any level). */
  start: number;
  end: number;
  /** Index of the parent section in the list, -1 for a top-level one. */
  parent: number;
}

const MARKERS: Array<{ marker: Marker; pattern: RegExp; show: (n: string) => string }> = [
  { marker: 'chinese', pattern: /^([一二三四五六七八九十]{1,3})[、.]/u, show: (n) => n },
  { marker: 'paren-chinese', pattern: /^\(([一二三四五六七八九十]{1,3})\)/u, show: (n) => `(${n})` },
  { marker: 'arabic', pattern: /^(\d{1,2})(?:[.、](?!\d)|\.(?=\s))/u, show: (n) => n },
  { marker: 'paren-arabic', pattern: /^\((\d{1,2})\)/u, show: (n) => `(${n})` },
  { marker: 'circled', pattern: /^([\u2460-\u2473])/u, show: (n) => n },
];

const ANNEX = /^附件\s*(\d{1,2})\s*[:：]?\s*$|^附件\s*(\d{1,2})\s*[:：]/u;

interface Open {
  marker: Marker;
  number: number;
  index: number;
}

function numberOf(marker: Marker, raw: string): number {
  if (marker === 'circled') return raw.codePointAt(0)! - 0x245f;
  return chineseNumber(raw) ?? Number(raw);
}

/**
 * Cuts a notice into its numbered sections. A number continues the open list of its style when it is the next one
 * (（3） after （2）); a list restarting at 1 inside a section opens a deeper level (the four video kinds (1)–(4)
 * listed inside 二(二)2(3)①); a line "附件N" starts an annex and closes everything.
 */
export function segment(text: string): Section[] {
  const sections: Section[] = [{ label: '', title: '', start: 0, end: text.length, parent: -1 }];
  let open: Open[] = [];
  let annex: string | undefined;
  let annexIndex = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const folded = foldWidth(line);
    const lead = folded.length - folded.trimStart().length;
    const body = folded.trim();
    if (body === '') continue;

    const annexMatch = ANNEX.exec(body);
    if (annexMatch && body.length <= 16) {
      annex = `附件${annexMatch[1] ?? annexMatch[2]}`;
      open = [];
      sections[sections.length - 1]!.end = lineStart;
      annexIndex = sections.length;
      sections.push({ label: annex, title: body, annex, start: lineStart + lead, end: text.length, parent: -1 });
      continue;
    }

    const hit = MARKERS.map((entry) => ({ entry, match: entry.pattern.exec(body) })).find((item) => item.match);
    if (!hit?.match) continue;
    const marker = hit.entry.marker;
    const number = numberOf(marker, hit.match[1]!);
    // Inside an annex, numbered lines are mostly items of a form's boxes; only its 一、二、 chapters and the
    // numbers under them are sections ("附件14 四2").
    if (annex !== undefined && marker !== 'chinese' && !open.some((entry) => entry.marker === 'chinese')) continue;

    // The deepest open entry of this style that this number continues, else restart or replace.
    let depth = -1;
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.marker === marker && open[i]!.number + 1 === number) {
        depth = i;
        break;
      }
    }
    if (depth < 0 && number !== 1) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.marker === marker) { depth = i; break; }
    }
    if (depth < 0 && number === 1) {
      // A restart at 1 of an open style directly under it is a sibling run only when nothing deeper is open.
      depth = open.length;
    }
    open = open.slice(0, depth);
    const parent = open.length > 0 ? open[open.length - 1]!.index : annexIndex;
    const labelParts = open.map((entry) => sections[entry.index]!).map((section) => section.label);
    const own = hit.entry.show(hit.match[1]!);
    const base = labelParts.length > 0 ? labelParts[labelParts.length - 1]! : annex ?? '';
    const label = base === '' ? own : annex !== undefined && open.length === 0 ? `${base} ${own}` : `${base}${own}`;

    sections[sections.length - 1]!.end = lineStart;
    const index = sections.length;
    sections.push({
      label,
      title: body.slice(hit.match[0].length).trim(),
      ...(annex === undefined ? {} : { annex }),
      start: lineStart + lead,
      end: text.length,
      parent,
    });
    open.push({ marker, number, index });
  }
  return sections;
}

/** The section whose own text contains `offset`. */
export function sectionAt(sections: readonly Section[], offset: number): Section {
  let found = sections[0]!;
  for (const section of sections) if (section.start <= offset) found = section;
  return found;
}

/** Indices of a section and all its ancestors, innermost first. */
export function ancestry(sections: readonly Section[], index: number): number[] {
  const chain: number[] = [];
  for (let at = index; at >= 0; at = sections[at]!.parent) chain.push(at);
  return chain;
}
