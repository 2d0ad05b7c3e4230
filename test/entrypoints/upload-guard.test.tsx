// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadGuard } from '@/entrypoints/panel.content/features/upload-guard/controller';
import uploadGuard from '@/entrypoints/panel.content/features/upload-guard';
import uploadGuardLayer from '@/entrypoints/panel.content/features/upload-guard/layer';
import { guardMemoryItem } from '@/entrypoints/panel.content/features/upload-guard/memory';
import { checkChosenFile, EMPTY_MEMORY, type GuardMemory } from '@/lib/guard';
import type { FieldInfo } from '@/lib/autofill';
import { currentPack } from '@/lib/rules';
import { hecloudnet } from '@/lib/sites/hecloudnet';
import { File as NodeFile } from 'node:buffer';
import { buildMp4Pieces } from '../fixtures/checks/mp4-builder';
import { mountPanel } from './panel-harness';

/** 附件11 as Element UI renders it (test/e2e/fixtures/forms/element-ui), reduced to the uploads and the submit. */
const PAGE = `
<div id="app"><h2>作品登记表<br><span class="sub">（职业教育实践性教学案例）</span></h2>
${['登记表扫描件', '教案', '教学视频'].map((label) => `
<div class="el-form-item is-required"><label class="el-form-item__label">${label}</label><div class="el-form-item__content">
  <div><div tabindex="0" class="el-upload el-upload--text"><button type="button" class="el-button"><span>点击上传</span></button>
  <input type="file" name="file" class="el-upload__input"></div><ul class="el-upload-list"></ul></div>
</div></div>`).join('')}
<div class="actions"><button type="button" class="el-button el-button--primary" id="submit"><span>提 交</span></button></div></div>`;

function mp4File(name: string, sec: number, fps: number): File {
  const { pieces, size } = buildMp4Pieces({
    tracks: [{ kind: 'video', codec: 'avc1', timescale: fps * 1000, stts: [[Math.round(sec * fps), 1000]], width: 1920, height: 1080 }],
  });
  const bytes = new Uint8Array(size);
  for (const p of pieces) bytes.set(p.bytes, p.offset);
  // jsdom's Blob cannot be read (no arrayBuffer); Node's File is the same Blob API a browser gives the page.
  return new NodeFile([bytes], name, { type: 'video/mp4' }) as unknown as File;
}

const ctx = {
  addEventListener: (target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions) =>
    target.addEventListener(type, handler, options),
  onInvalidated: () => () => undefined,
};

/** What the site's own handlers saw: Element's change handler on the input, Vue's click handler on the button. */
interface SiteLog { chosen: string[]; prevented: boolean[]; submits: number }

function mountSite(): SiteLog {
  document.body.innerHTML = PAGE;
  location.hash = '#/case/shijian';
  const log: SiteLog = { chosen: [], prevented: [], submits: 0 };
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[type=file]'))) {
    input.addEventListener('change', (e) => {
      log.chosen.push(...Array.from(input.files ?? []).map((f) => f.name));
      log.prevented.push(e.defaultPrevented);
      // Element clears the input after taking the files, and lists the file.
      const item = document.createElement('li');
      item.className = 'el-upload-list__item';
      item.innerHTML = `<a class="el-upload-list__item-name">${input.files![0]!.name}</a>`;
      input.closest('.el-form-item')!.querySelector('.el-upload-list')!.append(item);
    });
  }
  document.getElementById('submit')!.addEventListener('click', () => void log.submits++);
  return log;
}

function choose(label: string, file: File): void {
  const item = Array.from(document.querySelectorAll('.el-form-item')).find((e) => e.textContent!.includes(label))!;
  const input = item.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function startGuard(memory: GuardMemory = EMPTY_MEMORY) {
  const saved: GuardMemory[] = [];
  const guard = new UploadGuard({
    doc: document, pack: currentPack(), site: 'hecloudnet', memory, ignore: 'submit-helper-guard',
    saveMemory: async (m) => void saved.push(m), debounceMs: 0, checkFile: (file, slot) => checkChosenFile(file, slot),
  });
  guard.start(ctx);
  return { guard, saved };
}

let stops: Array<() => void> = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

describe('UploadGuard', () => {
  it('checks a chosen file for its slot while the site’s own handler still gets the file, untouched', async () => {
    const log = mountSite();
    const { guard } = startGuard();
    stops.push(() => guard.stop());
    expect(guard.getSnapshot().category?.id).toBe('zhijiao_shijian');
    choose('教学视频', mp4File('超长.mp4', 26 * 60 + 3, 30));
    expect(log).toMatchObject({ chosen: ['超长.mp4'], prevented: [false] });
    await guard.whenIdle();
    const upload = guard.getSnapshot().uploads.find((u) => u.key === '教学视频#0')!;
    expect(upload.slotId).toBe('video');
    expect(upload.batch.map((c) => [c.name, c.verdict])).toEqual([['超长.mp4', 'fail']]);
    expect(upload.batch[0]!.findings.filter((f) => f.verdict === 'fail').map((f) => f.message)).toEqual([
      '时长 26 分 03 秒，超过 25 分钟上限',
      '帧速率 30 fps，要求 25 fps',
    ]);
  });

  it('forgets the earlier file of a plain single input once another is chosen', async () => {
    document.body.innerHTML = `<h2>作品登记表（职业教育实践性教学案例）</h2>
      <div class="el-form-item"><label class="el-form-item__label">教学视频</label>
      <div class="el-form-item__content"><input type="file" accept=".mp4"></div></div>`;
    const { guard } = startGuard();
    stops.push(() => guard.stop());
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const pick = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick(mp4File('30帧.mp4', 20 * 60, 30));
    await guard.whenIdle();
    const video = () => guard.getSnapshot().checklist!.items.find((i) => i.kind === 'slot' && i.slotId === 'video');
    expect(video()).toMatchObject({ status: 'failed' });
    pick(mp4File('25帧.mp4', 20 * 60, 25));
    await guard.whenIdle();
    expect(video()).toMatchObject({ status: 'ok', files: ['25帧.mp4'] });
  });

  it('asks before the site’s submit runs while slots are missing; “返回修改” keeps it held, “仍然提交” lets one click through', async () => {
    const log = mountSite();
    const { guard } = startGuard();
    stops.push(() => guard.stop());
    choose('教学视频', mp4File('好.mp4', 20 * 60, 25));
    await guard.whenIdle();
    guard.scan();

    const button = document.getElementById('submit')!;
    const first = new MouseEvent('click', { bubbles: true, cancelable: true });
    button.querySelector('span')!.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(log.submits).toBe(0);
    const dialog = guard.getSnapshot().dialog!;
    expect(dialog.caption).toBe('提交');
    expect(dialog.items.map((i) => (i.kind === 'slot' ? `${i.slotId}:${i.status}` : i.kind))).toEqual([
      'registration_form:missing', 'lesson_plan:missing',
    ]);

    guard.resolveDialog(false);
    expect(guard.getSnapshot().dialog).toBeUndefined();
    expect(log.submits).toBe(0);

    button.click();
    expect(log.submits).toBe(0);
    guard.resolveDialog(true);
    expect(log.submits).toBe(1);
    // The bypass was for one click only.
    button.click();
    expect(log.submits).toBe(1);
    expect(guard.getSnapshot().dialog).toBeDefined();
  });

  it('lets the submit through without asking when nothing is wrong', async () => {
    const log = mountSite();
    const { guard } = startGuard();
    stops.push(() => guard.stop());
    for (const label of ['登记表扫描件', '教案']) {
      const list = Array.from(document.querySelectorAll('.el-form-item')).find((e) => e.textContent!.includes(label))!.querySelector('.el-upload-list')!;
      list.innerHTML = '<li class="el-upload-list__item"><a class="el-upload-list__item-name">已上传.pdf</a></li>';
    }
    choose('教学视频', mp4File('好.mp4', 20 * 60, 25));
    await guard.whenIdle();
    document.getElementById('submit')!.click();
    expect(log.submits).toBe(1);
    expect(guard.getSnapshot().dialog).toBeUndefined();
  });

  it('remembers a corrected slot and checks the file again against it', async () => {
    mountSite();
    const { guard, saved } = startGuard();
    stops.push(() => guard.stop());
    choose('教案', mp4File('录像.mp4', 20 * 60, 25));
    await guard.whenIdle();
    expect(guard.getSnapshot().uploads.find((u) => u.key === '教案#0')!.batch[0]!.verdict).toBe('fail');
    await guard.setSlot('教案#0', 'video');
    await guard.whenIdle();
    const upload = guard.getSnapshot().uploads.find((u) => u.key === '教案#0')!;
    expect(upload).toMatchObject({ slotId: 'video', taught: true });
    expect(upload.batch[0]!.verdict).toBe('pass');
    expect(saved.at(-1)!.slots).toEqual([expect.objectContaining({ categoryId: 'zhijiao_shijian', upload: '教案#0', slotId: 'video' })]);

    // A later visit starts from the remembered correction.
    guard.stop();
    const again = startGuard(saved.at(-1)!);
    stops.push(() => again.guard.stop());
    expect(again.guard.getSnapshot().uploads.find((u) => u.key === '教案#0')!.slotId).toBe('video');
  });
});

describe('UploadGuard with the page state’s fields', () => {
  const author = (i: number, name: string) => ({
    index: i, library: 'native', widget: 'text', label: '姓名', labelSource: 'label', options: [], multiple: false,
    readonly: false, disabled: false, attribute: 'name', role: `author[${i}]`, locator: { kind: 'css', selector: `#a${i}` },
    current: name, availability: 'visible',
  }) as unknown as FieldInfo;

  it('reads the fields it is given instead of detecting them again, and follows them when they change', () => {
    mountSite();
    let given: FieldInfo[] = [0, 1, 2, 3].map((i) => author(i, `作者${i}`));
    const asked: string[] = [];
    const guard = new UploadGuard({
      doc: document, pack: currentPack(), site: 'hecloudnet', memory: EMPTY_MEMORY, ignore: 'submit-helper-guard',
      saveMemory: async () => undefined, debounceMs: 0, checkFile: (file, slot) => checkChosenFile(file, slot),
      pageFields: (category) => {
        asked.push(category.id);
        return given;
      },
    });
    guard.start(ctx);
    stops.push(() => guard.stop());
    // The page itself has no author fields: four authors can only come from the fields given.
    expect(guard.getSnapshot().checklist!.items).toContainEqual({ kind: 'authors', count: 4, max: 3 });
    expect(asked).toEqual(['zhijiao_shijian']);
    given = given.slice(0, 3);
    guard.fieldsChanged();
    expect(guard.getSnapshot().checklist!.items.some((item) => item.kind === 'authors')).toBe(false);
  });
});

describe('upload-guard panel section', () => {
  beforeEach(() => mountSite());

  it('shows the checklist, the inline result and the dialog’s two answers', async () => {
    const user = userEvent.setup();
    const log = { submits: 0 };
    document.getElementById('submit')!.addEventListener('click', () => void log.submits++);
    mountPanel(hecloudnet, [uploadGuard], [uploadGuardLayer], { startGuard: true });
    const checklist = await screen.findByTestId('guard-checklist');
    expect(checklist.getAttribute('data-category')).toBe('zhijiao_shijian');
    expect(within(checklist).getAllByRole('listitem').map((li) => li.getAttribute('data-status'))).toEqual(['missing', 'elsewhere', 'missing', 'missing']);

    // jsdom lays nothing out; give the upload buttons the box a browser would.
    for (const el of Array.from(document.querySelectorAll('.el-upload'))) el.getBoundingClientRect = () => new DOMRect(200, 300, 80, 32);
    await act(async () => choose('教学视频', mp4File('超长.mp4', 26 * 60 + 3, 25)));
    const host = document.querySelector('submit-helper-guard')!.shadowRoot!;
    await waitFor(() => expect(host.querySelector('[data-testid="guard-badge"]')?.getAttribute('data-verdict')).toBe('fail'));
    expect(host.querySelector('[data-testid="guard-file"]')!.textContent).toBe('✗ 超长.mp4：时长 26 分 03 秒，超过 25 分钟上限');
    expect(host.querySelector('[data-testid="guard-repair"]')).not.toBeNull();

    await user.click(document.querySelector('#submit span')!);
    const dialog = host.querySelector('[data-testid="guard-dialog"]') as HTMLElement;
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '缺少“作品登记表（附件11）”', '缺少“教案”', '“教学视频”的 超长.mp4：时长 26 分 03 秒，超过 25 分钟上限',
    ]);
    await user.click(within(dialog).getByRole('button', { name: '返回修改' }));
    expect(host.querySelector('[data-testid="guard-dialog"]')).toBeNull();
    expect(log.submits).toBe(0);
    await user.click(document.getElementById('submit')!);
    await user.click(within(host.querySelector('[data-testid="guard-dialog"]') as HTMLElement).getByRole('button', { name: '仍然提交' }));
    expect(log.submits).toBe(1);
  });

  it('remembers the category the teacher picks for the page', async () => {
    const user = userEvent.setup();
    mountPanel(hecloudnet, [uploadGuard], [uploadGuardLayer], { startGuard: true });
    const select = await screen.findByTestId('guard-category');
    await user.selectOptions(select, 'xinxihua');
    await waitFor(() => expect(screen.getByTestId('guard-checklist').getAttribute('data-category')).toBe('xinxihua'));
    const stored = await guardMemoryItem.getValue() as GuardMemory;
    expect(Object.values(stored.categories)).toEqual(['xinxihua']);
  });
});
