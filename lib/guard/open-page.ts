/**
 * Opening the extension's own pages (video repair, batch 预检) from the on-site guard. A content script cannot
 * navigate to a chrome-extension:// page that is not web-accessible (Chrome shows chrome-error://), and making the
 * pages web-accessible would let every website probe for the extension; so the content script asks the background,
 * which opens a tab. `tabs.create` needs no permission.
 */

import { z } from 'zod';

const CHANNEL = 'submit-helper/open-page';

export const EXTENSION_PAGES = ['repair.html', 'check.html'] as const;
export type ExtensionPage = (typeof EXTENSION_PAGES)[number];

const openPageSchema = z.object({
  channel: z.literal(CHANNEL),
  page: z.enum(EXTENSION_PAGES),
  category: z.string().regex(/^[a-z][a-z0-9_]*$/),
});

/** The message a content script sends. */
export function openPageMessage(page: ExtensionPage, category: string): z.infer<typeof openPageSchema> {
  return { channel: CHANNEL, page, category };
}

/** The extension-relative URL of a page for a category: `/repair.html?category=zhijiao_shijian`. */
export function extensionPagePath(page: ExtensionPage, category: string): string {
  return `/${page}?category=${encodeURIComponent(category)}`;
}

interface Sender {
  tab?: { id?: number; index?: number };
}

/** What the background listener needs of the browser API; tests pass fakes. */
export interface OpenPageApi {
  runtime: {
    getURL(path: string): string;
    onMessage: { addListener(listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void };
  };
  tabs: { create(props: { url: string; index?: number; openerTabId?: number }): Promise<unknown> };
}

/**
 * The background's side: opens the requested page next to the tab that asked. Other messages are left to other
 * listeners (answered with `undefined`). Must be called synchronously when the background starts.
 */
export function installOpenPageListener(api: OpenPageApi): void {
  api.runtime.onMessage.addListener((message, sender) => {
    const parsed = openPageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const { page, category } = parsed.data;
    const tab = sender.tab;
    return api.tabs
      .create({
        url: api.runtime.getURL(extensionPagePath(page, category)),
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      })
      .then(() => ({ ok: true }));
  });
}
