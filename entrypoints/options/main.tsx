import React from 'react';
import ReactDOM from 'react-dom/client';
import { Options } from './options';
import './options.css';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <Options />
  </React.StrictMode>,
);
