import { useId, useRef, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { CategorySelect } from '@/components/category-select';
import type { DropZone } from '@/components/use-drop-zone';
import type { Lang } from '@/lib/checks/messages';
import type { Category, RulePack } from '@/lib/rules';
import type { Question } from './use-category';

export interface SetupSectionProps {
  pack: RulePack;
  lang: Lang;
  category: Category;
  onCategory: (id: string) => void;
  questions: Question[];
  answers: Readonly<Record<string, boolean>>;
  onAnswer: (question: Question, yes: boolean) => void;
  /** The 报送途径 question (route-section.tsx), drawn under the category. */
  routeChoice?: ReactNode;
  drop: DropZoneProps;
}

/** What is being checked: the category, its questions and the files. */
export function SetupSection({ pack, lang, category, onCategory, questions, answers, onAnswer, routeChoice, drop }: SetupSectionProps) {
  const id = useId();
  return (
    <section className="check__setup">
      <div className="field">
        <label htmlFor={`${id}-category`}>{i18n.t('check.category')}</label>
        <CategorySelect id={`${id}-category`} pack={pack} lang={lang} value={category.id} onChange={onCategory} grouped />
      </div>
      {routeChoice}
      {questions.length > 0 && (
        <fieldset className="check__questions">
          <legend>{i18n.t('check.questions')}</legend>
          {questions.map((q) => (
            <label key={q.text} className="check__question">
              <input type="checkbox" checked={q.slots.every((s) => answers[s] === true)} onChange={(e) => onAnswer(q, e.target.checked)} />
              {q.text}
            </label>
          ))}
        </fieldset>
      )}
      <DropZone {...drop} />
    </section>
  );
}

export interface DropZoneProps {
  count: number;
  dragging: boolean;
  onFiles: (list: FileList | null) => void;
  onClear: () => void;
  dropHandlers: DropZone['dropHandlers'];
}

/** Files or whole folders, dropped or picked; the two hidden inputs are the pickers the buttons open. */
function DropZone({ count, dragging, onFiles, onClear, dropHandlers }: DropZoneProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    onFiles(e.target.files);
    e.target.value = '';
  };
  return (
    <div className={`drop${dragging ? ' drop--over' : ''}`} role="group" aria-label={i18n.t('check.files.dropLabel')} data-testid="check-drop" {...dropHandlers}>
      <p className="drop__text">{i18n.t('check.files.drop')}</p>
      <div className="drop__buttons">
        <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
          {i18n.t('check.files.pickFiles')}
        </button>
        <button type="button" onClick={() => folderInput.current?.click()}>
          {i18n.t('check.files.pickFolder')}
        </button>
        {count > 0 && <button type="button" onClick={onClear}>{i18n.t('check.files.clear')}</button>}
      </div>
      <p className="drop__count" role="status">
        {count > 0 ? i18n.t('check.files.count', [String(count)]) : i18n.t('check.files.empty')}
      </p>
      <input ref={fileInput} type="file" multiple hidden data-testid="check-file-input" aria-label={i18n.t('check.files.pickFiles')} onChange={picked} />
      <input
        ref={(el) => {
          folderInput.current = el;
          // React does not know the non-standard attribute; set it on the element itself.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="check-folder-input"
        aria-label={i18n.t('check.files.pickFolder')}
        onChange={picked}
      />
    </div>
  );
}
