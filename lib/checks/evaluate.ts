/**
 * The one evaluator: file facts (what `inspectFile` read) plus a category's rules, for one submission route, become
 * verdicts. The 预检 page, the 批量预检 page, the batch command (through `checkFiles`) and the site's upload guard
 * (through `evaluateFile`) all end here, so a rule means the same thing wherever a teacher meets it.
 */
import type { Category, SiteId, Slot } from '../rules/schema';
import { assignSlots, layoutFindings, slotFindings } from './assemble';
import type { Inspection } from './inspect';
import { makeFinding } from './messages';
import { type CheckReport, type FileReport, type Finding, worstVerdict } from './report';
import { checkAgainstSlot } from './slot-checks';

/**
 * How a submission reaches the judges: the district FTP round (district notice 四(一)) or one of the online
 * platforms (huodong for the national rounds, hecloudnet for the vocational specials). A route is a site id; the
 * category's `sites` are the routes it may take, the first one the route its slots are written for.
 */
export type Route = SiteId;

/** The district round, the only route that is packed into folders (district notice 四(一)2). */
export const DISTRICT_ROUTE: Route = 'district-ftp';

/** The routes a category may take, in the pack's order. */
export function routesOf(category: Pick<Category, 'sites'>): Route[] {
  return [...category.sites];
}

/** `preferred` when the category takes it, else the category's own first route. */
export function defaultRoute(category: Pick<Category, 'sites'>, preferred?: Route | null): Route {
  if (preferred && category.sites.includes(preferred)) return preferred;
  return category.sites[0]!;
}

/** What a person may name a route by: a site id, or the kind of round. */
export const ROUTE_CHOICES = ['district', 'platform', 'district-ftp', 'huodong', 'hecloudnet'] as const;
export type RouteChoice = (typeof ROUTE_CHOICES)[number];

/**
 * The route a category takes for a choice: `district` is the FTP round where the category has one (the vocational
 * specials have none: district notice 四(二) "直接参加省级活动，不参与区级评选", so they keep their platform);
 * `platform` is the category's first online site; a site id is taken where the category takes it.
 */
export function routeFor(category: Pick<Category, 'sites'>, choice: RouteChoice): Route {
  if (choice === 'district') return defaultRoute(category, DISTRICT_ROUTE);
  if (choice === 'platform') return category.sites.find((s) => s !== DISTRICT_ROUTE) ?? category.sites[0]!;
  return defaultRoute(category, choice);
}

/**
 * The slot as a route asks for it: a variant for the route replaces what it restates (the district round's signed
 * PDF 信息表, its 支撑材料 as one ZIP). Without a variant for the route the slot is unchanged.
 */
export function slotForRoute(slot: Slot, route: Route): Slot {
  const variant = slot.variants.find((v) => v.site === route);
  if (!variant) return slot;
  return {
    ...slot,
    accept: variant.accept,
    ...(variant.maxCount !== undefined ? { maxCount: variant.maxCount } : {}),
    ...(variant.scan !== undefined ? { scan: variant.scan } : {}),
    sources: [...slot.sources, variant.source],
  };
}

/** The category with every slot as `route` asks for it. Same object when nothing changes, so React memos hold. */
export function categoryForRoute(category: Category, route: Route): Category {
  if (!category.slots.some((s) => s.variants.some((v) => v.site === route))) return category;
  return { ...category, slots: category.slots.map((s) => slotForRoute(s, route)) };
}

/**
 * Findings of one file against the slot it is for, on a route (without one, the slot as the pack writes it): the
 * site's upload guard checks each upload so, with the site's own route.
 */
export function evaluateFile(file: Inspection, slot: Slot, route?: Route): Finding[] {
  return checkAgainstSlot(file, route === undefined ? slot : slotForRoute(slot, route));
}

/** A file to evaluate: its facts, or `null` for a file the operating system left behind (ignored, never judged). */
export interface EvaluatedInput {
  name: string;
  path?: string;
  size: number;
  facts: Inspection | null;
}

export interface EvaluateOptions {
  route: Route;
  /** Answers to `requiredIf` questions, keyed by slot id. */
  answers?: Readonly<Record<string, boolean>>;
  /** The teacher's own assignment: file path (or name) → slot id. */
  overrides?: Readonly<Record<string, string>>;
}

/** A check report without the envelope (`schema`, `rulePack`) that `checkFiles` adds. */
export type Evaluation = Omit<CheckReport, 'schema' | 'rulePack'>;

/**
 * Assigns the files to the category's slots as the route asks for them and judges each file, each slot (counts,
 * totals, items over the whole submission), the category's total recording time and, on the district route only,
 * the folder layout: the vocational specials go straight to the provincial platform (district notice 四(二)
 * "不参与区级评选"), and an upload on a platform has no folders at all.
 */
export function evaluate(category: Category, files: readonly EvaluatedInput[], options: EvaluateOptions): Evaluation {
  const route = defaultRoute(category, options.route);
  const routed = categoryForRoute(category, route);
  const assignable = files.flatMap((f, i) => (f.facts ? [{ i, name: f.name, ...(f.path !== undefined ? { path: f.path } : {}), type: f.facts.detected.type }] : []));
  const slotsOf = assignSlots(routed, assignable, options.overrides);
  const slotByIndex = new Map<number, string | null>();
  assignable.forEach((c, k) => slotByIndex.set(c.i, slotsOf[k] ?? null));

  const reports: FileReport[] = files.map((file, i) => {
    const path = file.path !== undefined ? { path: file.path } : {};
    const insp = file.facts;
    if (!insp) {
      const findings = [makeFinding('file_ignored', 'pass', { name: file.name })];
      return { name: file.name, ...path, size: file.size, slot: null, detected: { type: 'unknown', mime: 'application/octet-stream' }, findings, verdict: 'pass' };
    }
    const slotId = slotByIndex.get(i) ?? null;
    const slot = routed.slots.find((s) => s.id === slotId);
    const findings: Finding[] = [...insp.findings];
    if (slot) findings.push(...checkAgainstSlot(insp, slot));
    else findings.push(makeFinding('file_unassigned', 'warn'));
    return {
      name: file.name,
      ...path,
      size: insp.size,
      slot: slotId,
      detected: { type: insp.detected.type, mime: insp.detected.mime },
      ...(insp.media ? { media: insp.media } : {}),
      ...(insp.document ? { document: insp.document } : {}),
      ...(insp.archive ? { archive: insp.archive } : {}),
      ...(insp.image ? { image: insp.image } : {}),
      ...(insp.pdf ? { pdf: insp.pdf } : {}),
      ...(insp.scan ? { scan: insp.scan } : {}),
      findings,
      verdict: worstVerdict(findings.map((f) => f.verdict)),
    };
  });

  const counted = reports.filter((_, i) => files[i]!.facts !== null);
  const { missing, findings } = slotFindings(routed, counted, options.answers);
  if (route === DISTRICT_ROUTE) {
    const paths = files.filter((f) => f.facts !== null && f.path !== undefined).map((f) => f.path!);
    findings.push(...layoutFindings(routed, paths));
  }
  return {
    category: category.id,
    route,
    verdict: worstVerdict([...findings.map((f) => f.verdict), ...reports.map((r) => r.verdict)]),
    missing,
    findings,
    files: reports,
  };
}
