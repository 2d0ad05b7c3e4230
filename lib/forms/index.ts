import type { RulePack } from '@/lib/rules/schema';
import { FORMS_2025 } from './layouts/2025';
import { formLayoutSchema, type FormLayout, type FormLayoutInput } from './schema';

export * from './schema';
export * from './bind';

/** Parses layout data; a layout that does not fit its grid or the schema is refused with the reasons. */
export function parseFormLayout(input: unknown): { ok: true; layout: FormLayout } | { ok: false; errors: string[] } {
  const result = formLayoutSchema.safeParse(input);
  if (result.success) return { ok: true, layout: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

function parseAll(inputs: readonly FormLayoutInput[]): FormLayout[] {
  return inputs.map((input) => {
    const parsed = parseFormLayout(input);
    if (!parsed.ok) throw new Error(`Form layout ${input.id} is invalid:\n${parsed.errors.join('\n')}`);
    return parsed.layout;
  });
}

/** Every bundled form layout, by activity year. */
export const FORM_LAYOUTS: readonly FormLayout[] = parseAll(FORMS_2025);

/** The signed form a category uses in a pack's year, if the product has its layout. */
export function formForCategory(pack: Pick<RulePack, 'year'>, categoryId: string,
  layouts: readonly FormLayout[] = FORM_LAYOUTS): FormLayout | undefined {
  return layouts.find((layout) => layout.year === pack.year && layout.categories.includes(categoryId));
}
export * from './text';
export * from './grid';
