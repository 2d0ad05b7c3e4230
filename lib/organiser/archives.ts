/**
 * Teachers' archives in a district (district notice 四(一)2: the teacher folder "compressed to a RAR of the same
 * name"): each `.rar`/`.zip`/`.7z` that sits where a teacher folder would is opened as that folder, from its
 * directory alone, so `inferLayout` sees the same tree it would see unpacked. What is wrong with the archive
 * itself — a name that differs from the folder inside, no teacher folder inside, names that cannot be read —
 * becomes a layout issue of that teacher's rows.
 */
import { type ArchiveListing, type ArchiveMember, countedMembers } from '../checks/archive';
import { EXTENSION_TYPES, extensionOf, MIME } from '../checks/detect';
import type { Inspection } from '../checks/inspect';
import { formatFinding, type Lang, makeFinding } from '../checks/messages';
import { type ByteSource, FormatError } from '../checks/source';
import { isJunkPath } from '../checks/zip';
import type { Category } from '../rules/schema';
import { matchCategory } from './category-match';
import { type Layout, type LayoutEntry, type LayoutIssue, TEACHER_SHAPE } from './layout';

const ARCHIVE_EXTENSIONS = /\.(rar|zip|7z)$/i;

/** Whether a name is a teacher's archive by its extension (the check confirms the real type). */
export const isArchiveName = (name: string): boolean => ARCHIVE_EXTENSIONS.test(name);

/**
 * An archive stands for a teacher folder when it is given on its own or lies directly in the picked (district)
 * folder; one inside a teacher's or a category's folder is a file of a work (a materials ZIP) and stays a file.
 */
export function isTeacherArchive(path: string, categories: readonly Category[]): boolean {
  if (!isArchiveName(path)) return false;
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 1) return true;
  if (parts.length !== 2) return false;
  const parent = parts[0]!;
  return !TEACHER_SHAPE.test(parent) && matchCategory(parent, categories) === null;
}

/** What reading an archive's directory gave: its listing, or why it could not be read. */
export type ArchiveRead = { listing: ArchiveListing } | { problem: 'damaged' | 'names_encrypted'; reason: string };

/** One teacher archive opened as a folder. */
export interface ArchiveExpansion {
  /** The archive's own entry path. */
  archive: string;
  /** The teacher folder it stands for, as a layout path. */
  teacherPath: string;
  entries: LayoutEntry[];
  /** Layout path of each member file → the member. */
  members: Map<string, ArchiveMember>;
  issues: LayoutIssue[];
  format?: ArchiveListing['format'];
  solid: boolean;
}

const baseName = (name: string) => name.replace(ARCHIVE_EXTENSIONS, '');

/** Maps an archive's members into the layout: `区县/张三.rar` holding `张三/类别/作品/x` gives `区县/张三/类别/作品/x`. */
export function expandArchive(path: string, read: ArchiveRead, categories: readonly Category[]): ArchiveExpansion {
  const parts = path.split('/').filter(Boolean);
  const fileName = parts[parts.length - 1]!;
  const dir = parts.slice(0, -1).join('/');
  const base = baseName(fileName);
  const join = (...p: string[]) => [dir, ...p].filter(Boolean).join('/');
  const expansion: ArchiveExpansion = { archive: path, teacherPath: join(base), entries: [], members: new Map(), issues: [], solid: false };
  if ('problem' in read) {
    expansion.entries.push({ path: join(base), dir: true });
    expansion.issues.push({ code: 'archive_unreadable', verdict: 'fail', params: { archive: fileName, problem: read.problem, reason: read.reason } });
    return expansion;
  }
  const { listing } = read;
  expansion.format = listing.format;
  expansion.solid = listing.solid;
  const files = countedMembers(listing);
  const roots = new Set(listing.members.filter((m) => !isJunkPath(m.name)).map((m) => m.name.split('/')[0]!));
  const [root] = roots;
  const single = roots.size === 1 && root !== undefined && listing.members.some((m) => m.name.startsWith(`${root}/`));
  let prefix: string;
  if (single && matchCategory(root, categories) === null) {
    // The notice's shape: the teacher folder itself inside. Its name, not the archive's, is the teacher's.
    prefix = dir;
    expansion.teacherPath = join(root);
    if (root !== base) expansion.issues.push({ code: 'archive_name_mismatch', verdict: 'fail', params: { archive: fileName, inner: root } });
  } else {
    prefix = join(base);
    expansion.issues.push({ code: 'archive_no_teacher_folder', verdict: 'fail', params: { archive: fileName } });
  }
  const at = (name: string) => [prefix, name].filter(Boolean).join('/');
  for (const m of listing.members) if (m.isDirectory) expansion.entries.push({ path: at(m.name), dir: true });
  for (const m of files) {
    expansion.entries.push({ path: at(m.name), size: m.size });
    expansion.members.set(at(m.name), m);
  }
  if (files.length === 0 && expansion.entries.length === 0) expansion.entries.push({ path: expansion.teacherPath, dir: true });
  return expansion;
}

/**
 * Whether an archive holds a submission: named like a teacher folder, or holding one, or holding a category folder
 * (at its top or one level down). Anything else — a district's own 资料.zip, a work's materials — stays a file.
 */
export function holdsSubmission(path: string, read: ArchiveRead, categories: readonly Category[]): boolean {
  const base = baseName(path.split('/').pop() ?? path);
  if (TEACHER_SHAPE.test(base)) return true;
  if ('problem' in read) return false;
  return read.listing.members.some((m) => {
    const parts = m.name.split('/');
    return TEACHER_SHAPE.test(parts[0]!) || parts.slice(0, 2).some((p, i) => i < parts.length - 1 && matchCategory(p, categories) !== null);
  });
}

/**
 * Replaces each teacher archive's entry with the folder it stands for. `read` lists one archive (in the check
 * pool: off the page's thread, bounded like any check). A rejected read (an abort) rejects the whole.
 */
export async function expandTeacherArchives(
  entries: readonly LayoutEntry[],
  categories: readonly Category[],
  read: (path: string) => Promise<ArchiveRead>,
): Promise<{ entries: LayoutEntry[]; expansions: ArchiveExpansion[] }> {
  const out: LayoutEntry[] = [];
  const expansions: ArchiveExpansion[] = [];
  // All directories are asked for at once (the pool queues them and runs as many as it has workers); the entries
  // keep their order.
  const reads = new Map<string, Promise<ArchiveRead>>();
  for (const entry of entries) {
    if (entry.dir || !isTeacherArchive(entry.path, categories)) continue;
    const pending = read(entry.path);
    // Once one read rejects the rest are not awaited; their rejections are the same abort, already reported.
    pending.catch(() => undefined);
    reads.set(entry.path, pending);
  }
  for (const entry of entries) {
    const pending = entry.dir ? undefined : reads.get(entry.path);
    if (!pending) {
      out.push(entry);
      continue;
    }
    const result = await pending;
    if (!holdsSubmission(entry.path, result, categories)) {
      out.push(entry);
      continue;
    }
    const expansion = expandArchive(entry.path, result, categories);
    expansions.push(expansion);
    out.push(...expansion.entries);
  }
  return { entries: out, expansions };
}

/** Adds each archive's issues to its teacher's rows; an unreadable archive's row says why, not "empty folder". */
export function attachArchiveIssues(layout: Layout, expansions: readonly ArchiveExpansion[]): void {
  const byTeacher = new Map(expansions.map((e) => [e.teacherPath, e]));
  for (const unit of layout.units) {
    const e = byTeacher.get(unit.teacherPath);
    if (!e || e.issues.length === 0) continue;
    const unreadable = e.issues.some((i) => i.code === 'archive_unreadable');
    unit.issues = [...e.issues, ...unit.issues.filter((i) => !(unreadable && i.code === 'teacher_empty'))];
  }
}

/**
 * A member whose bytes are compressed in its archive: its size is known from the directory, its content is not
 * read (RAR's and 7z's compressors would have to run over everything before it in a solid archive). Checks see
 * its name, type by extension and size; `packedInspection` says what was not checked.
 */
export class PackedMember implements ByteSource {
  constructor(
    readonly size: number,
    readonly format: ArchiveListing['format'],
    readonly solid: boolean,
  ) {}

  slice(): { arrayBuffer(): Promise<ArrayBuffer> } {
    return { arrayBuffer: () => Promise.reject(new FormatError('a compressed archive member is not extracted')) };
  }
}

/** The inspection of a compressed member, made without reading it. */
export function packedInspection(member: PackedMember, name: string): Inspection {
  const type = EXTENSION_TYPES[extensionOf(name)] ?? 'unknown';
  return {
    name,
    size: member.size,
    detected: { type, mime: MIME[type] },
    findings: [makeFinding('archive_member_packed', 'warn', { format: member.format, solid: member.solid })],
    stats: { bytesRead: 0, reads: 0, ms: 0 },
  };
}

/** What an inspection of a teacher's archive says about its directory. */
export function archiveReadOf(inspection: Inspection, lang: Lang = 'zh'): ArchiveRead {
  if (inspection.listing?.headersEncrypted) return { problem: 'names_encrypted', reason: '' };
  if (inspection.listing) return { listing: inspection.listing };
  const bad = inspection.findings.find((f) => f.verdict === 'unreadable' || f.verdict === 'fail');
  const reason = bad ? formatFinding(bad, lang) : `${inspection.detected.type}`;
  return { problem: 'damaged', reason };
}

/** Where a member's bytes come from when its work is checked. */
export interface MemberSource {
  /** The archive's entry path. */
  archive: string;
  member: ArchiveMember;
  format: ArchiveListing['format'];
  solid: boolean;
}

/** Every member file of the expansions by its layout path. */
export function memberSources(expansions: readonly ArchiveExpansion[]): Map<string, MemberSource> {
  const out = new Map<string, MemberSource>();
  for (const e of expansions) {
    for (const [path, member] of e.members) out.set(path, { archive: e.archive, member, format: e.format ?? 'zip', solid: e.solid });
  }
  return out;
}

/**
 * The bytes of a member: a range of the archive when stored unchanged, else a PackedMember. `range` makes the
 * range on the caller's own file type (a Blob's slice in the browser, a DiskFile with an offset in Node).
 */
export function memberBytes<B extends ByteSource>(source: MemberSource, range: (offset: number, size: number) => B): B | PackedMember {
  const { member } = source;
  return member.stored ? range(member.stored.offset, member.stored.size) : new PackedMember(member.size, source.format, source.solid);
}
