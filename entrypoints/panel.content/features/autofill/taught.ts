import { z } from 'zod';
import type { FillAttribute, FillRole, TaughtMapping } from '@/lib/autofill';

/** At most this many mappings are kept; the oldest go first. */
export const MAX_TAUGHT = 500;

const roleSchema = z.union([
  z.enum(['work', 'contact', 'leader']),
  z.string().regex(/^author\[[0-2]\]$/) as z.ZodType<`author[${number}]`>,
]);

const attributeSchema = z.union([
  z.enum(['name', 'organization', 'title', 'mobile', 'landline', 'email', 'schoolType', 'subject', 'grade', 'major',
    'region', 'workTitle', 'ignore']),
  z.string().regex(/^field:[a-z][a-z0-9_]*$/) as z.ZodType<`field:${string}`>,
]);

/** One taught mapping as stored; the teacher's corrections are validated on every read like any stored data. */
export const taughtMappingSchema = z.object({
  host: z.string().max(253).optional(),
  path: z.string().max(2000).optional(),
  locator: z.object({ label: z.string().max(200), nth: z.number().int().min(0), path: z.string().max(2000) }),
  attribute: attributeSchema,
  role: roleSchema.optional(),
});

/** The stored list; invalid entries are dropped one by one, so one bad row never loses the rest. */
export function parseTaught(raw: unknown): TaughtMapping[] {
  if (!Array.isArray(raw)) return [];
  const out: TaughtMapping[] = [];
  for (const item of raw) {
    const parsed = taughtMappingSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data as TaughtMapping);
  }
  return out;
}

function sameTarget(a: TaughtMapping, b: TaughtMapping): boolean {
  return a.host === b.host && a.path === b.path && a.locator.label === b.locator.label
    && a.locator.nth === b.locator.nth && a.locator.path === b.locator.path;
}

/** The list with `mapping` added; a mapping for the same field on the same page replaces the older one. */
export function rememberMapping(list: readonly TaughtMapping[], mapping: TaughtMapping): TaughtMapping[] {
  const rest = list.filter((item) => !sameTarget(item, mapping));
  return [...rest, mapping].slice(-MAX_TAUGHT);
}

/** The list without the mappings taught on this page. */
export function forgetPage(list: readonly TaughtMapping[], host: string, path: string): TaughtMapping[] {
  return list.filter((item) => !(item.host === host && item.path === path));
}

/** What a teacher can say a field is, grouped by whose data it is. */
export function choicesFor(role: FillRole, workFields: readonly { id: string; label: string }[]):
  Array<{ attribute: FillAttribute; label?: string }> {
  if (role === 'work') {
    return [{ attribute: 'workTitle' }, ...workFields.map((f) => ({ attribute: `field:${f.id}` as const, label: f.label }))];
  }
  return (['name', 'organization', 'title', 'mobile', 'landline', 'email', 'schoolType', 'subject', 'grade', 'major',
    'region'] as const).map((attribute) => ({ attribute }));
}
