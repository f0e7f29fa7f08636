import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The applicant portal. `#shared/*` resolves through the root package.json "imports" (Vite reads it like
// Node does), so the forms run the same zod schemas and finance rules as the API.
// `npm run dev:web` serves it with hot reload and forwards the API, the sign-in proxy and the config to a
// running `npm start` (port 3000, or FOERDERFLOW_API).
const api = process.env.FOERDERFLOW_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // .vite/manifest.json: which chunks each lazily loaded page needs (the bench measures the back office's).
    manifest: true,
  },
  server: {
    proxy: { '/api': api, '/cognito': api, '/config.json': api },
  },
});
