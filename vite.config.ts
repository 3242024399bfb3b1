import { defineConfig } from 'vite';
import { dataCheckPlugin } from './scripts/vite-plugin-data-check.ts';
import { downloadsPlugin } from './scripts/vite-plugin-downloads.ts';
import { staticImagesPlugin } from './scripts/vite-plugin-static.ts';

// Relative base: the built site works from any folder or mirror a newsroom hosts it in.
export default defineConfig({
  base: './',
  // The data check runs first: an invalid fact file stops the build with its file, feature and field.
  // The downloads (dist/data/) are the facts as CSV and GeoJSON, made from the same files.
  plugins: [dataCheckPlugin(), staticImagesPlugin(), downloadsPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    // Second entry: the host-page loader, at a fixed address (dist/embed.js) that embed codes can name.
    // It imports nothing, so no chunk is shared with the app and the file stays self-contained.
    rolldownOptions: {
      input: { index: 'index.html', embed: 'src/embed/loader.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
