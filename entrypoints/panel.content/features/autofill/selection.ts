import type { FillAction, FillInput, FillRole } from '@/lib/autofill';
import type { Draft, Person, Team } from '@/lib/profile/schema';

/** The teacher's saved data the page side may read (lib/messaging.ts). */
export interface ProfileData {
  people: Person[];
  teams: Team[];
  drafts: Draft[];
}

/** Whose data fills the page: a saved team, or one person as the sole author and the contact. */
export type Who = { kind: 'team'; id: string } | { kind: 'person'; id: string } | { kind: 'none' };

export interface Selection {
  draftId: string | undefined;
  who: Who;
}

export function encodeWho(who: Who): string {
  return who.kind === 'none' ? '' : `${who.kind}:${who.id}`;
}

export function decodeWho(value: string): Who {
  const match = /^(team|person):(.+)$/.exec(value);
  return match ? { kind: match[1] as 'team' | 'person', id: match[2]! } : { kind: 'none' };
}

/**
 * What to fill with when the panel opens: the newest draft of the page's category (else the newest draft), with its
 * team; without drafts, the first team, then the first person.
 */
export function defaultSelection(data: ProfileData, categoryId: string | undefined): Selection {
  const newest = [...data.drafts].sort((a, b) => b.updatedAt - a.updatedAt);
  const draft = newest.find((d) => categoryId !== undefined && d.categoryId === categoryId) ?? newest[0];
  const team = data.teams.find((t) => t.id === draft?.teamId) ?? data.teams[0];
  if (team) return { draftId: draft?.id, who: { kind: 'team', id: team.id } };
  const person = data.people[0];
  return { draftId: draft?.id, who: person ? { kind: 'person', id: person.id } : { kind: 'none' } };
}

/**
 * The plan's input for a selection. A team without a 联系人 uses its first author: every form asks for one, and
 * the first author is who the notices expect to answer for the work.
 */
export function fillInput(data: ProfileData, selection: Selection): Omit<FillInput, 'pack' | 'category'> {
  const draft = data.drafts.find((d) => d.id === selection.draftId);
  let team: Team | undefined;
  if (selection.who.kind === 'team') {
    const found = data.teams.find((t) => t.id === (selection.who as { id: string }).id);
    if (found) team = { ...found, contactId: found.contactId ?? found.authorIds[0] };
  } else if (selection.who.kind === 'person') {
    const id = selection.who.id;
    team = { id: `person:${id}`, name: '', authorIds: [id], contactId: id, createdAt: 0, updatedAt: 0 };
  }
  return { people: data.people, ...(team ? { team } : {}), ...(draft ? { draft } : {}) };
}

/** Identifies a plan line across re-plans (the site re-renders, the teacher types), for the preview's ticks. */
export function actionKey(action: Pick<FillAction, 'role' | 'attribute' | 'field'>): string {
  return `${action.role}|${action.attribute}|${action.field.locator.label}|${action.field.locator.nth}`;
}

/** i18n key suffix for a role: `author[1]` is the second author. */
export function roleKey(role: FillRole): string {
  const match = /^author\[(\d+)\]$/.exec(role);
  return match ? `author${Number(match[1]) + 1}` : role;
}

/** i18n key suffix for a kebab-case code (`no-data` → `noData`): message names allow no hyphen. */
export function codeKey(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
