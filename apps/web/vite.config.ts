import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress.ts';

// The Fastify server (port 3000) serves the API and, in production, this app's `dist` with an SPA
// fallback. In development and preview, Vite forwards the API to it.
const apiTarget = 'http://localhost:3000';
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  // Brotli and gzip copies of the built files, sent as they are by the server.
  plugins: [react(), precompress()],
  // `@motcua/domain` is a workspace symlink whose package exports TypeScript source
  // (`./src/index.ts`); Vite follows the symlink and compiles it like our own code.
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the public build: they would publish the source with its comments.
    sourcemap: false,
    target: 'es2022',
    // ECharts is one lazy chunk (~530 kB, 180 kB gzipped) loaded only by the reports page.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (React, the router, i18n, the portal's frame and
        // home page, the Mantine components they use) in one chunk. Left to itself, Rolldown cut
        // what the entry shares with lazy pages into some sixty chunks of 1–5 kB, each a request
        // of its own with ~1 kB of headers over HTTP/1.1 (docs/benchmarks.md, issue 15).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
});
