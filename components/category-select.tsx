import type { Category, RulePack } from '@/lib/rules/schema';
import type { Lang } from '@/lib/checks/messages';
import { inLang } from './i18n';
import type { SelectHTMLAttributes } from 'react';

/** The pack's categories in order, grouped as the notices group them (基础教育 / 职业教育 …). */
export function categoryGroups(pack: RulePack): Array<{ group: string; groupEn: string; categories: Category[] }> {
  const groups: Array<{ group: string; groupEn: string; categories: Category[] }> = [];
  for (const category of pack.categories) {
    const found = groups.find((g) => g.group === category.group);
    if (found) found.categories.push(category);
    else groups.push({ group: category.group, groupEn: category.groupEn, categories: [category] });
  }
  return groups;
}

export interface CategorySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  pack: RulePack;
  lang: Lang;
  value: string;
  onChange: (id: string) => void;
  /** A first option with the value '' (没有 / 请选择), for a choice that may stay empty. */
  emptyLabel?: string;
  /** Draw the notices' groups as `<optgroup>`s. */
  grouped?: boolean;
}

/** A `<select>` of the pack's categories, named in the UI language; the label is the caller's. */
export function CategorySelect({ pack, lang, value, onChange, emptyLabel, grouped = false, ...rest }: CategorySelectProps) {
  const option = (c: Category) => (
    <option key={c.id} value={c.id}>
      {inLang(lang, c.name, c.nameEn)}
    </option>
  );
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {grouped
        ? categoryGroups(pack).map((g) => (
          <optgroup key={g.group} label={inLang(lang, g.group, g.groupEn)}>
            {g.categories.map(option)}
          </optgroup>
        ))
        : pack.categories.map(option)}
    </select>
  );
}
