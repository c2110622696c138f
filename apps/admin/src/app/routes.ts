/** Hash routes: the server serves one index.html at /admin, and every screen has an address. */
export interface Route {
  name: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

const PATTERNS: [string, RegExp][] = [
  ['activities', /^\/?(?:activities)?$/],
  ['activity-new', /^\/activities\/new$/],
  ['registrations', /^\/activities\/(?<id>[\w-]+)\/registrations$/],
  ['register', /^\/activities\/(?<id>[\w-]+)\/register$/],
  ['activity', /^\/activities\/(?<id>[\w-]+)$/],
  ['referrals', /^\/referrals$/],
  ['referral-print', /^\/referrals\/(?<code>[\w-]+)$/],
  ['draw', /^\/activities\/(?<id>[\w-]+)\/draw$/],
  ['waitlist', /^\/activities\/(?<id>[\w-]+)\/waitlist$/],
  ['interest', /^\/activities\/(?<id>[\w-]+)\/interest$/],
  ['payments', /^\/activities\/(?<id>[\w-]+)\/payments$/],
  ['payment-settings', /^\/payments$/],
  ['bank', /^\/bank$/],
  ['uitpas', /^\/activities\/(?<id>[\w-]+)\/uitpas$/],
  ['users', /^\/users$/],
  ['user', /^\/users\/(?<id>[\w-]+)$/],
  ['organisations', /^\/organisations$/],
  ['password', /^\/password$/],
  ['charter', /^\/charter$/],
  ['organisation', /^\/organisation$/],
  ['appointments', /^\/appointments$/],
  ['call-list', /^\/call-list$/],
  ['messages', /^\/messages$/],
  ['link', /^\/link$/],
];

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  for (const [name, re] of PATTERNS) {
    const m = re.exec(path);
    if (m) return { name, params: { ...(m.groups ?? {}) }, query: new URLSearchParams(search) };
  }
  return { name: 'not-found', params: {}, query: new URLSearchParams(search) };
}

export const go = (path: string) => void (location.hash = `#${path}`);
