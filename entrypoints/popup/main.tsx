import React from 'react';
import ReactDOM from 'react-dom/client';
import { Popup } from './popup';
import './popup.css';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <Popup now={new Date()} />
  </React.StrictMode>,
);
