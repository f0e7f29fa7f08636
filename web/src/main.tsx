import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadConfig } from './config.ts';
import { LanguageProvider } from './i18n/language.tsx';
import { routes } from './routes.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

try {
  await loadConfig();
  const router = createBrowserRouter(routes);
  root.render(
    <StrictMode>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </StrictMode>,
  );
} catch {
  // Without its configuration the portal cannot sign anyone in: say so in both languages.
  root.render(
    <main className="main">
      <h1>Das Portal ist gerade nicht erreichbar. / The portal is not available right now.</h1>
      <p>Bitte versuchen Sie es später erneut. / Please try again later.</p>
    </main>,
  );
}
