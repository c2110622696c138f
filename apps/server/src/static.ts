/** Serves a built folder (the widget bundle, the console) with the right types and caching. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function serveFile(c: Context, root: string, relative: string, opts: { fallback?: string } = {}) {
  const clean = normalize(relative).replace(/^(\.\.(\/|\\|$))+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root + sep) && file !== root) return c.notFound();
  let info = await stat(file).catch(() => null);
  if ((!info || info.isDirectory()) && opts.fallback) {
    file = join(root, opts.fallback);
    info = await stat(file).catch(() => null);
  }
  if (!info || info.isDirectory()) return c.notFound();
  const body = await readFile(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // The entry file keeps its name across releases, so it is revalidated; hashed chunks are immutable.
  const hashed = /-[A-Za-z0-9_-]{8,}\.\w+$/.test(file);
  return c.body(body, 200, {
    'Content-Type': type,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
  });
}
