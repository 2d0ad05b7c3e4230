import type { Transaction } from 'dexie';
import { z } from 'zod';
import { isCalendarDay } from '@/lib/profile/validators';

/*
 * One schema constant per version, each spread from the one before, and one upgrade function per version that
 * transforms rows. A version's constant and upgrade are never edited once shipped: a browser that still holds that
 * version must be upgraded by exactly the code that describes it. test/lib/db/migrations.test.ts opens every
 * previous version, seeds rows and upgrades.
 */

/** v1: people, teams, drafts (with an optional deadline of their own) and the fill history. */
export const SCHEMA_V1 = {
  people: 'id, name, updatedAt',
  teams: 'id, name, updatedAt',
  drafts: 'id, categoryId, updatedAt',
  fills: 'id, at',
} as const;

/**
 * v2: custom deadlines get their own table (a district's own dates are not tied to one draft, and the reminders
 * read one list), and drafts are indexed by team so deleting a team can find its drafts.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  drafts: 'id, categoryId, teamId, updatedAt',
  deadlines: 'id, date, categoryId',
} as const;

/** The version the code opens; bump it with a new constant and upgrade function. */
export const DB_VERSION = 2;

/** The part of a v1 draft the v2 upgrade reads; frozen with v1, independent of today's draft schema. */
export const draftV1Schema = z.looseObject({
  id: z.string(),
  title: z.string(),
  categoryId: z.string().optional(),
  deadline: z.string().optional(),
  deadlineTime: z.string().optional(),
});
export type DraftV1 = z.infer<typeof draftV1Schema>;

/** Id of the deadline row made from a v1 draft's own deadline; fixed so a repeated upgrade cannot duplicate it. */
export const deadlineIdFromDraft = (draftId: string) => `draft-${draftId}`;

/** Moves each v1 draft's `deadline` (and `deadlineTime`) into a row of the new deadlines table. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const drafts = tx.table('drafts');
  const deadlines = tx.table('deadlines');
  const rows: unknown[] = await drafts.toArray();
  for (const raw of rows) {
    const parsed = draftV1Schema.safeParse(raw);
    if (!parsed.success) continue;
    const { deadline, deadlineTime, ...rest } = parsed.data;
    if (deadline === undefined && deadlineTime === undefined) continue;
    if (deadline !== undefined && isCalendarDay(deadline)) {
      await deadlines.put({
        id: deadlineIdFromDraft(rest.id),
        label: rest.title.trim().slice(0, 60) || rest.id,
        ...(rest.categoryId ? { categoryId: rest.categoryId } : {}),
        date: deadline,
        ...(deadlineTime && /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(deadlineTime) ? { time: deadlineTime } : {}),
      });
    }
    // A deadline that was never a real day is dropped with the field: keeping it would fail every later write.
    await drafts.put(rest);
  }
}
