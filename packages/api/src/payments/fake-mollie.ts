/**
 * Test helper: a real HTTPS server on 127.0.0.1 that answers like Mollie's Payments API v2
 * (create and get payment, Bearer test_/live_ keys, errors as application/hal+json with
 * status/title/detail/field), and calls the webhook the way Mollie does: a POST with only
 * `id=tr_…`, form-encoded. Not for production use.
 *
 * The official client (@mollie/api-client 4.x) always connects through an HTTPS agent pinned to
 * its own CA bundle, so it cannot reach a plain-HTTP or self-signed server while certificates are
 * checked. Starting this fake therefore turns certificate checks off in the test process that
 * starts it (NODE_TLS_REJECT_UNAUTHORIZED=0) until `close()`: each test file runs in its own
 * worker, and tests only talk to 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FAKE_MOLLIE_CERT, FAKE_MOLLIE_KEY } from './fake-mollie-tls.js';
import { readBody } from '../testing/read-body.js';

export type FakeMollieStatus = 'open' | 'pending' | 'authorized' | 'paid' | 'canceled' | 'expired' | 'failed';

/** The method names Mollie's API knows (a subset); `bancontact` includes the Payconiq by Bancontact app. */
const METHODS = new Set(['bancontact', 'creditcard', 'ideal', 'banktransfer', 'paypal', 'applepay', 'kbc', 'belfius', 'trustly']);

export interface FakeMolliePayment {
  resource: 'payment';
  id: string;
  mode: 'test' | 'live';
  createdAt: string;
  amount: { value: string; currency: string };
  description: string;
  method: string | null;
  metadata: unknown;
  status: FakeMollieStatus;
  isCancelable: boolean;
  expiresAt?: string;
  paidAt?: string;
  canceledAt?: string;
  expiredAt?: string;
  failedAt?: string;
  amountRefunded?: { value: string; currency: string };
  amountRemaining?: { value: string; currency: string };
  amountChargedBack?: { value: string; currency: string };
  profileId: string;
  sequenceType: 'oneoff';
  redirectUrl: string;
  webhookUrl?: string;
  locale?: string;
  _links: Record<string, { href: string; type: string }>;
}

/** How the fake reaches the webhook; by default over the network (fetch). Tests may hand it `app.request`. */
export type WebhookDelivery = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Response | Promise<Response>;

export interface FakeMollieOptions {
  /** API keys the fake accepts (Bearer). Default: one test key, `FAKE_MOLLIE_TEST_KEY`. */
  keys?: string[];
  deliver?: WebhookDelivery;
}

export const FAKE_MOLLIE_TEST_KEY = 'test_FakeMollieKey0123456789abcdefg';

export interface FakeMollie {
  /** The API root to give the client as `apiEndpoint`, e.g. https://127.0.0.1:4567/v2/. */
  apiEndpoint: string;
  /** Every payment created, by id. */
  payments: Map<string, FakeMolliePayment & { apiKey: string }>;
  /** Every request received: method, path, Authorization header, parsed body. */
  requests: { method: string; path: string; authorization?: string; idempotencyKey?: string; body: any }[];
  /** Every webhook call made, with the answer's status. */
  webhookCalls: { url: string; body: string; contentType: string; status: number }[];
  /** Accept another key (a second organisation's). */
  addKey(key: string): void;
  /** Set a payment's status as the checkout would (paid, failed, canceled, expired…), then call its webhook. */
  setStatus(id: string, status: FakeMollieStatus, opts?: { notify?: boolean }): Promise<number | null>;
  /** The family pays at the checkout: status paid, then the webhook. Answers the webhook's HTTP status. */
  pay(id: string): Promise<number | null>;
  /** A (partial) refund as the dashboard would make it, then the webhook. */
  refund(id: string, cents: number): Promise<number | null>;
  /** Call the payment's webhook again, as Mollie retries when the answer was not 2xx. */
  notify(id: string): Promise<number | null>;
  /** The last payment created. */
  last(): (FakeMolliePayment & { apiKey: string }) | undefined;
  /** Answer every API call with this HTTP status (502, 503) until set back to null. */
  failWith: number | null;
  /** Never answer API calls (a hanging Mollie). */
  hang: boolean;
  close(): Promise<void>;
}

const KEY_SHAPE = /^(test|live)_[A-Za-z0-9]{30}$/;
const DOCS = 'https://docs.mollie.com/reference/handling-errors';

export const cents = (value: string) => Math.round(Number(value) * 100);
const euros = (c: number) => (c / 100).toFixed(2);

export async function startFakeMollie(options: FakeMollieOptions = {}): Promise<FakeMollie> {
  const tlsBefore = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const restoreTls = () => {
    if (tlsBefore === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsBefore;
  };
  const keys = new Set(options.keys ?? [FAKE_MOLLIE_TEST_KEY]);
  const deliver: WebhookDelivery = options.deliver ?? ((url, init) => fetch(url, init));
  const byIdempotencyKey = new Map<string, string>();
  const hanging = new Set<ServerResponse>();
  let base = '';

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/hal+json' });
    res.end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, title: string, detail: string, field?: string) =>
    send(res, status, { status, title, detail, ...(field ? { field } : {}), _links: { documentation: { href: DOCS, type: 'text/html' } } });

  const view = (p: FakeMolliePayment & { apiKey: string }): FakeMolliePayment => {
    const { apiKey: _key, ...rest } = p;
    return rest;
  };

  async function notify(id: string): Promise<number | null> {
    const p = fake.payments.get(id);
    if (!p?.webhookUrl) return null;
    const body = new URLSearchParams({ id }).toString();
    const contentType = 'application/x-www-form-urlencoded';
    const res = await deliver(p.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, 'user-agent': 'Mollie HTTP client/1.0', accept: '*/*' },
      body,
    });
    await res.text().catch(() => '');
    fake.webhookCalls.push({ url: p.webhookUrl, body, contentType, status: res.status });
    return res.status;
  }

  function create(res: ServerResponse, apiKey: string, body: any, idempotencyKey: string | undefined) {
    if (idempotencyKey && byIdempotencyKey.has(`${apiKey}|${idempotencyKey}`)) {
      return send(res, 201, view(fake.payments.get(byIdempotencyKey.get(`${apiKey}|${idempotencyKey}`)!)!));
    }
    const amount = body?.amount;
    if (!amount || typeof amount !== 'object') return problem(res, 422, 'Unprocessable Entity', 'The amount is required for payments', 'amount');
    if (amount.currency !== 'EUR') return problem(res, 422, 'Unprocessable Entity', 'The currency is not supported', 'amount.currency');
    if (typeof amount.value !== 'string' || !/^\d+\.\d{2}$/.test(amount.value))
      return problem(res, 422, 'Unprocessable Entity', 'The amount contains an invalid value', 'amount.value');
    if (cents(amount.value) < 1) return problem(res, 422, 'Unprocessable Entity', 'The amount is lower than the minimum', 'amount');
    if (cents(amount.value) > 5_000_000) return problem(res, 422, 'Unprocessable Entity', 'The amount is higher than the maximum', 'amount');
    if (typeof body.description !== 'string' || !body.description.trim())
      return problem(res, 422, 'Unprocessable Entity', 'The description is invalid', 'description');
    if (typeof body.redirectUrl !== 'string' || !URL.canParse(body.redirectUrl))
      return problem(res, 422, 'Unprocessable Entity', 'The redirect URL is invalid', 'redirectUrl');
    if (body.webhookUrl !== undefined && (typeof body.webhookUrl !== 'string' || !URL.canParse(body.webhookUrl)))
      return problem(res, 422, 'Unprocessable Entity', 'The webhook URL is invalid', 'webhookUrl');
    const methods = body.method === undefined || body.method === null ? [] : Array.isArray(body.method) ? body.method : [body.method];
    if (methods.some((m: unknown) => typeof m !== 'string' || !METHODS.has(m)))
      return problem(res, 422, 'Unprocessable Entity', 'The payment method is invalid', 'method');
    const id = `tr_${randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10)}`;
    const now = new Date();
    const payment: FakeMolliePayment & { apiKey: string } = {
      resource: 'payment',
      id,
      mode: apiKey.startsWith('live_') ? 'live' : 'test',
      createdAt: now.toISOString(),
      amount: { value: amount.value, currency: 'EUR' },
      description: body.description,
      method: methods.length === 1 ? methods[0] : null,
      metadata: body.metadata ?? null,
      status: 'open',
      isCancelable: false,
      expiresAt: new Date(now.getTime() + 15 * 60_000).toISOString(),
      profileId: `pfl_${apiKey.slice(5, 15)}`,
      sequenceType: 'oneoff',
      redirectUrl: body.redirectUrl,
      webhookUrl: body.webhookUrl,
      locale: body.locale,
      apiKey,
      _links: {
        self: { href: `${base}payments/${id}`, type: 'application/hal+json' },
        checkout: { href: `${base.replace(/\/v2\/$/, '')}/checkout/select-method/${id}`, type: 'text/html' },
        dashboard: { href: `https://my.mollie.com/dashboard/payments/${id}`, type: 'text/html' },
        documentation: { href: 'https://docs.mollie.com/reference/create-payment', type: 'text/html' },
      },
    };
    fake.payments.set(id, payment);
    if (idempotencyKey) byIdempotencyKey.set(`${apiKey}|${idempotencyKey}`, id);
    send(res, 201, view(payment));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const raw = await readBody(req);
    let body: any = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return problem(res, 400, 'Bad Request', 'The request body is not valid JSON');
      }
    }
    const authorization = req.headers.authorization;
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    fake.requests.push({ method: req.method ?? '', path: url.pathname, authorization, idempotencyKey, body });
    if (fake.hang) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fake.failWith) {
      res.writeHead(fake.failWith, { 'content-type': 'text/html' });
      return res.end('<html><body>Service unavailable</body></html>');
    }
    const apiKey = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!apiKey || !KEY_SHAPE.test(apiKey) || !keys.has(apiKey))
      return problem(res, 401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate');
    if (req.method === 'POST' && url.pathname === '/v2/payments') return create(res, apiKey, body, idempotencyKey);
    const one = /^\/v2\/payments\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const p = fake.payments.get(decodeURIComponent(one[1]!));
      // Mollie answers another account's payment as unknown: ids say nothing across accounts.
      if (!p || p.apiKey !== apiKey) return problem(res, 404, 'Not Found', `No payment exists with token ${one[1]}.`);
      return send(res, 200, view(p));
    }
    problem(res, 404, 'Not Found', 'The resource does not exist');
  }

  const server = createServer({ key: FAKE_MOLLIE_KEY, cert: FAKE_MOLLIE_CERT }, (req, res) => {
    handle(req, res).catch(() => problem(res, 500, 'Internal Server Error', 'The fake could not answer'));
  });

  const changed = (id: string) => {
    const p = fake.payments.get(id);
    if (!p) throw new Error(`The fake Mollie has no payment ${id}`);
    return p;
  };

  const fake: FakeMollie = {
    apiEndpoint: '',
    payments: new Map(),
    requests: [],
    webhookCalls: [],
    failWith: null,
    hang: false,
    addKey: (key) => void keys.add(key),
    last: () => [...fake.payments.values()].at(-1),
    async setStatus(id, status, opts = {}) {
      const p = changed(id);
      p.status = status;
      const at = new Date().toISOString();
      if (status === 'paid') {
        p.paidAt = at;
        p.amountRefunded = { value: '0.00', currency: p.amount.currency };
        p.amountRemaining = { ...p.amount };
      }
      if (status === 'canceled') p.canceledAt = at;
      if (status === 'expired') p.expiredAt = at;
      if (status === 'failed') p.failedAt = at;
      return opts.notify === false ? null : notify(id);
    },
    pay: (id) => fake.setStatus(id, 'paid'),
    async refund(id, amountCents) {
      const p = changed(id);
      if (p.status !== 'paid') throw new Error('Only a paid payment can be refunded');
      const refunded = cents(p.amountRefunded?.value ?? '0.00') + amountCents;
      p.amountRefunded = { value: euros(refunded), currency: p.amount.currency };
      p.amountRemaining = { value: euros(cents(p.amount.value) - refunded), currency: p.amount.currency };
      return notify(id);
    },
    notify,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close((err) => {
          restoreTls();
          return err ? reject(err) : resolve();
        });
      }),
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `https://127.0.0.1:${port}/v2/`;
  fake.apiEndpoint = base;
  return fake;
}
