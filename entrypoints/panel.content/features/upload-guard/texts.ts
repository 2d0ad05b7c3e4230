import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { formatFinding, type Lang } from '@/lib/checks';
import { problemsOf, type ChecklistItem, type FileCheck } from '@/lib/guard';
import { openPageMessage, type ExtensionPage } from '@/lib/guard/open-page';

export function uiLang(): Lang {
  return i18n.t('guard.lang') === 'en' ? 'en' : 'zh';
}

/** The first fault of a failing check, as the dialog's one-line reason. */
export function firstProblem(check: FileCheck, lang: Lang): string {
  const [problem] = problemsOf(check);
  return problem ? formatFinding(problem, lang) : '';
}

/** One line of the checklist or the submit dialog. */
export function itemText(item: ChecklistItem, lang: Lang): string {
  switch (item.kind) {
    case 'slot':
      if (item.status === 'failed') {
        return item.failed.map((c) => i18n.t('guard.item.failed', [item.label, c.name, firstProblem(c, lang)])).join('；');
      }
      return i18n.t('guard.item.missing', [item.label]);
    case 'unassigned':
      return item.failed.map((c) => i18n.t('guard.item.failed', [item.label || i18n.t('guard.unnamedUpload'), c.name, firstProblem(c, lang)])).join('；');
    case 'field':
      return i18n.t('guard.item.fieldOver', [item.label, String(item.chars), String(item.maxChars)]);
    case 'authors':
      return i18n.t('guard.item.authorsOver', [String(item.count), String(item.max)]);
  }
}

/**
 * Opens an extension page (video repair, batch 预检) in a new tab for a category, through the background: a content
 * script cannot navigate to extension pages itself (lib/guard/open-page.ts).
 */
export function openExtensionPage(page: ExtensionPage, categoryId: string): void {
  browser.runtime.sendMessage(openPageMessage(page, categoryId)).catch((error: unknown) => {
    console.warn('[报送助手] could not open', page, error);
  });
}
