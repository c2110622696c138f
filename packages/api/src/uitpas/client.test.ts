import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUitpasClient, UITPAS_AUDIENCE, type UitpasConfig, type UitpasDeps } from './client.js';
import { FAKE_PASSES, startFakeUitpas, type FakeUitpas } from './fake-uitpas.js';

let fake: FakeUitpas;
let nowMs: number;
let logs: string[];

beforeEach(async () => {
  fake = await startFakeUitpas({ expiresIn: 3600 });
  nowMs = Date.parse('2025-09-01T08:00:00Z');
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

function client(config: Partial<UitpasConfig> = {}, deps: UitpasDeps = {}) {
  return createUitpasClient(
    {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      environment: 'test',
      apiBase: fake.apiBase,
      tokenUrl: fake.tokenUrl,
      timeoutMs: 2000,
      ...config,
    },
    { clock: () => new Date(nowMs), log: (m) => logs.push(m), ...deps },
  );
}

describe('checkSocialTariff: what UiTPAS says about the pass', () => {
  it('ACTIVE social tariff is verified, using a client-credentials token', async () => {
    expect(await client().checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'verified' });
    expect(fake.tokenRequests).toEqual([
      {
        grant_type: 'client_credentials',
        client_id: fake.clientId,
        client_secret: fake.clientSecret,
        audience: UITPAS_AUDIENCE,
      },
    ]);
    expect(fake.passAuthorizations).toEqual(['Bearer fake-token-1']);
  });

  it('EXPIRED is not valid (expired), NONE is not valid (none)', async () => {
    const c = client();
    expect(await c.checkSocialTariff(FAKE_PASSES.expired)).toEqual({ outcome: 'not-valid', reason: 'expired' });
    expect(await c.checkSocialTariff(FAKE_PASSES.none)).toEqual({ outcome: 'not-valid', reason: 'none' });
  });

  it('an unknown pass (404 problem+json) is unknown, never not-valid: it may be a typo', async () => {
    expect(await client().checkSocialTariff(FAKE_PASSES.unknown)).toEqual({
      outcome: 'unknown',
      reason: 'pass-not-found',
    });
  });

  it('a social tariff status it does not know (SUSPENDED) stays unknown', async () => {
    expect(await client().checkSocialTariff(FAKE_PASSES.oddStatus)).toEqual({
      outcome: 'unknown',
      reason: 'unavailable',
    });
  });

  it('trims surrounding whitespace from the number', async () => {
    expect(await client().checkSocialTariff(`  ${FAKE_PASSES.active}\n`)).toEqual({ outcome: 'verified' });
  });
});

describe('checkSocialTariff: bad numbers are refused before any request', () => {
  it.each(['', '123', '09000000000111', '090000000001a', '0900 0000 0001', '-900000000011'])(
    '%j is bad-number',
    async (n) => {
      expect(await client().checkSocialTariff(n)).toEqual({ outcome: 'unknown', reason: 'bad-number' });
      expect(fake.tokenRequests).toHaveLength(0);
      expect(fake.passAuthorizations).toHaveLength(0);
    },
  );

  it('a non-string (from untyped callers) is bad-number, not a throw', async () => {
    const check = client().checkSocialTariff as (n: unknown) => Promise<unknown>;
    expect(await check(undefined)).toEqual({ outcome: 'unknown', reason: 'bad-number' });
  });
});

describe('checkSocialTariff: slow or broken API is unknown, never a throw', () => {
  it('a pass lookup that hangs returns unknown/timeout within about timeoutMs', async () => {
    const started = Date.now();
    const result = await client({ timeoutMs: 200 }).checkSocialTariff(FAKE_PASSES.hangs);
    expect(result).toEqual({ outcome: 'unknown', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a token endpoint that hangs also returns unknown/timeout', async () => {
    fake.hangTokenEndpoint = true;
    expect(await client({ timeoutMs: 200 }).checkSocialTariff(FAKE_PASSES.active)).toEqual({
      outcome: 'unknown',
      reason: 'timeout',
    });
  });

  it.each([
    ['503', FAKE_PASSES.down],
    ['429', FAKE_PASSES.rateLimited],
    ['malformed JSON', FAKE_PASSES.malformed],
  ])('%s is unknown/unavailable', async (_label, n) => {
    expect(await client().checkSocialTariff(n)).toEqual({ outcome: 'unknown', reason: 'unavailable' });
  });

  it('a network error (nothing listening) is unknown/unavailable', async () => {
    const dead = await startFakeUitpas();
    await dead.close();
    const c = client({ apiBase: dead.apiBase, tokenUrl: dead.tokenUrl });
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'unknown', reason: 'unavailable' });
  });

  it('a fetch that throws synchronously is unknown/unavailable', async () => {
    const c = client({}, { fetch: (() => { throw new TypeError('boom'); }) as typeof fetch });
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'unknown', reason: 'unavailable' });
  });
});

describe('token handling', () => {
  it('reuses the token while valid and fetches a new one once the clock passes expiry', async () => {
    const c = client();
    await c.checkSocialTariff(FAKE_PASSES.active);
    nowMs += 30 * 60_000; // half an hour later: same token
    await c.checkSocialTariff(FAKE_PASSES.expired);
    expect(fake.tokenRequests).toHaveLength(1);

    nowMs += 30 * 60_000 + 1000; // past expires_in (3600 s)
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'verified' });
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.passAuthorizations).toEqual(['Bearer fake-token-1', 'Bearer fake-token-1', 'Bearer fake-token-2']);
  });

  it('refreshes shortly before expiry, not at the last second', async () => {
    const c = client();
    await c.checkSocialTariff(FAKE_PASSES.active);
    nowMs += 3600_000 - 30_000; // 30 s before expiry: inside the safety margin
    await c.checkSocialTariff(FAKE_PASSES.active);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it('on a 401 drops the cached token and retries once with a new one', async () => {
    const c = client();
    await c.checkSocialTariff(FAKE_PASSES.active);
    fake.revokeTokens();
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'verified' });
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.passAuthorizations).toEqual(['Bearer fake-token-1', 'Bearer fake-token-1', 'Bearer fake-token-2']);
  });

  it('a 401 that persists after the refresh is unknown/unavailable, with only one retry', async () => {
    fake.rejectAllTokens = true;
    expect(await client().checkSocialTariff(FAKE_PASSES.active)).toEqual({
      outcome: 'unknown',
      reason: 'unavailable',
    });
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.passAuthorizations).toHaveLength(2);
  });

  it('concurrent checks share one token request', async () => {
    const c = client();
    const results = await Promise.all([FAKE_PASSES.active, FAKE_PASSES.expired, FAKE_PASSES.none].map((n) => c.checkSocialTariff(n)));
    expect(results.map((r) => r.outcome)).toEqual(['verified', 'not-valid', 'not-valid']);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it('wrong credentials are unknown/unavailable; the secret is never logged or exposed', async () => {
    const secret = 'wrong-secret-s3cr3t';
    const c = client({ clientSecret: secret });
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'unknown', reason: 'unavailable' });
    await c.checkSocialTariff(FAKE_PASSES.down);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(secret);
      expect(line).not.toContain(FAKE_PASSES.active);
    }
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(c)).not.toContain(secret);
  });
});

describe('environments', () => {
  function recordingFetch(urls: string[]): typeof fetch {
    return (async (input: string | URL | Request) => {
      const url = String(input);
      urls.push(url);
      if (url.endsWith('/oauth/token')) {
        return Response.json({ access_token: 't', expires_in: 3600, token_type: 'Bearer' });
      }
      return Response.json({ uitpasNumber: FAKE_PASSES.active, socialTariff: { status: 'ACTIVE' } });
    }) as typeof fetch;
  }

  it.each([
    ['test', 'https://account-test.uitid.be/oauth/token', 'https://api-test.uitpas.be/passes/'],
    ['production', 'https://account.uitid.be/oauth/token', 'https://api.uitpas.be/passes/'],
  ] as const)('%s uses publiq URLs by default', async (environment, tokenUrl, passesUrl) => {
    const urls: string[] = [];
    const c = createUitpasClient(
      { clientId: 'id', clientSecret: 'secret', environment },
      { fetch: recordingFetch(urls) },
    );
    expect(await c.checkSocialTariff(FAKE_PASSES.active)).toEqual({ outcome: 'verified' });
    expect(urls).toEqual([tokenUrl, passesUrl + FAKE_PASSES.active]);
  });
});
