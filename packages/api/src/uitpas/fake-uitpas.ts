/**
 * Test helper: a real HTTP server on 127.0.0.1 that answers like publiq's UiTPAS API v4 and its
 * OAuth2 token endpoint, so the client is exercised over actual sockets. Not for production use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
} as const;

const SOCIAL_TARIFF: Record<string, object> = {
  [FAKE_PASSES.active]: { status: 'ACTIVE', endDate: '2099-12-31', inGracePeriod: false },
  [FAKE_PASSES.expired]: { status: 'EXPIRED', endDate: '2020-12-31', inGracePeriod: false },
  [FAKE_PASSES.none]: { status: 'NONE' },
  [FAKE_PASSES.oddStatus]: { status: 'SUSPENDED' },
};

export interface FakeUitpasOptions {
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` (seconds) of every token issued. */
  expiresIn?: number;
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

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pass = /^\/passes\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      handleToken(req, res).catch(() => json(res, 400, { error: 'invalid_request' }));
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
