// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Panel } from '@/entrypoints/panel.content/panel';
import { hecloudnet, } from '@/lib/sites/hecloudnet';

const ctx = { addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler) };

describe('Panel', () => {
  it('says it is on and names the site', () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} />);
    expect(screen.getByRole('status').textContent).toBe('报送助手已启用');
    expect(screen.getByTestId('panel-site').textContent).toBe('职业教育专项活动平台');
  });

  it('collapses and expands with accessible labels', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} />);
    await userEvent.click(screen.getByRole('button', { name: '收起面板' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: '展开面板' }).getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(screen.getByRole('button', { name: '展开面板' }));
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('follows hash navigation', async () => {
    render(<Panel site={hecloudnet} ctx={ctx as never} />);
    location.hash = '#/works';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByText('报送助手已启用');
    expect(screen.getByTestId('submit-helper-panel').getAttribute('data-route')).toBe('/#/works');
  });
});
