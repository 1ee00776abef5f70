import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The console's single-page app; the backend-for-frontend (apps/console/src) serves the build and answers /api and /auth.
export default defineConfig({
  root: __dirname,
  plugins: [preact()],
  build: {
    outDir: resolve(__dirname, '../../../dist/apps/console/web'),
    emptyOutDir: true,
    reportCompressedSize: true,
    // which chunks a first page load fetches, for the budget (tools/console-bundle-size.ts)
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
    },
  },
});
