/**
 * Optional UiTPAS adapter: confirms, afterwards, that a pass number a family gave voluntarily has
 * an active social tariff (kanspas), using publiq's UiTPAS API v4.
 *
 * Why it is shaped like this: the kanspas tick box is trusted. A family that ticks it pays the
 * reduced price and is never blocked, asked for proof, or made to wait on this API. This check
 * only runs after registration, as information for the organiser, so it must never throw and
 * never turn "we could not tell" into "not valid": a 404 may just be a typo, and timeouts, network
 * errors, 5xx, 429 and odd bodies all come back as `unknown`. Only an explicit EXPIRED or NONE
 * from UiTPAS yields `not-valid`.
 *
 * The client secret lives only in this closure and in token request bodies; it is never logged,
 * and neither are pass numbers (personal data). Node built-ins only (global fetch, AbortSignal).
 */

export type UitpasEnvironment = 'test' | 'production';

export interface UitpasConfig {
  clientId: string;
  clientSecret: string;
  environment: UitpasEnvironment;
  /** Overrides the environment's API base (tests point this at a local server). */
  apiBase?: string;
  /** Overrides the environment's OAuth2 token URL. */
  tokenUrl?: string;
  /** Deadline for one whole check (token + pass lookup + one retry). Default 3000 ms. */
  timeoutMs?: number;
}

export interface UitpasDeps {
  fetch?: typeof fetch;
  clock?: () => Date;
  /** Operational messages (never contain the secret, tokens or pass numbers). Default: none. */
  log?: (message: string) => void;
}

export type UitpasCheck =
  | { outcome: 'verified' }
  | { outcome: 'not-valid'; reason: 'expired' | 'none' }
  | { outcome: 'unknown'; reason: 'pass-not-found' | 'timeout' | 'unavailable' | 'bad-number' };

export interface UitpasClient {
  checkSocialTariff(uitpasNumber: string): Promise<UitpasCheck>;
}

export const UITPAS_ENVIRONMENTS: Record<UitpasEnvironment, { apiBase: string; tokenUrl: string }> = {
  test: { apiBase: 'https://api-test.uitpas.be', tokenUrl: 'https://account-test.uitid.be/oauth/token' },
  production: { apiBase: 'https://api.uitpas.be', tokenUrl: 'https://account.uitid.be/oauth/token' },
};

export const UITPAS_AUDIENCE = 'https://api.publiq.be';
export const DEFAULT_TIMEOUT_MS = 3000;
/** Refresh a token this long before it expires (at most half its lifetime). */
const EXPIRY_MARGIN_MS = 60_000;
const UITPAS_NUMBER = /^\d{13}$/;

/** Thrown inside the client only; `checkSocialTariff` turns it into an `unknown` outcome. */
class Unavailable extends Error {}

export function createUitpasClient(config: UitpasConfig, deps: UitpasDeps = {}): UitpasClient {
  const env = UITPAS_ENVIRONMENTS[config.environment];
  if (!env) throw new Error(`Unknown UiTPAS environment: ${String(config.environment)}`);
  const apiBase = (config.apiBase ?? env.apiBase).replace(/\/+$/, '');
  const tokenUrl = config.tokenUrl ?? env.tokenUrl;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = deps.fetch ?? globalThis.fetch;
  const now = () => (deps.clock ?? (() => new Date()))().getTime();
  const log = deps.log ?? (() => {});

  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function requestToken(signal: AbortSignal): Promise<string> {
    const res = await doFetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        audience: UITPAS_AUDIENCE,
      }),
      signal,
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new Unavailable(`token request answered HTTP ${res.status}`);
    }
    const body = (await readJson(res)) as { access_token?: unknown; expires_in?: unknown } | undefined;
    const token = body?.access_token;
    const expiresIn = body?.expires_in;
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw new Unavailable('token response lacks access_token or expires_in');
    }
    const lifetimeMs = expiresIn * 1000;
    cached = { token, refreshAt: now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2) };
    return token;
  }

  /** A cached token while it is fresh; concurrent checks share one token request. */
  function getToken(signal: AbortSignal): Promise<string> {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    inFlight ??= requestToken(signal).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function fetchPass(uitpasNumber: string, token: string, signal: AbortSignal) {
    return doFetch(`${apiBase}/passes/${encodeURIComponent(uitpasNumber)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal,
    });
  }

  async function check(uitpasNumber: string, signal: AbortSignal): Promise<UitpasCheck> {
    let token = await getToken(signal);
    let res = await fetchPass(uitpasNumber, token, signal);
    if (res.status === 401) {
      // The token may have been revoked or expired early: drop it and retry exactly once.
      await res.body?.cancel().catch(() => {});
      if (cached?.token === token) cached = undefined;
      token = await getToken(signal);
      res = await fetchPass(uitpasNumber, token, signal);
    }
    if (res.status === 404) {
      // Unknown to UiTPAS: maybe a typo, so never "not valid".
      await res.body?.cancel().catch(() => {});
      return { outcome: 'unknown', reason: 'pass-not-found' };
    }
    const body = await readJson(res);
    if (res.status === 400 && problemType(body).endsWith('/invalid-uitpas-number')) {
      return { outcome: 'unknown', reason: 'bad-number' };
    }
    if (res.status !== 200) throw new Unavailable(`pass lookup answered HTTP ${res.status}`);
    const status = (body as { socialTariff?: { status?: unknown } } | undefined)?.socialTariff?.status;
    if (status === 'ACTIVE') return { outcome: 'verified' };
    if (status === 'EXPIRED') return { outcome: 'not-valid', reason: 'expired' };
    if (status === 'NONE') return { outcome: 'not-valid', reason: 'none' };
    // Anything else (missing, SUSPENDED, a future value) is not a clear "no": stay unknown.
    throw new Unavailable(`pass lookup returned an unrecognised socialTariff status`);
  }

  return {
    async checkSocialTariff(uitpasNumber: string): Promise<UitpasCheck> {
      const number = typeof uitpasNumber === 'string' ? uitpasNumber.trim() : '';
      if (!UITPAS_NUMBER.test(number)) return { outcome: 'unknown', reason: 'bad-number' };
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await check(number, signal);
      } catch (error) {
        if (signal.aborted || isTimeout(error)) {
          log(`uitpas: check timed out after ${timeoutMs} ms`);
          return { outcome: 'unknown', reason: 'timeout' };
        }
        const why = error instanceof Unavailable ? error.message : `request failed (${errorName(error)})`;
        log(`uitpas: ${why}`);
        return { outcome: 'unknown', reason: 'unavailable' };
      }
    },
  };
}

/** Parses a JSON body; a malformed one is "unavailable", an empty one is undefined. */
async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Unavailable(`HTTP ${res.status} with a body that is not JSON`);
  }
}

function problemType(body: unknown): string {
  const type = (body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : '';
}

function isTimeout(error: unknown): boolean {
  const name = errorName(error);
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Only the error's class name: messages may echo URLs or bodies we do not want in logs. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
