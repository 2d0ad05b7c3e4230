import React from 'react';
import ReactDOM from 'react-dom/client';
import { currentPack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import { CheckPage } from './check';
import './check.css';

// Other pages link here as `check.html?category=<id>`; the address follows the choice so a reload keeps it.
const url = new URL(globalThis.location.href);
const pack = await loadActivePack().catch(() => currentPack());

function rememberCategory(id: string): void {
  url.searchParams.set('category', id);
  history.replaceState(null, '', url);
}

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <CheckPage pack={pack} initialCategory={url.searchParams.get('category')} onCategoryChange={rememberCategory} />
  </React.StrictMode>,
);
