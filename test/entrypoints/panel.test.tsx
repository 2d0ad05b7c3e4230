// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import status from '@/entrypoints/panel.content/features/status';
import { Panel, panelPlaceItem } from '@/entrypoints/panel.content/panel';
import { hecloudnet } from '@/lib/sites/hecloudnet';

const ctx = {
  addEventListener: (target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) =>
    target.addEventListener(type, handler, options),
};
const features = [status];

describe('Panel', () => {
  it('says it is on and names the site', () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} features={features} />);
    expect(screen.getByRole('status').textContent).toBe('报送助手已启用');
    expect(screen.getByTestId('panel-site').textContent).toBe('职业教育专项活动平台');
  });

  it('collapses and expands with accessible labels', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} features={features} />);
    await userEvent.click(screen.getByRole('button', { name: '收起面板' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: '展开面板' }).getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(screen.getByRole('button', { name: '展开面板' }));
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('follows hash navigation', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} features={features} />);
    location.hash = '#/works';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByText('报送助手已启用');
    expect(screen.getByTestId('submit-helper-panel').getAttribute('data-route')).toBe('/#/works');
  });

  it('moves with the arrow keys on its handle and remembers the place per site', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} features={features} />);
    const handle = screen.getByRole('button', { name: '移动面板（可用方向键）' });
    handle.focus();
    await userEvent.keyboard('{ArrowUp}{ArrowLeft}');
    const section = screen.getByTestId('submit-helper-panel');
    expect(section.style.top).not.toBe('');
    await expect.poll(async () => Object.keys(await panelPlaceItem.getValue())).toEqual(['hecloudnet']);
  });

  it('comes back to the keyboard with Alt+Shift+Z from anywhere on the page', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} features={features} />);
    await userEvent.click(screen.getByRole('button', { name: '收起面板' }));
    document.body.focus();
    window.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyZ', bubbles: true }));
    await screen.findByRole('status');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '收起面板' }));
  });
});
