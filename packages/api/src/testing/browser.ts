/** A browser, for API tests of the console's sessions: keeps the cookie, sends the CSRF token. */
import type { createApp } from '../app.js';

export const ORIGIN = 'http://instap.test';

/** A browser, as far as the API can tell: it keeps the session cookie and sends the CSRF token. */
export function browser(app: ReturnType<typeof createApp>) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(`${ORIGIN}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0|expires=Thu, 01 Jan 1970/i.test(set) ? '' : set.split(';')[0]!;
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    if (json?.csrfToken) csrf = json.csrfToken;
    return { status: res.status, json, text, headers: res.headers, setCookie: set };
  };
  return {
    call,
    /** A write as the console sends it: same origin, with the CSRF token. */
    write: (method: string, path: string, body?: unknown) => call(method, path, body, { 'x-csrf-token': csrf, origin: ORIGIN }),
    signIn: (email: string, password: string) => call('POST', '/session', { email, password }),
    get cookie() {
      return cookie;
    },
  };
}

