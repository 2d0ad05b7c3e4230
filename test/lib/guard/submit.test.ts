// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSubmitText, submitButtonOf } from '@/lib/guard';

describe('isSubmitText', () => {
  it.each(['提交', '提 交', '确认提交', '保存并提交', '提交申报', '确认报送', '提交审核', '上报', ' 提  交 '])('“%s” is a submit', (text) => {
    expect(isSubmitText(text)).toBe(true);
  });
  it.each(['暂存', '保存', '保存草稿', '取消', '返回修改', '查看提交记录', '申报指南', '我要申报', '选择文件', '点击上传', '',
    '请在截止日期前提交全部材料并等待审核结果'])('“%s” is not', (text) => {
    expect(isSubmitText(text)).toBe(false);
  });
});

describe('submitButtonOf', () => {
  function dom(html: string): HTMLElement {
    document.body.innerHTML = html;
    return document.body;
  }

  it('finds Element’s button from the <span> a click lands on', () => {
    dom('<button type="button" class="el-button el-button--primary"><span>提 交</span></button>');
    expect(submitButtonOf(document.querySelector('span'))).toBe(document.querySelector('button'));
  });

  it('reads an input’s value and a role=button div', () => {
    dom('<input type="submit" value="确认提交"><div role="button" class="x">保存并提交</div>');
    expect(submitButtonOf(document.querySelector('input'))).toBe(document.querySelector('input'));
    expect(submitButtonOf(document.querySelector('.x'))).toBe(document.querySelector('.x'));
  });

  it('ignores disabled buttons, other buttons and clicks outside buttons', () => {
    dom('<button disabled>提交</button><button class="el-button is-disabled">提交</button><button id="s">暂存</button><p>提交</p>');
    for (const el of Array.from(document.querySelectorAll('button, p'))) expect(submitButtonOf(el)).toBeUndefined();
    expect(submitButtonOf(null)).toBeUndefined();
    expect(submitButtonOf(document)).toBeUndefined();
  });
});
