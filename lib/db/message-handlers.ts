import type { MessageHandlers } from '@/lib/messaging';
import type { SubmitHelperDB } from './database';
import { recordFill, resolveTeam } from './repository';

/** The background's answers to lib/messaging.ts, read from Dexie on every call (the worker keeps no state). */
export function createMessageHandlers(getDb: () => SubmitHelperDB): MessageHandlers {
  return {
    getPeople: () => getDb().people.toArray(),
    getTeams: () => getDb().teams.toArray(),
    getTeam: ({ id }) => resolveTeam(getDb(), id),
    getDrafts: ({ categoryId }) =>
      categoryId === undefined ? getDb().drafts.toArray() : getDb().drafts.where('categoryId').equals(categoryId).toArray(),
    getDraft: async ({ id }) => (await getDb().drafts.get(id)) ?? null,
    getDeadlines: () => getDb().deadlines.orderBy('date').toArray(),
    recordFill: async (request) => {
      const result = await recordFill(getDb(), request);
      if (!result.ok) throw new Error(`Invalid fill record: ${JSON.stringify(result.errors)}`);
      return { id: result.value.id };
    },
  };
}
