import { i18n } from '#i18n';
import React from 'react';
import ReactDOM from 'react-dom/client';
import { uiLang } from '@/components/i18n';
import { PrivacyPage } from './privacy';
import './privacy.css';

// index.html is written in Chinese; an English UI gets an English title and lang (screen readers pick the voice).
document.title = i18n.t('privacy.title');
document.documentElement.lang = uiLang() === 'en' ? 'en' : 'zh-CN';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <PrivacyPage />
  </React.StrictMode>,
);
