// @vitest-environment jsdom
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import {
  detectFields, fieldInfo, planFill, runFill, watchFields, type DetectedField, type FillAction,
} from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';
import { mount, summary, type Mounted } from './mount';
import { draft, PEOPLE, TEAM } from './profile-data';

// Layouts that broke recognition before issue #11, written the way plain government pages and unknown libraries
// write them (no catalogue class names unless the case is about the catalogue). jsdom has no layout, so visibility is
// decided by inline styles and attributes here; test/e2e covers the geometry in Chromium.

const pack = currentPack();
const FAST = { settleMs: 5, timeoutMs: 500 };


let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  document.body.innerHTML = '';
});

describe('layouts', () => {
  it('a 序号 column before 姓名: the row number is not the label, and each row is its own author', () => {
    document.body.innerHTML = `<table>
      <tr><td rowspan="4">作者信息</td><td>序号</td><td>姓名</td><td>手机号码</td></tr>
      <tr><td>1</td><td><input name="a"></td><td><input name="b"></td></tr>
      <tr><td>2</td><td><input name="c"></td><td><input name="d"></td></tr>
      <tr><td>3</td><td><input name="e"></td><td><input name="f"></td></tr></table>`;
    expect(summary(detectFields(document, { pack }))).toEqual([0, 1, 2].flatMap((i) => [
      `姓名 → author[${i}].name`, `手机号码 → author[${i}].mobile`]));
  });

  it('an author table inside a form item labelled 作者信息: the column headers name the cells', () => {
    document.body.innerHTML = `<div class="layui-form-item"><label class="layui-form-label">作者信息</label><div>
      <table><thead><tr><th>序号</th><th>姓名</th><th>工作单位</th></tr></thead><tbody>
      <tr><td>1</td><td><input></td><td><input></td></tr><tr><td>2</td><td><input></td><td><input></td></tr></tbody></table></div></div>`;
    const fields = detectFields(document, { pack });
    expect(summary(fields)).toEqual(['姓名 → author[0].name', '工作单位 → author[0].organization',
      '姓名 → author[1].name', '工作单位 → author[1].organization']);
    expect(fields.every((field) => field.labelSource === 'column-header' && !field.ambiguous)).toBe(true);
  });

  it.each([
    ['an unknown library divider', (rank: string) => `<div class="x-divider" role="separator"><span class="x-divider__t">${rank}</span></div>`],
    ['a bold text row', (rank: string) => `<p><strong>${rank}</strong></p>`],
    ['a bold row across a table', (rank: string) => `<table><tr><td colspan="2"><b>${rank}</b></td></tr></table>`],
  ])('author blocks split by %s each get their own author', (_name, divider) => {
    document.body.innerHTML = ['第一作者', '第二作者', '第三作者'].map((rank) => `${divider(rank)}
      <div class="row"><div class="item"><span>姓名</span><input></div><div class="item"><span>单位名称</span><input></div></div>`).join('');
    expect(summary(detectFields(document, { pack }))).toEqual([0, 1, 2].flatMap((i) => [
      `姓名 → author[${i}].name`, `单位名称 → author[${i}].organization`]));
  });

  it('a label right before one input is its label, not a block heading', () => {
    document.body.innerHTML = '<div><span>联系人</span><input></div><div><span>手机</span><input></div>';
    expect(summary(detectFields(document, { pack }))).toEqual(['联系人 → contact.name', '手机 → author[0].mobile']);
  });

  it('repeated fields nothing tells apart are flagged, and the plan says so instead of writing author 1 twice', () => {
    document.body.innerHTML = '<p>姓名 <input></p><p>手机 <input></p><p>姓名 <input></p><p>手机 <input></p>';
    const fields = detectFields(document, { pack });
    expect(fields.map((field) => [field.role, field.attribute, field.ambiguous])).toEqual([
      ['author[0]', 'name', true], ['author[0]', 'mobile', true], ['author[0]', 'name', true], ['author[0]', 'mobile', true]]);
    const plan = planFill({ people: PEOPLE, team: TEAM, pack }, fields);
    expect(plan.map((action) => action.skip)).toEqual(['ambiguous-role', 'ambiguous-role', 'ambiguous-role', 'ambiguous-role']);
  });

  it('radio options are read from their own text, not from the row header', () => {
    document.body.innerHTML = `<table><tr><td>院校类型</td><td><input type="radio" name="t" value="1">中职学校
      <input type="radio" name="t" value="2">高职院校 <input type="radio" name="t" value="3"><span>本科职业大学</span></td></tr></table>`;
    const [field] = detectFields(document, { pack, category: findCategory(pack, 'zhijiao_shijian') });
    expect(field).toMatchObject({ label: '院校类型', widget: 'radio-group', attribute: 'field:school_type',
      options: ['中职学校', '高职院校', '本科职业大学'] });
  });

  it('a hidden native select behind a drawn widget is one select field with the native options', () => {
    document.body.innerHTML = `<div class="item"><label class="layui-form-label">科目</label><div>
      <select name="s" style="display: none"><option value="">请选择</option><option value="1">语文</option><option value="3">数学</option></select>
      <div class="my-select"><input readonly placeholder="请选择"><dl><dd>语文</dd><dd>数学</dd></dl></div></div></div>`;
    const fields = detectFields(document, { pack, category: findCategory(pack, 'xiaoben') });
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ label: '科目', widget: 'select', options: ['语文', '数学'], current: '' });
    expect(fields[0]!.element).toBe(document.querySelector('.my-select'));
    expect(fields[0]!.control).toBe(document.querySelector('select'));
  });
});

describe('never fill what a person cannot see', () => {
  const TRAPS = `
    <div style="display: none"><label>姓名 <input name="t1"></label></div>
    <div style="visibility: hidden"><label>手机 <input name="t2"></label></div>
    <div style="opacity: 0"><label>工作单位 <input name="t3"></label></div>
    <div aria-hidden="true"><label>电子邮箱 <input name="t4"></label></div>
    <div inert><label>姓名 <input name="t5"></label></div>
    <input name="t6" hidden aria-label="手机">
    <details><summary>更多（点击展开）</summary><label>固定电话 <input name="c1"></label></details>
    <div role="tablist"><button role="tab" aria-controls="p2" aria-selected="false">其他</button></div>
    <div role="tabpanel" id="p2" hidden><label>所在单位 <input name="c2"></label></div>
    <button aria-expanded="false" aria-controls="more">展开</button><div id="more" style="display: none"><label>电子信箱 <input name="c3"></label></div>
    <label>姓名 <input name="real"></label>`;

  it('leaves hidden fields out, lists openable ones as collapsed, and plans to fill only the visible one', () => {
    document.body.innerHTML = TRAPS;
    const fields = detectFields(document, { pack });
    expect(fields.map((field) => [(field.element as HTMLInputElement).name, field.availability])).toEqual([
      ['c1', 'collapsed'], ['c2', 'collapsed'], ['c3', 'collapsed'], ['real', 'visible']]);
    const plan = planFill({ people: PEOPLE, team: TEAM, pack }, fields);
    expect(plan.map((action) => [action.field.label, action.skip])).toEqual([
      ['固定电话', 'collapsed'], ['所在单位', 'collapsed'], ['电子信箱', 'collapsed'], ['姓名', undefined]]);
  });

  it('judges a hidden native radio by the label a person clicks', () => {
    document.body.innerHTML = `<div class="item"><span>学段</span>
      <label><input type="radio" name="s" value="1" style="opacity: 0; width: 0">小学</label>
      <label><input type="radio" name="s" value="2" style="opacity: 0; width: 0">初中</label></div>`;
    const fields = detectFields(document, { pack, category: findCategory(pack, 'jingpin') });
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ widget: 'radio-group', availability: 'visible', options: ['小学', '初中'] });
  });
});

describe('plans are pure over plain data', () => {
  it('plans the same from a JSON copy of the fields as from the live ones', () => {
    document.body.innerHTML = `<form><label>作品名称 <input value="旧名"></label><label>姓名 <input></label>
      <fieldset><legend>学段</legend><label><input type="radio" name="g" checked>小学</label><label><input type="radio" name="g">初中</label></fieldset></form>`;
    const fields = detectFields(document, { pack, category: findCategory(pack, 'jingpin') });
    const data = JSON.parse(JSON.stringify(fields.map(fieldInfo)));
    const input = { people: PEOPLE, team: TEAM, pack, draft: draft({ categoryId: 'jingpin', title: '新名', fields: { stage: '初中' } }) };
    const live = planFill(input, fields, { overwrite: true });
    expect(planFill(input, data, { overwrite: true })).toEqual(live);
    expect(live.map((action) => [action.field.label, action.current, action.value])).toEqual([
      ['作品名称', '旧名', '新名'], ['姓名', '', '王晓燕'], ['学段', '小学', '初中']]);
    expect(JSON.stringify(live)).not.toMatch(/HTML/);
  });
});

describe('runFill reports what the widget shows and undoes single choices', () => {
  it('re-selects the previous radio on undo, and names a radio that was empty before as one it cannot empty', async () => {
    const model = reactive({ a: '', b: 'x2' });
    mounted = await mount({
      setup: () => ({ model }),
      template: `<form>
        <fieldset><legend>学段</legend><label><input type="radio" value="x1" v-model="model.a">小学</label><label><input type="radio" value="x2" v-model="model.a">初中</label></fieldset>
        <fieldset><legend>院校类型</legend><label><input type="radio" value="x1" v-model="model.b">中职学校</label><label><input type="radio" value="x2" v-model="model.b">高职院校</label></fieldset>
      </form>`,
    });
    const fields = detectFields(document, { pack, category: findCategory(pack, 'zhijiao_shijian') });
    const plan: FillAction[] = planFill({ people: PEOPLE, team: TEAM, pack,
      draft: draft({ categoryId: 'zhijiao_shijian', fields: { school_type: '中职学校' } }) }, fields, { overwrite: true })
      .filter((action) => action.field.label === '院校类型');
    const first = fields.find((field) => field.label === '学段')!;
    const actions: FillAction[] = [...plan, { ...plan[0]!, id: first.index, field: fieldInfo(first), attribute: 'field:x', value: '初中', current: '' }];
    const run = await runFill(actions, fields, FAST);
    await nextTick();
    expect(run.results.map((r) => r.status)).toEqual(['done', 'done']);
    expect({ ...model }).toEqual({ a: 'x2', b: 'x1' });
    const undone = await run.undo();
    await nextTick();
    expect(undone).toEqual([
      { id: first.index, status: 'failed', reason: 'cannot-clear', widget: 'radio-group' },
      { id: plan[0]!.id, status: 'done', value: '高职院校' },
    ]);
    expect({ ...model }).toEqual({ a: 'x2', b: 'x2' });
  });

  it('two quick clicks on an Element Plus checkbox group keep both', async () => {
    const form = reactive({ stages: [] as string[] });
    const STAGES = ['第一学段（1-2年级）', '第二学段（3-4年级）', '第三学段（5-6年级）', '第四学段（7-9年级）'];
    mounted = await mount({
      setup: () => ({ form, STAGES }),
      template: `<el-form :model="form"><el-form-item label="学段"><el-checkbox-group v-model="form.stages">
        <el-checkbox v-for="s in STAGES" :key="s" :value="s">{{ s }}</el-checkbox></el-checkbox-group></el-form-item></el-form>`,
    }, ElementPlus);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'xiaoben') });
    const actions = planFill({ people: PEOPLE, team: TEAM, pack,
      draft: draft({ categoryId: 'xiaoben', fields: { stage: '第一学段、第三学段、第四学段' } }) }, fields);
    const run = await runFill(actions, fields, FAST);
    expect(run.results).toEqual([{ id: 0, status: 'done', value: [STAGES[0], STAGES[2], STAGES[3]] }]);
    expect(form.stages).toEqual([STAGES[0], STAGES[2], STAGES[3]]);
    await run.undo();
    expect(form.stages).toEqual([]);
  });
});

describe('watchFields', () => {
  it('re-detects while the page never goes quiet (max wait), not only after quiet time', async () => {
    document.body.innerHTML = '<label>姓名 <input></label><div id="ticker"></div>';
    const seen: number[] = [];
    const started = performance.now();
    const stop = watchFields(document, () => seen.push(performance.now() - started), { debounceMs: 50, maxWaitMs: 120 });
    const ticker = document.getElementById('ticker')!;
    const timer = setInterval(() => ticker.append(document.createElement('span')), 10);
    await new Promise((resolve) => setTimeout(resolve, 600));
    clearInterval(timer);
    stop();
    // The first call is the initial detection; mutations every 10 ms never leave 50 ms of quiet.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[1]!).toBeLessThan(400);
  });
});
