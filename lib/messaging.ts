import { z } from 'zod';
import { browser } from 'wxt/browser';
import {
  fillRecordSchema,
  idSchema,
  type Deadline,
  type Draft,
  type Person,
  type Team,
} from '@/lib/profile/schema';

/**
 * The one message map between content scripts and the background. The page side can only read (people, teams,
 * drafts, deadlines) and record what it filled: content scripts run next to pages we do not control, so nothing
 * here lets them edit or delete the teacher's data. Requests are zod schemas, checked by the receiver.
 */
export const MESSAGES = {
  getPeople: { request: z.object({}) },
  getTeams: { request: z.object({}) },
  /** A team with its authors (in order) and contact person resolved. */
  getTeam: { request: z.object({ id: idSchema }) },
  getDrafts: { request: z.object({ categoryId: z.string().optional() }) },
  getDraft: { request: z.object({ id: idSchema }) },
  getDeadlines: { request: z.object({}) },
  recordFill: { request: fillRecordSchema.omit({ id: true, at: true }) },
} as const;

/** A team resolved for filling: authors in order, missing people skipped. */
export interface TeamWithPeople {
  team: Team;
  authors: Person[];
  contact?: Person;
}

/** What each message answers with; the row types come from the zod schemas in lib/profile. */
export interface MessageResponses {
  getPeople: Person[];
  getTeams: Team[];
  getTeam: TeamWithPeople | null;
  getDrafts: Draft[];
  getDraft: Draft | null;
  getDeadlines: Deadline[];
  recordFill: { id: string };
}

export type MessageName = keyof typeof MESSAGES;
export type MessageRequest<N extends MessageName> = z.input<(typeof MESSAGES)[N]['request']>;
export type MessageResponse<N extends MessageName> = MessageResponses[N];

/** The background's side: one async function per message, given the checked request. */
export type MessageHandlers = {
  [N in MessageName]: (request: z.output<(typeof MESSAGES)[N]['request']>) => Promise<MessageResponse<N>>;
};

const CHANNEL = 'submit-helper';

interface Envelope {
  channel: typeof CHANNEL;
  name: MessageName;
  data: unknown;
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** The slice of `browser.runtime` the wrapper needs; tests pass fakeBrowser's. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown) => Promise<unknown> | undefined): void;
    removeListener(listener: (message: unknown, sender: unknown) => Promise<unknown> | undefined): void;
  };
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).channel === CHANNEL &&
    Object.hasOwn(MESSAGES, (message as Envelope).name)
  );
}

/** Thrown on the sending side when the background refused or failed a request. */
export class MessageError extends Error {
  override name = 'MessageError';
}

export async function sendMessage<N extends MessageName>(
  name: N,
  data: MessageRequest<N>,
  runtime: RuntimeLike = browser.runtime as unknown as RuntimeLike,
): Promise<MessageResponse<N>> {
  const envelope: Envelope = { channel: CHANNEL, name, data };
  const reply = (await runtime.sendMessage(envelope)) as Reply<MessageResponse<N>> | undefined;
  if (!reply) throw new MessageError(`No answer to ${name}`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}

/**
 * Answers the map's messages; returns a function that removes the listener. Other messages get `undefined`, so
 * another listener may answer them. Must be called synchronously when the background starts.
 */
export function onMessage(
  handlers: MessageHandlers,
  runtime: RuntimeLike = browser.runtime as unknown as RuntimeLike,
): () => void {
  const listener = (message: unknown): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return answer(handlers, message);
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

async function answer(handlers: MessageHandlers, { name, data }: Envelope): Promise<Reply<unknown>> {
  const parsed = MESSAGES[name].request.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, error: `Invalid ${name} request: ${z.prettifyError(parsed.error)}` };
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
