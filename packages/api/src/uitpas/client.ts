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

import { createUitpasSession, errorName, isTimeout, problemType, readJson, Unavailable, type UitpasConfig, type UitpasDeps } from './http.js';

export { DEFAULT_TIMEOUT_MS, UITPAS_AUDIENCE, UITPAS_ENVIRONMENTS, type UitpasConfig, type UitpasDeps, type UitpasEnvironment } from './http.js';

export type UitpasCheck =
  | { outcome: 'verified' }
  | { outcome: 'not-valid'; reason: 'expired' | 'none' }
  | { outcome: 'unknown'; reason: 'pass-not-found' | 'timeout' | 'unavailable' | 'bad-number' };

export interface UitpasClient {
  checkSocialTariff(uitpasNumber: string): Promise<UitpasCheck>;
}

const UITPAS_NUMBER = /^\d{13}$/;

export function createUitpasClient(config: UitpasConfig, deps: UitpasDeps = {}): UitpasClient {
  const session = createUitpasSession(config, deps);
  const { timeoutMs, log } = session;

  async function check(uitpasNumber: string, signal: AbortSignal): Promise<UitpasCheck> {
    const res = await session.request(`/passes/${encodeURIComponent(uitpasNumber)}`, { method: 'GET' }, signal);
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
