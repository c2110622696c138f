/**
 * The widget bundle's size next to the floor: a minimal element on the widget's own base
 * (lit-html and UpdatingElement), and a minimal LitElement for comparison, built the same way.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const widgetDist = fileURLToPath(new URL('../../packages/widget/dist', import.meta.url));

export interface Size {
  name: string;
  minified: number;
  gzip: number;
}

function measure(name: string, file: string): Size {
  const bytes = readFileSync(file);
  return { name, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

async function floor(name: string, entry: string): Promise<Size> {
  const out = mkdtempSync(join(tmpdir(), 'instap-floor-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        target: 'es2022',
        outDir: out,
        lib: { entry: fileURLToPath(new URL(`../floor/${entry}`, import.meta.url)), formats: ['es'], fileName: () => 'floor.js' },
        rolldownOptions: { output: { minify: true } },
      },
    });
    return measure(name, join(out, 'floor.js'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function sizes(): Promise<Size[]> {
  const entry = measure('widget: instap.js (everything for the Dutch flow)', join(widgetDist, 'instap.js'));
  const chunks = readdirSync(widgetDist)
    .filter((f) => f.endsWith('.js') && f !== 'instap.js')
    .map((f) => measure(`  chunk loaded on demand: ${f}`, join(widgetDist, f)));
  return [
    entry,
    await floor('floor: minimal element on the widget base (lit-html)', 'widget-base.ts'),
    await floor('for comparison: minimal LitElement', 'lit-element.ts'),
    ...chunks,
  ];
}
