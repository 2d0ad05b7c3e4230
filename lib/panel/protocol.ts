/**
 * The messages between the content script (the page side) and the panel frame (an extension page in an iframe on
 * the site). Everything here is plain data that carries no personal data towards the page, except `fill`: the values
 * of the actions the teacher kept, sent at the moment of the click. The frame holds people, teams and drafts; the
 * page side holds the live elements and answers by field index.
 *
 * Transport: a runtime Port the content script opens once the frame has loaded (`PORT_PREFIX + token`), never
 * `window.postMessage`, which the page could read. The token travels in the frame's URL hash; the frame accepts only
 * the port named with its own token from the top frame of its own tab.
 */

import type { FieldInfo, FillAction, FillResult, TaughtMapping } from '@/lib/autofill';
import type { CategoryGuess, Checklist, FileCheck, WorkFile } from '@/lib/guard';
import type { SiteId, Slot } from '@/lib/rules/schema';
import type { PageInfo } from '@/lib/sites/page';

export const PORT_PREFIX = 'submit-helper-panel:';

/** The page as the frame sees it: detected fields as plain data, no elements. */
export interface PageView {
  ready: boolean;
  siteId: string;
  url: string;
  host: string;
  page: PageInfo;
  route: string;
  /** The category the fields were read for (the page side's choice or guess). */
  categoryId: string | undefined;
  /** Detected fields, taught mappings applied, each with what it holds now. */
  fields: FieldInfo[];
  /** Every detected field before taught mappings. */
  rawFields: FieldInfo[];
  taught: TaughtMapping[];
  /** Bumped when the teacher types in the page. */
  values: number;
  workFiles: WorkFile[];
}

/** The upload guard's state for the panel's checklist (the inline results stay on the page). */
export interface GuardView {
  guess: CategoryGuess;
  categoryId: string | undefined;
  categoryChosen: boolean;
  checklist: Checklist | undefined;
  /** Uploads on the page now. */
  present: number;
}

/** Requests the frame makes and what the page side answers. */
export interface PanelRequests {
  /** The fields as the page is this instant; a fill is planned from these. */
  fields: { request: Record<string, never>; response: { fields: FieldInfo[]; workFiles: WorkFile[]; categoryId: string | undefined } };
  /** Runs the kept actions on the fields of the last `fields` answer. */
  fill: { request: { actions: FillAction[] }; response: { results: FillResult[] } };
  undo: { request: Record<string, never>; response: { results: FillResult[] } };
}
export type RequestName = keyof PanelRequests;

/** Page side → frame. */
export type ToFrame =
  | { kind: 'page'; view: PageView }
  | { kind: 'guard'; view: GuardView }
  | { kind: 'layout'; collapsed: boolean }
  | { kind: 'picking'; on: boolean }
  | { kind: 'picked'; field: FieldInfo }
  /** Alt+Shift+Z on the page: open up and take the keyboard. */
  | { kind: 'focus' }
  | { kind: 'reply'; id: number; ok: true; data: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** Frame → page side. */
export type ToPage =
  | { kind: 'size'; width: number; height: number }
  /** Dragging by the header, in screen coordinates (the frame moves under the pointer, the screen does not). */
  | { kind: 'drag'; phase: 'start' | 'move' | 'end'; screenX: number; screenY: number }
  | { kind: 'move'; dx: number; dy: number }
  | { kind: 'collapse'; collapsed: boolean }
  | { kind: 'category'; categoryId: string | null }
  | { kind: 'refresh' }
  | { kind: 'pick'; on: boolean }
  | { kind: 'teach'; mapping: TaughtMapping }
  | { kind: 'forget' }
  | { kind: 'guardCategory'; categoryId: string | null }
  /** The key file checks must carry (below); new with every connection, never seen by the page. */
  | { kind: 'checkKey'; key: string }
  | { kind: 'checked'; id: number; ok: true; check: FileCheck }
  | { kind: 'checked'; id: number; ok: false; error: string }
  | { [N in RequestName]: { kind: 'request'; id: number; name: N; data: PanelRequests[N]['request'] } }[RequestName];

/**
 * A chosen file on its way to the frame's check workers. Runtime messages cannot carry a File, so this one goes by
 * `postMessage` to the frame's window with the extension's origin as target: the page cannot receive it (it is
 * dispatched in the frame) and cannot forge one (it lacks `key`, which came over the port). The verdict comes back
 * over the port as `checked`. A File and a slot's rules carry nothing of the teacher's saved data.
 */
export interface CheckRequest {
  channel: typeof CHECK_CHANNEL;
  key: string;
  id: number;
  file: File;
  slot: Slot | undefined;
  /** The site the file is chosen on: its route decides how the slot is judged (lib/checks/evaluate.ts). */
  route: SiteId;
}
export const CHECK_CHANNEL = 'submit-helper-check';

export function isCheckRequest(data: unknown, key: string): data is CheckRequest {
  const d = data as Partial<CheckRequest> | null;
  return typeof d === 'object' && d !== null && d.channel === CHECK_CHANNEL && d.key === key && typeof d.id === 'number'
    && d.file instanceof Blob && typeof d.route === 'string';
}

/** One end of the link: a runtime Port, or an in-memory pair in tests. */
export interface Channel<In, Out> {
  post(message: Out): void;
  listen(listener: (message: In) => void): () => void;
}

/** The slice of a runtime Port a channel needs. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void; removeListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function portChannel<In, Out>(port: PortLike): Channel<In, Out> {
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  return {
    post(message) {
      if (open) port.postMessage(message);
    },
    listen(listener) {
      const cb = (message: unknown) => listener(message as In);
      port.onMessage.addListener(cb);
      return () => port.onMessage.removeListener(cb);
    },
  };
}

/**
 * Two connected ends in one realm, for tests: messages arrive asynchronously and as JSON copies, as over a Port,
 * so an element or a function that slipped into a message fails here too.
 */
export function localChannels(): [Channel<ToPage, ToFrame>, Channel<ToFrame, ToPage>] {
  const toPage = new Set<(m: ToPage) => void>();
  const toFrame = new Set<(m: ToFrame) => void>();
  const deliver = <T,>(listeners: Set<(m: T) => void>, message: T) => {
    const copy = JSON.parse(JSON.stringify(message)) as T;
    queueMicrotask(() => listeners.forEach((l) => l(copy)));
  };
  const end = <In, Out>(inbox: Set<(m: In) => void>, outbox: Set<(m: Out) => void>): Channel<In, Out> => ({
    post: (message) => deliver(outbox, message),
    listen(listener) {
      inbox.add(listener);
      return () => inbox.delete(listener);
    },
  });
  return [end<ToPage, ToFrame>(toPage, toFrame), end<ToFrame, ToPage>(toFrame, toPage)];
}
