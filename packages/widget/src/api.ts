/**
 * The widget's only door to the server. Every answer becomes a
 * value (never a throw), so the screens can say something calm for each kind of failure.
 */
import type { ErrorBody, PublicActivity, RegistrationCreated } from '@instap/core/schemas';
import type { Language } from '@instap/core/rules';

/** Where the script came from: the Instap server, unless `api-base` says otherwise. */
export const scriptOrigin = (() => {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return location.origin;
  }
})();

export type ApiError = ErrorBody['error'];
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: ApiError; headers?: Headers }
  /** No answer at all: offline, DNS, CORS, a proxy that dropped us, or a 5xx. */
  | { ok: false; status: 0; network: true };

export interface RegistrationBody {
  children: { firstName: string; birthYear: number }[];
  contact: { name: string; phone?: string; email?: string };
  kanspas: boolean;
  language: Language;
  referralCode?: string;
  /** 13 digits, only when given. */
  uitpasNumber?: string;
}

export async function call<T>(base: string, path: string, init?: RequestInit): Promise<ApiResult<T>> {
  // No answer at all (a throw) and a 5xx are the same to a family: the network.
  // A request that hangs (a dead mobile connection) ends after 30 s, as a network failure: the
  // family gets "Probeer opnieuw" instead of "We versturen" for good (a retry is safe: same key).
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 30e3);
  const res = await fetch(`${base.replace(/\/$/, '')}/api/v1${path}`, { ...init, signal: stop.signal, headers: { Accept: 'application/json', ...init?.headers } }).catch(() => null);
  clearTimeout(timer);
  if (!res || res.status >= 500) return { ok: false, status: 0, network: true };
  // An empty or non-JSON body is null: handled below.
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: body as T };
  const error = (body as ErrorBody | null)?.error;
  return { ok: false, status: res.status, error: error?.code ? error : { code: `http_${res.status}`, message: '' }, headers: res.headers };
}

/** The activity's texts come in the family's language where the service wrote them. */
export const getActivity = (base: string, id: string, lang?: string) => call<PublicActivity>(base, `/activities/${enc(id)}${lang && lang != 'nl' ? '?lang=' + lang : ''}`);

/**
 * A POST with a JSON body. Calls that only lazy screens make (offers, interest, appointments)
 * live in those chunks and use this, so the script-tag file does not carry them.
 */
export const post = <T>(base: string, path: string, body?: unknown, idempotencyKey?: string) =>
  call<T>(base, path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
    // undefined stays undefined: no body.
    body: JSON.stringify(body),
  });

export const enc = encodeURIComponent;

export const createRegistration = (base: string, id: string, body: RegistrationBody, idempotencyKey: string) =>
  post<RegistrationCreated>(base, `/activities/${enc(id)}/registrations`, body, idempotencyKey);

/** A v4 UUID from crypto.getRandomValues: `crypto.randomUUID` exists only on https pages, and some clubs still serve http. */
export const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16));
