// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrivacyPage } from '@/entrypoints/privacy/privacy';
import { declaredManifest } from '../manifest';

describe('PrivacyPage', () => {
  it('says what is stored, where, that nothing is sent, and why each permission is asked for', async () => {
    render(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: '隐私说明' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '保存什么，保存在哪里', '你检查和修复的文件', '发送给谁', '在网站上做什么', '申请的权限', '导出和删除',
    ]);
    expect(screen.getByText(/手机、固定电话、电子邮箱/)).toBeTruthy();
    expect(screen.getByText(/^不发送给任何人/)).toBeTruthy();
    // Every permission the manifest asks for is explained, by its API name.
    const manifest = await declaredManifest();
    const permissions = within(screen.getByRole('region', { name: '申请的权限' })).getAllByRole('listitem').map((li) => li.textContent);
    for (const permission of manifest.permissions ?? []) expect(permissions.some((p) => p?.includes(`（${permission}）`)), permission).toBe(true);
    expect(screen.getByRole('link', { name: '返回设置' }).getAttribute('href')).toBe('/options.html');
  });
});
