// @vitest-environment jsdom
import Antd from 'ant-design-vue';
import ElementPlus from 'element-plus';
import { act, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import { detectFields, planFill, runFill, type FillAction } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';
import { mount, type Mounted } from './mount';
import { draft, PEOPLE, TEAM } from './profile-data';

const pack = currentPack();
// Short pauses, but a dropdown may take a while to render in jsdom on a loaded machine.
const FAST = { settleMs: 5, timeoutMs: 3000 };

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  document.body.innerHTML = '';
});

function plan(categoryId: string, fields = detectFields(document, { pack, category: findCategory(pack, categoryId) }),
  draftFields: Record<string, string> = {}, overwrite = false): FillAction[] {
  return planFill({ people: PEOPLE, team: TEAM, draft: draft({ categoryId, fields: draftFields }), pack }, fields, { overwrite });
}

describe('runFill on a Vue 3 app (v-model on native controls)', () => {
  it('sets the reactive model and undo puts the old values back', async () => {
    const model = reactive({ name: '旧名字', unit: '', mobile: '', features: '', grade: '', stage: '', kinds: [] as string[] });
    mounted = await mount({
      setup: () => ({ model }),
      template: `<form>
        <label>姓名 <input v-model="model.name"></label>
        <label>工作单位 <input v-model.lazy="model.unit"></label>
        <label>手机 <input v-model="model.mobile" maxlength="11"></label>
        <label>作品特点 <textarea v-model="model.features"></textarea></label>
        <label>年级 <select v-model="model.grade"><option value="">请选择</option><option value="g5">五年级</option><option value="g6">六年级</option></select></label>
        <fieldset><legend>学段</legend><label><input type="radio" value="s1" v-model="model.stage">小学</label><label><input type="radio" value="s2" v-model="model.stage">初中</label></fieldset>
        <button type="submit">提交</button>
      </form>`,
    });
    let submitted = 0;
    document.querySelector('form')!.addEventListener('submit', (event) => {
      submitted++;
      event.preventDefault();
    });
    const actions = plan('jingpin', undefined, { work_features: '以动画演示图形的平移与旋转。' }, true);
    expect(actions.map((a) => [a.field.label, a.role, a.attribute, a.value, a.skip])).toEqual([
      ['姓名', 'author[0]', 'name', '王晓燕', undefined],
      ['工作单位', 'author[0]', 'organization', '北京市海淀区实验小学', undefined],
      ['手机', 'author[0]', 'mobile', '13812345678', undefined],
      ['作品特点', 'work', 'field:work_features', '以动画演示图形的平移与旋转。', undefined],
      ['年级', 'author[0]', 'grade', '五年级', undefined],
      ['学段', 'work', 'field:stage', '小学', undefined],
    ]);
    const run = await runFill(actions, detectFields(document, { pack }), FAST);
    expect(run.results.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    await nextTick();
    expect({ ...model }).toEqual({ name: '王晓燕', unit: '北京市海淀区实验小学', mobile: '13812345678',
      features: '以动画演示图形的平移与旋转。', grade: 'g5', stage: 's1', kinds: [] });
    expect(submitted).toBe(0);

    const undone = await run.undo();
    await nextTick();
    // A radio cannot be un-chosen by clicking; undo says so instead of pretending.
    expect(undone.map((r) => r.status)).toEqual(['failed', 'done', 'done', 'done', 'done', 'done']);
    expect({ ...model }).toEqual({ name: '旧名字', unit: '', mobile: '', features: '', grade: '', stage: 's1', kinds: [] });
    expect(await run.undo()).toEqual([]);
  });

  it('reports a field the site re-rendered away as detached', async () => {
    const model = reactive({ name: '' });
    mounted = await mount({ setup: () => ({ model }), template: '<label>姓名 <input v-model="model.name"></label>' });
    const actions = plan('jingpin');
    mounted.host.innerHTML = '';
    const run = await runFill(actions, detectFields(document, { pack }), FAST);
    expect(run.results).toEqual([{ id: 0, status: 'failed', reason: 'detached' }]);
  });
});

describe('runFill on Element Plus widgets', () => {
  it('fills el-input, el-select (filterable and multiple), el-checkbox-group and el-date-picker; undo empties them', async () => {
    const form = reactive({ theme: '', subject: null as number | null, grades: [] as number[], stages: [] as string[],
      group: '', date: '', name: '' });
    mounted = await mount({
      setup: () => ({ form,
        subjects: ['道德与法治', '语文', '数学', '外语'].map((label, i) => ({ label, value: i + 1 })),
        grades: [1, 2, 3, 4, 5, 6].map((n) => ({ label: `${n}年级`, value: n })),
      }),
      template: `<el-form :model="form" label-width="100px">
        <el-form-item label="研修主题"><el-input v-model="form.theme" /></el-form-item>
        <el-form-item label="姓名"><el-input v-model="form.name" /></el-form-item>
        <el-form-item label="科目"><el-select v-model="form.subject" filterable><el-option v-for="s in subjects" :key="s.value" :label="s.label" :value="s.value" /></el-select></el-form-item>
        <el-form-item label="年级"><el-select v-model="form.grades" multiple><el-option v-for="g in grades" :key="g.value" :label="g.label" :value="g.value" /></el-select></el-form-item>
        <el-form-item label="学段"><el-checkbox-group v-model="form.stages">
          <el-checkbox value="第一学段（1-2年级）">第一学段（1-2年级）</el-checkbox><el-checkbox value="第三学段（5-6年级）">第三学段（5-6年级）</el-checkbox>
        </el-checkbox-group></el-form-item>
        <el-form-item label="完成时间"><el-date-picker v-model="form.date" type="date" value-format="YYYY-MM-DD" /></el-form-item>
      </el-form>`,
    }, ElementPlus);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'xiaoben') });
    const actions = planFill({ people: PEOPLE, team: TEAM, pack,
      draft: draft({ categoryId: 'xiaoben', title: '图形的运动重难点教学探究',
        fields: { subject: '数学', grade: '5年级、6年级', stage: '第三学段' } }) }, fields);
    const run = await runFill(actions, detectFields(document, { pack }), FAST);
    expect(run.results.map((r) => [actions.find((a) => a.id === r.id)!.field.label, r.status])).toEqual([
      ['研修主题', 'done'], ['姓名', 'done'], ['科目', 'done'], ['年级', 'done'], ['学段', 'done'],
    ]);
    expect({ ...form }).toMatchObject({ theme: '图形的运动重难点教学探究', name: '王晓燕', subject: 3, grades: [5, 6],
      stages: ['第三学段（5-6年级）'] });

    const date = fields.find((field) => field.label === '完成时间')!;
    const dateRun = await runFill([{ ...actions[0]!, id: date.index, field: date, attribute: 'field:x', value: '2025-09-16',
      current: "" }], fields, FAST);
    expect(dateRun.results[0]).toMatchObject({ status: 'done' });
    expect(form.date).toBe('2025-09-16');

    await run.undo();
    await nextTick();
    expect({ ...form }).toMatchObject({ theme: '', name: '', grades: [], stages: [] });
  });
});

describe('runFill on Ant Design Vue widgets', () => {
  it('fills a-input, a searchable a-select with a long list, a plain a-select and a-radio-group', async () => {
    const majors = Array.from({ length: 120 }, (_, i) => `专业${String(i).padStart(3, '0')}`).concat('计算机应用');
    const form = reactive({ name: '', major: undefined as string | undefined, field: undefined as string | undefined,
      type: '', scenes: [] as string[] });
    mounted = await mount({
      setup: () => ({ form, majors: majors.map((m) => ({ label: m, value: m })),
        fields: ['语文', '数学', '英语'].map((m) => ({ label: m, value: m })) }),
      template: `<a-form :model="form">
        <a-form-item label="联系人"><a-input v-model:value="form.name" /></a-form-item>
        <a-form-item label="所属专业"><a-select v-model:value="form.major" show-search :options="majors" option-filter-prop="label" /></a-form-item>
        <a-form-item label="学科"><a-select v-model:value="form.field" :options="fields" /></a-form-item>
        <a-form-item label="院校类型"><a-radio-group v-model:value="form.type"><a-radio value="中职学校">中职学校</a-radio><a-radio value="高职院校">高职院校</a-radio></a-radio-group></a-form-item>
      </a-form>`,
    }, Antd);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'zhijiao_shijian') });
    const actions = planFill({ people: PEOPLE, team: TEAM, pack,
      draft: draft({ categoryId: 'zhijiao_shijian', fields: { school_type: '高职院校' } }) }, fields);
    expect(actions.map((a) => [a.field.label, a.role, a.attribute, a.value])).toEqual([
      ['联系人', 'contact', 'name', '张老师'],
      ['所属专业', 'work', 'field:major', '计算机应用'],
      ['学科', 'author[0]', 'subject', '数学'],
      ['院校类型', 'work', 'field:school_type', '高职院校'],
    ]);
    const run = await runFill(actions, fields, FAST);
    expect(run.results.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
    expect({ ...form }).toMatchObject({ name: '张老师', major: '计算机应用', field: '数学', type: '高职院校' });
    await run.undo();
    expect(form.name).toBe('');
  });
});

describe('runFill on a React 19 controlled input', () => {
  it('updates React state through the native value setter', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const seen: string[] = [];
    function Form() {
      const [name, setName] = useState('');
      const [mobile, setMobile] = useState('');
      seen.push(name);
      return createElement('form', null,
        createElement('label', null, '姓名', createElement('input', { value: name, onChange: (e: { target: { value: string } }) => setName(e.target.value) })),
        createElement('label', null, '手机号', createElement('input', { value: mobile, onChange: (e: { target: { value: string } }) => setMobile(e.target.value) })),
        createElement('output', { id: 'state' }, `${name}|${mobile}`));
    }
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const root = createRoot(host);
    await act(async () => root.render(createElement(Form)));
    const actions = plan('jingpin');
    let run: Awaited<ReturnType<typeof runFill>> | undefined;
    await act(async () => {
      run = await runFill(actions, detectFields(document, { pack }), FAST);
    });
    expect(run!.results.map((r) => r.status)).toEqual(['done', 'done']);
    expect(document.getElementById('state')!.textContent).toBe('王晓燕|13812345678');
    expect(seen).toContain('王晓燕');
    await act(async () => {
      await run!.undo();
    });
    expect(document.getElementById('state')!.textContent).toBe('|');
    await act(async () => root.unmount());
  });
});

describe('runFill undo on an Element UI el-cascader', () => {
  it('hovers the widget root, where Element UI shows the clear icon, and empties it', async () => {
    // Element UI 2.15 renders the clear icon only while its root has `inputHover`, set by a mouseenter listener on the
    // root itself; mouseenter does not bubble, so hovering the inner .el-input alone never shows it (seen in Chromium).
    document.body.innerHTML = `<form class="el-form"><div class="el-form-item"><label class="el-form-item__label">所属专业</label>
      <div class="el-form-item__content"><div class="el-cascader"><div class="el-input el-input--suffix">
      <input class="el-input__inner" readonly value="装备制造大类 / 数控技术"><span class="el-input__suffix"></span></div></div></div></div></form>`;
    const root = document.querySelector('.el-cascader')!;
    const input = root.querySelector('input')!;
    root.addEventListener('mouseenter', () => {
      const icon = document.createElement('i');
      icon.className = 'el-input__icon el-icon-circle-close';
      icon.addEventListener('click', () => {
        input.value = '';
      });
      root.querySelector('.el-input__suffix')!.append(icon);
    });
    const field = detectFields(document, { pack }).find((f) => f.label === '所属专业')!;
    expect(field.widget).toBe('cascader');
    const action: FillAction = {
      id: field.index, field, role: 'work', attribute: 'field:major', value: '', current: input.value,
      reason: { label: field.label, labelSource: field.labelSource, roleSource: 'default' },
    };
    const run = await runFill([action], detectFields(document, { pack }), FAST);
    expect(run.results).toEqual([{ id: field.index, status: 'done', value: '' }]);
    expect(input.value).toBe('');
  });
});
