/**
 * Recognising the site's submit button: 提交, 提 交 (Element's spaced two-character buttons), 确认提交, 保存并提交,
 * 提交申报, 确认报送. Buttons that only save a draft, go back or open something are not submits.
 */

import { cleanText } from '@/lib/autofill';

const SUBMIT_WORDS = /提交|报送|上报|递交|申报/;
/** Words that make a button something other than sending the form, even next to a submit word. */
const NOT_SUBMIT = /暂存|草稿|取消|返回|撤回|撤销|重置|清空|查看|记录|须知|指南|说明|下载|模板|导出|打印|预览|删除|我要|历史|列表|进度|状态|结果/;
/** Longer texts are sentences (a notice, a tip), not button captions. */
const MAX_CAPTION = 10;

export const BUTTON_SELECTOR = [
  'button', '[role="button"]', 'input[type="submit"]', 'input[type="button"]', '.el-button', '.ant-btn',
].join(', ');

/** Whether a button caption means "send the form". */
export function isSubmitText(text: string): boolean {
  const caption = cleanText(text).replace(/\s+/g, '');
  if (caption === '' || caption.length > MAX_CAPTION) return false;
  if (NOT_SUBMIT.test(caption)) return false;
  return SUBMIT_WORDS.test(caption);
}

/** The caption a person sees on a button. */
export function buttonCaption(button: Element): string {
  if (button.tagName === 'INPUT') return cleanText((button as HTMLInputElement).value);
  return cleanText(button.textContent) || cleanText(button.getAttribute('aria-label')) || cleanText(button.getAttribute('title'));
}

/**
 * The submit button a click landed in (the click's target may be the <span> inside Element's button), or undefined.
 * Disabled buttons do nothing when clicked, so they are not guarded.
 */
export function submitButtonOf(target: EventTarget | null): Element | undefined {
  if (!target || !(target as Node).nodeType || (target as Node).nodeType !== 1) return undefined;
  const button = (target as Element).closest(BUTTON_SELECTOR);
  if (!button) return undefined;
  if (button.matches(':disabled, .is-disabled, [aria-disabled="true"]')) return undefined;
  return isSubmitText(buttonCaption(button)) ? button : undefined;
}
