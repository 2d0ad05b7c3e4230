import { i18n } from '#i18n';
import { useState } from 'react';
import { deleteDraft, saveDraft } from '@/lib/db';
import {
  draftFields,
  firstAuthorWorks,
  type FirstAuthorWorks,
  measureField,
  MULTI_VALUE_SEPARATOR,
  type Draft,
  type Team,
} from '@/lib/profile';
import { CategorySelect } from '@/components/category-select';
import { inLang, uiLang } from '@/components/i18n';
import { findCategory, type FieldRule } from '@/lib/rules';
import { hasBookTitleMarks } from '@/lib/text';
import { ConfirmDelete, Field, RecordList, Status, TextField } from './controls';
import { useEnv, useLive, useRecordSave, useSelection } from './store';

/** Field names follow the UI language; the pack carries both. */
const fieldName = (f: FieldRule) => inLang(uiLang(), f.label, f.labelEn);

/** 作品草稿: the work's name, category, team and the category's text fields with live 字数 counters. */
export function DraftsTab() {
  const drafts = useLive((db) => db.drafts.orderBy('updatedAt').reverse().toArray());
  const teams = useLive((db) => db.teams.orderBy('name').toArray());
  const selection = useSelection(drafts);
  const current = drafts?.find((d) => d.id === selection.id);
  const formKey = selection.key;

  return (
    <div className="split">
      <RecordList
        label={i18n.t('optionsPage.drafts.listLabel')}
        items={drafts ?? []}
        selected={selection.id}
        describe={(d) => d.title}
        onSelect={selection.select}
        onNew={selection.startNew}
        newLabel={i18n.t('optionsPage.drafts.add')}
        empty={i18n.t('optionsPage.drafts.empty')}
      />
      {formKey !== undefined && teams && (
        <DraftForm key={formKey} draft={current} drafts={drafts ?? []} teams={teams} onSaved={selection.saved} onDeleted={selection.close} />
      )}
    </div>
  );
}

function DraftForm(props: { draft?: Draft; drafts: Draft[]; teams: Team[]; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { draft, drafts, teams } = props;
  const { db, pack } = useEnv();
  const [title, setTitle] = useState(draft?.title ?? '');
  const [categoryId, setCategoryId] = useState(draft?.categoryId ?? '');
  const [teamId, setTeamId] = useState(draft?.teamId ?? '');
  const [fields, setFields] = useState<Record<string, string>>(draft?.fields ?? {});
  const category = categoryId ? findCategory(pack, categoryId) : undefined;
  const team = teams.find((t) => t.id === teamId);
  const { id, errors, setErrors, status, run } = useRecordSave<Draft>(draft?.id, props.onSaved);
  // 《》 is refused as it is typed, before the teacher reaches Save.
  const titleError = errors.title ?? (hasBookTitleMarks(title) ? 'bookTitleMarks' : undefined);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    // Text typed into another category's fields is kept: switching category back must not lose it.
    const saved = await run(() =>
      saveDraft(db, {
        title,
        fields,
        ...(categoryId ? { categoryId } : {}),
        ...(teamId ? { teamId } : {}),
        ...(id ? { id } : {}),
      }),
    );
    if (saved) setTitle(saved.title);
  }

  const heading = draft ? draft.title : i18n.t('optionsPage.drafts.new');
  return (
    <form className="editor" onSubmit={save} noValidate aria-label={heading}>
      <h2>{heading}</h2>
      <TextField
        name="title"
        label={i18n.t('optionsPage.drafts.title')}
        hint={i18n.t('optionsPage.drafts.titleHint')}
        value={title}
        onChange={(value) => {
          setTitle(value);
          setErrors(({ title: _t, ...rest }) => rest);
        }}
        error={titleError}
        required
      />
      <Field label={i18n.t('optionsPage.drafts.category')}>
        {(p) => (
          <CategorySelect {...p} name="category" pack={pack} lang={uiLang()} value={categoryId} onChange={setCategoryId}
            emptyLabel={i18n.t('optionsPage.drafts.chooseCategory')} />
        )}
      </Field>
      {categoryId && !category && (
        <p className="warning">{i18n.t('optionsPage.drafts.unknownCategory', [categoryId])}</p>
      )}
      <Field label={i18n.t('optionsPage.drafts.team')}>
        {(p) => (
          <select {...p} name="team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">{i18n.t('optionsPage.none')}</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        )}
      </Field>
      {category && team && team.authorIds.length > category.maxAuthors && (
        <p className="warning">
          {i18n.t('optionsPage.drafts.teamTooLarge', [String(category.maxAuthors), String(team.authorIds.length)])}
        </p>
      )}
      <FirstAuthorWarning works={firstAuthorWorks({ ...(draft ? { id: draft.id } : {}), categoryId, teamId }, drafts, teams, category)} />
      {category &&
        draftFields(category).map((rule) => (
          <DraftField
            key={rule.id}
            rule={rule}
            value={fields[rule.id] ?? ''}
            error={errors[`fields.${rule.id}`]}
            onChange={(value) => setFields((f) => ({ ...f, [rule.id]: value }))}
          />
        ))}
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('optionsPage.save')}</button>
        {draft?.categoryId && <a href={`/forms.html?draft=${encodeURIComponent(draft.id)}`} target="_blank" rel="noreferrer">{i18n.t('forms.link')}</a>}
        {draft && (
          <ConfirmDelete
            name={draft.title}
            onConfirm={async () => {
              await deleteDraft(db, draft.id);
              props.onDeleted();
            }}
          />
        )}
      </div>
      <Status {...status} />
    </form>
  );
}

function DraftField({ rule, value, error, onChange }: {
  rule: FieldRule;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const label = fieldName(rule);
  if (rule.options && rule.multiple) {
    const chosen = new Set(value.split(MULTI_VALUE_SEPARATOR).filter(Boolean));
    return (
      <fieldset className="field" data-field={rule.id}>
        <legend>{label}</legend>
        {rule.options.map((option) => (
          <label key={option} className="check">
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(e) => {
                // Kept in the pack's order, the order the form prints its boxes in.
                const next = rule.options!.filter((o) => (o === option ? e.target.checked : chosen.has(o)));
                onChange(next.join(MULTI_VALUE_SEPARATOR));
              }}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }
  if (rule.options) {
    return (
      <Field label={label} error={error}>
        {(p) => (
          <select {...p} name={rule.id} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{i18n.t('optionsPage.none')}</option>
            {rule.options!.map((o) => (
              <option key={o} value={o}>{o}</option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  const m = measureField(rule, value);
  const counter = m.maxChars !== undefined
    ? i18n.t('optionsPage.drafts.counter', [String(m.chars), String(m.maxChars)])
    : i18n.t('optionsPage.drafts.counterNoLimit', [String(m.chars)]);
  const problem = m.bookTitleMarks ? 'bookTitleMarks' : error;
  return (
    <TextField
      name={rule.id}
      label={label}
      value={value}
      multiline={rule.maxChars === undefined || rule.maxChars > 60}
      onChange={onChange}
      error={problem}
      extra={
        <p className={`counter${m.overLimit ? ' counter-over' : ''}`} data-testid={`counter-${rule.id}`} data-over={m.overLimit}
          aria-live="polite">
          {counter}
          {m.overLimit && <strong> · {i18n.t('optionsPage.drafts.overLimit', [String(m.chars - m.maxChars!)])}</strong>}
          {m.keywords !== undefined && m.maxKeywords !== undefined && (
            <span className={m.tooManyKeywords ? 'counter-over' : undefined}>
              {' · '}
              {m.tooManyKeywords
                ? i18n.t('optionsPage.drafts.tooManyKeywords', [String(m.maxKeywords)])
                : i18n.t('optionsPage.drafts.keywords', [String(m.keywords), String(m.maxKeywords)])}
            </span>
          )}
        </p>
      }
    />
  );
}

/** 每位第一作者限报 N 件: shown when this draft and the saved ones of the same first author exceed the category's limit. */
function FirstAuthorWarning({ works }: { works: FirstAuthorWorks | undefined }) {
  if (!works || works.count <= works.max) return null;
  return (
    <p className="warning" role="status" data-testid="first-author-works">
      {i18n.t('optionsPage.drafts.firstAuthorWorks', [String(works.max), String(works.count), works.otherTitles.join('、')])}
    </p>
  );
}
