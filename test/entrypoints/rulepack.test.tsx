// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readText } from '@/components/read-text';
import { RulePackPage } from '@/entrypoints/rulepack/rulepack';
import type { NoticeText } from '@/entrypoints/rulepack/read-notice';
import { RULE_PACKS, parseRulePack } from '@/lib/rules';
import { importedPackItem, loadActivePack, removeImportedPack } from '@/lib/rules/active';

const here = dirname(fileURLToPath(import.meta.url));
const variant = (name: string) => readFileSync(resolve(here, '../fixtures/notices-variants', name), 'utf8');
const BUNDLED = RULE_PACKS[0]!;

afterEach(() => removeImportedPack());

function open(readFile: (file: File) => Promise<NoticeText> = async (file) => ({ ok: true, text: await readText(file) })) {
  const saveFile = vi.fn<(name: string, blob: Blob) => void>();
  render(<RulePackPage initialPack={BUNDLED} readFile={readFile} saveFile={saveFile} />);
  return { user: userEvent.setup(), saveFile };
}

const row = (path: string) => document.querySelector(`tr[data-path="${path}"]`) as HTMLElement;
const FPS = 'categories.zhijiao_shijian.slots.video.video.fps';
const MAX = 'categories.zhijiao_shijian.slots.video.video.maxDurationSec';

async function draftFromDistrict(user: ReturnType<typeof userEvent.setup>) {
  // Pasting 46 k characters key by key would take minutes; a change event is what a paste produces.
  fireEvent.change(screen.getByLabelText('粘贴区级通知（全部项目）文字'), { target: { value: variant('district-2026.txt') } });
  await user.click(screen.getByRole('button', { name: '起草规则包' }));
  await screen.findByText(/已起草规则包 2026\.1/u);
}

describe('RulePackPage', () => {
  it('drafts from a pasted notice, marks changes beside the active pack and links each value to its sentence', async () => {
    const { user } = open();
    await draftFromDistrict(user);
    expect(row(FPS).dataset.state).toBe('changed');
    expect(within(row(FPS)).getByRole('spinbutton')).toHaveProperty('value', '30');
    expect(row(FPS).querySelector('.previous')!.textContent).toBe('25');
    expect(row(MAX).querySelector('.previous')!.textContent).toBe('25 分钟');
    await user.click(within(row(FPS)).getByRole('button', { name: /在通知中查看/u }));
    expect(screen.getByTestId('notice-highlight').textContent).toBe('帧率为30fps');
    expect(screen.getByTestId('draft-summary').textContent).toContain('新增项目：人工智能融合教学案例');
  });

  it('lists what the notice does not state, keeping last year’s value', async () => {
    const { user } = open();
    await draftFromDistrict(user);
    await user.click(screen.getByRole('radio', { name: '未找到的' }));
    const missing = row('categories.zhijiao_shijian.slots.lesson_plan.maxCount');
    expect(missing.dataset.state).toBe('missing');
    expect(missing.textContent).toContain('未在通知中找到 — 沿用上一版');
    expect(row(FPS)).toBeNull();
  });

  it('saves the corrected draft, which becomes the active pack', async () => {
    const { user } = open();
    await draftFromDistrict(user);
    const input = within(row(MAX)).getByRole('spinbutton');
    await user.clear(input);
    await user.type(input, '22');
    // Saving validates and stores the whole pack, which on a busy machine takes longer than findBy's one-second
    // window: wait for the stored pack itself, then for the status that follows it.
    const stored = new Promise<void>((resolve) => {
      const unwatch = importedPackItem.watch(() => {
        unwatch();
        resolve();
      });
    });
    await user.click(screen.getByRole('button', { name: '保存并启用' }));
    await stored;
    await screen.findByText(/已保存并启用规则包 2026\.1（[0-9a-f]{12}）/u);
    const active = await loadActivePack();
    expect(active.version).toBe('2026.1');
    const video = active.categories.find((c) => c.id === 'zhijiao_shijian')!.slots.find((s) => s.id === 'video')!;
    expect(video.video).toMatchObject({ maxDurationSec: 22 * 60, fps: 30, minWidth: 1920 });
    expect(screen.getByTestId('active-pack').textContent).toContain('2026.1');
  });

  it('refuses an edit that breaks the schema and keeps the active pack', async () => {
    const { user } = open();
    await draftFromDistrict(user);
    const input = within(row(MAX)).getByRole('spinbutton');
    await user.clear(input);
    await user.type(input, '5');
    await user.click(screen.getByRole('button', { name: '保存并启用' }));
    await screen.findByText('未保存：请先改正下列问题，当前规则包未改变。');
    expect(screen.getByTestId('rulepack-errors').textContent).toContain('minDurationSec');
    expect((await loadActivePack()).version).toBe(BUNDLED.version);
  });

  it('exports the draft as JSON that validates', async () => {
    const { user, saveFile } = open();
    await draftFromDistrict(user);
    await user.click(screen.getByRole('button', { name: '导出草稿（JSON）' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const [name, blob] = saveFile.mock.calls[0]!;
    expect(name).toMatch(/^rule-pack-2026\.1-[0-9a-f]{12}\.json$/u);
    expect(parseRulePack(await readText(blob)).ok).toBe(true);
  });

  it('reads a dropped file through the reader and shows its error in Chinese', async () => {
    const readFile = vi.fn(async (): Promise<NoticeText> => ({ ok: false, error: '这份 PDF 没有文字层（可能是扫描件），请粘贴通知文字（the PDF has no text layer; paste the text）' }));
    const { user } = open(readFile);
    await user.upload(screen.getByLabelText('选择国家级通知（教师研修专项）文件'), new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' }));
    expect((await screen.findByRole('alert')).textContent).toContain('没有文字层');
    expect(screen.getByRole('button', { name: '起草规则包' })).toHaveProperty('disabled', true);
  });

  it('imports a colleague’s pack and refuses a broken one', async () => {
    const { user } = open();
    const next = { ...structuredClone(BUNDLED), version: '2026.3', year: 2026 };
    await user.upload(screen.getByLabelText('导入规则包（JSON）'), new File([JSON.stringify(next)], 'pack.json', { type: 'application/json' }));
    await screen.findByText('已导入规则包 2026.3，现在按它检查和提醒。');
    await user.upload(screen.getByLabelText('导入规则包（JSON）'), new File(['{"schema"'], 'broken.json', { type: 'application/json' }));
    await screen.findByText('未导入“broken.json”：文件有误，现有规则未改变。');
    expect((await loadActivePack()).version).toBe('2026.3');
  });
});
