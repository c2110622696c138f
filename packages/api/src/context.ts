import type { Db } from './db/client.js';

/** The clock: injected, so deadlines, release dates and offer expiry are testable. */
export type Clock = () => Date;

export interface Deps {
  db: Db;
  clock: Clock;
  /** The server's own public origin (for CORS and the links in messages), e.g. http://localhost:3000. */
  publicOrigin?: string;
}

/** Who is calling the admin API. */
export interface Actor {
  kind: 'token';
  role: 'city-admin' | 'organisation-admin';
  cityId: string;
  organisationId: string | null;
  name: string;
}

export type AppEnv = { Variables: { actor: Actor } };
