import { z } from 'zod';
import {
  deadlineSchema,
  draftSchema,
  fillRecordSchema,
  personSchema,
  teamSchema,
} from '@/lib/profile/schema';
import type { Snapshot } from '@/lib/db/repository';

/** Identifies our files among other JSON a teacher might pick. */
export const BACKUP_FORMAT = 'submit-helper/backup';
/** Bump when the file's shape changes; a file from a newer version is refused rather than half-read. */
export const BACKUP_VERSION = 1;

const byUniqueId = <T extends { id: string }>(rows: T[]) => new Set(rows.map((r) => r.id)).size === rows.length;

const dataSchema = z.object({
  people: z.array(personSchema).refine(byUniqueId),
  teams: z.array(teamSchema).refine(byUniqueId),
  drafts: z.array(draftSchema).refine(byUniqueId),
  deadlines: z.array(deadlineSchema).refine(byUniqueId),
  fills: z.array(fillRecordSchema).refine(byUniqueId),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  /** `sha256:` + hex of the canonical JSON of `data`, to tell a damaged or hand-edited file from a good one. */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  data: dataSchema,
});
/** A parsed, checked backup file. */
export type Backup = z.infer<typeof backupSchema>;

/** Why a file was refused; the UI words each one. */
export type BackupErrorCode = 'empty' | 'notJson' | 'notBackup' | 'futureVersion' | 'checksum' | 'invalid';
export interface BackupError {
  code: BackupErrorCode;
  /** For `invalid`: where in the file (`data.people.2.mobile`). For `futureVersion`: the file's version. */
  detail?: string;
}
export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

/** JSON with object keys sorted at every level, so the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function checksumOf(data: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(data));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The backup file's text for a snapshot of the database. */
export async function serializeBackup(snapshot: Snapshot, now: Date = new Date()): Promise<string> {
  const data = {
    people: snapshot.people,
    teams: snapshot.teams,
    drafts: snapshot.drafts,
    deadlines: snapshot.deadlines,
    fills: snapshot.fills,
  };
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    checksum: await checksumOf(data),
    data,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * Reads a backup file. The checksum is checked over the data exactly as written, before zod normalises anything,
 * so any edit or damage is caught; then every row is validated with the same schemas the database uses.
 */
export async function parseBackup(text: string): Promise<ParseBackupResult> {
  if (text.trim() === '') return { ok: false, error: { code: 'empty' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A truncated download ends mid-string or mid-object; both land here.
    return { ok: false, error: { code: 'notJson' } };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: { code: 'notBackup' } };
  }
  const { version, checksum, data } = json as { version?: unknown; checksum?: unknown; data?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: { code: 'futureVersion', detail: String(version) } };
  }
  if (typeof checksum !== 'string' || (await checksumOf(data)) !== checksum) {
    return { ok: false, error: { code: 'checksum' } };
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid', detail: issue?.path.map(String).join('.') ?? '' } };
  }
  return { ok: true, backup: parsed.data };
}
