/**
 * The dev mailbox: without SMTP_URL nothing is sent, so a new user can still read what families
 * and staff would receive. `mailboxRoutes` is the JSON list in the admin API (signed in, own
 * organisation only); `mailboxPage` is a plain HTML page for the demo server. The page has no
 * sign-in of its own: mount it only when no mail is sent (a demo or development install).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { staffMessageSchema } from '@instap/core/appointments';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Context, Handler } from 'hono';
import type { Actor, Deps } from '../context.js';
import type { Db } from '../db/client.js';
import { messages, type MessageRow } from '../db/schema-messages.js';
import { organisations } from '../db/schema.js';
import { json, router } from '../routes/openapi.js';
import { auth, authErrors } from '../routes/admin/shared.js';
import { escapeHtml } from './render.js';
import { withToken } from './secret-link.js';
import { staffMessage } from './views.js';

const MAX = 200;

async function organisationIdsOf(db: Db, actor: Actor): Promise<string[]> {
  if (actor.role === 'city-admin') {
    const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.cityId, actor.cityId));
    return rows.map((r) => r.id);
  }
  return actor.organisationId ? [actor.organisationId] : [];
}

export async function recentMessages(db: Db, organisationIds: string[] | 'all', limit = 50): Promise<MessageRow[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  const query = db.select().from(messages);
  const filtered = organisationIds === 'all' ? query : query.where(inArray(messages.organisationId, organisationIds));
  return filtered.orderBy(desc(messages.createdAt), desc(messages.id)).limit(Math.min(Math.max(limit, 1), MAX));
}

/** GET /admin/mailbox: the newest messages of the organisations the caller may see. */
export function mailboxRoutes(deps: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/mailbox',
      tags: ['admin'],
      summary: 'Recent messages (e-mails and calls), as families and staff receive them',
      ...auth,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(MAX).optional() }) },
      responses: { 200: json(z.object({ sending: z.boolean(), messages: z.array(staffMessageSchema) }), 'Newest first.'), ...authErrors },
    }),
    async (c) => {
      const ids = await organisationIdsOf(deps.db, c.get('actor'));
      const rows = await recentMessages(deps.db, ids, c.req.valid('query').limit ?? 50);
      return c.json({ sending: Boolean(process.env.SMTP_URL), messages: rows.map(staffMessage) }, 200);
    },
  );
  return app;
}

const STATUS_NL: Record<MessageRow['status'], string> = {
  pending: 'wacht op verzenden',
  sending: 'wordt verzonden',
  sent: 'verzonden',
  failed: 'niet gelukt',
  call: 'te bellen',
  called: 'gebeld',
};

function card(m: MessageRow): string {
  const to = [m.recipientName, m.recipientEmail ? `<${m.recipientEmail}>` : '', m.recipientPhone ?? ''].filter(Boolean).join(' ');
  const how = m.channel === 'call' ? 'Telefoon (bellen)' : m.channel === 'staff-email' ? 'E-mail aan de organisatie' : 'E-mail';
  const dir = m.language === 'ar' && m.channel !== 'call' ? 'rtl' : 'ltr';
  return `<article>
<h2>${escapeHtml(m.subject)}</h2>
<dl>
<dt>Aan</dt><dd>${escapeHtml(to)}</dd>
<dt>Hoe</dt><dd>${escapeHtml(how)}, taal ${escapeHtml(m.language)}</dd>
<dt>Status</dt><dd>${escapeHtml(STATUS_NL[m.status])}${m.lastError ? ` (${escapeHtml(m.lastError)})` : ''}</dd>
<dt>Gemaakt</dt><dd>${escapeHtml(m.createdAt.toISOString())}</dd>
${m.ics ? `<dt>Bijlage</dt><dd>${escapeHtml(m.icsName ?? 'agenda.ics')}</dd>` : ''}
</dl>
<pre lang="${escapeHtml(m.channel === 'call' ? 'nl' : m.language)}" dir="${dir}">${escapeHtml(m.text)}</pre>
</article>`;
}

export function mailboxHtml(rows: MessageRow[]): string {
  const list = rows.length ? rows.map(card).join('\n') : '<p>Er zijn nog geen berichten.</p>';
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Instap: postvak (test)</title>
<style>
body{font-family:system-ui,Arial,sans-serif;font-size:17px;line-height:1.5;max-width:48em;margin:0 auto;padding:16px;color:#1b1b1b}
article{border:1px solid #888;border-radius:6px;padding:8px 16px;margin:16px 0}
h2{font-size:1.2em;margin:8px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 12px;margin:0}
dt{font-weight:bold}
dd{margin:0}
pre{white-space:pre-wrap;font-family:inherit;background:#f3f3f3;padding:12px;border-radius:4px}
</style></head>
<body>
<h1>Postvak (test)</h1>
<p>Deze server verstuurt geen e-mail. Hier zie je wat families en medewerkers zouden krijgen. Ook wie je moet bellen.</p>
${list}
</body></html>
`;
}

/** Whether the request's socket comes from this machine (not a header: a client writes those). */
export function fromThisMachine(c: Context): boolean {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress ?? '';
  const loopback = address === '::1' || /^(::ffff:)?127\./.test(address);
  // A request that came through a proxy on this machine is not the machine itself.
  return loopback && !c.req.header('x-forwarded-for') && !c.req.header('forwarded');
}

/**
 * GET handler for the demo server: the newest messages of every organisation, as a readable
 * page, only to a browser on the machine itself. Sign-in links show with their token, so the
 * demo can be tried without mail; the stored messages hold only a placeholder.
 */
export function mailboxPage(deps: { db: Db; secretKey?: Buffer }, opts: { limit?: number } = {}): Handler {
  return async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!fromThisMachine(c)) return c.text('The test mailbox opens only on the computer that runs this demo.', 403);
    const rows = (await recentMessages(deps.db, 'all', opts.limit ?? 100)).map((m) => {
      try {
        return withToken(m, deps.secretKey);
      } catch {
        return m;
      }
    });
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    return c.html(mailboxHtml(rows));
  };
}
