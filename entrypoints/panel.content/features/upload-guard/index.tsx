import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { i18n } from '#i18n';
import { storage } from '#imports';
import { parseMemory, workFilesOf, type ChecklistItem, type SlotItem } from '@/lib/guard';
import { loadActivePack } from '@/lib/rules/active';
import { pageStateFor } from '../../page-state';
import { definePanelFeature, type PanelEnv } from '../define';
import { UploadGuard, type GuardSnapshot } from './controller';
import { Overlay } from './overlay';
import { OVERLAY_CSS, PANEL_CSS } from './styles';
import { firstProblem, itemText, openExtensionPage, uiLang } from './texts';

/** The teacher's category and slot corrections (lib/guard/memory.ts), validated on every read. */
export const guardMemoryItem = storage.defineItem<unknown>('local:uploadGuard', { fallback: null });

/** The extension's own UI on the page: never read as the site's form, never guarded. */
export const OWN_UI = 'submit-helper-panel, submit-helper-guard';

const STATUS_ICON: Record<SlotItem['status'], string> = {
  ok: '✓', listed: '✓', failed: '✗', checking: '…', missing: '✗', empty: '○', elsewhere: '–',
};

function ItemRow({ item }: { item: ChecklistItem }) {
  const lang = uiLang();
  if (item.kind !== 'slot') {
    return <li data-kind={item.kind} data-status="failed"><span aria-hidden="true">✗ </span>{itemText(item, lang)}</li>;
  }
  const detail = item.status === 'failed'
    ? item.failed.map((c) => `${c.name}：${firstProblem(c, lang)}`).join('；')
    : i18n.t(`guard.status.${item.status}`);
  return (
    <li data-kind="slot" data-slot={item.slotId} data-status={item.status}>
      <span aria-hidden="true">{STATUS_ICON[item.status]} </span>
      <span className="guard__slot">{item.label}</span>
      {item.required ? '' : i18n.t('guard.optional')}：<span className="guard__detail">{detail}</span>
    </li>
  );
}

function GuardPanel({ guard, snapshot }: { guard: UploadGuard; snapshot: GuardSnapshot }) {
  const { category, guess, categoryChosen, checklist } = snapshot;
  const pack = guard.pack;
  const present = snapshot.uploads.filter((u) => u.present);
  return (
    <div className="feature feature--upload-guard" data-testid="upload-guard">
      <style>{PANEL_CSS}</style>
      <h3 className="feature__title">{i18n.t('guard.title')}</h3>
      <label className="guard__category">
        {i18n.t('guard.category')}
        <select
          data-testid="guard-category"
          value={categoryChosen ? category?.id ?? '' : ''}
          onChange={(e) => void guard.setCategory(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">
            {guess.categoryId
              ? i18n.t('guard.categoryAuto', [pack.categories.find((c) => c.id === guess.categoryId)?.name ?? guess.categoryId])
              : i18n.t('guard.categoryNone')}
          </option>
          {pack.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      {!categoryChosen && guess.ambiguous && <p className="guard__note" data-testid="guard-ambiguous">{i18n.t('guard.categoryAmbiguous')}</p>}
      {category && checklist && (
        <>
          {present.length === 0 && <p className="guard__note">{i18n.t('guard.noUploads')}</p>}
          <ul className="guard__checklist" data-testid="guard-checklist" data-category={category.id}>
            {checklist.items.map((item, i) => <ItemRow key={`${item.kind}-${i}`} item={item} />)}
          </ul>
          <button type="button" className="guard__precheck" onClick={() => openExtensionPage('check.html', category.id)}>
            {i18n.t('guard.precheck')}
          </button>
        </>
      )}
    </div>
  );
}

function UploadGuardSection({ env }: { env: PanelEnv }) {
  const [state, setState] = useState<{ guard: UploadGuard; container: HTMLElement }>();
  const { ctx, site } = env;

  useEffect(() => {
    let live = true;
    let guard: UploadGuard | undefined;
    let host: HTMLElement | undefined;
    void Promise.all([loadActivePack(), guardMemoryItem.getValue()]).then(([pack, raw]) => {
      if (!live) return;
      guard = new UploadGuard({
        doc: document,
        pack,
        site: site.id,
        memory: parseMemory(raw),
        saveMemory: (memory) => guardMemoryItem.setValue(memory),
        ignore: OWN_UI,
      });
      // The overlay is a sibling of the site's app on <body>, so the site's framework never reconciles it.
      host = document.createElement('submit-helper-guard');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = OVERLAY_CSS;
      const container = document.createElement('div');
      shadow.append(style, container);
      document.body.append(host);
      guard.start(ctx);
      setState({ guard, container });
    });
    return () => {
      live = false;
      guard?.stop();
      host?.remove();
    };
  }, [ctx, site.id]);

  if (!state) return null;
  return <GuardView env={env} guard={state.guard} container={state.container} />;
}

function GuardView({ env, guard, container }: { env: PanelEnv; guard: UploadGuard; container: HTMLElement }) {
  const snapshot = useSyncExternalStore(guard.subscribe, guard.getSnapshot);
  useEffect(() => {
    pageStateFor(env).setWorkFiles(workFilesOf(snapshot.uploads.filter((u) => u.present)));
  }, [env, snapshot.uploads]);
  return (
    <>
      <GuardPanel guard={guard} snapshot={snapshot} />
      {createPortal(<Overlay snapshot={snapshot} guard={guard} win={window} />, container)}
    </>
  );
}

/**
 * Upload guard (issue #6): checks files as they are chosen on the site, keeps a checklist of the category's
 * required attachments, and asks before the site's submit runs while something is wrong.
 */
export default definePanelFeature({ id: 'upload-guard', Section: UploadGuardSection });
