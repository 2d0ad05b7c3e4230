// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import autofill from '@/entrypoints/panel.content/features/autofill';
import {
  actionKey, codeKey, decodeWho, defaultSelection, encodeWho, fillInput,
} from '@/entrypoints/panel.content/features/autofill/selection';
import { fieldAt } from '@/entrypoints/panel.content/features/autofill/pick';
import { MAX_TAUGHT, parseTaught, rememberMapping } from '@/entrypoints/panel.content/features/autofill/taught';
import { taughtItem } from '@/entrypoints/panel.content/page-state';
import { detectFields, type TaughtMapping } from '@/lib/autofill';
import { onMessage, type MessageHandlers, type RuntimeLike } from '@/lib/messaging';
import type { FillRecordInput } from '@/lib/profile/schema';
import { huodong } from '@/lib/sites/huodong';
import { PEOPLE, TEAM, draft } from '../lib/autofill/profile-data';
import { mountPanel } from './panel-harness';

const FORM = `
  <h2>作品登记表（精品学习资源、自制教学工具软件）</h2>
  <form id="site-form">
    <label>作品名称 <input id="title"></label>
    <h3>第一作者</h3><label>姓名 <input id="a1"></label><label>工作单位 <input id="u1"></label>
    <h3>第二作者</h3><label>姓名 <input id="a2"></label><label>工作单位 <input id="u2"></label>
    <h3>联系人信息</h3><label>姓名 <input id="c"></label><label>手机 <input id="cm"></label>
    <button type="submit">提交</button>
  </form>`;

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

let recorded: FillRecordInput[];
let stop: () => void;

beforeEach(() => {
  document.body.innerHTML = FORM;
  recorded = [];
  const handlers: Partial<MessageHandlers> = {
    getPeople: async () => PEOPLE,
    getTeams: async () => [TEAM],
    getDrafts: async () => [draft({ categoryId: 'jingpin' })],
    recordFill: async (request) => {
      recorded.push(request as FillRecordInput);
      return { id: 'r1' };
    },
  };
  stop = onMessage(handlers as MessageHandlers, fakeBrowser.runtime as unknown as RuntimeLike);
});

afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

function renderSection() {
  return mountPanel(huodong, [autofill]);
}

describe('autofill section', () => {
  it('previews, fills the authors and the contact, records the fill, never submits, and undoes', async () => {
    let submitted = 0;
    document.getElementById('site-form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    renderSection();
    const go = await screen.findByRole('button', { name: /一键填写（7 项）/ });
    expect(screen.getByTestId('fill-preview').textContent).toContain('第二作者 · 姓名→ 李明');
    await userEvent.click(go);
    await screen.findByText('已填写 7 项，请核对。');
    expect([value('title'), value('a1'), value('u1'), value('a2'), value('c'), value('cm')])
      .toEqual(['图形的运动单元微课', '王晓燕', '北京市海淀区实验小学', '李明', '张老师', '13600003333']);
    expect(submitted).toBe(0);
    await waitFor(() => expect(recorded).toHaveLength(1));
    expect(recorded[0]).toMatchObject({ siteId: 'huodong', draftId: 'd1', teamId: 't1' });
    expect(recorded[0]!.fields).toContain('作品名称');

    await userEvent.click(screen.getByRole('button', { name: '撤销填写' }));
    await screen.findByText('已撤销，恢复了 7 项。');
    expect([value('title'), value('a1'), value('c')]).toEqual(['', '', '']);
  });

  it('leaves an unticked line and a field the teacher typed in alone', async () => {
    (document.getElementById('a2') as HTMLInputElement).value = '刘老师';
    renderSection();
    await screen.findByRole('button', { name: /一键填写（6 项）/ });
    const line = screen.getByTestId('fill-preview').querySelector('li[data-key^="contact|mobile"]')!;
    await userEvent.click(line.querySelector('input')!);
    await userEvent.click(screen.getByRole('button', { name: /一键填写（5 项）/ }));
    await screen.findByText('已填写 5 项，请核对。');
    expect(value('a2')).toBe('刘老师');
    expect(value('cm')).toBe('');
  });

  it('uses a taught mapping for this host and path over the heuristics', async () => {
    const fields = detectFields(document);
    const mobile = fields.find((f) => f.control?.id === 'cm')!;
    await taughtItem.setValue([{ host: location.hostname, path: '/', locator: mobile.locator, attribute: 'ignore' }]);
    renderSection();
    await screen.findByRole('button', { name: /一键填写（6 项）/ });
    expect(screen.getByTestId('fill-preview').querySelector('li[data-key^="contact|mobile"]')).toBeNull();
  });

  it('stops watching the page when the page side stops and starts again with a new one', async () => {
    const { side, unmount } = renderSection();
    await screen.findByRole('button', { name: /一键填写（7 项）/ });
    const state = side.state;
    let changes = 0;
    state.subscribe(() => changes++);
    const addField = () => document.getElementById('site-form')!
      .insertAdjacentHTML('beforeend', `<label>手机 <input id="m${changes}"></label>`);
    addField();
    await waitFor(() => expect(changes).toBeGreaterThan(0));

    side.stop();
    unmount();
    changes = 0;
    addField();
    (document.getElementById('title') as HTMLInputElement).dispatchEvent(new Event('input', { bubbles: true }));
    // Past watchFields' longest wait (250 ms) and the typing debounce (150 ms): nothing may run for a stopped side.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(changes).toBe(0);

    const again = renderSection();
    await screen.findByRole('button', { name: /一键填写/ });
    await waitFor(() => expect(again.side.state.getSnapshot().fields.some((f) => f.control?.id === 'm0')).toBe(true));
  });
});

describe('selection', () => {
  const data = { people: PEOPLE, teams: [TEAM], drafts: [draft({ categoryId: 'jingpin' }), draft({ id: 'd2', categoryId: 'xiaoben', updatedAt: 5 })] };

  it('starts with the newest draft of the page category and its team', () => {
    expect(defaultSelection(data, 'jingpin')).toEqual({ draftId: 'd1', who: { kind: 'team', id: 't1' } });
    expect(defaultSelection(data, undefined)).toEqual({ draftId: 'd2', who: { kind: 'team', id: 't1' } });
    expect(defaultSelection({ people: PEOPLE, teams: [], drafts: [] }, undefined))
      .toEqual({ draftId: undefined, who: { kind: 'person', id: 'p1' } });
  });

  it('makes one person the sole author and the contact', () => {
    const input = fillInput(data, { draftId: undefined, who: { kind: 'person', id: 'p2' } });
    expect(input.team).toMatchObject({ authorIds: ['p2'], contactId: 'p2' });
  });

  it('uses the first author as contact when the team has none', () => {
    const team = { ...TEAM, contactId: undefined };
    expect(fillInput({ ...data, teams: [team] }, { draftId: undefined, who: { kind: 'team', id: 't1' } }).team?.contactId).toBe('p1');
  });

  it.each([[{ kind: 'team', id: 'a:b' }], [{ kind: 'person', id: 'p1' }], [{ kind: 'none' }]] as const)('round-trips %o', (who) => {
    expect(decodeWho(encodeWho(who))).toEqual(who);
  });

  it('turns codes into message names', () => {
    expect(codeKey('value-not-taken')).toBe('valueNotTaken');
    expect(codeKey('error')).toBe('error');
  });

  it('keys a plan line by what it fills, not by its detection index', () => {
    const field = { locator: { label: '姓名', nth: 1, path: 'x' } } as never;
    expect(actionKey({ role: 'contact', attribute: 'name', field })).toBe('contact|name|姓名|1');
  });
});

describe('taught mappings', () => {
  const mapping = (label: string, attribute: TaughtMapping['attribute']): TaughtMapping =>
    ({ host: 'h', path: '/#/a', locator: { label, nth: 0, path: '' }, attribute });

  it('replaces a mapping for the same field and keeps at most MAX_TAUGHT', () => {
    const list = rememberMapping([mapping('年级', 'grade')], mapping('年级', 'ignore'));
    expect(list).toEqual([mapping('年级', 'ignore')]);
    let many: TaughtMapping[] = [];
    for (let i = 0; i <= MAX_TAUGHT; i++) many = rememberMapping(many, mapping(`f${i}`, 'name'));
    expect(many).toHaveLength(MAX_TAUGHT);
    expect(many[0]!.locator.label).toBe('f1');
  });

  it('drops invalid stored rows one by one', () => {
    expect(parseTaught([mapping('姓名', 'name'), { locator: 1 }, mapping('x', 'bogus' as never)])).toEqual([mapping('姓名', 'name')]);
    expect(parseTaught('nonsense')).toEqual([]);
  });
});

describe('fieldAt', () => {
  it('finds the innermost field under a click', () => {
    const fields = detectFields(document);
    const input = document.getElementById('u2')!;
    expect(fieldAt(fields, input)?.control).toBe(input);
    expect(fieldAt(fields, document.querySelector('h2')!)).toBeUndefined();
  });
});
