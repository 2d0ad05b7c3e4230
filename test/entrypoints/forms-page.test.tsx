// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormsPage } from '@/entrypoints/forms/forms-page';
import { saveDraft, savePerson, saveTeam, type SubmitHelperDB } from '@/lib/db';
import type { FilledForm } from '@/lib/forms';
import { parseRulePack, type RulePack } from '@/lib/rules';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { freshDb } from '../lib/db/fake-db';

const parsed = parseRulePack(PACK_2025);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack: RulePack = parsed.pack;

let db: SubmitHelperDB;
let draftId: string;
let teamId: string;

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; errors: unknown }>): Promise<T> {
  const saved = await result;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.value;
}

beforeEach(async () => {
  db = freshDb(`forms-${Math.random()}`);
  const wang = await must(savePerson(db, { name: '王晓燕', organization: '北京市海淀区实验小学', mobile: '13812345678', subject: '数学', grade: '5年级' }));
  const li = await must(savePerson(db, { name: '李明', organization: '北京市海淀区实验小学', mobile: '13900001111' }));
  const team = await must(saveTeam(db, { name: '数学组', authorIds: [wang.id, li.id], contactId: wang.id }));
  teamId = team.id;
  const draft = await must(saveDraft(db, {
    title: '图形的运动', categoryId: 'jingpin', teamId,
    fields: { stage: '小学', work_features: '字'.repeat(301), install_notes: '浏览器打开' },
  }));
  draftId = draft.id;
});
afterEach(() => db.close());

describe('FormsPage', () => {
  it('shows the draft\'s form filled, marks blanks and lists problems at the top and beside the field', async () => {
    render(<FormsPage db={db} pack={pack} initial={{ draftId }} />);
    const sheet = await screen.findByTestId('form-sheet');
    expect(sheet.dataset.form).toBe('annex1');
    expect(within(sheet).getByRole('heading', { name: '作品登记表' })).toBeTruthy();
    const cell = (key: string) => sheet.querySelector<HTMLElement>(`[data-key="${key}"]`)!;
    expect(cell('work_name').textContent).toContain('图形的运动');
    expect(cell('author2_name').textContent).toBe('李明');
    expect(cell('project_basic').textContent).toBe('精品学习资源☑');
    expect(cell('stage').querySelector('[data-ticked="true"]')!.textContent).toBe('小学☑');
    // Over the limit: marked in the cell, with the count, and listed on top.
    expect(cell('work_features').className).toContain('cell--error');
    expect(cell('work_features').textContent).toContain('301/300 字');
    expect(within(cell('work_features')).getByText('“作品特点”共 301 字，超过 300 字的上限')).toBeTruthy();
    const summary = screen.getByTestId('forms-summary');
    expect([...summary.querySelectorAll('li')].map((li) => li.dataset.code)).toEqual([
      'sizeUnknown', 'missing', 'overLimit',
    ]);
    expect(cell('contact_email').className).toContain('cell--missing');
  });

  it('computes 作品大小 from the chosen work files', async () => {
    const user = userEvent.setup();
    render(<FormsPage db={db} pack={pack} initial={{ draftId }} />);
    await screen.findByTestId('form-sheet');
    const input = screen.getByLabelText(/作品文件/) as HTMLInputElement;
    await user.upload(input, [new File([new Uint8Array(1024 * 1024)], 'a.mp4'), new File([new Uint8Array(512 * 1024)], 'b.docx')]);
    await waitFor(() => expect(screen.getByTestId('form-sheet').querySelector('[data-key="work_size"]')!.textContent).toBe('1.5 MB'));
    expect([...screen.getByTestId('forms-summary').querySelectorAll('li')].map((li) => li.dataset.code)).not.toContain('sizeUnknown');
  });

  it('asks before printing a form with errors and prints only when confirmed', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<FormsPage db={db} pack={pack} initial={{ draftId }} print={print} confirm={confirm} />);
    await screen.findByTestId('form-sheet');
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(confirm).toHaveBeenCalledWith('还有 1 项错误未改正，仍要打印吗？');
    expect(print).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('downloads the Word file of the form on screen and follows a change of team', async () => {
    const user = userEvent.setup();
    const writeDocx = vi.fn(async (form: FilledForm) => new File(['x'], form.fileName));
    const onSelectionChange = vi.fn();
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    render(<FormsPage db={db} pack={pack} initial={{ draftId }} writeDocx={writeDocx} onSelectionChange={onSelectionChange} />);
    await screen.findByTestId('form-sheet');
    await user.click(screen.getByRole('button', { name: '下载 Word' }));
    await waitFor(() => expect(writeDocx).toHaveBeenCalledTimes(1));
    expect(writeDocx.mock.calls[0]![0].fileName).toBe('图形的运动-登记表.docx');
    await user.selectOptions(screen.getByLabelText('团队'), '');
    expect(onSelectionChange).toHaveBeenLastCalledWith({ draftId, teamId: '' });
    await waitFor(() => expect(screen.getByTestId('form-sheet').querySelector('[data-key="author1_name"]')!.textContent).toBe('未填'));
  });
});
