/**
 * What the server reads from its environment, checked before anything starts. A production
 * server (not the demo) needs PUBLIC_URL: every link in a message is built from it, never from a
 * request's Host header, which a client writes. The demo alone may fall back to localhost.
 */
export class ConfigError extends Error {}

export interface ServerConfig {
  port: number;
  demo: boolean;
  /** The origin links point to, without a trailing slash. */
  publicOrigin: string;
}

type Env = Record<string, string | undefined>;

export function publicOriginFrom(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not an address: "${value}". Give the address people open, like https://inschrijven.kortrijk.be.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL starts with https:// (or http:// for a test on this machine).');
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new ConfigError('PUBLIC_URL is only the address of the server, like https://inschrijven.kortrijk.be, without a path. Instap is served from the root of that address.');
  return url.origin;
}

export function serverConfig(env: Env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port number: "${env.PORT}".`);
  // The demo comes with the embedded database; on PostgreSQL only when asked (INSTAP_DEMO=1).
  const demo = (env.INSTAP_DEMO ?? (env.DATABASE_URL ? '0' : '1')) !== '0';
  const given = env.PUBLIC_URL?.trim();
  if (given) return { port, demo, publicOrigin: publicOriginFrom(given) };
  if (!demo)
    throw new ConfigError(
      'Instap does not start without PUBLIC_URL. Set it to the address families and staff open, for example PUBLIC_URL=https://inschrijven.kortrijk.be. ' +
        'The links in e-mails are built from it. (Only the demo, INSTAP_DEMO=1, works without it.)',
    );
  return { port, demo, publicOrigin: `http://localhost:${port}` };
}
