/**
 * The page learns nothing (issue #12): a script of the site itself, installed before any of the site's code runs,
 * does what a curious page could — walks the DOM and every shadow root it can reach (open ones, and closed ones by
 * hooking attachShadow), reads every field's value and attribute, tries to enter every iframe, and listens to every
 * message event — while the teacher opens the panel, previews the fill and switches people. None of the saved
 * people's names, phones or e-mails, the team's name or the drafts' texts may reach it before 一键填写; after it, the
 * fields the teacher kept hold them (that is the point of filling).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForFixture } from './fixtures/forms/fixture-api';
import { extensionSuite, panel } from './harness';
import { SAMPLE_DRAFTS, SAMPLE_PEOPLE, SAMPLE_TEAM, seedSampleProfile } from './sample-profile';

const suite = extensionSuite('page-cannot-read-e2e');

beforeAll(async () => {
  await seedSampleProfile(suite.browser);
});

/** Everything personal the extension holds, as the strings a page would search for. */
const SECRETS: string[] = [
  ...SAMPLE_PEOPLE.flatMap((p) => [p.name, p.mobile, p.email, p.landline]),
  SAMPLE_TEAM.name,
  ...SAMPLE_DRAFTS.flatMap((d) => [d.title, ...Object.values(d.fields)]),
].filter((s) => s.length > 0);

/** Installed into the page's own world before its scripts: what a hostile page script can collect. */
function spy(): void {
  const closedRoots = new Map<Element, ShadowRoot>();
  const messages: string[] = [];
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    closedRoots.set(this, root);
    return root;
  };
  const describe = (data: unknown): string => {
    try {
      return JSON.stringify(data, (_k, v: unknown) => (v instanceof Blob ? `[blob ${(v as File).name ?? ''} ${v.size}]` : v));
    } catch {
      return String(data);
    }
  };
  window.addEventListener('message', (event) => messages.push(describe(event.data)), true);
  const hosts = new Set<string>();
  const walk = (root: Node, out: string[], seen: Set<Node>) => {
    if (seen.has(root)) return;
    seen.add(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType !== Node.ELEMENT_NODE) {
        out.push(node.textContent ?? '');
        continue;
      }
      const el = node as Element;
      for (const attr of Array.from(el.attributes)) out.push(attr.value);
      if ('value' in el) out.push(String((el as HTMLInputElement).value));
      const shadow = el.shadowRoot ?? closedRoots.get(el);
      if (shadow) {
        hosts.add(el.localName);
        walk(shadow, out, seen);
      }
      if (el instanceof HTMLIFrameElement) {
        try {
          const doc = el.contentDocument ?? el.contentWindow?.document;
          if (doc) walk(doc, out, seen);
        } catch {
          out.push('[cross-origin frame]');
        }
      }
    }
  };
  (window as unknown as { __pageSaw: () => { text: string; messages: string[]; hosts: string[]; frames: string[] } }).__pageSaw = () => {
    const out: string[] = [];
    walk(document, out, new Set());
    return {
      text: out.join('\n'),
      messages,
      hosts: [...hosts].sort(),
      frames: Array.from(document.querySelectorAll('*')).flatMap((el) => {
        const shadow = el.shadowRoot ?? closedRoots.get(el);
        return Array.from(shadow?.querySelectorAll('iframe') ?? []).map((f) => f.src.split('#')[0]!);
      }),
    };
  };
}

async function pageSaw(page: Page) {
  return page.evaluate(() => (window as unknown as { __pageSaw: () => { text: string; messages: string[]; hosts: string[]; frames: string[] } }).__pageSaw());
}

function leaked(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

describe('a page script cannot read the teacher’s data', () => {
  it('before 一键填写 finds none of the people, team or drafts; after it the filled fields hold them', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(spy);
    await page.goto('http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1');
    await waitForFixture(page);
    const autofill = panel(page).getByTestId('autofill');
    await expect.poll(() => autofill.getByTestId('fill-go').isEnabled(), { timeout: 15_000 }).toBe(true);
    // The frame does hold them: the preview lists every author and the contact's phone.
    const preview = autofill.getByTestId('fill-preview');
    await expect.poll(() => preview.textContent()).toContain(SAMPLE_PEOPLE[0]!.name);
    expect(await preview.textContent()).toContain(SAMPLE_PEOPLE[3]!.mobile);
    // The teacher looks around: another person, another draft, back; teach mode on and off.
    await autofill.getByTestId('fill-who').selectOption('person:p-zhang');
    await expect.poll(() => preview.textContent()).toContain(SAMPLE_PEOPLE[3]!.email);
    await autofill.getByTestId('fill-draft').selectOption('d-mingshi');
    await autofill.getByTestId('fill-who').selectOption(`team:${SAMPLE_TEAM.id}`);
    await autofill.getByTestId('fill-draft').selectOption('d-jingpin');
    await autofill.getByTestId('teach-start').click();
    await autofill.getByTestId('teach-start').click();

    const before = await pageSaw(page);
    // The walk did reach the extension's own UI on the page: the panel's host, the counters, the guard. (A content
    // script's attachShadow runs in its own world, so the hook sees only the page's roots; ours are open anyway.)
    expect(before.hosts).toEqual(expect.arrayContaining(['submit-helper-counters', 'submit-helper-guard', 'submit-helper-panel']));
    expect(before.frames).toEqual([`chrome-extension://${suite.browser.extensionId}/panel-frame.html`]);
    expect(before.text).toContain('[cross-origin frame]');
    expect(leaked(before.text)).toEqual([]);
    expect(leaked(before.messages.join('\n'))).toEqual([]);

    await autofill.getByTestId('fill-go').click();
    await autofill.getByTestId('fill-result').waitFor({ timeout: 60_000 });
    const after = await pageSaw(page);
    for (const person of SAMPLE_PEOPLE.slice(0, 3)) expect(after.text).toContain(person.name);
    expect(after.text).toContain(SAMPLE_PEOPLE[3]!.mobile);
    expect(after.text).toContain(SAMPLE_DRAFTS[0]!.title);
    // Still nothing over messages the page can hear, and nothing of what the teacher did not fill.
    expect(leaked(after.messages.join('\n'))).toEqual([]);
    expect(after.text).not.toContain(SAMPLE_DRAFTS[2]!.title);
    await page.close();
  });
});
