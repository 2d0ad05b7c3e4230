/**
 * The content script's end of the panel link: it reads the page (fields, uploads) and tells the frame what it found
 * as plain data, executes the fill the frame sends at the click, keeps the undo, and runs teach mode's pointing.
 * It never holds the teacher's people, teams or drafts: only the values of the actions being filled, for as long as
 * the fill runs (and the undo journal holds what the fields held before).
 */

import { fieldInfo, runFill, type DetectedField, type FieldInfo, type FillAction, type FillRun } from '@/lib/autofill';
import { parseMemory, workFilesOf } from '@/lib/guard';
import type { Channel, GuardView, PageView, PanelRequests, RequestName, ToFrame, ToPage } from '@/lib/panel/protocol';
import { loadActivePack } from '@/lib/rules/active';
import type { SiteAdapter } from '@/lib/sites';
import { fieldAt } from './features/autofill/pick';
import { UploadGuard } from './features/upload-guard/controller';
import { guardMemoryItem } from './features/upload-guard/memory';
import { OWN_UI, pageStateFor, type PageState } from './page-state';
import type { PageEnv } from './features/define';
import type { FrameChecker } from './frame-checker';

const TEXT_LIKE = new Set(['text', 'textarea', 'number']);

/** A field as the frame receives it; a text field's value is read now (typing changes no DOM the detector sees). */
function infoOf(field: DetectedField): FieldInfo {
  const info = fieldInfo(field);
  const control = field.control;
  if (TEXT_LIKE.has(field.widget) && control && 'value' in control && control.tagName !== 'SELECT') {
    return { ...info, current: control.value };
  }
  return info;
}

export class PageSide {
  readonly state: PageState;
  private guardInstance: UploadGuard | undefined;
  private readonly guardListeners = new Set<() => void>();
  private channel: Channel<ToPage, ToFrame> | undefined;
  private stopListening: (() => void) | undefined;
  /** What changed since the last post: the page view (all fields) is large, the guard's view small. */
  private queued = { page: false, guard: false };
  /** The fields of the last `fields` answer: the plan's ids are indexes into these. */
  private planned: DetectedField[] = [];
  private run: FillRun | undefined;
  private stopPicking: (() => void) | undefined;
  private readonly releaseState: () => void;

  constructor(private readonly env: Pick<PageEnv, 'site' | 'ctx'>, private readonly doc: Document = document,
    private readonly options: {
      /** Layout messages (size, drag, collapse) go to the frame's host on the page. */
      onLayout?: (message: ToPage) => void;
      /** Where chosen files are checked (frame-checker.ts on the site); messages about checks go there too. */
      checker?: Pick<FrameChecker, 'check' | 'receive'>;
    } = {}) {
    this.state = pageStateFor(env, doc);
    // The page is read for as long as this side lives (the content script's life); stop() lets it go.
    this.releaseState = this.state.retain(env.ctx);
    let rawFields = this.state.getSnapshot().rawFields;
    this.state.subscribe(() => {
      const now = this.state.getSnapshot().rawFields;
      if (now !== rawFields) {
        rawFields = now;
        this.guardInstance?.fieldsChanged();
      }
      this.queuePublish('page');
    });
  }

  get site(): SiteAdapter {
    return this.env.site;
  }

  /** The upload guard once the rule pack is loaded. */
  get guard(): UploadGuard | undefined {
    return this.guardInstance;
  }

  onGuard(listener: () => void): () => void {
    this.guardListeners.add(listener);
    return () => this.guardListeners.delete(listener);
  }

  /** Starts the upload guard on the page (its checks, checklist and submit dialog). */
  async startGuard(): Promise<void> {
    const [pack, raw] = await Promise.all([loadActivePack(), guardMemoryItem.getValue()]);
    if (!this.env.ctx.isValid) return;
    const guard = new UploadGuard({
      doc: this.doc,
      pack,
      site: this.env.site.id,
      memory: parseMemory(raw),
      saveMemory: (memory) => guardMemoryItem.setValue(memory),
      ignore: OWN_UI,
      pageFields: (category) => {
        const snap = this.state.getSnapshot();
        // Only what the page state read for this very category, from elements still on the page.
        if (!snap.ready || snap.category?.id !== category.id || !snap.rawFields.every((f) => f.element.isConnected)) return undefined;
        return snap.rawFields.map(infoOf);
      },
      checkFile: (file, slot, route) => {
        if (!this.options.checker) return Promise.reject(new Error('No panel frame to check files in'));
        return this.options.checker.check(file, slot, route);
      },
    });
    guard.subscribe(() => {
      // A new work file changes the page view through setWorkFiles; a check's progress only the guard's view.
      this.state.setWorkFiles(workFilesOf(guard.getSnapshot().uploads.filter((u) => u.present)));
      this.queuePublish('guard');
    });
    guard.start(this.env.ctx);
    this.guardInstance = guard;
    this.guardListeners.forEach((l) => l());
    this.queuePublish('guard');
  }

  /** Connects (or reconnects, after the frame reloaded) the frame's channel. */
  attach(channel: Channel<ToPage, ToFrame>): void {
    this.stopListening?.();
    this.channel = channel;
    this.stopListening = channel.listen((message) => void this.receive(message));
    this.publish();
  }

  send(message: ToFrame): void {
    this.channel?.post(message);
  }

  stop(): void {
    this.stopListening?.();
    this.stopPicking?.();
    this.guardInstance?.stop();
    this.releaseState();
  }

  pageView(): PageView {
    const snap = this.state.getSnapshot();
    const loc = this.doc.location;
    return {
      ready: snap.ready,
      siteId: this.env.site.id,
      url: loc.href,
      host: loc.hostname,
      page: snap.page,
      route: snap.route,
      categoryId: snap.category?.id,
      fields: snap.fields.map(infoOf),
      rawFields: snap.rawFields.map(infoOf),
      taught: snap.taught,
      values: snap.values,
      workFiles: snap.workFiles,
    };
  }

  guardView(): GuardView | undefined {
    const guard = this.guardInstance;
    if (!guard) return undefined;
    const snap = guard.getSnapshot();
    return {
      guess: snap.guess,
      categoryId: snap.category?.id,
      categoryChosen: snap.categoryChosen,
      checklist: snap.checklist,
      present: snap.uploads.filter((u) => u.present).length,
    };
  }

  private queuePublish(what: 'page' | 'guard'): void {
    const idle = !this.queued.page && !this.queued.guard;
    this.queued[what] = true;
    if (!idle) return;
    queueMicrotask(() => {
      const { page, guard } = this.queued;
      this.queued = { page: false, guard: false };
      this.publish({ page, guard });
    });
  }

  private publish(what = { page: true, guard: true }): void {
    if (!this.channel) return;
    if (what.page) this.channel.post({ kind: 'page', view: this.pageView() });
    const guard = what.guard ? this.guardView() : undefined;
    if (guard) this.channel.post({ kind: 'guard', view: guard });
  }

  private async receive(message: ToPage): Promise<void> {
    switch (message.kind) {
      case 'category':
        return this.state.setCategory(message.categoryId);
      case 'refresh':
        return this.state.refresh();
      case 'teach':
        return this.state.teach(message.mapping);
      case 'forget':
        return this.state.forgetThisPage();
      case 'guardCategory':
        return this.guardInstance?.setCategory(message.categoryId);
      case 'pick':
        return this.pick(message.on);
      case 'request':
        return this.answer(message.id, message.name, message.data);
      case 'checkKey':
      case 'checked':
        return this.options.checker?.receive(message);
      default:
        return this.options.onLayout?.(message);
    }
  }

  private async answer(id: number, name: RequestName, data: unknown): Promise<void> {
    try {
      const reply = await this.handle(name, data);
      this.send({ kind: 'reply', id, ok: true, data: reply });
    } catch (error) {
      this.send({ kind: 'reply', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async handle(name: RequestName, data: unknown): Promise<PanelRequests[RequestName]['response']> {
    switch (name) {
      case 'fields': {
        this.planned = this.state.current();
        const now = this.state.getSnapshot();
        return { fields: this.planned.map(infoOf), workFiles: now.workFiles, categoryId: now.category?.id };
      }
      case 'fill': {
        const { actions } = data as PanelRequests['fill']['request'];
        try {
          this.run = await runFill(actions as FillAction[], this.planned);
          return { results: this.run.results };
        } finally {
          this.state.refresh();
        }
      }
      case 'undo': {
        const run = this.run;
        this.run = undefined;
        try {
          return { results: run ? await run.undo() : [] };
        } finally {
          this.state.refresh();
        }
      }
    }
  }

  /** Teach mode's pointing: the next click on the page picks a field instead of acting. */
  private pick(on: boolean): void {
    this.stopPicking?.();
    this.stopPicking = undefined;
    if (!on) {
      this.send({ kind: 'picking', on: false });
      return;
    }
    const win = this.doc.defaultView!;
    // ctx.addEventListener replaces any signal with its own, so a flag ends these listeners.
    let active = true;
    const onClick = (event: Event) => {
      if (!active) return;
      const target = event.target;
      if (!(target instanceof Element) || target.closest(OWN_UI)) return;
      // The click is the teacher pointing, not using the page: keep it from opening dropdowns or following links.
      event.preventDefault();
      event.stopPropagation();
      const field = fieldAt(this.state.getSnapshot().rawFields, target);
      if (!field) return;
      this.pick(false);
      this.send({ kind: 'picked', field: infoOf(field) });
    };
    const onKey = (event: Event) => {
      if (active && (event as KeyboardEvent).key === 'Escape') this.pick(false);
    };
    this.env.ctx.addEventListener(win, 'click', onClick, { capture: true });
    this.env.ctx.addEventListener(win, 'keydown', onKey, { capture: true });
    this.doc.documentElement.dataset.submitHelperPicking = 'true';
    this.stopPicking = () => {
      active = false;
      delete this.doc.documentElement.dataset.submitHelperPicking;
    };
    this.send({ kind: 'picking', on: true });
  }
}
