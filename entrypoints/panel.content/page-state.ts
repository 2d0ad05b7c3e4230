/**
 * One shared reading of the page for every panel feature: the detected fields (with the teacher's taught mappings
 * applied), the page's kind and category, and the active rule pack. Detection runs once per DOM change for all
 * features together; detecting per feature would double the cost on a 300-item form.
 */

import { useEffect, useSyncExternalStore } from 'react';
import { storage } from '#imports';
import { applyTaught, watchFields, type DetectedField, type TaughtMapping } from '@/lib/autofill';
import { findCategory } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import type { WorkFile } from '@/lib/guard';
import type { Category, RulePack } from '@/lib/rules/schema';
import { routeOf, type SiteAdapter } from '@/lib/sites';
import { readPage, type PageInfo } from '@/lib/sites/page';
import { parseTaught, rememberMapping, forgetPage } from './features/autofill/taught';
import type { PageEnv } from './features/define';

/** The extension's own UI on the page: the panel, the upload guard's overlay, the text helpers' counters. */
export const OWN_UI = 'submit-helper-panel, submit-helper-guard, submit-helper-counters';

/** Fields the teacher pointed at in teach mode, for every site and path. */
export const taughtItem = storage.defineItem<unknown>('local:autofillTaught', { fallback: [] });

/** What features render from; replaced, never mutated. */
export interface PageSnapshot {
  ready: boolean;
  pack: RulePack | undefined;
  /** The category fields are read for: the one the teacher chose, else the page's guess. */
  category: Category | undefined;
  page: PageInfo;
  route: string;
  /** Detected fields, taught mappings applied (ignored fields left out). */
  fields: DetectedField[];
  /** Every detected field, before taught mappings, for teach mode to point at. */
  rawFields: DetectedField[];
  taught: TaughtMapping[];
  /** Bumped when the teacher types in the page (values change without DOM mutations). */
  values: number;
  /** Files the upload guard saw chosen for the work (作品大小 totals them). */
  workFiles: WorkFile[];
}

const EMPTY_PAGE: PageInfo = { kind: 'other', categoryId: undefined, ambiguous: false, evidence: 'none' };

export class PageState {
  private snapshot: PageSnapshot;
  private readonly listeners = new Set<() => void>();
  private stopWatch: (() => void) | undefined;
  private chosenCategory: string | undefined;
  private valueTimer: ReturnType<typeof setTimeout> | undefined;
  /** Mounted sections using this state; the page is watched only while there is one. */
  private leases = 0;
  /** Bumped by every start and stop: the continuation of an older start does nothing. */
  private generation = 0;
  /** Between a start's continuation and the next stop: observers, timers and storage watches may run. */
  private active = false;
  private listening = false;
  private unwatchTaught: (() => void) | undefined;

  constructor(private readonly site: SiteAdapter, private readonly doc: Document = document) {
    this.snapshot = { ready: false, pack: undefined, category: undefined, page: EMPTY_PAGE,
      route: routeOf(site, doc.location), fields: [], rawFields: [], taught: [], values: 0, workFiles: [] };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PageSnapshot => this.snapshot;

  /**
   * One mounted user of this state (a panel section). The first starts watching the page, the last one's release
   * stops every observer, timer and storage watch, so nothing of the panel runs on after it unmounts.
   */
  retain(ctx: PageEnv['ctx']): () => void {
    if (++this.leases === 1) void this.start(ctx);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.leases === 0) this.stop();
    };
  }

  private async start(ctx: PageEnv['ctx']): Promise<void> {
    const run = ++this.generation;
    const [pack, raw] = await Promise.all([loadActivePack(), taughtItem.getValue()]);
    // Released (or the content script invalidated) while the pack loaded: start nothing.
    if (run !== this.generation || !ctx.isValid) return;
    this.active = true;
    this.update({ pack, taught: parseTaught(raw), ready: true });
    this.watch();
    this.unwatchTaught = taughtItem.watch((value) => {
      if (this.active) this.setTaught(parseTaught(value));
    });
    if (this.listening) return;
    // The page's listeners live as long as `ctx` (it cannot remove one); while stopped they do nothing.
    this.listening = true;
    const win = this.doc.defaultView!;
    const onValue = (event: Event) => {
      if (!this.active || (event.target as Element | null)?.closest?.(OWN_UI)) return;
      if (this.valueTimer !== undefined) clearTimeout(this.valueTimer);
      this.valueTimer = setTimeout(() => this.update({ values: this.snapshot.values + 1 }), 150);
    };
    ctx.addEventListener(win, 'input', onValue, { capture: true });
    ctx.addEventListener(win, 'change', onValue, { capture: true });
    ctx.addEventListener(win, 'hashchange', () => this.onRoute());
    ctx.addEventListener(win, 'wxt:locationchange', () => this.onRoute());
    ctx.onInvalidated(() => this.stop());
  }

  private stop(): void {
    this.generation++;
    this.active = false;
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.unwatchTaught?.();
    this.unwatchTaught = undefined;
    if (this.valueTimer !== undefined) clearTimeout(this.valueTimer);
    this.valueTimer = undefined;
  }

  /** Reads the page for this category (null: back to the page's own guess). */
  setCategory(categoryId: string | null): void {
    this.chosenCategory = categoryId ?? undefined;
    this.watch();
  }

  /** The upload guard reports the work's files as they change. */
  setWorkFiles(workFiles: WorkFile[]): void {
    if (JSON.stringify(workFiles) !== JSON.stringify(this.snapshot.workFiles)) this.update({ workFiles });
  }

  /** Detects again now (after the panel's own fill, whose widgets re-render without changing the form's shape). */
  refresh(): void {
    this.watch();
  }

  /**
   * The fields as the page is this instant. A fill starts from these: the site may have re-rendered less than the
   * observer's debounce ago, and a plan of detached elements would fill nothing.
   */
  current(): DetectedField[] {
    const { fields } = this.snapshot;
    if (fields.every((field) => field.element.isConnected)) return fields;
    this.watch();
    return this.snapshot.fields;
  }

  async teach(mapping: TaughtMapping): Promise<void> {
    const taught = rememberMapping(this.snapshot.taught, mapping);
    this.setTaught(taught);
    await taughtItem.setValue(taught);
  }

  async forgetThisPage(): Promise<void> {
    const taught = forgetPage(this.snapshot.taught, this.doc.location.hostname, this.snapshot.route);
    this.setTaught(taught);
    await taughtItem.setValue(taught);
  }

  private onRoute(): void {
    if (!this.active) return;
    const route = routeOf(this.site, this.doc.location);
    if (route === this.snapshot.route) return;
    this.update({ route });
    this.watch();
  }

  private setTaught(taught: TaughtMapping[]): void {
    this.update({ taught, fields: this.applied(this.snapshot.rawFields, taught) });
  }

  private applied(fields: readonly DetectedField[], taught: readonly TaughtMapping[]): DetectedField[] {
    return applyTaught(fields, taught, { host: this.doc.location.hostname, path: this.snapshot.route });
  }

  private categoryFor(pack: RulePack, page: PageInfo): Category | undefined {
    const id = this.chosenCategory ?? page.categoryId;
    return id ? findCategory(pack, id) : undefined;
  }

  private watch(): void {
    const pack = this.snapshot.pack;
    if (!pack || !this.active) return;
    this.stopWatch?.();
    const category = this.snapshot.category;
    let restarting = false;
    this.stopWatch = watchFields(this.doc, (rawFields) => {
      if (restarting) return;
      const route = routeOf(this.site, this.doc.location);
      const page = readPage(this.doc, this.site, pack, { route, fields: rawFields, ignore: OWN_UI });
      const wanted = this.categoryFor(pack, page);
      if (wanted?.id !== category?.id) {
        // The category decides the field vocabulary (研修主题 is the title of 校本研修 only); read again with it.
        // Deferred: this callback runs inside watchFields' first call, before its stop function exists.
        restarting = true;
        this.update({ category: wanted, page, route });
        queueMicrotask(() => this.watch());
        return;
      }
      this.update({ page, route, rawFields, fields: this.applied(rawFields, this.snapshot.taught) });
    }, { pack, ...(category ? { category } : {}), ignore: OWN_UI });
  }

  private update(patch: Partial<PageSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const shared = new WeakMap<object, PageState>();

/** The page state of this content script (one per `ctx`); it watches the page while a section retains it. */
export function pageStateFor(env: Pick<PageEnv, 'site' | 'ctx'>, doc: Document = document): PageState {
  let state = shared.get(env.ctx);
  if (!state) {
    state = new PageState(env.site, doc);
    shared.set(env.ctx, state);
  }
  return state;
}

/** React binding: re-renders on every page change, and keeps the page watched while the component is mounted. */
export function usePageState(env: Pick<PageEnv, 'site' | 'ctx'>): [PageState, PageSnapshot] {
  const state = pageStateFor(env);
  useEffect(() => state.retain(env.ctx), [state, env.ctx]);
  return [state, useSyncExternalStore(state.subscribe, state.getSnapshot)];
}
