import {
  deadlineSchema,
  draftSchema,
  fieldErrors,
  fillRecordSchema,
  personSchema,
  teamSchema,
  type Deadline,
  type DeadlineInput,
  type Draft,
  type DraftInput,
  type FieldErrors,
  type FillRecord,
  type FillRecordInput,
  type Person,
  type PersonInput,
  type Team,
  type TeamInput,
} from '@/lib/profile/schema';
import type { SubmitHelperDB } from './database';

/** A save either stores the normalised row or returns one error code per field and stores nothing. */
export type SaveResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Editable<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

export const newId = (): string => crypto.randomUUID();

async function stamped<T extends { createdAt?: number }>(
  existing: Promise<T | undefined>,
  now: number,
): Promise<{ createdAt: number; updatedAt: number }> {
  const row = await existing;
  return { createdAt: row?.createdAt ?? now, updatedAt: now };
}

export async function savePerson(db: SubmitHelperDB, input: Editable<PersonInput>, now = Date.now()): Promise<SaveResult<Person>> {
  const id = input.id ?? newId();
  const parsed = personSchema.safeParse({ ...input, id, ...(await stamped(db.people.get(id), now)) });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.people.put(parsed.data);
  return { ok: true, value: parsed.data };
}

/** Deletes a person and takes them out of every team (as author or contact) in the same transaction. */
export async function deletePerson(db: SubmitHelperDB, id: string): Promise<void> {
  await db.transaction('rw', db.people, db.teams, async () => {
    await db.people.delete(id);
    const teams = await db.teams.filter((t) => t.authorIds.includes(id) || t.contactId === id).toArray();
    for (const team of teams) {
      const { contactId, ...rest } = team;
      await db.teams.put({
        ...rest,
        authorIds: team.authorIds.filter((a) => a !== id),
        ...(contactId && contactId !== id ? { contactId } : {}),
      });
    }
  });
}

export async function saveTeam(db: SubmitHelperDB, input: Editable<TeamInput>, now = Date.now()): Promise<SaveResult<Team>> {
  const id = input.id ?? newId();
  const parsed = teamSchema.safeParse({ ...input, id, ...(await stamped(db.teams.get(id), now)) });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const known = await db.people.bulkGet([...parsed.data.authorIds, ...(parsed.data.contactId ? [parsed.data.contactId] : [])]);
  if (known.some((p) => p === undefined)) return { ok: false, errors: { authorIds: 'invalid' } };
  await db.teams.put(parsed.data);
  return { ok: true, value: parsed.data };
}

/** Copies a team (same authors, same order, same contact) under a new id and the given name. */
export async function duplicateTeam(db: SubmitHelperDB, id: string, name: string, now = Date.now()): Promise<SaveResult<Team>> {
  const team = await db.teams.get(id);
  if (!team) return { ok: false, errors: { _: 'invalid' } };
  const { id: _old, createdAt: _c, updatedAt: _u, ...rest } = team;
  return saveTeam(db, { ...rest, name }, now);
}

/** Deletes a team; drafts that used it keep their texts and lose only the link. */
export async function deleteTeam(db: SubmitHelperDB, id: string): Promise<void> {
  await db.transaction('rw', db.teams, db.drafts, async () => {
    await db.teams.delete(id);
    const drafts = await db.drafts.where('teamId').equals(id).toArray();
    for (const { teamId: _t, ...draft } of drafts) await db.drafts.put(draft);
  });
}

export async function saveDraft(db: SubmitHelperDB, input: Editable<DraftInput>, now = Date.now()): Promise<SaveResult<Draft>> {
  const id = input.id ?? newId();
  const parsed = draftSchema.safeParse({ ...input, id, ...(await stamped(db.drafts.get(id), now)) });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.drafts.put(parsed.data);
  return { ok: true, value: parsed.data };
}

export async function deleteDraft(db: SubmitHelperDB, id: string): Promise<void> {
  await db.drafts.delete(id);
}

export async function saveDeadline(db: SubmitHelperDB, input: Omit<DeadlineInput, 'id'> & { id?: string }): Promise<SaveResult<Deadline>> {
  const parsed = deadlineSchema.safeParse({ ...input, id: input.id ?? newId() });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.deadlines.put(parsed.data);
  return { ok: true, value: parsed.data };
}

export async function deleteDeadline(db: SubmitHelperDB, id: string): Promise<void> {
  await db.deadlines.delete(id);
}

/** Fill history is capped so a page that fills in a loop cannot grow the database without bound. */
export const MAX_FILL_RECORDS = 500;

export async function recordFill(
  db: SubmitHelperDB,
  input: Omit<FillRecordInput, 'id' | 'at'>,
  now = Date.now(),
): Promise<SaveResult<FillRecord>> {
  const parsed = fillRecordSchema.safeParse({ ...input, id: newId(), at: now });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.transaction('rw', db.fills, async () => {
    await db.fills.add(parsed.data);
    const excess = (await db.fills.count()) - MAX_FILL_RECORDS;
    if (excess > 0) await db.fills.orderBy('at').limit(excess).delete();
  });
  return { ok: true, value: parsed.data };
}

/** A team with its people resolved, authors in order; missing people are skipped. */
export interface ResolvedTeam {
  team: Team;
  authors: Person[];
  contact?: Person;
}

export async function resolveTeam(db: SubmitHelperDB, id: string): Promise<ResolvedTeam | null> {
  const team = await db.teams.get(id);
  if (!team) return null;
  const authors = (await db.people.bulkGet(team.authorIds)).filter((p): p is Person => p !== undefined);
  const contact = team.contactId ? await db.people.get(team.contactId) : undefined;
  return contact ? { team, authors, contact } : { team, authors };
}

/** Everything the database holds, each table sorted by id so two snapshots compare equal when the data does. */
export interface Snapshot {
  people: Person[];
  teams: Team[];
  drafts: Draft[];
  deadlines: Deadline[];
  fills: FillRecord[];
}

export async function readSnapshot(db: SubmitHelperDB): Promise<Snapshot> {
  return db.transaction('r', [db.people, db.teams, db.drafts, db.deadlines, db.fills], async () => ({
    people: await db.people.toArray(),
    teams: await db.teams.toArray(),
    drafts: await db.drafts.toArray(),
    deadlines: await db.deadlines.toArray(),
    fills: await db.fills.toArray(),
  }));
}
