import '@mantine/core/styles.css';
import './shared/theme.css';
import { languageReady } from './shared/i18n/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Rendered once the remembered language is in place. Not a top-level await: the English chunk
// imports from this one, which must have finished evaluating before it can run.
void languageReady.then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
