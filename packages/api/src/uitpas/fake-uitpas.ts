/**
 * Test helper: a real HTTP server on 127.0.0.1 that answers like publiq's UiTPAS API v4 and its
 * OAuth2 token endpoint, so the client is exercised over actual sockets. Not for production use.
 * Besides `/passes/{uitpasNumber}` it answers the ticket sales flow as the v4 reference
 * describes it: `GET /tariffs`, `POST /ticket-sales`, `GET /ticket-sales` and
 * `DELETE /ticket-sales/{ticketSaleId}`, with RFC 7807 problem bodies and `endUserMessage`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../testing/read-body.js';

/** Pass numbers the fake knows, one per scenario (13 digits, obviously fictional). */
export const FAKE_PASSES = {
  active: '0900000000011',
  expired: '0900000000029',
  none: '0900000000037',
  unknown: '0900000000045',
  hangs: '0900000000052',
  down: '0900000000060',
  rateLimited: '0900000000078',
  malformed: '0900000000086',
  oddStatus: '0900000000094',
  /** Has had its kansentarief for this event already: no social tariff left. */
  noneLeft: '0900000000102',
  /** A second active pass, for a brother or sister with a pass of their own. */
  activeSibling: '0900000000110',
  /** Thirteen digits whose check digit UiTPAS refuses: `invalid-uitpasnumber`. */
  invalid: '1234567890123',
} as const;

/** UiTdatabank events the fake knows as UiTPAS events (fictional ids). */
export const FAKE_EVENTS = {
  swimming: 'c0ffee00-0000-4000-8000-000000000001',
  other: 'c0ffee00-0000-4000-8000-000000000002',
} as const;

export interface FakeTicketSale {
  id: string;
  uitpasNumber: string;
  eventId: string;
  regularPrice: number;
  tariff: { id: string; name: string; price: number; type: string };
}

const SOCIAL_TARIFF: Record<string, object> = {
  [FAKE_PASSES.active]: { status: 'ACTIVE', endDate: '2099-12-31', inGracePeriod: false },
  [FAKE_PASSES.activeSibling]: { status: 'ACTIVE', endDate: '2099-12-31', inGracePeriod: false },
  [FAKE_PASSES.noneLeft]: { status: 'ACTIVE', endDate: '2099-12-31', inGracePeriod: false },
  [FAKE_PASSES.expired]: { status: 'EXPIRED', endDate: '2020-12-31', inGracePeriod: false },
  [FAKE_PASSES.none]: { status: 'NONE' },
  [FAKE_PASSES.oddStatus]: { status: 'SUSPENDED' },
};

export interface FakeUitpasOptions {
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` (seconds) of every token issued. */
  expiresIn?: number;
  /** The share of the regular price a passholder pays at the kansentarief (UiTPAS Zuidwest: 20). */
  socialTariffPercent?: number;
}

export interface FakeUitpas {
  apiBase: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every token request body received, parsed (JSON or form). */
  tokenRequests: Record<string, string>[];
  /** Authorization header of every /passes request. */
  passAuthorizations: (string | undefined)[];
  /** Make every token issued so far invalid: the next API call with it gets a 401. */
  revokeTokens(): void;
  /** Answer every API call with 401, even with a fresh token. */
  rejectAllTokens: boolean;
  /** Never answer the token endpoint. */
  hangTokenEndpoint: boolean;
  /** Answer /tariffs and /ticket-sales with 503, as during an outage. */
  down: boolean;
  /** Wait this long before answering /tariffs and /ticket-sales. */
  slowMs: number;
  /** Register POSTed sales, then drop the connection: the answer is lost on the way back. */
  loseSaleAnswers: boolean;
  /** Make this share of the regular price the kansentarief (default 20). */
  socialTariffPercent: number;
  /** Registered sales by id (a DELETE removes them). */
  sales: Map<string, FakeTicketSale>;
  /** Every POST /ticket-sales body, every DELETE id, every GET /tariffs query. */
  saleRequests: unknown[];
  cancelRequests: string[];
  tariffRequests: Record<string, string>[];
  close(): Promise<void>;
}

export async function startFakeUitpas(options: FakeUitpasOptions = {}): Promise<FakeUitpas> {
  const clientId = options.clientId ?? 'instap-test-client';
  const clientSecret = options.clientSecret ?? 'fake-secret-do-not-log';
  const expiresIn = options.expiresIn ?? 3600;
  const valid = new Set<string>();
  const hanging = new Set<ServerResponse>();
  let issued = 0;

  const fake: FakeUitpas = {
    apiBase: '',
    tokenUrl: '',
    clientId,
    clientSecret,
    tokenRequests: [],
    passAuthorizations: [],
    revokeTokens: () => valid.clear(),
    rejectAllTokens: false,
    hangTokenEndpoint: false,
    down: false,
    slowMs: 0,
    loseSaleAnswers: false,
    socialTariffPercent: options.socialTariffPercent ?? 20,
    sales: new Map(),
    saleRequests: [],
    cancelRequests: [],
    tariffRequests: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };

  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, type: string, title: string, detail: string) =>
    json(res, status, { type: `https://api.publiq.be/probs/${type}`, title, status, detail }, 'application/problem+json');
  const hang = (res: ServerResponse) => {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  };

  async function handleToken(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(raw))
      : (JSON.parse(raw || '{}') as Record<string, string>);
    fake.tokenRequests.push(form);
    if (fake.hangTokenEndpoint) return hang(res);
    if (form.grant_type !== 'client_credentials') {
      return json(res, 400, { error: 'unsupported_grant_type' });
    }
    if (form.client_id !== clientId || form.client_secret !== clientSecret) {
      return json(res, 401, { error: 'access_denied', error_description: 'Unauthorized' });
    }
    const token = `fake-token-${++issued}`;
    valid.add(token);
    json(res, 200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer' });
  }

  function handlePass(req: IncomingMessage, res: ServerResponse, uitpasNumber: string) {
    fake.passAuthorizations.push(req.headers.authorization);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (fake.rejectAllTokens || !token || !valid.has(token)) {
      return problem(res, 401, 'auth/unauthorized', 'Unauthorized', 'The access token is missing or invalid.');
    }
    if (!/^\d{13}$/.test(uitpasNumber)) {
      return problem(res, 400, 'uitpas/invalid-uitpas-number', 'Invalid UiTPAS number', 'Not a UiTPAS number.');
    }
    switch (uitpasNumber) {
      case FAKE_PASSES.hangs:
        return hang(res);
      case FAKE_PASSES.down:
        res.writeHead(503, { 'content-type': 'text/html' });
        return res.end('<html><body>Service Unavailable</body></html>');
      case FAKE_PASSES.rateLimited:
        return problem(res, 429, 'uitpas/rate-limited', 'Too Many Requests', 'Slow down.');
      case FAKE_PASSES.malformed:
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"uitpasNumber": "0900000000086", "socialTariff": {');
    }
    const socialTariff = SOCIAL_TARIFF[uitpasNumber];
    if (!socialTariff) {
      return problem(res, 404, 'uitpas/pass-not-found', 'Pass not found', `No pass with UiTPAS number ${uitpasNumber}.`);
    }
    json(res, 200, {
      uitpasNumber,
      passType: 'INDIVIDUAL',
      firstName: 'Fien',
      points: 12,
      postalCode: '9000',
      socialTariff,
    });
  }

  const authorised = (req: IncomingMessage) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return !fake.rejectAllTokens && Boolean(token && valid.has(token));
  };
  const euros = (n: number) => Math.round(n * 100) / 100;
  let nextSale = 499853;

  /** What GET /tariffs answers for a pass, or the problem it gives (also used to check a POST). */
  function tariffsFor(uitpasNumber: string, eventId: string, regularPrice: number):
    | { status: 200; body: { available: object[]; endUserMessage?: { nl: string } } }
    | { status: number; problem: [type: string, title: string, endUserMessage?: string] } {
    if (!/^\d{13}$/.test(uitpasNumber) || uitpasNumber === FAKE_PASSES.invalid) return { status: 400, problem: ['uitpas/invalid-uitpasnumber', 'Invalid uitpas number'] };
    if (!Object.values(FAKE_EVENTS).includes(eventId as never)) return { status: 400, problem: ['uitpas/event-not-found', `Event id ${eventId} not found`] };
    if (uitpasNumber === FAKE_PASSES.expired)
      return { status: 400, problem: ['uitpas/social-tariff-expired', 'Social tariff expired', 'Je kansenstatuut is vervallen, daarom kan je je UiTPAS momenteel niet gebruiken.'] };
    if (uitpasNumber === FAKE_PASSES.noneLeft)
      return { status: 200, body: { available: [], endUserMessage: { nl: 'Je hebt geen recht meer op kansentarief voor deze activiteit.' } } };
    if (uitpasNumber === FAKE_PASSES.none) return { status: 200, body: { available: [] } };
    if (!SOCIAL_TARIFF[uitpasNumber]) return { status: 400, problem: ['uitpas/passholder-not-found', 'Passholder not found'] };
    const price = euros((regularPrice * fake.socialTariffPercent) / 100);
    return { status: 200, body: { available: [{ id: 'SOCIALTARIFF', name: 'Kansentarief', price, type: 'SOCIALTARIFF', remaining: 1 }] } };
  }

  async function handleSales(req: IncomingMessage, res: ServerResponse, url: URL, saleId: string | null) {
    const raw = await readBody(req);
    if (!authorised(req)) return problem(res, 401, 'auth/unauthorized', 'Unauthorized', 'The access token is missing or invalid.');
    if (fake.slowMs) await new Promise((r) => setTimeout(r, fake.slowMs));
    if (res.destroyed) return;
    if (fake.down) {
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('<html><body>Service Unavailable</body></html>');
    }
    const q = Object.fromEntries(url.searchParams);
    const refuse = (status: number, [type, title, endUserMessage]: [string, string, string?]) =>
      json(res, status, { type: `https://api.publiq.be/probs/${type}`, title, status, ...(endUserMessage ? { endUserMessage: { nl: endUserMessage } } : {}) }, 'application/problem+json');

    if (url.pathname === '/tariffs' && req.method === 'GET') {
      fake.tariffRequests.push(q);
      const regularPrice = Number(q.regularPrice);
      if (!q.eventId || !q.uitpasNumber || q.regularPrice === undefined || !Number.isFinite(regularPrice) || regularPrice < 0)
        return refuse(400, ['url/query-invalid', 'regularPrice, eventId and uitpasNumber are required']);
      if (q.uitpasNumber === FAKE_PASSES.hangs) return hang(res);
      if (q.uitpasNumber === FAKE_PASSES.down) return json(res, 503, { title: 'Service Unavailable' });
      if (q.uitpasNumber === FAKE_PASSES.rateLimited) return refuse(429, ['uitpas/rate-limited', 'Rate limited']);
      const answer = tariffsFor(q.uitpasNumber, q.eventId, regularPrice);
      return 'problem' in answer ? refuse(answer.status, answer.problem) : json(res, 200, answer.body);
    }

    if (url.pathname === '/ticket-sales' && req.method === 'POST') {
      const body = JSON.parse(raw || 'null') as unknown;
      fake.saleRequests.push(body);
      if (!Array.isArray(body) || body.length === 0) return refuse(400, ['body/invalid-data', 'An array of ticket sales is required']);
      const made: FakeTicketSale[] = [];
      for (const item of body as Record<string, any>[]) {
        if (typeof item?.uitpasNumber !== 'string' || typeof item?.eventId !== 'string' || typeof item?.regularPrice !== 'number' || typeof item?.tariff?.id !== 'string')
          return refuse(400, ['body/invalid-data', 'uitpasNumber, eventId, regularPrice and tariff.id are required']);
        if (item.uitpasNumber === FAKE_PASSES.noneLeft) return refuse(400, ['uitpas/maximum-reached', 'Maximum reached', 'Je hebt geen recht meer op kansentarief voor deze activiteit.']);
        const answer = tariffsFor(item.uitpasNumber, item.eventId, item.regularPrice);
        if ('problem' in answer) return refuse(answer.status, answer.problem);
        const tariff = answer.body.available.find((t) => (t as { id: string }).id === item.tariff.id) as FakeTicketSale['tariff'] | undefined;
        if (!tariff) return refuse(400, ['uitpas/invalid-coupon', 'Invalid tariff']);
        made.push({ id: String(nextSale++), uitpasNumber: item.uitpasNumber, eventId: item.eventId, regularPrice: item.regularPrice, tariff });
      }
      // All or nothing, as the reference says: only now are they registered.
      for (const m of made) fake.sales.set(m.id, m);
      if (fake.loseSaleAnswers) return res.destroy();
      return json(res, 200, made);
    }

    if (url.pathname === '/ticket-sales' && req.method === 'GET') {
      if (!q.eventId && !q.passholderId) return refuse(400, ['url/query-invalid', 'eventId or passholderId is required']);
      const start = Math.max(0, Number(q.start ?? 0) || 0);
      const limit = Math.min(2000, Math.max(1, Number(q.limit ?? 30) || 30));
      const all = [...fake.sales.values()].filter((s) => !q.eventId || s.eventId === q.eventId);
      return json(res, 200, { totalItems: all.length, member: all.slice(start, start + limit) });
    }

    if (saleId && req.method === 'DELETE') {
      fake.cancelRequests.push(saleId);
      if (!fake.sales.delete(saleId)) return refuse(404, ['uitpas/ticket-sale-not-found', 'Ticket sale not found']);
      res.writeHead(204);
      return res.end();
    }
    return problem(res, 405, 'url/method-not-allowed', 'Method not allowed', 'No such operation on the fake.');
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pass = /^\/passes\/([^/]+)$/.exec(url.pathname);
    const sale = /^\/ticket-sales\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      handleToken(req, res).catch(() => json(res, 400, { error: 'invalid_request' }));
    } else if (url.pathname === '/tariffs' || url.pathname === '/ticket-sales' || sale) {
      handleSales(req, res, url, sale ? decodeURIComponent(sale[1]!) : null).catch(() => problem(res, 400, 'body/invalid-syntax', 'Invalid syntax', 'The body is not JSON.'));
    } else if (req.method === 'GET' && pass) {
      handlePass(req, res, decodeURIComponent(pass[1]));
    } else {
      problem(res, 404, 'uitpas/not-found', 'Not found', 'No such route on the fake.');
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.apiBase = `http://127.0.0.1:${port}`;
  fake.tokenUrl = `http://127.0.0.1:${port}/oauth/token`;
  return fake;
}
