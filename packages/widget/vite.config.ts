import { defineConfig, type Plugin } from 'vite';

/**
 * Lit templates and styles are strings the minifier leaves alone. Indentation inside them is
 * bytes every family downloads, so: squeeze CSS in the styles files, and turn a line break plus
 * indentation inside the built code (only template literals still hold real line breaks) into
 * one space, which means the same in HTML and CSS.
 */
function squeezeTemplates(): Plugin {
  return {
    name: 'instap-squeeze-templates',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_, body: string) =>
        'css`' +
        body
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim() +
        '`',
      );
    },
    renderChunk(code) {
      return { code: code.replace(/\n\s*[ \t]{2,}/g, ' '), map: null };
    },
  };
}

/**
 * One ES module, dist/instap.js, that a club loads with a script tag: the Dutch registration.
 * Other languages, the family's own view, the interest list, the appointment flow and the
 * calendar file are separate chunks next to it, fetched only when needed.
 */
export default defineConfig({
  plugins: [squeezeTemplates()],
  // Vite 8 transforms TypeScript with oxc; Lit's decorators need the legacy (experimental)
  // form that tsconfig.base.json asks for, or Chromium meets a raw `@property()`.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
  build: {
    // ES2022: class private members (#x) are mangled by the minifier; Lit 3 needs a 2021+ browser anyway.
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'instap.js',
    },
    rolldownOptions: {
      // Lazy chunks (the family's view, the interest list, the appointment flow) import shared
      // code from instap.js: the entry may export more than its public names, or the bundler
      // moves that shared code into extra files every family downloads up front.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        chunkFileNames: 'instap-[name]-[hash].js',
      },
    },
  },
});
