// @vitest-environment jsdom
import Antd from 'ant-design-vue';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { detectFields, type DetectedField } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';
import { mount, summary, type Mounted } from './mount';

const pack = currentPack();
const ORDINALS = ['第一作者', '第二作者', '第三作者'];


let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  document.body.innerHTML = '';
});

describe('detectFields on Element Plus (rendered by element-plus)', () => {
  it('附件1: author table rows, then a 联系信息 block, then work fields', async () => {
    mounted = await mount({
      setup: () => ({
        ORDINALS,
        form: reactive({
          title: '', subject: '', grade: '', sizeMb: '', group: '', kinds: [], stage: '',
          authors: ORDINALS.map(() => ({ name: '', unit: '' })),
          contact: { name: '', mobile: '', phone: '', email: '' }, features: '',
        }),
      }),
      template: `
        <el-form :model="form" label-width="180px">
          <el-form-item label="作品名称" prop="title"><el-input v-model="form.title" maxlength="60" /></el-form-item>
          <el-form-item label="学科" prop="subject">
            <el-select v-model="form.subject" filterable><el-option label="语文" value="语文" /></el-select>
          </el-form-item>
          <el-form-item label="年级" prop="grade"><el-input v-model="form.grade" placeholder="如：七年级" /></el-form-item>
          <el-form-item label="作品大小" prop="sizeMb"><el-input v-model="form.sizeMb"><template #append>MB</template></el-input></el-form-item>
          <el-form-item label="组别" prop="group">
            <el-radio-group v-model="form.group"><el-radio value="基础教育组">基础教育组</el-radio><el-radio value="中职教育组">中职教育组</el-radio></el-radio-group>
          </el-form-item>
          <el-form-item label="作品类型" prop="kinds">
            <el-checkbox-group v-model="form.kinds"><el-checkbox value="课件">课件</el-checkbox><el-checkbox value="动画">动画</el-checkbox></el-checkbox-group>
          </el-form-item>
          <el-form-item label="学段" prop="stage">
            <el-select v-model="form.stage"><el-option label="小学" value="小学" /><el-option label="初中" value="初中" /></el-select>
          </el-form-item>
          <h3 class="block-title">作者信息</h3>
          <el-table :data="form.authors" border>
            <el-table-column label="作者" width="110"><template #default="{ $index }">{{ ORDINALS[$index] }}</template></el-table-column>
            <el-table-column label="姓名"><template #default="{ row, $index }">
              <el-form-item :prop="'authors.' + $index + '.name'" label-width="0"><el-input v-model="row.name" /></el-form-item>
            </template></el-table-column>
            <el-table-column label="所在单位（按单位公章填写）"><template #default="{ row, $index }">
              <el-form-item :prop="'authors.' + $index + '.unit'" label-width="0"><el-input v-model="row.unit" /></el-form-item>
            </template></el-table-column>
          </el-table>
          <h3 class="block-title">联系信息</h3>
          <el-row>
            <el-col :span="12"><el-form-item label="姓名"><el-input v-model="form.contact.name" /></el-form-item></el-col>
            <el-col :span="12"><el-form-item label="手机"><el-input v-model="form.contact.mobile" maxlength="11" /></el-form-item></el-col>
            <el-col :span="12"><el-form-item label="固定电话"><el-input v-model="form.contact.phone" /></el-form-item></el-col>
            <el-col :span="12"><el-form-item label="电子邮箱"><el-input v-model="form.contact.email" /></el-form-item></el-col>
          </el-row>
          <el-form-item label="作品特点"><el-input v-model="form.features" type="textarea" maxlength="300" show-word-limit /></el-form-item>
        </el-form>`,
    }, ElementPlus);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'jingpin') });
    expect(summary(fields)).toEqual([
      '作品名称 → work.field:work_name',
      '学科 → author[0].subject',
      '年级 → author[0].grade',
      '作品大小 → work.field:work_size',
      // The pack lists 组别 as an alias of 学段; with a real 学段 on the page the alias gives way.
      '学段 → work.field:stage',
      '姓名 → author[0].name',
      '所在单位（按单位公章填写） → author[0].organization',
      '姓名 → author[1].name',
      '所在单位（按单位公章填写） → author[1].organization',
      '姓名 → author[2].name',
      '所在单位（按单位公章填写） → author[2].organization',
      '姓名 → contact.name',
      '手机 → contact.mobile',
      '固定电话 → contact.landline',
      '电子邮箱 → contact.email',
      '作品特点 → work.field:work_features',
    ]);
    const byLabel = (label: string) => fields.find((field) => field.label === label)!;
    expect(byLabel('学科')).toMatchObject({ library: 'element', widget: 'select' });
    expect(byLabel('组别')).toMatchObject({ widget: 'radio-group', options: ['基础教育组', '中职教育组'] });
    expect(byLabel('作品类型')).toMatchObject({ widget: 'checkbox-group', multiple: true, options: ['课件', '动画'] });
    expect(byLabel('作品名称')).toMatchObject({ widget: 'text', maxLength: 60, labelSource: 'label-for' });
    expect(byLabel('作品特点')).toMatchObject({ widget: 'textarea', maxLength: 300 });
    const authorRow = fields.filter((field) => field.role === 'author[1]');
    expect(authorRow.map((field) => [field.labelSource, field.roleSource, field.roleContext])).toEqual([
      ['column-header', 'row', '第二作者'],
      ['column-header', 'row', '第二作者'],
    ]);
  });

  it('附件5: three identical author blocks under dividers, date picker and multiple select', async () => {
    mounted = await mount({
      setup: () => ({
        ORDINALS,
        form: reactive({ theme: '', authors: ORDINALS.map(() => ({ name: '', unit: '', title: '', mobile: '' })),
          subject: null, grades: [], finished: '' }),
      }),
      template: `
        <el-form :model="form" label-width="120px">
          <el-form-item label="研修主题"><el-input v-model="form.theme" /></el-form-item>
          <template v-for="(author, i) in form.authors" :key="i">
            <el-divider content-position="left">{{ ORDINALS[i] }}</el-divider>
            <el-row>
              <el-col :span="6"><el-form-item label="姓名"><el-input v-model="author.name" /></el-form-item></el-col>
              <el-col :span="6"><el-form-item label="工作单位"><el-input v-model="author.unit" /></el-form-item></el-col>
              <el-col :span="6"><el-form-item label="职称/职务"><el-input v-model="author.title" /></el-form-item></el-col>
              <el-col :span="6"><el-form-item label="手机"><el-input v-model="author.mobile" /></el-form-item></el-col>
            </el-row>
          </template>
          <el-divider />
          <el-form-item label="科目"><el-select v-model="form.subject"><el-option label="数学" :value="3" /></el-select></el-form-item>
          <el-form-item label="年级"><el-select v-model="form.grades" multiple><el-option label="1年级" :value="1" /></el-select></el-form-item>
          <el-form-item label="完成时间"><el-date-picker v-model="form.finished" type="date" value-format="YYYY-MM-DD" /></el-form-item>
        </el-form>`,
    }, ElementPlus);
    const fields = detectFields(document.body, { pack, category: findCategory(pack, 'xiaoben') });
    expect(summary(fields)).toEqual([
      '研修主题 → work.field:topic',
      ...[0, 1, 2].flatMap((i) => [
        `姓名 → author[${i}].name`, `工作单位 → author[${i}].organization`,
        `职称/职务 → author[${i}].title`, `手机 → author[${i}].mobile`,
      ]),
      '科目 → work.field:subject',
      '年级 → work.field:grade',
    ]);
    expect(fields.filter((field) => field.role === 'author[2]').every((f) => f.roleSource === 'heading')).toBe(true);
    expect(fields.find((field) => field.label === '完成时间')).toMatchObject({ widget: 'date', library: 'element' });
  });
});

describe('detectFields on Ant Design Vue (rendered by ant-design-vue)', () => {
  it('附件13: 联系人 and 主管领导 are two people with the same 职务/手机/邮箱 labels', async () => {
    mounted = await mount({
      setup: () => ({
        form: reactive({ unit: '', contact: { name: '', post: '', mobile: '', email: '' },
          leader: { name: '', post: '', mobile: '', email: '' }, caseName: '', summary: '', schoolType: '', filledOn: '' }),
      }),
      template: `
        <a-form :model="form" :label-col="{ style: { width: '120px' } }" name="declare">
          <a-form-item label="申报单位" name="unit"><a-input v-model:value="form.unit" /></a-form-item>
          <div class="section-title">联系人信息</div>
          <a-row :gutter="24">
            <a-col :span="12"><a-form-item label="联系人" :name="['contact', 'name']"><a-input v-model:value="form.contact.name" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="职  务" :name="['contact', 'post']"><a-input v-model:value="form.contact.post" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="手  机" :name="['contact', 'mobile']"><a-input v-model:value="form.contact.mobile" :maxlength="11" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="邮  箱" :name="['contact', 'email']"><a-input v-model:value="form.contact.email" /></a-form-item></a-col>
          </a-row>
          <div class="section-title">主管领导信息</div>
          <a-row :gutter="24">
            <a-col :span="12"><a-form-item label="主管领导" :name="['leader', 'name']"><a-input v-model:value="form.leader.name" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="职  务" :name="['leader', 'post']"><a-input v-model:value="form.leader.post" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="手  机" :name="['leader', 'mobile']"><a-input v-model:value="form.leader.mobile" :maxlength="11" /></a-form-item></a-col>
            <a-col :span="12"><a-form-item label="邮  箱" :name="['leader', 'email']"><a-input v-model:value="form.leader.email" /></a-form-item></a-col>
          </a-row>
          <div class="section-title">案例信息</div>
          <a-form-item label="案例名称" name="caseName"><a-input v-model:value="form.caseName" /></a-form-item>
          <a-form-item label="院校类型" name="schoolType">
            <a-radio-group v-model:value="form.schoolType"><a-radio value="中职学校">中职学校</a-radio><a-radio value="高职院校">高职院校</a-radio></a-radio-group>
          </a-form-item>
          <a-form-item label="填表日期" name="filledOn"><a-date-picker v-model:value="form.filledOn" value-format="YYYY-MM-DD" /></a-form-item>
          <a-form-item label="案例概要" name="summary"><a-textarea v-model:value="form.summary" show-count :maxlength="1000" /></a-form-item>
        </a-form>`,
    }, Antd);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'zhijiao_shuzihua') });
    expect(summary(fields)).toEqual([
      '申报单位 → work.field:applicant_unit',
      '联系人 → contact.name',
      '职 务 → contact.title',
      '手 机 → contact.mobile',
      '邮 箱 → contact.email',
      '主管领导 → leader.name',
      '职 务 → leader.title',
      '手 机 → leader.mobile',
      '邮 箱 → leader.email',
      '案例名称 → work.field:case_name',
      '院校类型 → work.field:school_type',
      '案例概要 → work.field:case_summary',
    ]);
    const byLabel = (label: string) => fields.find((field) => field.label === label)!;
    expect(byLabel('院校类型')).toMatchObject({ library: 'antd', widget: 'radio-group', options: ['中职学校', '高职院校'] });
    expect(byLabel('填表日期')).toMatchObject({ library: 'antd', widget: 'date' });
    expect(byLabel('案例概要')).toMatchObject({ widget: 'textarea', maxLength: 1000 });
    expect(fields.find((field) => field.role === 'leader')?.roleContext).toBe('主管领导');
    expect(fields.filter((field) => field.role === 'leader' && field.attribute !== 'name')
      .every((field) => field.roleSource === 'heading' && field.roleContext === '主管领导信息')).toBe(true);
  });

  it('附件8: author table inside a form item, rank from the 排序 column', async () => {
    mounted = await mount({
      setup: () => ({
        ORDINALS,
        form: reactive({ theme: '', authors: ORDINALS.map(() => ({ name: '', unit: '', title: '', mobile: '' })), field: undefined }),
        columns: [
          { title: '排序', key: 'order' }, { title: '姓名', key: 'name' }, { title: '工作单位', key: 'unit' },
          { title: '职称/职务', key: 'title' }, { title: '手机', key: 'mobile' },
        ],
        options: [{ label: '语文', value: '语文' }, { label: '数学', value: '数学' }],
      }),
      template: `
        <a-form :model="form" layout="vertical" name="studio">
          <a-form-item label="研修主题" name="theme"><a-input v-model:value="form.theme" /></a-form-item>
          <a-form-item label="作者信息（排序填写，最多3人）">
            <a-table :columns="columns" :data-source="form.authors" :pagination="false" :row-key="(_r, i) => i">
              <template #bodyCell="{ column, record, index }">
                <template v-if="column.key === 'order'">{{ ORDINALS[index] }}</template>
                <a-form-item v-else :name="['authors', index, column.key]"><a-input v-model:value="record[column.key]" /></a-form-item>
              </template>
            </a-table>
          </a-form-item>
          <a-form-item label="研修学科领域" name="field"><a-select v-model:value="form.field" :options="options" /></a-form-item>
        </a-form>`,
    }, Antd);
    const fields = detectFields(document, { pack, category: findCategory(pack, 'mingshi') });
    expect(summary(fields)).toEqual([
      '研修主题 → work.field:topic',
      ...[0, 1, 2].flatMap((i) => [
        `姓名 → author[${i}].name`, `工作单位 → author[${i}].organization`,
        `职称/职务 → author[${i}].title`, `手机 → author[${i}].mobile`,
      ]),
      '研修学科领域 → work.field:subject_area',
    ]);
    expect(fields.find((field) => field.label === '研修学科领域')).toMatchObject({ widget: 'select', library: 'antd' });
  });
});

/** Element UI 2 renders el-form-item as below; its label's `for` is the item's prop, which names no element. */
const euiItem = (label: string, prop: string, inner = '<div class="el-input el-input--small"><input type="text" autocomplete="off" class="el-input__inner"></div>') =>
  `<div class="el-form-item el-form-item--small">${label ? `<label for="${prop}" class="el-form-item__label">${label}</label>` : ''}`
  + `<div class="el-form-item__content">${inner}</div></div>`;

describe('detectFields on Element UI markup (Vue 2 cannot run beside Vue 3 here; structure copied from element-ui 2)', () => {
  it('附件11 as a printed table: rowspan group header, row titles, a contact section row', () => {
    const authorRows = ORDINALS.map((ordinal, i) => `<tr title="${ordinal}">`
      + `<td>${euiItem('', `authors.${i}.name`)}</td><td>${euiItem('', `authors.${i}.mobile`)}</td>`
      + `<td>${euiItem('', `authors.${i}.unit`)}</td></tr>`).join('');
    document.body.innerHTML = `<form class="el-form"><table class="reg-table"><tbody>
      <tr><th>作品名称</th><td colspan="3">${euiItem('', 'title')}</td></tr>
      <tr><th>所属专业</th><td>${euiItem('', 'major', '<div class="el-cascader el-cascader--small"><div class="el-input el-input--suffix"><input type="text" readonly="readonly" class="el-input__inner" placeholder="请选择"></div></div>')}</td>
          <th>作品大小</th><td>${euiItem('', 'sizeMb', '<div class="el-input-number is-without-controls"><div class="el-input"><input type="text" class="el-input__inner"></div></div>')}</td></tr>
      <tr><th>学校类型</th><td colspan="3">${euiItem('', 'schoolType', '<div role="radiogroup" class="el-radio-group"><label role="radio" class="el-radio"><span class="el-radio__input"><input type="radio" class="el-radio__original" value="中职学校"></span><span class="el-radio__label">中职学校</span></label><label role="radio" class="el-radio"><span class="el-radio__input"><input type="radio" class="el-radio__original" value="高职院校"></span><span class="el-radio__label">高职院校</span></label></div>')}</td></tr>
      <tr><th rowspan="4">作者信息</th><th>作者姓名</th><th>手机号</th><th>工作单位</th></tr>
      ${authorRows}
      <tr><td colspan="4" class="section">联系人信息</td></tr>
      <tr><th>联系人</th><td>${euiItem('', 'contact.name')}</td><th>联系电话</th><td>${euiItem('', 'contact.mobile')}</td></tr>
      <tr><th>固定电话</th><td>${euiItem('', 'contact.phone')}</td><th>邮箱</th><td>${euiItem('', 'contact.email')}</td></tr>
      <tr><th>作品特点</th><td colspan="3">${euiItem('', 'intro', '<div class="el-textarea"><textarea class="el-textarea__inner" maxlength="300"></textarea></div>')}</td></tr>
    </tbody></table></form>`;
    const fields = detectFields(document, { pack, category: findCategory(pack, 'zhijiao_shijian') });
    expect(summary(fields)).toEqual([
      '作品名称 → work.field:work_name',
      '所属专业 → work.field:major',
      '作品大小 → work.field:work_size',
      '学校类型 → work.field:school_type',
      ...[0, 1, 2].flatMap((i) => [
        `作者姓名 → author[${i}].name`, `手机号 → author[${i}].mobile`, `工作单位 → author[${i}].organization`,
      ]),
      '联系人 → contact.name',
      '联系电话 → contact.mobile',
      '固定电话 → contact.landline',
      '邮箱 → contact.email',
      '作品特点 → work.field:work_features',
    ]);
    expect(fields.find((field) => field.label === '所属专业')).toMatchObject({ widget: 'cascader', library: 'element' });
    expect(fields.find((field) => field.label === '作品大小')).toMatchObject({ widget: 'number' });
  });

  it('附件2: fieldset per author, label-for pointing nowhere, repeated contact block', () => {
    document.body.innerHTML = `<form class="el-form el-form--label-top">
      ${euiItem('作品名称', 'title')}
      ${ORDINALS.map((ordinal, i) => `<fieldset class="author-block"><legend>${ordinal}</legend>
        <div class="el-row">${euiItem('作者姓名', `authors.${i}.name`)}${euiItem('单位名称', `authors.${i}.unit`)}</div></fieldset>`).join('')}
      <div class="upload-title">联系信息</div>
      ${euiItem('姓名', 'contact.name')}${euiItem('手机', 'contact.mobile')}${euiItem('固定电话', 'contact.phone')}${euiItem('E-mail', 'contact.email')}
      ${euiItem('教学环境设施建设情况', 'environment', '<div class="el-textarea"><textarea class="el-textarea__inner"></textarea></div>')}
    </form>`;
    const fields = detectFields(document, { pack, category: findCategory(pack, 'xinxihua') });
    expect(summary(fields)).toEqual([
      '作品名称 → work.field:work_name',
      ...[0, 1, 2].flatMap((i) => [`作者姓名 → author[${i}].name`, `单位名称 → author[${i}].organization`]),
      '姓名 → contact.name',
      '手机 → contact.mobile',
      '固定电话 → contact.landline',
      'E-mail → contact.email',
      '教学环境设施建设情况 → work.field:environment',
    ]);
    expect(fields[1]).toMatchObject({ labelSource: 'form-item', roleSource: 'group', roleContext: '第一作者' });
  });

  it('numbers identical author blocks with no rank by repetition, in document order', () => {
    document.body.innerHTML = `<h3>作者信息</h3>
      ${[0, 1, 2].map(() => `<div class="row">${euiItem('姓名', 'n')}${euiItem('单位', 'u')}</div>`).join('')}
      <h3>联系人</h3>${euiItem('姓名', 'cn')}${euiItem('联系电话', 'cm')}`;
    expect(summary(detectFields(document))).toEqual([
      '姓名 → author[0].name', '单位 → author[0].organization',
      '姓名 → author[1].name', '单位 → author[1].organization',
      '姓名 → author[2].name', '单位 → author[2].organization',
      '姓名 → contact.name', '联系电话 → contact.mobile',
    ]);
  });
});

describe('detectFields on plain HTML', () => {
  it('groups native radios by name, skips hidden/submit/file inputs, reads readonly and disabled', () => {
    document.body.innerHTML = `<form>
      <label for="n">姓名</label><input id="n" name="n" readonly>
      <label>手机 <input name="m" disabled></label>
      <fieldset><legend>学段</legend>
        <label><input type="radio" name="s" value="1">小学</label><label><input type="radio" name="s" value="2">初中</label></fieldset>
      <select name="g" aria-label="年级"><option value="">请选择</option><option>七年级</option><option>八年级</option></select>
      <input type="hidden" name="token"><input type="file" name="f"><button type="submit">提交</button><input type="submit">
    </form>`;
    const fields = detectFields(document);
    expect(fields.map((field) => [field.label, field.widget, field.readonly, field.disabled])).toEqual([
      ['姓名', 'text', true, false],
      ['手机', 'text', false, true],
      ['学段', 'radio-group', false, false],
      ['年级', 'select', false, false],
    ]);
    expect(fields[2]!.options).toEqual(['小学', '初中']);
    expect(fields[3]!.options).toEqual(['七年级', '八年级']);
  });

  it('ignores the extension’s own panel and inputs inside dropdown poppers', () => {
    document.body.innerHTML = `<div data-submit-helper><input aria-label="姓名"></div>
      <div class="el-select-dropdown el-popper"><input aria-label="搜索"></div><input aria-label="邮箱">`;
    expect(detectFields(document, { ignore: '[data-submit-helper]' }).map((field) => field.label)).toEqual(['邮箱']);
  });

  it('imports and runs without a DOM of its own', () => {
    expect(detectFields(document.createElement('div'))).toEqual([]);
  });
});
