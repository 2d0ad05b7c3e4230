import React from 'react';
import ReactDOM from 'react-dom/client';
import { getDatabase } from '@/lib/db';
import { Popup } from './popup';
import './popup.css';

const loadCustomDeadlines = () => getDatabase().deadlines.toArray();

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <Popup now={new Date()} loadCustomDeadlines={loadCustomDeadlines} />
  </React.StrictMode>,
);
