/**
 * Serves a built folder (the widget bundle, the console) with the right types, compression and
 * caching. A family on a phone downloads the widget: it goes out compressed (brotli or gzip, as
 * the browser accepts), with an ETag so a revisit costs a 304 instead of the whole script.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg']);

interface Prepared {
  mtimeMs: number;
  size: number;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * Compressed once per file version, not per request: built files change only with a release, and
 * brotli at its highest level costs tens of milliseconds that no family should wait for twice.
 */
const prepared = new Map<string, Prepared>();

async function prepare(file: string, mtimeMs: number, size: number): Promise<Prepared> {
  const cached = prepared.get(file);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached;
  const identity = await readFile(file);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
  const entry: Prepared = { mtimeMs, size, etag, identity };
  if (COMPRESSIBLE.has(extname(file)) && identity.length > 512) {
    entry.br = brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } });
    entry.gzip = gzipSync(identity, { level: 9 });
  }
  prepared.set(file, entry);
  return entry;
}

/** The encoding to send: brotli, then gzip, when the request accepts it (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

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
  const entry = await prepare(file, info.mtimeMs, info.size);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // The entry file keeps its name across releases, so it is revalidated (cheaply, by its ETag);
  // hashed chunks never change under their name.
  const hashed = /-[A-Za-z0-9_-]{8,}\.\w+$/.test(file);
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
    'Access-Control-Allow-Origin': '*',
    ETag: entry.etag,
  };
  if (entry.br) headers.Vary = 'Accept-Encoding';
  if (matches(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
  const encoding = entry.br ? chooseEncoding(c.req.header('accept-encoding')) : null;
  const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.identity;
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(body), 200, headers);
}
