// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import status from '@/entrypoints/panel.content/features/status';
import { hecloudnet } from '@/lib/sites/hecloudnet';
import { mountPanel } from './panel-harness';

const features = [status];

describe('Panel (in its frame)', () => {
  it('says it is on and names the site', () => {
    mountPanel(hecloudnet, features);
    expect(screen.getByRole('status').textContent).toBe('报送助手已启用');
    expect(screen.getByTestId('panel-site').textContent).toBe('职业教育专项活动平台');
  });

  it('collapses and expands with accessible labels, and tells the page side', async () => {
    const { layout } = mountPanel(hecloudnet, features);
    await userEvent.click(screen.getByRole('button', { name: '收起面板' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: '展开面板' }).getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(layout).toContainEqual({ kind: 'collapse', collapsed: true }));
    await userEvent.click(screen.getByRole('button', { name: '展开面板' }));
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('follows hash navigation', async () => {
    mountPanel(hecloudnet, features);
    location.hash = '#/works';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByTestId('submit-helper-panel').getAttribute('data-route')).toBe('/#/works'));
  });

  it('asks the page side to move it with the arrow keys on its handle', async () => {
    const { layout } = mountPanel(hecloudnet, features);
    screen.getByRole('button', { name: '移动面板（可用方向键）' }).focus();
    await userEvent.keyboard('{ArrowUp}{Shift>}{ArrowLeft}{/Shift}');
    await waitFor(() => expect(layout.filter((m) => m.kind === 'move')).toEqual([
      { kind: 'move', dx: 0, dy: -24 }, { kind: 'move', dx: -120, dy: 0 },
    ]));
  });

  it('opens up and takes the keyboard when the page side passes on Alt+Shift+Z', async () => {
    const { side } = mountPanel(hecloudnet, features);
    await userEvent.click(screen.getByRole('button', { name: '收起面板' }));
    side.send({ kind: 'focus' });
    await screen.findByRole('status');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '收起面板' }));
  });
});
