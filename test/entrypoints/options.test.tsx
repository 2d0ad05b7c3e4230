// @vitest-environment jsdom
// Dexie's liveQuery looks for a global indexedDB when it is imported; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '@/entrypoints/options/options';
import { readSnapshot, saveDraft, savePerson, saveTeam, type SubmitHelperDB } from '@/lib/db';
import { serializeBackup } from '@/lib/backup';
import { currentPack, findCategory } from '@/lib/rules';
import { freshDb } from '../lib/db/fake-db';

let db: SubmitHelperDB;
beforeEach(() => {
  db = freshDb(`options-${Math.random()}`);
});
afterEach(() => db.close());

const pack = currentPack();

function renderOptions(withPack = pack) {
  const user = userEvent.setup();
  render(<Options db={db} pack={withPack} />);
  return user;
}

async function seedPeople(...names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const r = await savePerson(db, { name, organization: '北京市第一中学' });
    if (!r.ok) throw new Error('seed');
    ids.push(r.value.id);
  }
  return ids;
}

describe('Options shell', () => {
  it('keeps the rule pack line and moves between tabs with the arrow keys', async () => {
    const user = renderOptions();
    expect(screen.getByTestId('rule-pack').textContent).toContain(pack.version);
    const people = screen.getByRole('tab', { name: '人员' });
    expect(people.getAttribute('aria-selected')).toBe('true');
    people.focus();
    await user.keyboard('{ArrowRight}');
    const teams = screen.getByRole('tab', { name: '团队' });
    expect(teams.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(teams);
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: '备份与恢复' }).getAttribute('aria-selected')).toBe('true');
  });

  it('links to the privacy page', () => {
    renderOptions();
    expect(screen.getByRole('link', { name: '隐私说明' }).getAttribute('href')).toBe('/privacy.html');
  });
});

describe('PeopleTab', () => {
  it('shows a Chinese message under a wrong number, keeps the input, stores nothing; then saves normalised', async () => {
    const user = renderOptions();
    const name = await screen.findByLabelText('姓名');
    await user.type(name, '王芳');
    const mobile = screen.getByLabelText('手机');
    await user.type(mobile, '1380013800');
    await user.type(screen.getByLabelText('电子邮箱'), 'wang＠school.cn');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText(/手机号应为 11 位数字/)).toBeTruthy();
    expect(screen.getByText(/邮箱格式不正确/)).toBeTruthy();
    expect(mobile.getAttribute('aria-invalid')).toBe('true');
    expect(mobile.getAttribute('aria-describedby')).toContain(screen.getByText(/手机号应为/).id);
    expect((mobile as HTMLInputElement).value).toBe('1380013800');
    expect(screen.getByRole('status').textContent).toContain('未保存');
    expect(await db.people.count()).toBe(0);

    await user.clear(mobile);
    await user.type(mobile, '138 0013 8000');
    await user.clear(screen.getByLabelText('电子邮箱'));
    await user.type(screen.getByLabelText('电子邮箱'), 'wang@school.edu.cn');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已保存'));
    expect((mobile as HTMLInputElement).value).toBe('13800138000');
    expect(await db.people.toArray()).toMatchObject([{ name: '王芳', mobile: '13800138000', email: 'wang@school.edu.cn' }]);

    // A second save updates the same person instead of creating another.
    await user.type(screen.getByLabelText('职称/职务'), '高级教师');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.people.toArray()).map((p) => p.title)).toEqual(['高级教师']));
  });

  it('asks before deleting and says which teams lose the person', async () => {
    const [a] = await seedPeople('王芳');
    await saveTeam(db, { name: '语文组', authorIds: [a!] });
    const user = renderOptions();
    await user.click(await screen.findByRole('button', { name: /王芳/ }));
    await user.click(screen.getByRole('button', { name: '删除' }));
    const confirm = screen.getByRole('group', { name: '确定删除“王芳”？' });
    expect(confirm.textContent).toContain('被 1 个团队使用');
    expect(document.activeElement?.textContent).toBe('取消');
    await user.click(within(confirm).getByRole('button', { name: '确定删除' }));
    await waitFor(async () => expect(await db.people.count()).toBe(0));
    expect((await db.teams.toArray())[0]?.authorIds).toEqual([]);
  });
});

describe('TeamsTab', () => {
  it('adds three authors, reorders them from the keyboard, saves, and duplicates the team', async () => {
    const [a, b, c] = await seedPeople('甲老师', '乙老师', '丙老师', '丁老师');
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '团队' }));
    await user.type(await screen.findByLabelText('团队名称'), '语文组');
    for (const name of ['甲老师', '乙老师', '丙老师']) {
      await user.selectOptions(screen.getByLabelText('添加作者'), name);
      await user.click(screen.getByRole('button', { name: '添加' }));
    }
    expect(screen.queryByLabelText('添加作者')).toBeNull();
    expect(screen.getByText('已有 3 位作者，达到上限。')).toBeTruthy();

    screen.getByRole('button', { name: '上移 丙老师' }).focus();
    await user.keyboard('{Enter}');
    const rows = screen.getAllByTestId('team-author').map((li) => li.textContent);
    expect(rows).toEqual([
      expect.stringContaining('第 1 作者甲老师'),
      expect.stringContaining('第 2 作者丙老师'),
      expect.stringContaining('第 3 作者乙老师'),
    ]);
    await user.selectOptions(screen.getByLabelText('联系人'), '丁老师');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.teams.count()).toBe(1));
    const [team] = await db.teams.toArray();
    expect(team?.authorIds).toEqual([a, c, b]);

    await user.click(screen.getByRole('button', { name: '复制团队' }));
    await waitFor(async () => expect(await db.teams.count()).toBe(2));
    const copy = (await db.teams.toArray()).find((t) => t.id !== team!.id);
    expect(copy).toMatchObject({ name: '语文组（副本）', authorIds: [a, c, b], contactId: team!.contactId });
  });
});

describe('DraftsTab', () => {
  const category = pack.categories.find((c) => c.fields.some((f) => f.maxChars !== undefined && f.maxChars >= 100))!;
  const rule = category.fields.find((f) => f.maxChars !== undefined && f.maxChars >= 100)!;

  it('counts 字数 live against the pack limit and marks the over-limit state', async () => {
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '作品草稿' }));
    await user.type(await screen.findByLabelText('作品名称'), '古诗词群文阅读');
    await user.selectOptions(screen.getByLabelText('报送类别'), category.name);
    const box = screen.getByLabelText(rule.label);
    const counter = screen.getByTestId(`counter-${rule.id}`);
    expect(counter.textContent).toBe(`0 / ${rule.maxChars} 字`);
    fireEvent.change(box, { target: { value: '字'.repeat(rule.maxChars!) } });
    expect(counter.textContent).toBe(`${rule.maxChars} / ${rule.maxChars} 字`);
    expect(counter.getAttribute('data-over')).toBe('false');
    fireEvent.change(box, { target: { value: `${'字'.repeat(rule.maxChars!)}，多` } });
    expect(counter.textContent).toBe(`${rule.maxChars! + 2} / ${rule.maxChars} 字 · 超出 2 字`);
    expect(counter.getAttribute('data-over')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(counter.parentElement!.id);

    // Over-limit text is still saved: a draft keeps the teacher's writing.
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    expect((await db.drafts.toArray())[0]?.fields[rule.id]).toHaveLength(rule.maxChars! + 2);
  });

  it('refuses 《》 in the work name as it is typed and on save', async () => {
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '作品草稿' }));
    await user.type(await screen.findByLabelText('作品名称'), '《春晓》教学设计');
    expect(screen.getByText('不能使用书名号《》')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/未保存/)).toBeTruthy();
    expect(await db.drafts.count()).toBe(0);
    expect((screen.getByLabelText('作品名称') as HTMLInputElement).value).toBe('《春晓》教学设计');
  });

  it('warns when the team is larger than the category allows', async () => {
    // The 2025 notices allow three authors everywhere; a later pack may allow fewer for one category.
    const small = { ...findCategory(pack, 'jingpin')!, maxAuthors: 2 };
    const stricter = { ...pack, categories: pack.categories.map((c) => (c.id === small.id ? small : c)) };
    const ids = await seedPeople('甲', '乙', '丙');
    await saveTeam(db, { name: '三人组', authorIds: ids });
    const user = renderOptions(stricter);
    await user.click(screen.getByRole('tab', { name: '作品草稿' }));
    await user.selectOptions(await screen.findByLabelText('报送类别'), small.name);
    await user.selectOptions(screen.getByLabelText('作者团队'), '三人组');
    expect(screen.getByText('此类别最多 2 位作者，所选团队有 3 位。')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('作者团队'), '（无）');
    expect(screen.queryByText(/此类别最多/)).toBeNull();
  });
});

describe('DraftsTab first-author limit', () => {
  it('warns when the first author already has the category\'s one work among the saved drafts', async () => {
    const [first, second] = await seedPeople('甲', '乙');
    await saveTeam(db, { name: '甲组', authorIds: [first!] });
    await saveTeam(db, { name: '甲乙组', authorIds: [first!, second!] });
    await saveTeam(db, { name: '乙甲组', authorIds: [second!, first!] });
    const teams = await db.teams.toArray();
    const team = (name: string) => teams.find((t) => t.name === name)!.id;
    await saveDraft(db, { title: '数控车削', categoryId: 'zhijiao_shijian', teamId: team('甲组') });
    const shijian = findCategory(pack, 'zhijiao_shijian')!;
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '作品草稿' }));
    await user.click(await screen.findByRole('button', { name: '新建草稿' }));
    await user.selectOptions(await screen.findByLabelText('报送类别'), shijian.name);
    // 乙 leads this team: no warning. 甲 leads the other: one over the limit of 1.
    await user.selectOptions(screen.getByLabelText('作者团队'), '乙甲组');
    expect(screen.queryByTestId('first-author-works')).toBeNull();
    await user.selectOptions(screen.getByLabelText('作者团队'), '甲乙组');
    expect(screen.getByTestId('first-author-works').textContent).toBe('此类别每位第一作者限报 1 件；同一第一作者在此类别已有 2 件（含本件；其他：数控车削）。');
  });
});

describe('DeadlinesTab', () => {
  it('saves a district date and refuses a missing one', async () => {
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '自定义截止日期' }));
    await user.type(await screen.findByLabelText('名称'), '区级FTP报送');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写有效日期')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('日期（北京时间）'), { target: { value: '2025-06-20' } });
    fireEvent.change(screen.getByLabelText('时间（可不填）'), { target: { value: '17:00' } });
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () =>
      expect(await db.deadlines.toArray()).toMatchObject([{ label: '区级FTP报送', date: '2025-06-20', time: '17:00' }]),
    );
  });
});

describe('BackupTab', () => {
  function file(text: string, name = 'backup.json') {
    return new File([text], name, { type: 'application/json' });
  }

  it('refuses a truncated file with a clear message and changes nothing', async () => {
    await seedPeople('王芳');
    const before = await readSnapshot(db);
    const text = await serializeBackup(before);
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '备份与恢复' }));
    await user.upload(await screen.findByLabelText('选择备份文件导入'), file(text.slice(0, text.length - 40)));
    expect(await screen.findByText('文件已损坏或不完整（不是有效的 JSON），未做任何改动。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
    expect(await readSnapshot(db)).toEqual(before);
  });

  it('previews what an import changes, then applies it', async () => {
    await seedPeople('王芳', '李雷');
    const text = await serializeBackup(await readSnapshot(db));
    const wang = (await db.people.where('name').equals('王芳').first())!;
    await db.people.delete(wang.id);
    await seedPeople('新同事');
    const user = renderOptions();
    await user.click(screen.getByRole('tab', { name: '备份与恢复' }));
    await user.upload(await screen.findByLabelText('选择备份文件导入'), file(text));
    const row = await screen.findByRole('row', { name: /人员/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0', '1']);
    await user.click(screen.getByLabelText(/替换/));
    await waitFor(() =>
      expect(within(screen.getByRole('row', { name: /人员/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '1', '1']),
    );
    expect(screen.getByText('人员 · 删除：新同事')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('导入完成')).toBeTruthy();
    expect((await db.people.toArray()).map((p) => p.name).sort()).toEqual(['李雷', '王芳'].sort());
  });

  it('exports a file that parses back', async () => {
    await seedPeople('王芳');
    let saved: { name: string; text: string } | undefined;
    const { BackupTab } = await import('@/entrypoints/options/backup-tab');
    const { OptionsContext } = await import('@/entrypoints/options/store');
    const user = userEvent.setup();
    render(
      <OptionsContext.Provider value={{ db, pack }}>
        <BackupTab download={(name, text) => (saved = { name, text })} />
      </OptionsContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: '导出备份文件' }));
    await waitFor(() => expect(saved).toBeDefined());
    expect(saved!.name).toMatch(/^submit-helper-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(saved!.text).data.people[0].name).toBe('王芳');
  });
});
