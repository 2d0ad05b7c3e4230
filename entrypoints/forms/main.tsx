import React from 'react';
import ReactDOM from 'react-dom/client';
import { getDatabase } from '@/lib/db';
import { currentPack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import { FormsPage, type FormsSelection } from './forms-page';
import './forms.css';

// Other pages link here as `forms.html?draft=<id>` (and `&team=<id>`); the address follows the choice.
const url = new URL(globalThis.location.href);
const pack = await loadActivePack().catch(() => currentPack());

function remember(selection: FormsSelection): void {
  for (const [key, value] of [['draft', selection.draftId], ['team', selection.teamId]] as const) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
}

const initial: FormsSelection = {
  ...(url.searchParams.get('draft') ? { draftId: url.searchParams.get('draft')! } : {}),
  ...(url.searchParams.get('team') ? { teamId: url.searchParams.get('team')! } : {}),
};

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <FormsPage db={getDatabase()} pack={pack} initial={initial} onSelectionChange={remember} />
  </React.StrictMode>,
);
