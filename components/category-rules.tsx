import { useId } from 'react';
import { i18n } from '#i18n';
import { inLang, t } from '@/components/i18n';
import { formatDuration, type Lang } from '@/lib/checks/messages';
import { categoryCitations, categoryNotes, packNotices, type CategoryNote, type Citation } from '@/lib/rules/category-notes';
import type { Category, RulePack } from '@/lib/rules/schema';

export interface CategoryRulesProps {
  pack: RulePack;
  category: Category;
  lang: Lang;
  /** Texts of the self-checks the teacher has ticked (kept by the page, with the draft where there is one). */
  ticked: ReadonlySet<string>;
  onTick: (text: string, ticked: boolean) => void;
}

function noteText(note: CategoryNote, lang: Lang): string {
  switch (note.code) {
    case 'common':
      return inLang(lang, note.text, note.textEn);
    case 'maxAuthors':
      return t('categoryRules.maxAuthors', [note.max]);
    case 'worksPerFirstAuthor':
      return t('categoryRules.worksPerFirstAuthor', [note.max]);
    case 'totalVideo':
      return t('categoryRules.totalVideo', [formatDuration(note.maxSec, lang)]);
  }
}

function citationText(c: Citation, lang: Lang): string {
  const subject = `${t(`categoryRules.subject.${c.subject.kind}`)}${inLang(lang, c.subject.name, c.subject.nameEn)}`;
  return t('categoryRules.citation', [subject, c.notice, c.section, c.quote ?? '—']);
}

/**
 * 本类别须知: the rules no file check can decide, once per category — the shared rules, the author limits and the
 * total recording time; the outcomes the teacher confirms themselves as a checklist; and where every rule of the
 * category comes from, in the notice's own words.
 */
export function CategoryRules({ pack, category, lang, ticked, onTick }: CategoryRulesProps) {
  const id = useId();
  const notes = categoryNotes(pack, category);
  const citations = categoryCitations(pack, category);
  return (
    <section className="category-rules" aria-labelledby={id} data-testid="category-rules" data-category={category.id}>
      <h2 id={id}>{i18n.t('categoryRules.heading')}</h2>
      <ul className="category-rules__notes">
        {notes.map((note, index) => (
          <li key={`${note.code}-${index}`} data-note={note.code}>{noteText(note, lang)}</li>
        ))}
      </ul>
      {category.selfChecks.length > 0 && (
        <fieldset className="category-rules__self" data-testid="self-checks">
          <legend>{i18n.t('categoryRules.selfChecks')}</legend>
          {category.selfChecks.map((check) => (
            <label key={check.text}>
              <input type="checkbox" checked={ticked.has(check.text)} onChange={(e) => onTick(check.text, e.target.checked)} />
              {inLang(lang, check.text, check.textEn)}
            </label>
          ))}
          <p className="category-rules__count" role="status">
            {t('categoryRules.ticked', [category.selfChecks.filter((c) => ticked.has(c.text)).length, category.selfChecks.length])}
          </p>
        </fieldset>
      )}
      <details className="category-rules__sources">
        <summary>{t('categoryRules.sources', [citations.length])}</summary>
        <p>
          {packNotices(pack).map((n) => (
            <span key={n.role} className="category-rules__notice">{t('categoryRules.notice', [n.title, n.file])}</span>
          ))}
        </p>
        <ul>
          {citations.map((c, index) => (
            <li key={index} data-kind={c.subject.kind}>{citationText(c, lang)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
