/**
 * The console's only way to the API: same origin, the session cookie, and the CSRF token from
 * GET /session on every write. Failures become an ApiProblem with the API's code and issues.
 */
export interface Issue {
  path: string;
  message: string;
  code?: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export const API = '/api/v1';
let csrfToken = '';
export const setCsrfToken = (token: string) => void (csrfToken = token);

/** Called when the session ended (401), so the console shows the sign-in page. */
let onSignedOut: () => void = () => {};
export const whenSignedOut = (fn: () => void) => void (onSignedOut = fn);

export async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const write = method !== 'GET';
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(write && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, 'network', 'Er is geen verbinding met de server. Probeer het zo opnieuw.');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401 && !path.startsWith('/session')) onSignedOut();
    throw new ApiProblem(res.status, e.code ?? 'unknown', e.message ?? `De server antwoordde ${res.status}.`, e.issues ?? []);
  }
  return data as T;
}

/** Sends a file as a form upload (field `file`), with the session and the CSRF token; answers as `api` does. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.set('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) }, body: form });
  } catch {
    throw new ApiProblem(0, 'network', 'Er is geen verbinding met de server. Probeer het zo opnieuw.');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401) onSignedOut();
    throw new ApiProblem(res.status, e.code ?? 'unknown', e.message ?? `De server antwoordde ${res.status}.`, e.issues ?? []);
  }
  return data as T;
}

/** A random key per press of a submit button: a retried request does not register twice. */
export const idempotencyKey = () => crypto.randomUUID();
