import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@creditkit/react/styles.css';
import './app.css';
import { App } from './app';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
