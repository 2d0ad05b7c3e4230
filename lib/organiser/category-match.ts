import type { Category } from '../rules/schema';

/** Why a category folder's name is close to, but not exactly, the notice's name. */
export type MisspellReason = 'spaces' | 'brackets' | 'quotes' | 'typo';

export type CategoryMatch =
  | { kind: 'exact'; category: Category }
  | { kind: 'close'; category: Category; reasons: MisspellReason[]; distance: number };

const WHITESPACE = /[\s\u3000\u00a0]/gu;
/** Brackets a teacher may type instead of the notice's full-width （）. */
const BRACKETS = /[()（）[\]【】〔〕〈〉<>﹙﹚]/gu;
const QUOTES = /["'“”‘’「」『』＂＇`]/gu;

const chars = (text: string, re: RegExp): string => (text.match(re) ?? []).join('');
/** Brackets compared by kind only: 全角 and 半角 of the same bracket are the same mark. */
const bracketKinds = (text: string): string =>
  chars(text, BRACKETS).replace(/[(（﹙[【〔〈<]/gu, '(').replace(/[)）﹚\]】〕〉>]/gu, ')');

/**
 * The name with everything a misspelling of the notice's wording commonly changes taken out: spaces (also
 * ideographic), every kind of bracket and quote, and the width of letters and digits (NFKC).
 */
export function categoryKey(name: string): string {
  return name.normalize('NFKC').replace(WHITESPACE, '').replace(BRACKETS, '').replace(QUOTES, '').toLowerCase();
}

/** Levenshtein distance over code points, stopping early once it passes `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * Characters that may differ for a name still to count as a misspelling rather than another folder: one in a
 * short name, two from eight characters on. "精品学习资料" is 精品学习资源 misspelt; "职教实践案例" is not
 * 职业教育实践性教学案例 (five apart) and is reported as an unknown folder instead.
 */
export function typoBudget(key: string): number {
  return [...key].length >= 8 ? 2 : 1;
}

/**
 * Which of the pack's categories a folder name means: exactly the notice's name, or close to exactly one of them
 * (spaces, 全角/半角 brackets, missing or other quotes, a character or two), with what differs. Null when no
 * category is close, or two are equally close.
 */
export function matchCategory(folder: string, categories: readonly Category[]): CategoryMatch | null {
  const exact = categories.find((c) => c.name === folder);
  if (exact) return { kind: 'exact', category: exact };
  const key = categoryKey(folder);
  if (key.length === 0) return null;
  const budget = typoBudget(key);
  const scored = categories
    .map((category) => ({ category, distance: editDistance(key, categoryKey(category.name), budget) }))
    .filter((s) => s.distance <= budget)
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (!best || (scored[1] && scored[1].distance === best.distance)) return null;
  const name = best.category.name;
  const reasons: MisspellReason[] = [];
  if (chars(folder, WHITESPACE) !== chars(name, WHITESPACE)) reasons.push('spaces');
  if (chars(folder, BRACKETS) !== chars(name, BRACKETS) && bracketKinds(folder) === bracketKinds(name)) reasons.push('brackets');
  if (chars(folder, QUOTES) !== chars(name, QUOTES)) reasons.push('quotes');
  // Anything else (another character, a bracket of another kind, full-width letters) is a typo.
  if (best.distance > 0 || bracketKinds(folder) !== bracketKinds(name) || reasons.length === 0) reasons.push('typo');
  return { kind: 'close', category: best.category, reasons, distance: best.distance };
}
