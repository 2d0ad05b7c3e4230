/**
 * Which category a submission page is for, read from what the page prints: its headings and card titles carry the
 * form's title (作品登记表（职业教育实践性教学案例）, 国家中小学智慧教育平台校本研修案例信息表), sometimes the
 * form number (附件11), and the hash route often names the project. Menus and tables are not read: a menu lists
 * every category, and a "我的作品" table names the categories of other works.
 */

import { normalizeLabel } from '@/lib/autofill';
import type { Category, RulePack, SiteId } from '@/lib/rules/schema';

/** One category the page may be for, with the evidence found. */
export interface CategoryCandidate {
  id: string;
  score: number;
  /** The heading or route text that matched. */
  evidence: string;
}

/** `categoryId` is the best guess; `ambiguous` when another category has equally strong evidence (附件1 serves two). */
export interface CategoryGuess {
  categoryId: string | undefined;
  candidates: CategoryCandidate[];
  ambiguous: boolean;
}

export interface DetectCategoryOptions {
  site?: SiteId;
  /** `location.pathname + location.hash`; defaults to the document's own. */
  route?: string;
  /** Elements matching this selector are the extension's own UI and are not read. */
  ignore?: string;
}

export const HEADING_SELECTOR = [
  'h1', 'h2', 'h3', 'h4', '[role="heading"]', 'legend', 'caption',
  '.el-card__header', '.ant-card-head-title', '.el-page-header__content', '.ant-page-header-heading-title',
  '[class*="title"]', '[class*="Title"]',
].join(', ');

const MAX_HEADING_CHARS = 80;
/** A category's name in a heading: the strongest evidence there is. */
const NAME_SCORE = 100;
const FORM_SCORE = 30;
const ROUTE_SCORE = 20;
const SITE_SCORE = 5;
/** Below this, nothing on the page named a category (only the site agreed). */
const MIN_SCORE = ROUTE_SCORE;

/** Heading texts of the page, shortest wording first per element, without the extension's own UI. */
export function headingTexts(doc: Document, ignore?: string): string[] {
  const texts: string[] = [];
  const title = normalizeLabel(doc.title);
  if (title !== '') texts.push(title);
  for (const element of Array.from(doc.querySelectorAll(HEADING_SELECTOR))) {
    if (ignore && element.closest(ignore)) continue;
    // Upload tips (el-upload__tip) and menus are not titles even when a class name says "title".
    if (element.closest('nav, [role="menu"], [role="menubar"], .el-menu, .ant-menu, table.el-table__body, .ant-table-tbody')) continue;
    const text = normalizeLabel(element.textContent ?? '');
    if (text !== '' && text.length <= MAX_HEADING_CHARS) texts.push(text);
  }
  return texts;
}

interface NameHit {
  id: string;
  text: number;
  start: number;
  end: number;
}

function nameHits(texts: readonly string[], categories: readonly Category[]): NameHit[] {
  const hits: NameHit[] = [];
  texts.forEach((text, t) => {
    for (const category of categories) {
      const name = normalizeLabel(category.name);
      let at = text.indexOf(name);
      while (at >= 0) {
        hits.push({ id: category.id, text: t, start: at, end: at + name.length });
        at = text.indexOf(name, at + 1);
      }
    }
  });
  // "融合创新应用教学案例（“素质教育”主题）" also contains 融合创新应用教学案例: the longer name owns that place.
  return hits.filter((hit) => !hits.some((other) => other !== hit && other.text === hit.text
    && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
}

/** Route segments: `/case/shijian?x=1` → case, shijian. */
function routeSegments(route: string): string[] {
  return route.toLowerCase().split(/[#/?&=._-]+/).filter((s) => s.length >= 4);
}

/** Guesses the category of the page's form. Pure over the document; nothing is changed. */
export function detectCategory(doc: Document, pack: Pick<RulePack, 'categories'>,
  options: DetectCategoryOptions = {}): CategoryGuess {
  const texts = headingTexts(doc, options.ignore);
  const route = options.route ?? `${doc.location?.pathname ?? ''}${doc.location?.hash ?? ''}`;
  const scores = new Map<string, CategoryCandidate>();
  const add = (id: string, score: number, evidence: string): void => {
    const current = scores.get(id);
    if (current) {
      current.score += score;
      return;
    }
    scores.set(id, { id, score, evidence });
  };

  const named = new Set<string>();
  for (const hit of nameHits(texts, pack.categories)) {
    if (named.has(hit.id)) continue;
    named.add(hit.id);
    add(hit.id, NAME_SCORE, texts[hit.text]!);
  }

  const formNumbers = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/附件(\d+)/g)) formNumbers.add(`附件${match[1]}`);
  for (const category of pack.categories) {
    const form = category.forms.find((f) => formNumbers.has(f));
    if (form) add(category.id, FORM_SCORE, form);
  }

  const segments = new Set(routeSegments(route));
  for (const category of pack.categories) {
    const parts = [category.id, category.id.split('_').pop()!];
    if (parts.some((p) => segments.has(p))) add(category.id, ROUTE_SCORE, route);
  }

  const order = (id: string): number => pack.categories.findIndex((c) => c.id === id);
  const candidates = [...scores.values()]
    .map((c) => {
      const category = pack.categories.find((k) => k.id === c.id)!;
      return options.site && category.sites.includes(options.site) ? { ...c, score: c.score + SITE_SCORE } : c;
    })
    .filter((c) => c.score >= MIN_SCORE)
    // Equal evidence keeps the pack's order, so the guess is stable.
    .sort((a, b) => b.score - a.score || order(a.id) - order(b.id));
  const [best, second] = candidates;
  // Two names printed in one title (附件1 serves 精品学习资源 and 自制教学工具软件): the page cannot tell; ask.
  const ambiguous = best !== undefined && second !== undefined && named.has(best.id) && named.has(second.id)
    && second.score >= best.score - SITE_SCORE - ROUTE_SCORE;
  return { categoryId: best?.id, candidates, ambiguous };
}
