import { i18n } from '#i18n';
import type { FormProblem } from '@/lib/forms';

const str = (value: string | number | undefined) => String(value ?? '');

/** A problem in the teacher's language (Chinese first; English from locales/en.yml). */
export function problemText(problem: FormProblem): string {
  const label = problem.label ?? '';
  const p = problem.params;
  switch (problem.code) {
    case 'missing': return i18n.t('forms.problem.missing', [label]);
    case 'sizeUnknown': return i18n.t('forms.problem.sizeUnknown', [label]);
    case 'overLimit': return i18n.t('forms.problem.overLimit', [label, str(p.chars), str(p.max)]);
    case 'tooManyKeywords': return i18n.t('forms.problem.tooManyKeywords', [label, str(p.count), str(p.max)]);
    case 'bookTitleMarks': return i18n.t('forms.problem.bookTitleMarks', [label]);
    case 'tooManyAuthors': return i18n.t('forms.problem.tooManyAuthors', [str(p.count), str(p.max)]);
    case 'firstAuthorUnit': return i18n.t('forms.problem.firstAuthorUnit');
    case 'optionUnknown': return i18n.t('forms.problem.optionUnknown', [label, str(p.values)]);
    case 'tooManyOptions': return i18n.t('forms.problem.tooManyOptions', [label, str(p.count)]);
    case 'noCategory': return i18n.t('forms.problem.noCategory');
    case 'categoryNotOnForm': return i18n.t('forms.problem.categoryNotOnForm', [str(p.category), str(p.form)]);
  }
}
