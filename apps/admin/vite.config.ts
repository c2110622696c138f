import { defineConfig } from 'vite';

/** The console, built to dist/ and served by the Instap server at /admin/. */
export default defineConfig({
  base: '/admin/',
  // Vite 8 transforms TypeScript with oxc; Lit's decorators need the legacy (experimental) form
  // that tsconfig.base.json asks for, or Chromium meets a raw `@state()`.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/widget': 'http://localhost:3000' } },
});
