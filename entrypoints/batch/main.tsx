import React from 'react';
import ReactDOM from 'react-dom/client';
import { currentPack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import { BatchPage } from './batch';
import './batch.css';

const pack = await loadActivePack().catch(() => currentPack());

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <BatchPage pack={pack} />
  </React.StrictMode>,
);
