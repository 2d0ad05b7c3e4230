// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '@/entrypoints/options/options';
import { parseLeadDays } from '@/entrypoints/options/reminders-tab';
import { saveDeadline, type SubmitHelperDB } from '@/lib/db';
import { followedCategoriesItem, organiserModeItem, reminderSettingsItem, deadlinesChangedItem } from '@/lib/reminders/store';
import { watchDeadlineChanges } from '@/lib/reminders/watch';
import { importedPackItem, loadActivePack } from '@/lib/rules/active';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { freshDb } from '../lib/db/fake-db';

let db: SubmitHelperDB;
beforeEach(() => {
  db = freshDb(`reminders-${Math.random()}`);
});
afterEach(() => db.close());

async function openTab() {
  const user = userEvent.setup();
  render(<Options db={db} />);
  await user.click(screen.getByRole('tab', { name: '提醒与规则' }));
  await screen.findByLabelText('截止前几天提醒');
  return user;
}

describe('parseLeadDays', () => {
  it.each([
    ['7, 3, 1, 0', [7, 3, 1, 0]],
    ['1、3，7 0', [7, 3, 1, 0]],
    ['3,3', [3]],
    ['', []],
    ['7, -1', undefined],
    ['a', undefined],
    ['61', undefined],
    ['1.5', undefined],
  ])('%j → %j', (text, days) => {
    expect(parseLeadDays(text)).toEqual(days);
  });
});

describe('RemindersTab', () => {
  it('saves lead days, time, and a per-category override', async () => {
    const user = await openTab();
    const lead = screen.getByLabelText('截止前几天提醒');
    await user.clear(lead);
    await user.type(lead, '5, 2');
    fireEvent.change(screen.getByLabelText('提醒时间（北京时间）'), { target: { value: '18:30' } });
    await user.type(screen.getByLabelText('国家中小学智慧教育平台校本研修案例 的提醒天数'), '10、1');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    expect(await reminderSettingsItem.getValue()).toEqual({
      leadDays: [5, 2],
      leadDaysByCategory: { xiaoben: [10, 1] },
      onOpen: true,
      time: '18:30',
    });
  });

  it('refuses bad days with a message under the field and stores nothing', async () => {
    const user = await openTab();
    const lead = screen.getByLabelText('截止前几天提醒');
    await user.clear(lead);
    await user.type(lead, '7, 三');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写 0 到 60 之间的整数天数，用逗号分隔')).toBeTruthy();
    expect((lead as HTMLInputElement).value).toBe('7, 三');
    expect((await reminderSettingsItem.getValue()).leadDays).toEqual([7, 3, 1, 0]);
  });

  it('stores the categories followed', async () => {
    const user = await openTab();
    const row = document.querySelector('tr[data-category="jingpin"]') as HTMLElement;
    await user.click(within(row).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    expect(await followedCategoriesItem.getValue()).not.toContain('jingpin');
  });

  it('stores 我是组织者 with the rest, off until switched on', async () => {
    const user = await openTab();
    const toggle = screen.getByRole('switch', { name: /我是组织者/ });
    expect(toggle).toHaveProperty('checked', false);
    await user.click(toggle);
    expect(await organiserModeItem.getValue()).toBe(false);
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    expect(await organiserModeItem.getValue()).toBe(true);
  });

  it('sends importing and drafting to the 规则包 page, and can go back to the bundled pack', async () => {
    // Importing and drafting moved to entrypoints/rulepack (test/entrypoints/rulepack.test.tsx).
    const next = { ...structuredClone(PACK_2025), version: '2026.1', year: 2026 };
    await importedPackItem.setValue(next);
    const user = await openTab();
    expect(screen.getByRole('button', { name: '规则包（新一年的通知）' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('active-pack').textContent).toContain('2026.1'));
    await user.click(await screen.findByRole('button', { name: '移除导入的规则包 2026.1，改回内置规则' }));
    await waitFor(() => expect(screen.getByTestId('active-pack').textContent).toContain('2025.1'));
    expect((await loadActivePack()).version).toBe('2025.1');
  });
});

describe('watchDeadlineChanges', () => {
  it('bumps the storage flag when deadlines change, not on the first read', async () => {
    // No sleeps: the watch says when it has read the first snapshot, and the flag's own change event is awaited.
    const watch = watchDeadlineChanges(db, () => 42);
    await watch.ready;
    expect(await deadlinesChangedItem.getValue()).toBe(0);
    const bumped = new Promise<number>((resolve) => {
      const unwatch = deadlinesChangedItem.watch((value) => {
        unwatch();
        resolve(value);
      });
    });
    await saveDeadline(db, { label: '区级截止', date: '2026-12-01' });
    expect(await bumped).toBe(42);
    watch.stop();
  });
});
