// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findUploads, uploadRootOf } from '@/lib/guard';

// Markup as Element UI 2.15, Element Plus 2.14 and Ant Design Vue 4 render it on the fixture pages (copied from
// Chromium, icons left out).
const ELEMENT_UI = `
<div class="el-form-item is-required"><label class="el-form-item__label">教学视频</label><div class="el-form-item__content">
  <div><div tabindex="0" class="el-upload el-upload--text"><button type="button" class="el-button"><span>点击上传</span></button>
  <input type="file" name="file" accept=".mp4" class="el-upload__input"></div>
  <div class="el-upload__tip">限1个，MP4格式，时长15-25分钟</div>
  <ul class="el-upload-list el-upload-list--text"><li class="el-upload-list__item is-ready"><a class="el-upload-list__item-name"><i class="el-icon-document"></i>课堂实录.mp4</a><label class="el-upload-list__item-status-label"></label><i class="el-icon-close"></i></li></ul></div>
</div></div>`;
const ELEMENT_PLUS = `
<div class="el-form-item is-required" role="group" aria-labelledby="el-id-1-47"><div id="el-id-1-47" class="el-form-item__label">作品登记表</div><div class="el-form-item__content">
  <div><div class="el-upload el-upload--text" tabindex="0" role="button"><button type="button" class="el-button"><span>选择文件</span></button><input class="el-upload__input" name="file" accept=".pdf" type="file"></div>
  <div class="el-upload__tip">请上传作者签字后的扫描件，PDF格式</div><ul class="el-upload-list el-upload-list--text"></ul></div>
</div></div>
<div class="el-form-item"><div class="el-form-item__label">作品</div><div class="el-form-item__content">
  <div><div class="el-upload el-upload--text"><div class="el-upload-dragger"><em>拖到此处</em></div><input class="el-upload__input" type="file" multiple></div>
  <ul class="el-upload-list"><li class="el-upload-list__item"><div class="el-upload-list__item-info"><a class="el-upload-list__item-name"><span class="el-upload-list__item-file-name">a.pptx</span></a></div></li></ul></div>
</div></div>`;
const ANTDV = `
<div class="ant-form-item"><div class="ant-row ant-form-item-row"><div class="ant-col ant-form-item-label"><label class="ant-form-item-required" title="案例申报表">案例申报表</label></div>
<div class="ant-col ant-form-item-control"><div class="ant-form-item-control-input"><div class="ant-form-item-control-input-content">
  <span class="ant-upload-wrapper"><div class="ant-upload ant-upload-select"><span tabindex="0" class="ant-upload" role="button"><input type="file" accept=".pdf" style="display: none;"><button class="ant-btn" type="button"><span>选择文件</span></button></span></div><div class="ant-upload-list ant-upload-list-text"></div></span>
  <div class="upload-hint">在线填写后打印盖章，扫描为PDF上传</div>
</div></div></div></div></div>`;
const NATIVE = `
<table><tr><th>教学视频</th><td><input type="file" id="v"></td></tr><tr><th>教学视频</th><td><span><input type="file" id="w"></span></td></tr></table>`;

describe('findUploads', () => {
  it('reads Element UI’s upload: label, tip, listed file', () => {
    document.body.innerHTML = ELEMENT_UI;
    const [upload] = findUploads(document);
    expect(upload).toMatchObject({ label: '教学视频', hint: '限1个，MP4格式，时长15-25分钟', listed: ['课堂实录.mp4'], key: '教学视频#0', multiple: false });
    expect(upload!.trigger).toBe(document.querySelector('.el-upload'));
    expect(upload!.root).toBe(document.querySelector('.el-upload')!.parentElement);
  });

  it('reads Element Plus uploads, a drag area included', () => {
    document.body.innerHTML = ELEMENT_PLUS;
    const uploads = findUploads(document);
    expect(uploads.map((u) => [u.label, u.listed, u.multiple])).toEqual([['作品登记表', [], false], ['作品', ['a.pptx'], true]]);
    expect(uploads[1]!.trigger).toBe(document.querySelector('.el-upload-dragger'));
  });

  it('reads Ant Design Vue’s hidden input and the hint beside the component', () => {
    document.body.innerHTML = ANTDV;
    const [upload] = findUploads(document);
    expect(upload).toMatchObject({ label: '案例申报表', hint: '在线填写后打印盖章，扫描为PDF上传', listed: [] });
    expect(upload!.root).toBe(document.querySelector('.ant-upload-wrapper'));
  });

  it('numbers uploads that share a label, and skips the extension’s own UI', () => {
    document.body.innerHTML = `${NATIVE}<submit-helper-guard><input type="file"></submit-helper-guard>`;
    expect(findUploads(document, 'submit-helper-guard').map((u) => u.key)).toEqual(['教学视频#0', '教学视频#1']);
  });
});

describe('findUploads on plain government pages (no library, no <label>)', () => {
  it('names a file input by its table row, and reads the row’s other cells as its tip', () => {
    document.body.innerHTML = `<table><tr><th>序号</th><th>材料名称</th><th>选择文件</th><th>要求</th></tr>
      <tr><td>1</td><td>作品登记表（签字盖章扫描件）</td><td><input type="file" name="a" accept=".pdf"></td><td>PDF格式</td></tr>
      <tr><td>2</td><td>教学视频</td><td><input type="file" name="b" accept=".MP4"></td><td>限1个，MP4格式</td></tr></table>`;
    expect(findUploads(document).map((u) => [u.label, u.hint, u.accept, u.key])).toEqual([
      ['作品登记表（签字盖章扫描件）', 'PDF格式', '.pdf', '作品登记表（签字盖章扫描件）#0'],
      ['教学视频', '限1个，MP4格式', '.mp4', '教学视频#0'],
    ]);
  });

  it('names one by the text before it, and one with no name by the tip after it', () => {
    document.body.innerHTML = `<form><p>案例主体内容：<input type="file" accept=".doc,.docx"> <span class="note">Word格式</span></p>
      <p><input type="file" accept=".jpg" multiple> <span class="note">图片图例，JPG格式</span></p></form>`;
    expect(findUploads(document).map((u) => [u.label, u.hint, u.multiple])).toEqual([
      ['案例主体内容：', 'Word格式', false], ['', '图片图例，JPG格式', true]]);
  });
});

describe('uploadRootOf', () => {
  it('maps the input, the button and a drop on the dragger to the same component', () => {
    document.body.innerHTML = ELEMENT_PLUS;
    const root = uploadRootOf(document.querySelectorAll('input[type=file]')[1]!);
    expect(uploadRootOf(document.querySelector('.el-upload-dragger em')!)).toBe(root);
    expect(root).toBe(document.querySelectorAll('.el-upload')[1]!.parentElement);
  });

  it('finds the one input near a custom drop area, and gives up between two', () => {
    document.body.innerHTML = '<div id="a"><div class="drop"><p>拖到这里</p></div><input type="file"></div><div id="b"><p id="p">x</p><input type="file"><input type="file"></div>';
    expect(uploadRootOf(document.querySelector('.drop p')!)).toBe(document.getElementById('a'));
    expect(uploadRootOf(document.getElementById('p')!)).toBeNull();
  });
});
