import type { Db } from './db/client.js';

/** The clock: injected, so deadlines, release dates and offer expiry are testable. */
export type Clock = () => Date;

/** Sends a one-time sign-in link by e-mail (the outbox, once it exists). */
export type SignInLinkSender = (message: { to: string; name: string; url: string; expiresAt: Date }) => Promise<void>;

export interface Deps {
  db: Db;
  clock: Clock;
  /**
   * The server's own public origin (PUBLIC_URL), e.g. https://inschrijven.kortrijk.be: every link
   * in a message or an answer starts with it, never with the request's Host header.
   */
  publicOrigin: string;
  /** How sign-in links reach people. Without it, links cannot be sent (see `exposeSignInLinks`). */
  sendSignInLink?: SignInLinkSender;
  /**
   * Development only: with no sender, answer a link request with the link itself, so a local
   * install works without a mail server. Never in production: anyone could sign in as anyone.
   */
  exposeSignInLinks?: boolean;
  /** Behind a load balancer: take the client address from X-Forwarded-For (for rate limits) and https from X-Forwarded-Proto. */
  trustProxy?: boolean;
  /**
   * Runs work after the answer is sent: a sign-in link is looked up, made and queued here, so the
   * answer to /session/link takes the same time whether or not the address has an account.
   * Default: the next turn of the event loop. Tests pass their own to run it when they choose.
   */
  defer?: (work: () => Promise<void>) => void;
  /** Seals secrets kept for later (UiTPAS client secrets); see services/secrets.ts. */
  secretKey?: Buffer;
}

export type ActorRole = 'city-admin' | 'organisation-admin' | 'organisation-staff' | 'intermediary';

/** Who is calling the admin API: a signed-in person (session cookie) or an API token. */
export interface Actor {
  kind: 'token' | 'session';
  role: ActorRole;
  cityId: string;
  /** null: works for the whole city (a city admin, or a city-wide intermediary). */
  organisationId: string | null;
  name: string;
  /** The signed-in person; null for API tokens. */
  userId: string | null;
}

export type AppEnv = { Variables: { actor: Actor } };
