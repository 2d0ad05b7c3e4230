import React from 'react';
import ReactDOM from 'react-dom/client';
import { downloadFile } from '@/components/download';
import { currentPack } from '@/lib/rules';
import { loadActivePack } from '@/lib/rules/active';
import { RulePackPage } from './rulepack';
import { readNoticeFile } from './read-notice';
import './rulepack.css';

const active = await loadActivePack().catch(() => currentPack());

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <RulePackPage initialPack={active} readFile={readNoticeFile} saveFile={downloadFile} />
  </React.StrictMode>,
);
