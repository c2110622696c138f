/**
 * Response headers for every page the server sends: a strict Content-Security-Policy (scripts
 * only from this server, no framing: the widget is embedded by script, never in an iframe), and
 * plain pages instead of stacks when something breaks.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * Pages and the console: scripts, styles, images and requests from this server only. Inline
 * styles stay allowed (the pages carry a small <style>, Lit may fall back to <style> elements);
 * inline scripts never. Workers may come from blob: (a proof-of-work solver runs in one).
 */
export function pagePolicy(publicOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(publicOrigin.startsWith('https:') ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Anything that is not a page (JSON, CSV, files): nothing may run or frame it. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sets the policy on every answer that has none of its own (the mailbox sets a stricter one). */
export function contentSecurityPolicy(publicOrigin: string): MiddlewareHandler {
  const page = pagePolicy(publicOrigin);
  return async (c, next) => {
    await next();
    if (c.res.headers.has('Content-Security-Policy')) return;
    const type = c.res.headers.get('Content-Type') ?? '';
    c.res.headers.set('Content-Security-Policy', /text\/html/i.test(type) ? page : NON_PAGE_POLICY);
  };
}
