import { i18n } from '#i18n';
import { useState } from 'react';
import { deletePerson, savePerson } from '@/lib/db';
import type { Person } from '@/lib/profile';
import { ConfirmDelete, RecordList, Status, TextField } from './controls';
import { useEnv, useLive, useRecordSave, useSelection } from './store';

const PERSON_FIELDS = [
  'name', 'organization', 'title', 'mobile', 'landline', 'email', 'schoolType', 'subject', 'grade', 'major', 'region',
] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
type PersonValues = Record<PersonField, string>;

const EMPTY: PersonValues = Object.fromEntries(PERSON_FIELDS.map((f) => [f, ''])) as PersonValues;

function fieldLabel(field: PersonField): string {
  switch (field) {
    case 'name': return i18n.t('profile.fields.name');
    case 'organization': return i18n.t('profile.fields.organization');
    case 'title': return i18n.t('profile.fields.title');
    case 'mobile': return i18n.t('profile.fields.mobile');
    case 'landline': return i18n.t('profile.fields.landline');
    case 'email': return i18n.t('profile.fields.email');
    case 'schoolType': return i18n.t('profile.fields.schoolType');
    case 'subject': return i18n.t('profile.fields.subject');
    case 'grade': return i18n.t('profile.fields.grade');
    case 'major': return i18n.t('profile.fields.major');
    case 'region': return i18n.t('profile.fields.region');
  }
}

function fieldHint(field: PersonField): string | undefined {
  if (field === 'organization') return i18n.t('profile.fields.organizationHint');
  if (field === 'mobile') return i18n.t('profile.fields.mobileHint');
  if (field === 'landline') return i18n.t('profile.fields.landlineHint');
  return undefined;
}

const INPUT_TYPE: Partial<Record<PersonField, 'tel' | 'email'>> = { mobile: 'tel', landline: 'tel', email: 'email' };

/** 人员: the teachers who appear as authors or contact persons. */
export function PeopleTab() {
  const people = useLive((db) => db.people.orderBy('name').toArray());
  const selection = useSelection(people);
  const current = people?.find((p) => p.id === selection.id);
  const formKey = selection.key;

  return (
    <div className="split">
      <RecordList
        label={i18n.t('optionsPage.people.listLabel')}
        items={people ?? []}
        selected={selection.id}
        describe={(p) => (p.organization ? `${p.name} · ${p.organization}` : p.name)}
        onSelect={selection.select}
        onNew={selection.startNew}
        newLabel={i18n.t('optionsPage.people.add')}
        empty={i18n.t('optionsPage.people.empty')}
      />
      {formKey !== undefined && (
        <PersonForm key={formKey} person={current} onSaved={selection.saved} onDeleted={selection.close} />
      )}
    </div>
  );
}

function PersonForm({ person, onSaved, onDeleted }: { person?: Person; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { db } = useEnv();
  const [values, setValues] = useState<PersonValues>(() => (person ? pick(person) : EMPTY));
  const { id, errors, status, run } = useRecordSave<Person>(person?.id, onSaved);
  const usedBy = useLive((d) => (person ? d.teams.filter((t) => t.authorIds.includes(person.id) || t.contactId === person.id).count() : Promise.resolve(0)), [person?.id]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const saved = await run(() => savePerson(db, { ...values, ...(id ? { id } : {}) }));
    if (saved) setValues(pick(saved));
  }

  return (
    <form className="editor" onSubmit={save} noValidate aria-label={person ? i18n.t('optionsPage.people.editing', [person.name]) : i18n.t('optionsPage.people.new')}>
      <h2>{person ? i18n.t('optionsPage.people.editing', [person.name]) : i18n.t('optionsPage.people.new')}</h2>
      <div className="grid">
        {PERSON_FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={fieldLabel(field)}
            hint={fieldHint(field)}
            type={INPUT_TYPE[field] ?? 'text'}
            required={field === 'name'}
            value={values[field]}
            error={errors[field]}
            onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
          />
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('optionsPage.save')}</button>
        {person && (
          <ConfirmDelete
            name={person.name}
            warning={usedBy ? i18n.t('optionsPage.people.usedBy', [String(usedBy)]) : undefined}
            onConfirm={async () => {
              await deletePerson(db, person.id);
              onDeleted();
            }}
          />
        )}
      </div>
      <Status {...status} />
    </form>
  );
}

function pick(person: Person): PersonValues {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, person[f]])) as PersonValues;
}
