import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The embeddable chat widget's script (src/widget/entry.ts → dist/widget.js): one small IIFE with no
// dependencies, loaded by companies' own sites. Built after the app (`npm run build`), into the same
// dist/ without emptying it, so the app serves it at /widget.js next to the /widget screen it opens.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2019',
    lib: {
      entry: fileURLToPath(new URL('./src/widget/entry.ts', import.meta.url)),
      name: 'ScsChatWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
