import { canonicalJson, type Backup } from './format';
import { TABLE_NAMES, type SubmitHelperDB, type TableName } from '@/lib/db/database';
import type { Snapshot } from '@/lib/db/repository';

/**
 * `merge` adds and updates rows from the file and keeps rows the file does not have; `replace` makes the database
 * equal to the file. Merge is the default because it cannot remove anything the teacher typed after the backup.
 */
export type ImportMode = 'merge' | 'replace';

/** What importing would do to one table; `label` is what the preview lists (a name, a title, a date). */
export interface TableChange {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
}
export type ImportPreview = Record<TableName, TableChange>;

type Row = { id: string } & Record<string, unknown>;

function labelOf(table: TableName, row: Row): string {
  switch (table) {
    case 'people':
    case 'teams':
      return String(row.name);
    case 'drafts':
      return String(row.title);
    case 'deadlines':
      return `${String(row.label)} ${String(row.date)}`;
    case 'fills':
      return String(row.url);
  }
}

/** Compares the database with a backup without writing anything. */
export function previewImport(current: Snapshot, backup: Backup, mode: ImportMode): ImportPreview {
  const preview = {} as ImportPreview;
  for (const table of TABLE_NAMES) {
    const existing = new Map((current[table] as Row[]).map((r) => [r.id, r]));
    const incoming = backup.data[table] as Row[];
    const change: TableChange = { added: [], updated: [], removed: [], unchanged: 0 };
    for (const row of incoming) {
      const old = existing.get(row.id);
      if (!old) change.added.push(labelOf(table, row));
      else if (canonicalJson(old) !== canonicalJson(row)) change.updated.push(labelOf(table, row));
      else change.unchanged++;
    }
    if (mode === 'replace') {
      const ids = new Set(incoming.map((r) => r.id));
      for (const row of existing.values()) if (!ids.has(row.id)) change.removed.push(labelOf(table, row));
    }
    preview[table] = change;
  }
  return preview;
}

export function hasChanges(preview: ImportPreview): boolean {
  return TABLE_NAMES.some((t) => preview[t].added.length + preview[t].updated.length + preview[t].removed.length > 0);
}

/**
 * Writes a parsed backup in one transaction over every table: if any row fails (the validation middleware, a quota
 * error), IndexedDB rolls the whole import back and the database is as it was.
 */
export async function applyImport(db: SubmitHelperDB, backup: Backup, mode: ImportMode): Promise<void> {
  const tables = TABLE_NAMES.map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      if (mode === 'replace') await table.clear();
      await table.bulkPut(backup.data[name]);
    }
  });
}

