// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Popup } from '@/entrypoints/popup/popup';
import { followedCategoriesItem, organiserModeItem } from '@/lib/reminders/store';

const none = async () => [];
const keys = (state: string) =>
  within(screen.getByTestId(`popup-group-${state}`))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('data-key'));

describe('Popup', () => {
  it('groups windows by state for the date it is given, with countdowns', async () => {
    render(<Popup now={new Date('2025-09-20T04:00:00Z')} loadCustomDeadlines={none} />);
    expect(keys('open').sort()).toEqual(['pack:mingshi:submission', 'pack:xiaoben:submission']);
    expect(keys('closed')).toContain('pack:zhijiao_shijian:registration_upload');
    expect(within(screen.getByTestId('popup-group-open')).getAllByText('还剩 10 天')).toHaveLength(2);
    expect(screen.getByText('今天（北京时间）：2025-09-20')).toBeTruthy();
  });

  it('shows upcoming windows with days to go, and the user\'s own deadlines', async () => {
    const custom = async () => [{ id: 'x', label: '区级FTP报送', categoryId: 'ronghe', date: '2025-06-30' }];
    render(<Popup now={new Date('2025-05-10T04:00:00Z')} loadCustomDeadlines={custom} />);
    await waitFor(() => expect(keys('open')).toContain('custom:x'));
    expect(within(screen.getByTestId('popup-group-open')).getByText('还剩 51 天')).toBeTruthy();
    expect(keys('upcoming')).toContain('pack:zhijiao_shijian:registration_upload');
    expect(within(screen.getByTestId('popup-group-upcoming')).getAllByText('10 天后开始').length).toBeGreaterThan(0);
  });

  it('shows every 2025 window as closed today, and today\'s last day as 今天截止', async () => {
    const custom = async () => [{ id: 'y', label: '明年校本研修', date: '2026-11-22' }];
    render(<Popup now={new Date('2026-11-22T04:00:00Z')} loadCustomDeadlines={custom} />);
    await waitFor(() => expect(keys('open')).toEqual(['custom:y']));
    expect(screen.getByText('今天截止')).toBeTruthy();
    expect(keys('upcoming')).toEqual([]);
    expect(keys('closed').length).toBeGreaterThanOrEqual(3);
  });

  it('lets the teacher unfollow a category, stored for the background', async () => {
    render(<Popup now={new Date('2025-09-20T04:00:00Z')} loadCustomDeadlines={none} />);
    const boxes = screen.getAllByTestId('popup-category');
    expect(boxes).toHaveLength(9);
    const xiaoben = boxes.find((b) => b.getAttribute('data-category') === 'xiaoben')!;
    await userEvent.click(within(xiaoben).getByRole('checkbox'));
    await waitFor(async () => expect(await followedCategoriesItem.getValue()).not.toContain('xiaoben'));
    expect((await followedCategoriesItem.getValue())?.length).toBe(8);
    await waitFor(() => expect(within(xiaoben).getByRole('checkbox')).toHaveProperty('checked', false));
  });

  it('shows the organisers\' windows only with 我是组织者 on, tagged 组织者, switched from the popup', async () => {
    // 2025-10-19, Beijing: the provincial recommendation closes tomorrow; the national one is still to come.
    render(<Popup now={new Date('2025-10-19T04:00:00Z')} loadCustomDeadlines={none} />);
    const toggle = screen.getByRole('switch', { name: '我是组织者' });
    expect(toggle).toHaveProperty('checked', false);
    expect(keys('open')).not.toContain('pack:organiser:provincial_recommendation');
    expect(screen.queryByText('组织者')).toBeNull();
    await userEvent.click(toggle);
    await waitFor(() => expect(keys('open')).toContain('pack:organiser:provincial_recommendation'));
    expect(await organiserModeItem.getValue()).toBe(true);
    expect(keys('open')).toContain('pack:organiser:national_recommendation');
    expect(keys('closed')).toEqual(expect.arrayContaining(['pack:organiser:district_contact_form', 'pack:organiser:provincial_contact_form']));
    const row = within(screen.getByTestId('popup-group-open')).getAllByRole('listitem').find((li) => li.getAttribute('data-key') === 'pack:organiser:provincial_recommendation')!;
    expect(row.textContent).toContain('组织者');
    expect(row.textContent).toContain('省级推荐校本研修案例');
    expect(row.textContent).toContain('还剩 1 天');
    await userEvent.click(toggle);
    await waitFor(() => expect(keys('open')).not.toContain('pack:organiser:provincial_recommendation'));
  });

  it('says when every window of the pack is over and points to the 规则包 page', async () => {
    render(<Popup now={new Date('2026-11-22T04:00:00Z')} loadCustomDeadlines={none} />);
    const notice = await screen.findByTestId('popup-all-past');
    expect(notice.textContent).toContain('当前规则包的报送时间均已结束');
    expect(within(notice).getByRole('button', { name: '打开规则包页面' })).toBeTruthy();
  });

  it('says nothing of the kind while a window is still to come', async () => {
    render(<Popup now={new Date('2025-11-15T04:00:00Z')} loadCustomDeadlines={none} />);
    await screen.findByText('今天（北京时间）：2025-11-15');
    expect(screen.queryByTestId('popup-all-past')).toBeNull();
  });
  it('shows all nine categories with their state, followed first, without expanding anything', async () => {
    await followedCategoriesItem.setValue(['jingpin']);
    render(<Popup now={new Date('2025-09-20T04:00:00Z')} loadCustomDeadlines={none} />);
    await waitFor(() => expect(screen.getAllByTestId('popup-category')[0]!.getAttribute('data-category')).toBe('jingpin'));
    const rows = screen.getAllByTestId('popup-category');
    expect(rows).toHaveLength(9);
    const row = (id: string) => rows.find((r) => r.getAttribute('data-category') === id)!;
    expect(within(row('xiaoben')).getByText('进行中')).toBeTruthy();
    expect(within(row('zhijiao_shijian')).getByText('已结束')).toBeTruthy();
    expect(within(row('jingpin')).getByText('通知未给出时间')).toBeTruthy();
    expect(within(row('jingpin')).getByRole('button', { name: /添加本区截止日期/ })).toBeTruthy();
    expect(within(row('xiaoben')).queryByRole('button')).toBeNull();
    expect(within(row('jingpin')).getByRole('checkbox', { name: /关注/ })).toHaveProperty('checked', true);
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.querySelector('details')).toBeNull();
  });

  it('says 即将开始 for a category whose window is to come', async () => {
    render(<Popup now={new Date('2025-05-10T04:00:00Z')} loadCustomDeadlines={none} />);
    const row = screen.getAllByTestId('popup-category').find((r) => r.getAttribute('data-category') === 'zhijiao_shijian')!;
    expect(within(row).getByText('即将开始')).toBeTruthy();
  });
});
