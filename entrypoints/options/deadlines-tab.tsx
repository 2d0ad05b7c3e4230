import { i18n } from '#i18n';
import { useState } from 'react';
import { CategorySelect } from '@/components/category-select';
import { uiLang } from '@/components/i18n';
import { deleteDeadline, saveDeadline } from '@/lib/db';
import type { Deadline } from '@/lib/profile';
import { ConfirmDelete, Field, RecordList, Status, TextField } from './controls';
import { useEnv, useLive, useRecordSave, useSelection } from './store';

/** 自定义截止日期: dates no notice states (a district's FTP round); the reminders read them. */
export function DeadlinesTab() {
  const deadlines = useLive((db) => db.deadlines.orderBy('date').toArray());
  const selection = useSelection(deadlines);
  const current = deadlines?.find((d) => d.id === selection.id);
  const formKey = selection.key;
  return (
    <div className="split">
      <RecordList
        label={i18n.t('optionsPage.deadlines.listLabel')}
        items={deadlines ?? []}
        selected={selection.id}
        describe={(d) => `${d.date}${d.time ? ` ${d.time}` : ''} ${d.label}`}
        onSelect={selection.select}
        onNew={selection.startNew}
        newLabel={i18n.t('optionsPage.deadlines.add')}
        empty={i18n.t('optionsPage.deadlines.empty')}
      />
      {formKey !== undefined && (
        <DeadlineForm key={formKey} deadline={current} onSaved={selection.saved} onDeleted={selection.close} />
      )}
    </div>
  );
}

function DeadlineForm(props: { deadline?: Deadline; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { deadline } = props;
  const { db, pack } = useEnv();
  const [values, setValues] = useState({
    label: deadline?.label ?? '',
    categoryId: deadline?.categoryId ?? '',
    date: deadline?.date ?? '',
    time: deadline?.time ?? '',
    note: deadline?.note ?? '',
  });
  const { id, errors, status, run } = useRecordSave<Deadline>(deadline?.id, props.onSaved);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    await run(() =>
      saveDeadline(db, {
        label: values.label,
        date: values.date,
        ...(values.categoryId ? { categoryId: values.categoryId } : {}),
        ...(values.time ? { time: values.time } : {}),
        ...(values.note.trim() ? { note: values.note } : {}),
        ...(id ? { id } : {}),
      }),
    );
  }

  const heading = deadline ? deadline.label : i18n.t('optionsPage.deadlines.new');
  return (
    <form className="editor" onSubmit={save} noValidate aria-label={heading}>
      <h2>{heading}</h2>
      <TextField name="label" label={i18n.t('optionsPage.deadlines.label')} value={values.label} onChange={set('label')}
        error={errors.label} required />
      <Field label={i18n.t('optionsPage.deadlines.category')}>
        {(p) => (
          <CategorySelect {...p} name="category" pack={pack} lang={uiLang()} value={values.categoryId} onChange={set('categoryId')}
            emptyLabel={i18n.t('optionsPage.none')} />
        )}
      </Field>
      <TextField name="date" type="date" label={i18n.t('optionsPage.deadlines.date')} value={values.date}
        onChange={set('date')} error={errors.date} required />
      <TextField name="time" type="time" label={i18n.t('optionsPage.deadlines.time')} value={values.time}
        onChange={set('time')} error={errors.time} />
      <TextField name="note" label={i18n.t('optionsPage.deadlines.note')} value={values.note} onChange={set('note')}
        error={errors.note} />
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('optionsPage.save')}</button>
        {deadline && (
          <ConfirmDelete
            name={deadline.label}
            onConfirm={async () => {
              await deleteDeadline(db, deadline.id);
              props.onDeleted();
            }}
          />
        )}
      </div>
      <Status {...status} />
    </form>
  );
}
