import React from 'react';
import ReactDOM from 'react-dom/client';
import { currentPack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import type { EngineId } from '@/lib/media/engine';
import { createEngines, engineContext } from './engines';
import { RepairPage } from './repair';
import './repair.css';

// Other pages link here as `repair.html?category=<id>`; `engine=<id>` pins one engine (benchmark, support).
const params = new URLSearchParams(globalThis.location.search);
const engine = params.get('engine');
const pack = await loadActivePack().catch(() => currentPack());
const engines = createEngines();

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <RepairPage
      pack={pack}
      engines={engines}
      context={engineContext}
      initialCategory={params.get('category')}
      initialEngine={engines.some((e) => e.id === engine) ? (engine as EngineId) : 'auto'}
    />
  </React.StrictMode>,
);
