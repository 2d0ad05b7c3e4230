/**
 * The generic page reader: what kind of page this is and which category it is for, from what the page prints. Site
 * adapters add known routes and their chrome; a site whose layout nobody described (a new subdomain, a redesign)
 * still gets a useful answer from the text alone.
 */

import type { DetectedField } from '@/lib/autofill';
import { detectCategory } from '@/lib/guard/category';
import type { RulePack } from '@/lib/rules/schema';
import type { PageKind, SiteAdapter } from './define';

/** What the panel knows about the current page. */
export interface PageInfo {
  kind: PageKind;
  /** Best category guess, limited to the categories submitted on this site when the page names one of them. */
  categoryId: string | undefined;
  /** The page named more than one category equally (附件1 serves 精品学习资源 and 自制教学工具软件). */
  ambiguous: boolean;
  /** Why `kind` was chosen, for the panel's tooltip and for tests. */
  evidence: 'route' | 'fields' | 'uploads' | 'table' | 'heading' | 'none';
}

export interface ReadPageOptions {
  route: string;
  /** Fields detected on the page (the panel has them already; detecting twice would cost a frame). */
  fields: readonly DetectedField[];
  /** The extension's own UI. */
  ignore?: string;
}

/** A registration form asks for at least this many things the profile can answer. */
const MIN_FORM_FIELDS = 3;
const UPLOAD_SELECTOR = 'input[type="file"], .el-upload, .ant-upload';
const TABLE_SELECTOR = '.el-table, .ant-table, table';
const LIST_HEADINGS = /我的作品|作品列表|报送记录|申报记录|作品管理/;
const LIST_COLUMNS = /操作|状态|审核/;

function outside(element: Element, skip: string | undefined): boolean {
  return !skip || element.closest(skip) === null;
}

function isList(doc: Document, skip: string | undefined): 'table' | 'heading' | undefined {
  for (const table of Array.from(doc.querySelectorAll(TABLE_SELECTOR))) {
    if (!outside(table, skip) || table.parentElement?.closest(TABLE_SELECTOR)) continue;
    // A data table has a header naming row actions or states; a printed-form <table> (附件11) has neither.
    const header = table.querySelector('thead, .el-table__header, .ant-table-thead');
    if (header && LIST_COLUMNS.test(header.textContent ?? '')) return 'table';
  }
  for (const heading of Array.from(doc.querySelectorAll('h1, h2, h3, .el-card__header, .ant-card-head-title'))) {
    if (outside(heading, skip) && LIST_HEADINGS.test(heading.textContent ?? '')) return 'heading';
  }
  return undefined;
}

/** Reads the page's kind and category; pure apart from reading `doc`. */
export function readPage(doc: Document, adapter: SiteAdapter, pack: Pick<RulePack, 'categories'>,
  options: ReadPageOptions): PageInfo {
  const skip = [options.ignore, ...(adapter.hints.chrome ?? [])].filter(Boolean).join(', ') || undefined;
  const guess = detectCategory(doc, pack, { site: adapter.id, route: options.route, ...(skip ? { ignore: skip } : {}) });
  const own = guess.candidates.filter((c) => pack.categories.find((k) => k.id === c.id)?.sites.includes(adapter.id));
  const category = { categoryId: (own[0] ?? guess.candidates[0])?.id, ambiguous: guess.ambiguous };

  const hint = adapter.hints.routes?.find((r) => r.pattern.test(options.route));
  if (hint) {
    return { kind: hint.kind, ...category, ...(hint.categoryId ? { categoryId: hint.categoryId } : {}), evidence: 'route' };
  }
  const answered = options.fields.filter((field) => field.attribute !== undefined);
  const people = answered.some((field) => field.role === 'contact' || field.role?.startsWith('author['));
  if (answered.length >= MIN_FORM_FIELDS && people) return { kind: 'registration', ...category, evidence: 'fields' };
  const list = isList(doc, skip);
  if (list && answered.length < MIN_FORM_FIELDS) return { kind: 'list', ...category, evidence: list };
  if (answered.length >= MIN_FORM_FIELDS) return { kind: 'registration', ...category, evidence: 'fields' };
  const uploads = Array.from(doc.querySelectorAll(UPLOAD_SELECTOR)).some((el) => outside(el, skip));
  if (uploads) return { kind: 'upload', ...category, evidence: 'uploads' };
  return { kind: 'other', ...category, evidence: 'none' };
}
