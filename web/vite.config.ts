import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Static assets for the gateway to serve at /app/: every script, style and font is bundled,
// nothing is loaded from outside (the hub runs on intranets).
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  // The typed client from its TypeScript source (the workspace's "@fupin/source" condition).
  resolve: { conditions: ['@fupin/source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
});
