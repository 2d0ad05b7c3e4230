import { i18n } from '#i18n';
import type { Lang } from '@/lib/checks/messages';

/**
 * `i18n.t` for keys built at run time (verdicts, issue codes): the typed overloads only take literal keys, so the
 * locale tests check that every built key exists.
 */
export const t = i18n.t as unknown as (key: string, substitutions?: Array<string | number>) => string;

/** The language the extension's UI is shown in, as the checks' message formatters take it. */
export function uiLang(): Lang {
  return i18n.t('ui.lang') === 'en' ? 'en' : 'zh';
}

/** A name from the rule pack in the UI language: every pack entry carries both (`name`/`nameEn`, `label`/`labelEn`). */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
