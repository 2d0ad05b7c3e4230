import { useMemo, useState } from 'react';
import type { Lang } from '@/lib/checks/messages';
import { findCategory, type Category, type RulePack } from '@/lib/rules';
import { pickedKey, type PickedFile } from './collect';

/** One checkbox per distinct question: the 网络学习空间 question governs two slots of 融合创新. */
export interface Question {
  text: string;
  slots: string[];
}

export function questionsOf(category: Category, lang: Lang): Question[] {
  const list: Question[] = [];
  for (const slot of category.slots) {
    if (!slot.requiredIf) continue;
    const text = lang === 'en' ? slot.requiredIf.questionEn : slot.requiredIf.question;
    const found = list.find((q) => q.text === text);
    if (found) found.slots.push(slot.id);
    else list.push({ text, slots: [slot.id] });
  }
  return list;
}

/**
 * The chosen category and what the user said about it: answers to its questions and files moved to another slot.
 * Both belong to the category, so choosing another one clears them.
 */
export function useCategory(pack: RulePack, lang: Lang, initialCategory: string | null | undefined, onChange?: (id: string) => void) {
  const [categoryId, setCategoryId] = useState(
    () => (initialCategory && findCategory(pack, initialCategory) ? initialCategory : pack.categories[0]!.id),
  );
  const category = findCategory(pack, categoryId) ?? pack.categories[0]!;
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const questions = useMemo(() => questionsOf(category, lang), [category, lang]);

  const choose = (id: string) => {
    setCategoryId(id);
    setOverrides({});
    setAnswers({});
    onChange?.(id);
  };
  const answer = (question: Question, yes: boolean) =>
    setAnswers((a) => ({ ...a, ...Object.fromEntries(question.slots.map((s) => [s, yes])) }));
  const reassign = (picked: PickedFile, slotId: string) => setOverrides((o) => ({ ...o, [pickedKey(picked)]: slotId }));

  return { category, choose, questions, answers, answer, overrides, reassign };
}
