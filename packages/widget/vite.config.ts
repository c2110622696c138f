import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
      return code.replace(/(styles = `)([^`]*)`/g, (_, open: string, body: string) =>
        open +
        body
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .replace(/ !important/g, '!important')
          .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
          .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
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
 * Short names for message keys. Every catalogue (Dutch in instap.js, the other languages in
 * their chunks) repeats the same long keys ("birthYearNotAYear"), and each use names it again:
 * bytes every family downloads. Only keys that the sources use solely as `m.key` / `x.key`
 * (checked here, over all non-test sources) are renamed, in the catalogues and at those uses,
 * with one map for every chunk; the rest (such as `lang`, `phone`: also names of data) stay.
 * The sources and the tests keep the readable names; `INSTAP_TEST_DIST=1 pnpm test` runs the
 * tests against the result, and the build fails if a renamed key survives anywhere.
 */
function shortMessageKeys(): Plugin {
  const src = new URL('./src/', import.meta.url).pathname;
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const isCatalogue = (id: string) => /\/src\/i18n\/(nl|nl-more|en|fr|ar|tr|uk)\.ts$/.test(id);
  const code = walk(src)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/testing/') && !f.includes('/i18n/'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const keys = ['nl.ts', 'nl-more.ts'].flatMap((f) => [...readFileSync(join(src, 'i18n', f), 'utf8').matchAll(/^  (\w+):/gm)].map((m) => m[1]));
  const count = (re: string) => code.match(new RegExp(re, 'g'))?.length ?? 0;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // Upper-case names: no key is upper case, so a short name never meets a kept key.
  const names = new Map(
    keys
      .filter((k) => count(`\\b${k}\\b`) > 0 && count(`\\b${k}\\b`) === count(`\\b[mx]\\.${k}\\b`))
      .map((k, i) => [k, i < 26 ? letters[i] : letters[Math.floor(i / 26) - 1] + letters[i % 26]]),
  );
  const word = `\\b(${[...names.keys()].join('|')})\\b`;
  return {
    name: 'instap-short-message-keys',
    enforce: 'pre',
    transform(text, id) {
      if (!id.includes('/packages/widget/src/') || id.endsWith('.test.ts')) return null;
      const out = isCatalogue(id)
        ? text.replace(new RegExp(`^  ${word}:`, 'gm'), (_, k: string) => `  ${names.get(k)}:`)
        : text.replace(new RegExp(`\\b([mx])\\.${word}`, 'g'), (_, o: string, k: string) => `${o}.${names.get(k)}`);
      return out === text ? null : { code: out, map: null };
    },
    generateBundle(_, bundle) {
      const left = new RegExp(`[.{,]${word}\\b`);
      for (const chunk of Object.values(bundle)) {
        const hit = chunk.type === 'chunk' && left.exec(chunk.code);
        if (hit) this.error(`${chunk.fileName}: message key "${hit[1]}" was not renamed (near "${chunk.code.slice(hit.index - 40, hit.index + 40)}")`);
      }
    },
  };
}

/**
 * Many families' phones are older iPhones whose last Safari is 15. It parses ES2022 except class
 * static blocks and RegExp lookbehind (both Safari 16.4): one of them in a chunk is a SyntaxError,
 * and the family would see nothing at all, not even the phone number. So the build fails instead
 * (the elements declare their statics as getters for this reason).
 */
function safari15(): Plugin {
  return {
    name: 'instap-safari-15',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        const hit = chunk.type === 'chunk' && /\bstatic\s*\{|\(\?<[=!]/.exec(chunk.code);
        if (hit) this.error(`${chunk.fileName}: Safari 15 cannot parse "${hit[0]}" (near "${chunk.code.slice(hit.index - 40, hit.index + 40)}")`);
      }
    },
  };
}

/**
 * One ES module, dist/instap.js, that a club loads with a script tag: the Dutch registration.
 * Other languages, the family's own view, the interest list, the appointment flow and the
 * calendar file are separate chunks next to it, fetched only when needed.
 */
export default defineConfig({
  plugins: [shortMessageKeys(), squeezeTemplates(), safari15()],
  // Vite 8 transforms TypeScript with oxc; Lit's decorators need the legacy (experimental)
  // form that tsconfig.base.json asks for, or Chromium meets a raw `@property()`.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
  build: {
    // ES2022: class private members (#x) are mangled by the minifier; Safari 15 parses all of it but
    // what safari15() refuses. (Lowering for Safari 15 instead turns every #x into a WeakMap: +380 B.)
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
        // No comments in the output, not even /* @__PURE__ */ marks (they only matter to a bundler).
        comments: false,
        // Six base-64 characters (36 bits) tell versions apart; every import of a chunk in instap.js spells its name.
        chunkFileNames: 'instap-[name]-[hash:6].js',
      },
    },
  },
});
