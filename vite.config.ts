import { defineConfig } from 'vite';

// Relative base: the built site works from any folder or mirror a newsroom hosts it in.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
