/**
 * The one way Instap talks to publiq's UiTPAS API v4: an OAuth2 client-credentials token
 * (cached, shared by concurrent calls, refreshed before it expires, dropped and fetched again
 * once on a 401) and JSON over fetch with a deadline. The pass check and the ticket sales both
 * use it. The client secret stays in this closure and in token request bodies, never in logs.
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
  /** Deadline for one whole operation (token + request + one retry). Default 3000 ms. */
  timeoutMs?: number;
}

export interface UitpasDeps {
  fetch?: typeof fetch;
  clock?: () => Date;
  /** Operational messages (never contain the secret, tokens or pass numbers). Default: none. */
  log?: (message: string) => void;
}

export const UITPAS_ENVIRONMENTS: Record<UitpasEnvironment, { apiBase: string; tokenUrl: string }> = {
  test: { apiBase: 'https://api-test.uitpas.be', tokenUrl: 'https://account-test.uitid.be/oauth/token' },
  production: { apiBase: 'https://api.uitpas.be', tokenUrl: 'https://account.uitid.be/oauth/token' },
};

export const UITPAS_AUDIENCE = 'https://api.publiq.be';
export const DEFAULT_TIMEOUT_MS = 3000;
/** Refresh a token this long before it expires (at most half its lifetime). */
const EXPIRY_MARGIN_MS = 60_000;

/** Thrown inside the clients only; their public methods turn it into an answer. */
export class Unavailable extends Error {}

export interface UitpasRequest {
  method: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string>;
  body?: unknown;
}

export interface UitpasSession {
  timeoutMs: number;
  log: (message: string) => void;
  /**
   * One authorised request. `sent` becomes true once the request itself left (after the token):
   * a write that failed before that certainly did not reach UiTPAS.
   */
  request(path: string, req: UitpasRequest, signal: AbortSignal, sent?: { value: boolean }): Promise<Response>;
}

export function createUitpasSession(config: UitpasConfig, deps: UitpasDeps = {}): UitpasSession {
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

  /** A cached token while it is fresh; concurrent calls share one token request. */
  function getToken(signal: AbortSignal): Promise<string> {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    inFlight ??= requestToken(signal).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function send(path: string, req: UitpasRequest, token: string, signal: AbortSignal) {
    const qs = req.query ? `?${new URLSearchParams(req.query).toString()}` : '';
    return doFetch(`${apiBase}${path}${qs}`, {
      method: req.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal,
    });
  }

  return {
    timeoutMs,
    log,
    async request(path, req, signal, sent) {
      let token = await getToken(signal);
      if (sent) sent.value = true;
      let res = await send(path, req, token, signal);
      if (res.status === 401) {
        // The token may have been revoked or expired early: drop it and retry exactly once.
        // A 401 means UiTPAS did not act on the request, so a write may be sent again.
        await res.body?.cancel().catch(() => {});
        if (cached?.token === token) cached = undefined;
        token = await getToken(signal);
        res = await send(path, req, token, signal);
      }
      return res;
    },
  };
}

/** Parses a JSON body; a malformed one is "unavailable", an empty one is undefined. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Unavailable(`HTTP ${res.status} with a body that is not JSON`);
  }
}

/** The RFC 7807 problem type of an error body, e.g. `https://api.publiq.be/probs/uitpas/maximum-reached`. */
export function problemType(body: unknown): string {
  const type = (body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : '';
}

/** UiTPAS's message for the passholder (`endUserMessage.nl`), in a 200 or an error body. */
export function endUserMessage(body: unknown): string | null {
  const m = (body as { endUserMessage?: unknown } | undefined)?.endUserMessage;
  if (typeof m === 'string') return m.slice(0, 1000);
  if (m && typeof m === 'object') {
    const nl = (m as Record<string, unknown>).nl;
    if (typeof nl === 'string') return nl.slice(0, 1000);
    const first = Object.values(m).find((v) => typeof v === 'string');
    if (typeof first === 'string') return first.slice(0, 1000);
  }
  return null;
}

export function isTimeout(error: unknown): boolean {
  const name = errorName(error);
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Only the error's class name: messages may echo URLs or bodies we do not want in logs. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
