import { describe, expect, it } from 'vitest';
import {
  deadlineSchema,
  draftSchema,
  fieldErrors,
  MAX_TEAM_AUTHORS,
  personSchema,
  teamSchema,
} from '@/lib/profile/schema';
import { currentPack } from '@/lib/rules';

const base = { id: 'p1', createdAt: 1, updatedAt: 1 };

function errorsOf(result: { success: boolean; error?: unknown }) {
  return result.success ? {} : fieldErrors(result.error as never);
}

describe('personSchema', () => {
  it('normalises the contact numbers it stores', () => {
    const person = personSchema.parse({
      ...base,
      name: ' 王芳 ',
      organization: '北京市海淀区第一实验小学',
      mobile: '138 0013 8000',
      landline: '(010)62345678转8',
      email: ' wang@school.edu.cn ',
    });
    expect(person).toMatchObject({ name: '王芳', mobile: '13800138000', landline: '010-62345678-8', email: 'wang@school.edu.cn' });
    expect(person.title).toBe('');
  });

  it('reports one code per field in a wrong format', () => {
    const result = personSchema.safeParse({ ...base, name: '', mobile: '1380013800', landline: '62345678', email: 'a＠b.cn' });
    expect(errorsOf(result)).toEqual({ name: 'required', mobile: 'mobile', landline: 'landline', email: 'email' });
  });

  it('allows the contact fields to stay empty', () => {
    expect(personSchema.safeParse({ ...base, name: '李雷', mobile: '', landline: '', email: '' }).success).toBe(true);
  });

  it('caps the length of the seal name', () => {
    expect(errorsOf(personSchema.safeParse({ ...base, name: '李雷', organization: '校'.repeat(101) }))).toEqual({
      organization: 'tooLong',
    });
  });
});

describe('teamSchema', () => {
  it('keeps the author order', () => {
    expect(teamSchema.parse({ ...base, name: '语文组', authorIds: ['c', 'a', 'b'] }).authorIds).toEqual(['c', 'a', 'b']);
  });
  it('refuses a fourth author and a repeated one', () => {
    expect(errorsOf(teamSchema.safeParse({ ...base, name: 't', authorIds: ['a', 'b', 'c', 'd'] }))).toEqual({
      authorIds: 'tooManyAuthors',
    });
    expect(errorsOf(teamSchema.safeParse({ ...base, name: 't', authorIds: ['a', 'a'] }))).toEqual({
      authorIds: 'duplicateAuthor',
    });
  });
  it('is no looser than any category of the current pack', () => {
    for (const category of currentPack().categories) expect(category.maxAuthors).toBeLessThanOrEqual(MAX_TEAM_AUTHORS);
  });
});

describe('draftSchema', () => {
  it.each(['《春晓》教学设计', '〈春晓〉教学设计'])('refuses book-title marks in %s', (title) => {
    expect(errorsOf(draftSchema.safeParse({ ...base, title }))).toEqual({ title: 'bookTitleMarks' });
  });
  it('keeps over-limit text (the limit is shown, not enforced on save)', () => {
    const draft = draftSchema.parse({ ...base, title: '春晓教学设计', fields: { work_features: '字'.repeat(400) } });
    expect(draft.fields.work_features).toHaveLength(400);
  });
  it('refuses field ids that are not pack ids', () => {
    expect(draftSchema.safeParse({ ...base, title: 'x', fields: { 'Bad Id': 'x' } }).success).toBe(false);
  });
});

describe('deadlineSchema', () => {
  it('accepts a district date with a time', () => {
    expect(deadlineSchema.parse({ id: 'd', label: '区级FTP报送', date: '2025-06-20', time: '17:00' }).time).toBe('17:00');
  });
  it.each([
    [{ date: '2025-02-30' }, { date: 'date' }],
    [{ date: '2025-06-20', time: '25:00' }, { time: 'time' }],
    [{ date: '2025-06-20', label: '' }, { label: 'required' }],
  ])('rejects %o', (patch, errors) => {
    expect(errorsOf(deadlineSchema.safeParse({ id: 'd', label: 'x', ...patch }))).toEqual(errors);
  });
});
