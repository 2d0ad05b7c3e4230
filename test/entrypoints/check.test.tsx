// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CheckPage, type SaveFile } from '@/entrypoints/check/check';
import { checkReportSchema } from '@/lib/checks';
import { currentPack } from '@/lib/rules';
import { avSpec, buildMp4Bytes } from '@/test/fixtures/checks/mp4-builder';
import { buildPdf } from '@/test/fixtures/checks/images';
import { buildDocx, para } from '@/test/fixtures/checks/office';

const pack = currentPack();

// jsdom's Blob has no arrayBuffer()/text(); browsers and Node have had them for years. FileReader gives the same bytes.
function readBlob<T extends 'readAsArrayBuffer' | 'readAsText'>(blob: Blob, how: T) {
  return new Promise<T extends 'readAsText' ? string : ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T extends 'readAsText' ? string : ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader[how](blob);
  });
}
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return readBlob(this, 'readAsArrayBuffer');
};
Blob.prototype.text ??= function (this: Blob) {
  return readBlob(this, 'readAsText');
};

// A copy typed as Uint8Array<ArrayBuffer>, which BlobPart requires.
const part = (bytes: Uint8Array) => new Uint8Array(bytes);
const pdf = (name = '作品登记表.pdf') => new File([part(buildPdf(1, { scanned: true }))], name, { type: 'application/pdf' });
const docx = (name: string) => new File([part(buildDocx(para('数控车削加工教学设计')))], name);
const mp4 = (fps: number, name = '教学视频.mp4') => new File([part(buildMp4Bytes(avSpec({ seconds: 20 * 60, fps })))], name, { type: 'video/mp4' });

function renderPage(props: Partial<Parameters<typeof CheckPage>[0]> = {}) {
  const user = userEvent.setup();
  const view = render(<CheckPage pack={pack} initialCategory="zhijiao_shijian" {...props} />);
  const upload = (...files: File[]) => user.upload(screen.getByTestId('check-file-input') as HTMLInputElement, files);
  return { user, upload, ...view };
}

const fileRow = (name: string) => screen.getAllByTestId('check-file').find((el) => el.getAttribute('data-name') === name)!;
const missing = () => within(screen.getByTestId('check-missing')).getAllByRole('listitem').map((li) => li.textContent);

describe('CheckPage', () => {
  it('offers every category by group and starts on the one in the address', () => {
    renderPage();
    const select = screen.getByLabelText('报送类别') as HTMLSelectElement;
    expect(select.value).toBe('zhijiao_shijian');
    expect(select.querySelectorAll('option')).toHaveLength(pack.categories.length);
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toContain('职业教育专项（面向中、高等职业院校）');
    expect(new Set(groups).size).toBe(groups.length);
    expect(screen.getByRole('button', { name: '选择文件' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '选择文件夹' })).toBeTruthy();
    expect(screen.getByTestId('check-folder-input').hasAttribute('webkitdirectory')).toBe(true);
  });

  it('falls back to the first category for an unknown id', () => {
    renderPage({ initialCategory: 'nope' });
    expect((screen.getByLabelText('报送类别') as HTMLSelectElement).value).toBe(pack.categories[0]!.id);
  });

  it('shows each item with its files, verdicts and plain-Chinese findings, and what is missing', async () => {
    const { upload } = renderPage();
    const video = screen.getByTestId('check-slot-video');
    expect(within(video).getByText('必交')).toBeTruthy();
    expect(within(video).getByText('格式：.mp4')).toBeTruthy();
    expect(within(video).getByText('单个文件不超过 500 MB')).toBeTruthy();

    await upload(pdf(), mp4(30));
    await waitFor(() => expect(screen.getByTestId('check-overall').getAttribute('data-verdict')).toBe('fail'));
    const row = within(screen.getByTestId('check-slot-video')).getByTestId('check-file');
    expect(row.getAttribute('data-name')).toBe('教学视频.mp4');
    expect(within(row).getByText('不合格')).toBeTruthy();
    expect(within(row).getByText('帧速率 30 fps，要求 25 fps')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '修复视频' }).getAttribute('href')).toBe('/repair.html?category=zhijiao_shijian');

    const form = within(screen.getByTestId('check-slot-registration_form')).getByTestId('check-file');
    expect(within(form).getByText('通过')).toBeTruthy();
    expect(within(form).queryByRole('link', { name: '修复视频' })).toBeNull();
    expect(missing()).toEqual(['案例简介', '教案']);
    expect(screen.getByText('有不合格项，请按下面的说明修改后再报送。')).toBeTruthy();
  });

  it('passes a complete submission and exports the report as JSON', async () => {
    const saved: Array<{ name: string; blob: Blob }> = [];
    const save: SaveFile = (name, blob) => saved.push({ name, blob });
    const { upload, user } = renderPage({ save, now: () => new Date('2025-06-01T20:00:00Z') });
    await upload(pdf(), docx('案例简介.docx'), docx('教案.docx'), mp4(25));
    await waitFor(() => expect(screen.getByTestId('check-overall').getAttribute('data-verdict')).toBe('pass'));
    expect(screen.queryByTestId('check-missing')).toBeNull();
    expect(screen.getByText('已选 4 个文件')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '导出报告 (JSON)' }));
    expect(saved).toHaveLength(1);
    // 20:00 UTC is already 2 June in Beijing.
    expect(saved[0]!.name).toBe('预检报告-zhijiao_shijian-2025-06-02.json');
    const report = checkReportSchema.parse(JSON.parse(await saved[0]!.blob.text()));
    expect(report.verdict).toBe('pass');
    expect(report.files.map((f) => f.slot).sort()).toEqual(['intro', 'lesson_plan', 'registration_form', 'video']);
  });

  it('re-runs the check when a file is moved to another item', async () => {
    const { upload, user } = renderPage();
    await upload(pdf(), docx('教学设计.docx'));
    await waitFor(() => expect(missing()).toEqual(['案例简介', '教学视频']));
    const row = fileRow('教学设计.docx');
    await user.selectOptions(within(row).getByLabelText('把“教学设计.docx”改为其他材料'), 'intro');
    await waitFor(() => expect(missing()).toEqual(['教案', '教学视频']));
    expect(within(screen.getByTestId('check-slot-intro')).getByTestId('check-file').getAttribute('data-name')).toBe('教学设计.docx');
  });

  it('asks 报送途径, defaulting from the category, and checks the 信息表 as the chosen route asks', async () => {
    const { upload, user } = renderPage({ initialCategory: 'xiaoben' });
    const route = screen.getByRole('group', { name: '报送途径' });
    const platform = within(route).getByRole('radio', { name: /活动平台在线报送/ }) as HTMLInputElement;
    const district = within(route).getByRole('radio', { name: /区级报送/ }) as HTMLInputElement;
    expect([platform.checked, district.checked]).toEqual([true, false]);
    expect(within(screen.getByTestId('check-slot-info_form')).getByText('格式：.doc / .docx / .pdf')).toBeTruthy();

    await upload(docx('案例信息表.docx'));
    const info = () => within(screen.getByTestId('check-slot-info_form')).getByTestId('check-file');
    await waitFor(() => expect(within(info()).getByText('通过')).toBeTruthy());
    await user.click(district);
    expect(within(screen.getByTestId('check-slot-info_form')).getByText('格式：.pdf')).toBeTruthy();
    await waitFor(() => expect(within(info()).getByText('不合格')).toBeTruthy());
    expect(within(screen.getByTestId('check-slot-support')).getByText('格式：.zip')).toBeTruthy();

    // Another category starts from its own default again.
    await user.selectOptions(screen.getByLabelText('报送类别'), 'jingpin');
    expect((within(screen.getByRole('group', { name: '报送途径' })).getByRole('radio', { name: /区级报送/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('says a vocational category has one route and no district round', () => {
    renderPage();
    const route = screen.getByTestId('check-route');
    expect(within(route).queryByRole('radio')).toBeNull();
    expect(route.textContent).toContain('职业教育专项平台在线报送');
    expect(route.textContent).toContain('不参与区级评选');
  });

  it('asks the requiredIf question and counts the answer', async () => {
    const { upload, user } = renderPage({ initialCategory: 'ronghe' });
    const question = screen.getByRole('checkbox', { name: /网络学习空间所开展的教学案例/ });
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    expect(within(screen.getByTestId('check-slot-space_ppt')).getByText('视情况必交')).toBeTruthy();
    await upload(pdf());
    await waitFor(() => expect(missing()).not.toContain('网络学习空间案例PPT'));
    await user.click(question);
    await waitFor(() => expect(missing()).toContain('网络学习空间案例PPT'));
    expect(missing()).toContain('空间访问说明文档（含空间网址）');
    expect(within(screen.getByTestId('check-slot-space_ppt')).getByText('必交')).toBeTruthy();
  });

  it('shows progress while checking and can cancel and restart', async () => {
    // A file whose bytes never arrive keeps the check running until it is cancelled.
    let release: (() => void) | undefined;
    const gate = new Promise<void>((ok) => (release = ok));
    class SlowFile extends File {
      override slice(start?: number, end?: number): Blob {
        const part = super.slice(start, end);
        return Object.assign(part, { arrayBuffer: async () => (await gate, Blob.prototype.arrayBuffer.call(part)) });
      }
    }
    const { upload, user } = renderPage();
    await upload(new SlowFile([part(buildPdf(1, { scanned: true }))], '作品登记表.pdf'));
    const progress = await screen.findByTestId('check-progress');
    expect(within(progress).getByText('正在检查 0 / 1')).toBeTruthy();
    expect(within(progress).getByRole('progressbar', { name: '检查进度' }).getAttribute('max')).toBe('1');
    await user.click(within(progress).getByRole('button', { name: '取消检查' }));
    expect(screen.queryByTestId('check-progress')).toBeNull();
    expect(screen.getByText(/已取消检查/)).toBeTruthy();
    expect(screen.queryByTestId('check-overall')).toBeNull();

    release!();
    await user.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByTestId('check-overall')).toBeTruthy());
    expect(missing()).toEqual(['案例简介', '教案', '教学视频']);
  });

  it('takes dropped files and lists unmatched and system files apart', async () => {
    renderPage();
    const drop = screen.getByRole('group', { name: '文件拖放区' });
    const files = [pdf(), new File(['hello'], 'readme.txt'), new File(['x'], '.DS_Store')];
    fireEvent.drop(drop, { dataTransfer: { files, items: [] } });
    await waitFor(() => expect(screen.getByTestId('check-unassigned')).toBeTruthy());
    const unmatched = within(screen.getByTestId('check-unassigned')).getByTestId('check-file');
    expect(unmatched.getAttribute('data-name')).toBe('readme.txt');
    expect(within(unmatched).getByText('无法判断这个文件属于哪一项，请手动指定')).toBeTruthy();
    expect(screen.getByText('已忽略的系统文件')).toBeTruthy();
  });

  it('removes a file and clears the list', async () => {
    const { upload, user } = renderPage();
    await upload(pdf(), docx('教案.docx'));
    await waitFor(() => expect(screen.getAllByTestId('check-file')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: '移除 教案.docx' }));
    await waitFor(() => expect(screen.getAllByTestId('check-file')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: '清空文件' }));
    expect(screen.queryByTestId('check-file')).toBeNull();
    expect(screen.getByText('还没有选择文件。')).toBeTruthy();
  });

  it('tells the address which category is chosen and forgets choices made for the old one', async () => {
    const onCategoryChange = vi.fn();
    const { user, upload } = renderPage({ onCategoryChange });
    await upload(docx('教学设计.docx'));
    await waitFor(() => expect(screen.getAllByTestId('check-file')).toHaveLength(1));
    // registration_form exists in both categories, so a kept override would still apply after the switch.
    await user.selectOptions(within(fileRow('教学设计.docx')).getByRole('combobox'), 'registration_form');
    await waitFor(() => expect(screen.getByTestId('check-slot-registration_form').querySelector('[data-testid="check-file"]')).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('报送类别'), 'ronghe');
    expect(onCategoryChange).toHaveBeenCalledWith('ronghe');
    // In 融合创新 the name's 教学设计 points to 相关材料 (which wants a ZIP).
    await waitFor(() => expect(screen.getByTestId('check-slot-materials').querySelector('[data-testid="check-file"]')).toBeTruthy());
    expect(screen.getByTestId('check-slot-registration_form').querySelector('[data-testid="check-file"]')).toBeNull();
  });
});
