import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';

/**
 * Every message of a locale file by dotted key (`check.verdict.fail`), as the extension ships it; `folder` reads
 * another set of the same shape (`store`: the store listings in locales/store/).
 */
export async function loadMessages(locale: 'zh_CN' | 'en', folder = ''): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', folder, `${locale}.yml`));
  return new Map(
    parsed
      // Chrome's predefined messages (@@ui_locale …) are added by the parser, not written by us.
      .filter((m) => !m.key[0]?.startsWith('@@'))
      .map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '']),
  );
}

export const placeholders = (text: string): string[] => [...new Set(text.match(/\$\d/g) ?? [])].sort();
