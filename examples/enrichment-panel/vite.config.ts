import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev` serves the app with hot reload and sends the host routes to the example's server.
const hostServer = process.env.ENRICHMENT_PANEL_SERVER ?? 'http://127.0.0.1:5180';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/app', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/session': hostServer, '/workbook': hostServer, '/run-column': hostServer },
  },
});
