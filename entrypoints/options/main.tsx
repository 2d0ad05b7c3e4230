import React from 'react';
import ReactDOM from 'react-dom/client';
import { getDatabase } from '@/lib/db';
import { watchDeadlineChanges } from '@/lib/reminders/watch';
import { Options } from './options';
import './options.css';

watchDeadlineChanges(getDatabase());

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <Options />
  </React.StrictMode>,
);
