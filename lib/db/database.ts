import Dexie, { type DBCore, type DBCoreMutateRequest, type DexieOptions, type EntityTable, type Middleware } from 'dexie';
import type { z } from 'zod';
import {
  deadlineSchema,
  draftSchema,
  fillRecordSchema,
  personSchema,
  teamSchema,
  type Deadline,
  type Draft,
  type FillRecord,
  type Person,
  type Team,
} from '@/lib/profile/schema';
import { SCHEMA_V1, SCHEMA_V2, upgradeToV2 } from './versions';

/** The extension's own database. Opened only from the background and extension pages (see lib/messaging.ts). */
export const DB_NAME = 'submit-helper';

/** Today's schema of each table; every add and put is parsed with it before it reaches IndexedDB. */
export const TABLE_SCHEMAS = {
  people: personSchema,
  teams: teamSchema,
  drafts: draftSchema,
  deadlines: deadlineSchema,
  fills: fillRecordSchema,
} as const satisfies Record<string, z.ZodType>;
export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** A write that did not match the table's schema; nothing was written. */
export class ValidationError extends Error {
  constructor(
    readonly table: string,
    readonly error: z.ZodError,
  ) {
    super(`Invalid ${table} row: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

function isUpgrade(req: DBCoreMutateRequest): boolean {
  // Upgrade functions write the shapes of their own version and validate them themselves; today's schemas
  // would reject a row that a later upgrade is about to transform.
  return (req.trans as unknown as { mode?: string }).mode === 'versionchange';
}

/**
 * The last guard: repository functions already safeParse to show errors under fields, but any write that bypasses
 * them (a bug, a future helper) still cannot store a row the schema rejects. Parsed output is what gets stored, so
 * rows are always normalised (a mobile typed as `138-0013-8000` is stored as `13800138000`).
 */
const validationMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'zod-validation',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const schema = (TABLE_SCHEMAS as Record<string, z.ZodType | undefined>)[name];
        if (!schema) return table;
        return {
          ...table,
          mutate(req) {
            if ((req.type !== 'add' && req.type !== 'put') || isUpgrade(req)) return table.mutate(req);
            const values: unknown[] = [];
            for (const value of req.values) {
              const parsed = schema.safeParse(value);
              if (!parsed.success) return Promise.reject(new ValidationError(name, parsed.error));
              values.push(parsed.data);
            }
            return table.mutate({ ...req, values } as DBCoreMutateRequest);
          },
        };
      },
    };
  },
};

export class SubmitHelperDB extends Dexie {
  people!: EntityTable<Person, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;
  deadlines!: EntityTable<Deadline, 'id'>;
  fills!: EntityTable<FillRecord, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.use(validationMiddleware);
  }
}

let shared: SubmitHelperDB | undefined;

/** The database for this extension context, created on first use (never at import time). */
export function getDatabase(): SubmitHelperDB {
  shared ??= new SubmitHelperDB();
  return shared;
}
