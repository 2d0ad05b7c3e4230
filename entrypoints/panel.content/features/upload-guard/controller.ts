/**
 * The guard's page side: watches file choices and drops on the page, checks the files against the slot of their
 * upload, keeps the checklist, and asks before the site's submit runs while something is wrong. It only ever reads
 * the page's events (capture phase, no preventDefault) except for the one click it holds back to ask.
 */

import type { FieldInfo } from '@/lib/autofill';
import type { Category, RulePack, SiteId, Slot } from '@/lib/rules/schema';
import {
  buildChecklist,
  detectCategory,
  findUploads,
  pageKeyOf,
  pageFieldStates,
  readPageFields,
  readUpload,
  recognizeSlot,
  rememberCategory,
  rememberSlot,
  submitButtonOf,
  taughtSlot,
  uploadRootOf,
  type CategoryGuess,
  type Checklist,
  type ChecklistItem,
  type FileCheck,
  type GuardMemory,
  type PageFields,
  type SlotGuess,
  type UploadSite,
  type UploadState,
} from '@/lib/guard';

/** One upload as the guard tracks it; `site` is the live DOM, refreshed on every scan. */
export interface GuardUpload extends UploadState {
  site: UploadSite;
  guess: SlotGuess;
  taught: boolean;
  /** Still on the page (an upload of another route stays known while hidden). */
  present: boolean;
  /** The files of the latest choice, as the inline result shows them. */
  batch: FileCheck[];
  /** Names in the latest choice still being checked. */
  batchPending: string[];
}

export interface GuardDialog {
  caption: string;
  items: ChecklistItem[];
}

/** What the UI renders; replaced (never mutated) on every change. */
export interface GuardSnapshot {
  guess: CategoryGuess;
  category: Category | undefined;
  /** The teacher chose the category on this page (else it is the guess). */
  categoryChosen: boolean;
  uploads: GuardUpload[];
  checklist: Checklist | undefined;
  dialog: GuardDialog | undefined;
}

/** The slice of WXT's ContentScriptContext the guard needs. */
export interface GuardContext {
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(cb: () => void): () => void;
}

export interface GuardDeps {
  doc: Document;
  pack: RulePack;
  site: SiteId;
  memory: GuardMemory;
  saveMemory(memory: GuardMemory): Promise<void>;
  /** Selector of the extension's own UI, never read or guarded. */
  ignore: string;
  /**
   * Checks one chosen file against its slot. On the site this hands the File to the panel frame, whose bounded worker
   * pool reads it: no check runs on the page's main thread. `route` is the site: the slot is judged as it asks.
   */
  checkFile(file: File, slot: Slot | undefined, route: SiteId): Promise<FileCheck>;
  /**
   * The page's fields for this category as another reader of the page already detected them (the panel's page
   * state), values read now; undefined to detect them here. One detection per page change instead of two: a full
   * detection of a large form is the costliest thing the page side does while files are chosen.
   */
  pageFields?(category: Category): readonly FieldInfo[] | undefined;
  /** Quiet time after DOM changes before rescanning. */
  debounceMs?: number;
}

const MAX_KEPT_CHECKS = 20;

export class UploadGuard {
  private readonly doc: Document;
  private readonly win: Window;
  private memory: GuardMemory;
  private readonly uploads = new Map<string, GuardUpload>();
  /** The File objects behind each upload's checks, to check again when the slot or category is corrected. */
  private readonly files = new Map<string, Map<string, File>>();
  private snapshot: GuardSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;
  private bypass: Element | undefined;
  private dialogButton: Element | undefined;
  private idle: Array<() => void> = [];
  private generation = 0;
  private pageFields: PageFields = { fields: [], authors: 0 };
  private readonly abort = new AbortController();

  constructor(private readonly deps: GuardDeps) {
    this.doc = deps.doc;
    this.win = deps.doc.defaultView!;
    this.memory = deps.memory;
    this.snapshot = { guess: { categoryId: undefined, candidates: [], ambiguous: false }, category: undefined, categoryChosen: false, uploads: [], checklist: undefined, dialog: undefined };
  }

  get pack(): RulePack {
    return this.deps.pack;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): GuardSnapshot => this.snapshot;

  /** Registers every listener through `ctx`, so they end with the content script. */
  start(ctx: GuardContext): void {
    // Capture at the window runs before the page's own listeners, and reading `input.files` there sees the choice
    // before Element/antd clear or replace the input.
    // The signal also ends them when the panel section unmounts while the content script lives on.
    const { signal } = this.abort;
    ctx.addEventListener(this.win, 'change', (e) => this.onChange(e), { capture: true, signal });
    ctx.addEventListener(this.win, 'drop', (e) => this.onDrop(e as DragEvent), { capture: true, signal });
    ctx.addEventListener(this.win, 'click', (e) => this.onClick(e as MouseEvent), { capture: true, signal });
    ctx.addEventListener(this.win, 'input', () => this.schedule(), { capture: true, signal });
    ctx.addEventListener(this.win, 'hashchange', () => this.schedule(), { signal });
    const observer = new (this.win as Window & typeof globalThis).MutationObserver(() => this.schedule());
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.observer = observer;
    ctx.onInvalidated(() => this.stop());
    this.scan();
  }

  stop(): void {
    this.abort.abort();
    this.observer?.disconnect();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** Chooses the category for this page (null: back to the guess) and remembers it. */
  async setCategory(categoryId: string | null): Promise<void> {
    this.memory = rememberCategory(this.memory, pageKeyOf(this.win.location), categoryId);
    this.scan();
    await this.deps.saveMemory(this.memory);
  }

  /** Corrects the slot of one upload (null: back to the recognised one) and remembers it like teach mode. */
  async setSlot(uploadKey: string, slotId: string | null): Promise<void> {
    const category = this.snapshot.category;
    if (!category) return;
    this.memory = rememberSlot(this.memory, pageKeyOf(this.win.location), category.id, uploadKey, slotId);
    this.scan();
    await this.deps.saveMemory(this.memory);
  }

  /** The teacher's answer in the submit dialog. Only "仍然提交" lets the site's own submit run, with one click. */
  resolveDialog(proceed: boolean): void {
    const button = this.dialogButton;
    this.dialogButton = undefined;
    this.update({ dialog: undefined });
    if (proceed && button && button.isConnected) this.passThrough(button);
  }

  /** Hides an upload's inline result; its files stay in the checklist. */
  dismiss(uploadKey: string): void {
    this.replaceUpload(uploadKey, { batch: [], batchPending: [] });
  }

  /** Resolves once no file is being checked. */
  whenIdle(): Promise<void> {
    if (![...this.uploads.values()].some((u) => u.pending > 0)) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  // -------------------------------------------------------------------------------------------------------------

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.scan();
    }, this.deps.debounceMs ?? 150);
  }

  private ignored(node: EventTarget | null): boolean {
    return !!node && (node as Node).nodeType === 1 && (node as Element).closest(this.deps.ignore) !== null;
  }

  private onChange(event: Event): void {
    const input = event.target as Element | null;
    if (!input || input.nodeType !== 1 || !input.matches('input[type="file"]') || this.ignored(input)) return;
    const files = Array.from((input as HTMLInputElement).files ?? []);
    if (files.length === 0) return;
    const root = uploadRootOf(input);
    if (root) this.choose(root, files);
  }

  private onDrop(event: DragEvent): void {
    const files = Array.from(event.dataTransfer?.files ?? []);
    const target = event.target as Element | null;
    if (files.length === 0 || !target || target.nodeType !== 1 || this.ignored(target)) return;
    const root = uploadRootOf(target);
    if (root) this.choose(root, files);
  }

  private onClick(event: MouseEvent): void {
    if (event.composedPath().some((n) => this.ignored(n))) return;
    const button = submitButtonOf(event.target);
    if (!button) return;
    if (this.bypass === button) {
      this.bypass = undefined;
      return;
    }
    if (this.snapshot.dialog) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    this.scan();
    const checklist = this.snapshot.checklist;
    if (!checklist) return;
    if (checklist.checking) {
      // The answer is a few milliseconds away (headers only); hold the click, then ask or let it through.
      event.preventDefault();
      event.stopImmediatePropagation();
      void this.whenIdle().then(() => {
        this.scan();
        const blocking = this.snapshot.checklist?.blocking ?? [];
        if (blocking.length > 0) this.ask(button, blocking);
        else this.passThrough(button);
      });
      return;
    }
    if (checklist.blocking.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.ask(button, checklist.blocking);
  }

  private ask(button: Element, items: ChecklistItem[]): void {
    this.dialogButton = button;
    this.update({ dialog: { caption: (button.textContent ?? '').replace(/\s+/g, ''), items } });
  }

  /** Clicks the site's button once more, letting this one click through untouched. */
  private passThrough(button: Element): void {
    this.bypass = button;
    (button as HTMLElement).click();
    // A click that never reached the window (the button was removed meanwhile) must not leave the bypass armed.
    this.bypass = undefined;
  }

  private choose(root: Element, files: File[]): void {
    const site = findUploads(this.doc, this.deps.ignore).find((s) => s.root === root) ?? { ...readUpload(root), key: 'upload#0' };
    const upload = this.track(site);
    const kept = this.files.get(upload.key) ?? new Map<string, File>();
    if (!site.multiple && site.listed === null) kept.clear();
    for (const file of files) kept.set(file.name, file);
    this.files.set(upload.key, kept);
    const batch = files.map((f) => f.name);
    this.replaceUpload(upload.key, { batch: [], batchPending: batch, pending: upload.pending + files.length });
    for (const file of files) void this.check(upload.key, file, true);
  }

  private async check(key: string, file: File, inBatch: boolean): Promise<void> {
    const generation = this.generation;
    const upload = this.uploads.get(key)!;
    const slot = this.snapshot.category?.slots.find((s) => s.id === upload.slotId);
    let result: FileCheck;
    try {
      result = await this.deps.checkFile(file, slot, this.deps.site);
    } catch (error) {
      console.warn('[报送助手] check failed', error);
      this.replaceUpload(key, { pending: Math.max(0, this.uploads.get(key)!.pending - 1) });
      return;
    }
    const current = this.uploads.get(key)!;
    const stale = generation !== this.generation;
    // A result for a category that is no longer chosen is dropped; the recheck under the new one follows.
    const checks = stale ? current.checks : [...current.checks.filter((c) => c.name !== file.name), result].slice(-MAX_KEPT_CHECKS);
    const batch = !stale && (inBatch || current.batch.some((c) => c.name === file.name))
      ? [...current.batch.filter((c) => c.name !== file.name), result]
      : current.batch;
    this.replaceUpload(key, {
      checks,
      batch,
      batchPending: current.batchPending.filter((n) => n !== file.name),
      pending: Math.max(0, current.pending - 1),
    });
    if (![...this.uploads.values()].some((u) => u.pending > 0)) {
      const waiting = this.idle;
      this.idle = [];
      waiting.forEach((resolve) => resolve());
    }
  }

  /** Checks every kept file again: the slot or the category changed. */
  private recheck(key: string): void {
    const kept = this.files.get(key);
    if (!kept || kept.size === 0) return;
    const upload = this.uploads.get(key)!;
    this.replaceUpload(key, { checks: [], pending: upload.pending + kept.size, batchPending: [...kept.keys()] });
    for (const file of kept.values()) void this.check(key, file, true);
  }

  private slotFor(site: UploadSite): { guess: SlotGuess; taught: boolean; slotId: string | null } {
    const category = this.snapshot.category;
    if (!category) return { guess: { slotId: null, via: 'none', score: 0 }, taught: false, slotId: null };
    const guess = recognizeSlot({ label: site.label, hint: site.hint, accept: site.accept }, category);
    const taught = taughtSlot(this.memory, pageKeyOf(this.win.location), category.id, site.key);
    const valid = taught !== undefined && category.slots.some((s) => s.id === taught);
    return { guess, taught: valid, slotId: valid ? taught! : guess.slotId };
  }

  /** Creates or refreshes the tracked upload for a site on the page. */
  private track(site: UploadSite, recheckOnChange = true): GuardUpload {
    const existing = this.uploads.get(site.key);
    const { guess, taught, slotId } = this.slotFor(site);
    const next: GuardUpload = {
      key: site.key,
      label: site.label,
      slotId,
      listed: site.listed,
      checks: existing?.checks ?? [],
      pending: existing?.pending ?? 0,
      site,
      guess,
      taught,
      present: true,
      batch: existing?.batch ?? [],
      batchPending: existing?.batchPending ?? [],
    };
    this.uploads.set(site.key, next);
    if (recheckOnChange && existing && existing.slotId !== slotId) this.recheck(site.key);
    return this.uploads.get(site.key)!;
  }

  private replaceUpload(key: string, patch: Partial<GuardUpload>): void {
    const upload = this.uploads.get(key);
    if (!upload) return;
    this.uploads.set(key, { ...upload, ...patch });
    this.publish();
  }

  /** Reads the page again: category, uploads, fields; then rebuilds the checklist. */
  scan(): void {
    const page = pageKeyOf(this.win.location);
    const guess = detectCategory(this.doc, this.deps.pack, { site: this.deps.site, ignore: this.deps.ignore });
    const chosen = this.memory.categories[`${page.host}${page.path}`];
    const category = this.deps.pack.categories.find((c) => c.id === (chosen ?? guess.categoryId));
    const categoryChanged = category?.id !== this.snapshot.category?.id;
    if (categoryChanged) this.generation++;
    this.snapshot = { ...this.snapshot, guess, category, categoryChosen: chosen !== undefined && category !== undefined };

    const sites = findUploads(this.doc, this.deps.ignore);
    for (const [key, upload] of this.uploads) this.uploads.set(key, { ...upload, present: false });
    for (const site of sites) this.track(site, !categoryChanged);
    if (categoryChanged) for (const key of this.files.keys()) this.recheck(key);
    this.pageFields = this.readFields(category);
    this.publish();
  }

  /** The page's fields were detected again elsewhere (`pageFields`): the checklist's field items follow them. */
  fieldsChanged(): void {
    if (!this.deps.pageFields || !this.snapshot.category) return;
    this.pageFields = this.readFields(this.snapshot.category);
    this.publish();
  }

  private readFields(category: Category | undefined): PageFields {
    if (!category) return { fields: [], authors: 0 };
    const known = this.deps.pageFields?.(category);
    return known ? pageFieldStates(known, this.deps.pack, category) : readPageFields(this.doc, this.deps.pack, category, this.deps.ignore);
  }

  private publish(): void {
    const category = this.snapshot.category;
    const uploads = [...this.uploads.values()];
    const present = uploads.filter((u) => u.present);
    let checklist: Checklist | undefined;
    if (category) {
      checklist = buildChecklist({ category, uploads: present, ...this.pageFields });
    }
    this.update({ uploads, checklist });
  }

  private update(patch: Partial<GuardSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
