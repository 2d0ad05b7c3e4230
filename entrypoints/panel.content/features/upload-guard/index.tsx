import { useSyncExternalStore } from 'react';
import { i18n } from '#i18n';
import type { ChecklistItem, SlotItem } from '@/lib/guard';
import type { GuardView } from '@/lib/panel/protocol';
import type { RulePack } from '@/lib/rules/schema';
import { definePanelFeature, type PanelEnv } from '../define';
import { PANEL_CSS } from './styles';
import { firstProblem, itemText, openExtensionPage, uiLang } from './texts';

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

function GuardPanel({ pack, view, setCategory }: { pack: RulePack; view: GuardView; setCategory: (id: string | null) => void }) {
  const { guess, categoryChosen, checklist } = view;
  const category = view.categoryId ? pack.categories.find((c) => c.id === view.categoryId) : undefined;
  return (
    <div className="feature feature--upload-guard" data-testid="upload-guard">
      <style>{PANEL_CSS}</style>
      <h3 className="feature__title">{i18n.t('guard.title')}</h3>
      <label className="guard__category">
        {i18n.t('guard.category')}
        <select
          data-testid="guard-category"
          value={categoryChosen ? category?.id ?? '' : ''}
          onChange={(e) => setCategory(e.target.value === '' ? null : e.target.value)}
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
          {view.present === 0 && <p className="guard__note">{i18n.t('guard.noUploads')}</p>}
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
  const { guard } = useSyncExternalStore(env.link.subscribe, env.link.getSnapshot);
  if (!guard) return null;
  return <GuardPanel pack={env.pack} view={guard} setCategory={(id) => env.link.send({ kind: 'guardCategory', categoryId: id })} />;
}

/**
 * Upload guard (issue #6): the checklist of the category's required attachments, in the panel frame. The page side
 * (./layer.tsx, ./controller.ts) checks files as they are chosen and asks before the site's submit runs.
 */
export default definePanelFeature({ id: 'upload-guard', Section: UploadGuardSection });
