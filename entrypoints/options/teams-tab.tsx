import { i18n } from '#i18n';
import { useState } from 'react';
import { deleteTeam, duplicateTeam, saveTeam } from '@/lib/db';
import { MAX_TEAM_AUTHORS, type Person, type Team } from '@/lib/profile';
import { ConfirmDelete, errorText, Field, RecordList, Status, TextField } from './controls';
import { useEnv, useLive, useRecordSave, useSelection } from './store';

/** 团队: ordered authors (first, second, third) and the contact person. */
export function TeamsTab() {
  const teams = useLive((db) => db.teams.orderBy('name').toArray());
  const people = useLive((db) => db.people.orderBy('name').toArray());
  const selection = useSelection(teams);
  const current = teams?.find((t) => t.id === selection.id);
  const formKey = selection.key;
  const names = new Map((people ?? []).map((p) => [p.id, p.name]));

  if (people !== undefined && people.length === 0) return <p className="hint">{i18n.t('optionsPage.teams.needPeople')}</p>;
  return (
    <div className="split">
      <RecordList
        label={i18n.t('optionsPage.teams.listLabel')}
        items={teams ?? []}
        selected={selection.id}
        describe={(t) => `${t.name}（${t.authorIds.map((id) => names.get(id) ?? '?').join('、') || '—'}）`}
        onSelect={selection.select}
        onNew={selection.startNew}
        newLabel={i18n.t('optionsPage.teams.add')}
        empty={i18n.t('optionsPage.teams.empty')}
      />
      {formKey !== undefined && people && (
        <TeamForm
          key={formKey}
          team={current}
          people={people}
          onSaved={selection.saved}
          onDuplicated={selection.select}
          onDeleted={selection.close}
        />
      )}
    </div>
  );
}

function TeamForm(props: {
  team?: Team;
  people: Person[];
  onSaved: (id: string) => void;
  onDuplicated: (id: string) => void;
  onDeleted: () => void;
}) {
  const { team, people } = props;
  const { db } = useEnv();
  const [name, setName] = useState(team?.name ?? '');
  const [authorIds, setAuthorIds] = useState<string[]>(team?.authorIds ?? []);
  const [contactId, setContactId] = useState(team?.contactId ?? '');
  const [candidate, setCandidate] = useState('');
  const byId = new Map(people.map((p) => [p.id, p]));
  const available = people.filter((p) => !authorIds.includes(p.id));
  const { id, errors, status, setStatus, run } = useRecordSave<Team>(team?.id, props.onSaved);

  function move(index: number, delta: number) {
    setAuthorIds((ids) => {
      const next = [...ids];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const saved = await run(() => saveTeam(db, { name, authorIds, ...(contactId ? { contactId } : {}), ...(id ? { id } : {}) }));
    if (saved) setName(saved.name);
  }

  async function duplicate() {
    if (!id) return;
    const copyName = `${name}${i18n.t('optionsPage.teams.copySuffix')}`.slice(0, 60);
    const result = await duplicateTeam(db, id, copyName);
    if (result.ok) props.onDuplicated(result.value.id);
    else setStatus({ text: i18n.t('optionsPage.notSaved'), kind: 'error' });
  }

  const heading = team ? team.name : i18n.t('optionsPage.teams.new');
  return (
    <form className="editor" onSubmit={save} noValidate aria-label={heading}>
      <h2>{heading}</h2>
      <TextField name="teamName" label={i18n.t('optionsPage.teams.name')} value={name} onChange={setName} error={errors.name} required />
      <fieldset className={errors.authorIds ? 'field-invalid' : undefined} aria-describedby={errors.authorIds ? 'team-authors-error' : undefined}>
        <legend>{i18n.t('optionsPage.teams.authors')}</legend>
        <ol className="authors">
          {authorIds.map((personId, index) => {
            const personName = byId.get(personId)?.name ?? '?';
            return (
              <li key={personId} data-testid="team-author">
                <span className="author-rank">{i18n.t('optionsPage.teams.authorN', [String(index + 1)])}</span>
                <span className="author-name">{personName}</span>
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)}
                  aria-label={i18n.t('optionsPage.teams.moveUp', [personName])}>↑</button>
                <button type="button" disabled={index === authorIds.length - 1} onClick={() => move(index, 1)}
                  aria-label={i18n.t('optionsPage.teams.moveDown', [personName])}>↓</button>
                <button type="button" onClick={() => setAuthorIds((ids) => ids.filter((a) => a !== personId))}
                  aria-label={i18n.t('optionsPage.teams.remove', [personName])}>✕</button>
              </li>
            );
          })}
        </ol>
        {authorIds.length >= MAX_TEAM_AUTHORS ? (
          <p className="hint">{i18n.t('optionsPage.teams.full', [String(MAX_TEAM_AUTHORS)])}</p>
        ) : (
          <div className="inline">
            <Field label={i18n.t('optionsPage.teams.addAuthor')}>
              {(p) => (
                <select {...p} value={candidate} onChange={(e) => setCandidate(e.target.value)}>
                  <option value="">{i18n.t('optionsPage.teams.choosePerson')}</option>
                  {available.map((person) => (
                    <option key={person.id} value={person.id}>{person.name}</option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              disabled={!candidate}
              onClick={() => {
                setAuthorIds((ids) => [...ids, candidate]);
                setCandidate('');
              }}
            >
              {i18n.t('optionsPage.teams.addButton')}
            </button>
          </div>
        )}
        {errors.authorIds && <p className="error" id="team-authors-error">{errorText(errors.authorIds)}</p>}
      </fieldset>
      <Field label={i18n.t('optionsPage.teams.contact')}>
        {(p) => (
          <select {...p} name="contact" value={contactId} onChange={(e) => setContactId(e.target.value)}>
            <option value="">{i18n.t('optionsPage.none')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>{person.name}</option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('optionsPage.save')}</button>
        {id && <button type="button" onClick={duplicate}>{i18n.t('optionsPage.teams.duplicate')}</button>}
        {team && (
          <ConfirmDelete
            name={team.name}
            onConfirm={async () => {
              await deleteTeam(db, team.id);
              props.onDeleted();
            }}
          />
        )}
      </div>
      <Status {...status} />
    </form>
  );
}
