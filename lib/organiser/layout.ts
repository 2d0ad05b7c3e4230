/**
 * Layout inference for a district's submissions (district notice 四(一)2): one folder per teacher named
 * `学段+学校+教师姓名`, inside it a folder named after the category, inside that one folder per work. From nothing
 * but a list of paths (a folder pick, a drop, a directory walk, an archive's entries) this finds the teachers, each
 * work and its category, and says what is wrong with the layout. Pure: no file is read.
 */
import type { Category } from '../rules/schema';
import { matchCategory, type CategoryMatch } from './category-match';

/** One path of the input, relative and `/`-separated, its first segment the folder that was picked or dropped. */
export interface LayoutEntry {
  path: string;
  size?: number;
  /** A folder (only drops and directory walks report empty folders; a folder pick lists files only). */
  dir?: boolean;
}

/** A file of a work, with the path the check engine sees: from the teacher folder on (its name first). */
export interface WorkFile {
  /** The entry's path as given. */
  source: string;
  path: string;
  name: string;
  size: number;
}

export const LAYOUT_ISSUE_CODES = [
  'teacher_empty',
  'teacher_name_shape',
  'teacher_loose_files',
  'category_unknown',
  'category_misspelt',
  'category_empty',
  'work_empty',
  'work_loose_files',
  'no_teacher_folder',
  'archive_unreadable',
  'archive_name_mismatch',
  'archive_no_teacher_folder',
] as const;
export type LayoutIssueCode = (typeof LAYOUT_ISSUE_CODES)[number];

/** A fault of the layout itself; `fail` ones make the work's row fail whatever its files are. */
export interface LayoutIssue {
  code: LayoutIssueCode;
  verdict: 'warn' | 'fail';
  params: Record<string, string | number | string[]>;
}

/** The parts of `学段+学校+教师姓名`; absent when the folder name does not have three parts. */
export interface TeacherName {
  stage?: string;
  school?: string;
  /** The teacher (or the authors, when a district writes several names joined by 、). */
  name: string;
  /** Names in the teacher part, split at 、，,/ and spaces. */
  authors: string[];
}

/** One row of the result: a work to check, or a failure of the layout that no check can fix. */
export interface WorkUnit {
  /** The teacher folder's name; '' when the category folder was picked directly. */
  teacherFolder: string;
  teacher: TeacherName;
  /** Path of the teacher folder (or the picked category folder) as given in the entries. */
  teacherPath: string;
  categoryFolder: string | null;
  /** The category to check against; null when none could be told from the layout (see issues). */
  category: Category | null;
  match: CategoryMatch | null;
  workName: string | null;
  files: WorkFile[];
  issues: LayoutIssue[];
}

export interface Layout {
  units: WorkUnit[];
  /** Files outside any teacher folder (a district's own 汇总表.xlsx, a readme): not part of any submission. */
  outside: string[];
  /** Teacher folders left out because they hold no work of the narrowed-to category. */
  skipped: string[];
  /** Whether the input held several teachers (a district), as opposed to one submission. */
  district: boolean;
}

export interface InferOptions {
  /** Narrow to one category (the command's `-c`): folders of other categories are left out, unknown ones are
   * checked as this category (its layout check then names the folder). */
  only?: Category;
}

interface Node {
  name: string;
  path: string;
  files: Array<{ name: string; path: string; size: number }>;
  dirs: Map<string, Node>;
}

const newNode = (name: string, path: string): Node => ({ name, path, files: [], dirs: new Map() });

function buildTree(entries: readonly LayoutEntry[]): Node {
  const root = newNode('', '');
  for (const entry of entries) {
    const parts = entry.path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0) continue;
    const dirParts = entry.dir ? parts : parts.slice(0, -1);
    let node = root;
    for (const part of dirParts) {
      let next = node.dirs.get(part);
      if (!next) {
        next = newNode(part, node.path ? `${node.path}/${part}` : part);
        node.dirs.set(part, next);
      }
      node = next;
    }
    if (!entry.dir) node.files.push({ name: parts[parts.length - 1]!, path: parts.join('/'), size: entry.size ?? 0 });
  }
  return root;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh');
const dirsOf = (node: Node): Node[] => [...node.dirs.values()].sort(byName);

function allFiles(node: Node): Array<{ name: string; path: string; size: number }> {
  return [...[...node.files].sort(byName), ...dirsOf(node).flatMap(allFiles)];
}

/** Splits `学段+学校+教师姓名` (half- or full-width plus). */
export function parseTeacherFolder(folder: string): TeacherName {
  const parts = folder.split(/[+＋]/).map((p) => p.trim());
  const name = parts.length === 3 ? parts[2]! : folder;
  const authors = name.split(/[、，,/\s]+/u).filter(Boolean);
  return parts.length === 3 ? { stage: parts[0]!, school: parts[1]!, name, authors } : { name, authors };
}

/** `学段+学校+教师姓名` with half- or full-width pluses. */
export const TEACHER_SHAPE = /^[^+＋]+[+＋][^+＋]+[+＋][^+＋]+$/;

export function inferLayout(entries: readonly LayoutEntry[], categories: readonly Category[], options: InferOptions = {}): Layout {
  const tree = buildTree(entries);
  const layout: Layout = { units: [], outside: [], skipped: [], district: false };
  const matchOf = (name: string) => matchCategory(name, categories);
  const isTeacher = (n: Node) => TEACHER_SHAPE.test(n.name) || dirsOf(n).some((d) => matchOf(d.name) !== null);
  let teachers = 0;

  const visit = (node: Node, depth: number): void => {
    const picked = matchOf(node.name);
    if (picked) {
      if (options.only && picked.category.id !== options.only.id) {
        layout.skipped.push(node.name);
        return;
      }
      teachers++;
      categoryUnits(node, null, layout, options, matchOf);
      return;
    }
    if (isTeacher(node)) {
      teachers++;
      teacherUnits(node, layout, options, matchOf);
      return;
    }
    const dirs = dirsOf(node);
    if (dirs.some(isTeacher)) {
      // A district folder: every folder in it is a teacher's, even one whose name or content is not recognised
      // (then its rows say why); loose files in it are the district's own.
      layout.district = true;
      layout.outside.push(...node.files.map((f) => f.path));
      for (const d of dirs) {
        teachers++;
        teacherUnits(d, layout, options, matchOf);
      }
      return;
    }
    if (dirs.length === 1 && node.files.length === 0 && depth < 3) {
      // A wrapper folder (an unzipped archive's own folder, a year): look inside.
      visit(dirs[0]!, depth + 1);
      return;
    }
    teachers++;
    teacherUnits(node, layout, options, matchOf);
  };
  for (const root of dirsOf(tree)) visit(root, 0);
  if (tree.files.length > 0) {
    // Loose files given one by one: one submission, category only from the caller.
    teachers++;
    const files = tree.files.map((f) => ({ source: f.path, path: f.name, name: f.name, size: f.size }));
    layout.units.push(unitOf('', '', null, options.only ?? null, null, null, files, options.only ? [] : [issue('category_unknown', 'fail', { found: '' })]));
  }
  if (teachers > 1) layout.district = true;
  return layout;
}

const issue = (code: LayoutIssueCode, verdict: LayoutIssue['verdict'], params: LayoutIssue['params'] = {}): LayoutIssue => ({ code, verdict, params });

function unitOf(
  teacherFolder: string,
  teacherPath: string,
  categoryFolder: string | null,
  category: Category | null,
  match: CategoryMatch | null,
  workName: string | null,
  files: WorkFile[],
  issues: LayoutIssue[],
): WorkUnit {
  return { teacherFolder, teacher: parseTeacherFolder(teacherFolder), teacherPath, categoryFolder, category, match, workName, files, issues };
}

/** Paths for the engine start at the teacher folder (or the picked category folder). */
function workFiles(files: ReadonlyArray<{ name: string; path: string; size: number }>, base: Node): WorkFile[] {
  const cut = base.path.length - base.name.length;
  return files.map((f) => ({ source: f.path, path: f.path.slice(cut), name: f.name, size: f.size }));
}

function teacherUnits(teacher: Node, layout: Layout, options: InferOptions, matchOf: (name: string) => CategoryMatch | null): void {
  const before = layout.units.length;
  const shape: LayoutIssue[] = TEACHER_SHAPE.test(teacher.name) ? [] : [issue('teacher_name_shape', 'warn', { found: teacher.name })];
  if (teacher.files.length === 0 && teacher.dirs.size === 0) {
    layout.units.push(unitOf(teacher.name, teacher.path, null, null, null, null, [], [issue('teacher_empty', 'fail'), ...shape]));
    return;
  }
  if (teacher.files.length > 0) {
    const loose = [...teacher.files].sort(byName);
    const names = loose.map((f) => f.name);
    layout.units.push(
      unitOf(teacher.name, teacher.path, null, options.only ?? null, null, null, workFiles(loose, teacher), [
        issue('teacher_loose_files', 'fail', { files: names, count: names.length }),
        ...shape,
      ]),
    );
  }
  let otherCategory = false;
  for (const folder of dirsOf(teacher)) {
    const match = matchOf(folder.name);
    if (options.only && match && match.category.id !== options.only.id) {
      otherCategory = true;
      continue;
    }
    categoryUnits(folder, teacher, layout, options, matchOf, shape);
  }
  if (layout.units.length === before && otherCategory) layout.skipped.push(teacher.name);
}

/** The works of one category folder; `teacher` null when the category folder itself was picked. */
function categoryUnits(
  folder: Node,
  teacher: Node | null,
  layout: Layout,
  options: InferOptions,
  matchOf: (name: string) => CategoryMatch | null,
  teacherIssues: LayoutIssue[] = [],
): void {
  const base = teacher ?? folder;
  const teacherFolder = teacher?.name ?? '';
  const match = matchOf(folder.name);
  const category = match?.category ?? options.only ?? null;
  const issues: LayoutIssue[] = [...teacherIssues];
  if (!teacher) issues.push(issue('no_teacher_folder', 'warn'));
  if (match?.kind === 'close') {
    issues.push(issue('category_misspelt', 'fail', { found: folder.name, expected: match.category.name, reasons: match.reasons, distance: match.distance }));
  } else if (!match && !options.only) {
    issues.push(issue('category_unknown', 'fail', { found: folder.name }));
  }
  const push = (workName: string | null, files: WorkFile[], extra: LayoutIssue[]) =>
    layout.units.push(unitOf(teacherFolder, base.path, folder.name, category, match, workName, files, [...issues, ...extra]));

  const works = dirsOf(folder);
  if (works.length === 0 && folder.files.length === 0) {
    push(null, [], [issue('category_empty', 'fail', { folder: folder.name })]);
    return;
  }
  if (folder.files.length > 0) {
    const loose = [...folder.files].sort(byName);
    const names = loose.map((f) => f.name);
    // Without a work folder the files still get checked (the engine names the missing level too).
    push(null, workFiles(loose, base), [issue('work_loose_files', 'fail', { files: names, count: names.length })]);
  }
  for (const work of works) {
    const files = allFiles(work);
    push(work.name, workFiles(files, base), files.length === 0 ? [issue('work_empty', 'fail', { work: work.name })] : []);
  }
}
