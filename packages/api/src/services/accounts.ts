/**
 * Accounts: passwords (scrypt), sessions behind the `instap_session` cookie, one-time sign-in
 * links, sign-in rate limits, and the demo accounts. Every secret is random and stored hashed.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Db } from '../db/client.js';
import { organisations } from '../db/schema.js';
import { sessions, signInLinks, users, type UserRole } from '../db/schema-accounts.js';
import { clearHits, refundHits, requireHits } from './rate-limit.js';
import { ApiError } from '../errors.js';
import { enqueueMessage } from '../messages/outbox.js';
import { sealLinkToken, TOKEN_PLACEHOLDER } from '../messages/secret-link.js';
import { messages } from '../db/schema-messages.js';
import { ensureCity, hashToken } from './auth.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export const SESSION_COOKIE = 'instap_session';
/** A session ends after 8 hours without use, and after 7 days in any case. */
export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Saves a write on every request: "last seen" moves at most once per 5 minutes. */
const TOUCH_EVERY_MS = 5 * 60_000;
export const SIGN_IN_LINK_MS = 15 * 60_000;
export const MIN_PASSWORD_LENGTH = 12;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
const secret = () => randomBytes(32).toString('base64url');

// ——— Passwords ———
/**
 * scrypt at OWASP's recommended cost (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred ms per
 * hash). Older hashes (N = 2^14) still verify and are hashed again at the next sign-in.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keylen: 64 };
/** scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told. */
const maxmem = (N: number, r: number) => 128 * N * r + 16 * 1024 * 1024;
const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: maxmem(SCRYPT.N, SCRYPT.r) });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  // Only costs this server makes: a stored hash cannot ask for gigabytes.
  if (!(N >= 2 ** 14 && N <= 2 ** 20 && (N & (N - 1)) === 0 && R >= 1 && R <= 16 && P >= 1 && P <= 4)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N, r: R, p: P, maxmem: maxmem(N, R) * P });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash is weaker than today's cost (then it is replaced at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const [alg, n, r, p] = stored.split('$');
  return alg !== 'scrypt' || Number(n) < SCRYPT.N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

/** Checked against when the e-mail is unknown, so the answer takes as long as for a real account. */
let dummyHash: Promise<string> | null = null;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'A password has at most 200 characters.';
  return null;
}

// ——— Rate limits ———
/**
 * Sign-in brakes, counted before the password is checked (services/rate-limit.ts), in short
 * fixed windows. They slow a guesser down without locking the owner out:
 * - one account from one address: 5 tries per 15 minutes (the tight brake on a guesser);
 * - one address over every account: 30 (an office shares an address; spraying one password over
 *   many accounts is stopped);
 * - one account over every address: 50 (a guesser with many addresses), looser, because anyone
 *   can spend it; the owner can still sign in with a link by e-mail, which these keys do not touch.
 * A sign-in with the right password clears the account-and-address count.
 */
export const LIMIT_WINDOW_MS = 15 * 60_000;
export const LIMITS = { passwordPerAccountAddress: 5, passwordPerAddress: 30, passwordPerAccount: 50, linkPerEmail: 3, linkPerIp: 20 } as const;

export function passwordKeys(email: string, address: string) {
  const account = normaliseEmail(email);
  return {
    pair: `password:${account}|${address}`,
    all: [
      { key: `password:${account}|${address}`, max: LIMITS.passwordPerAccountAddress },
      { key: `password-ip:${address}`, max: LIMITS.passwordPerAddress },
      { key: `password:${account}`, max: LIMITS.passwordPerAccount },
    ],
  };
}

export const linkKeys = (email: string, address: string) => [
  { key: `link:${normaliseEmail(email)}`, max: LIMITS.linkPerEmail },
  { key: `link-ip:${address}`, max: LIMITS.linkPerIp },
];

/** Counts the attempt; refuses (429 with Retry-After) when a key is past its maximum in the window. */
export const rateLimit = (db: Db, keys: { key: string; max: number }[], now: Date) =>
  requireHits(db, keys, now, LIMIT_WINDOW_MS, (minutes) => `Too many attempts. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or ask for a sign-in link by e-mail.`);

/** After a right password: the account-and-address count starts again, and the wider counts give the hit back. */
export async function rightPassword(db: Db, keys: ReturnType<typeof passwordKeys>, now: Date) {
  await clearHits(db, keys.pair);
  await refundHits(db, keys.all.filter((k) => k.key !== keys.pair).map((k) => k.key), now, LIMIT_WINDOW_MS);
}

// ——— Users ———
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  return row;
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  cityId: string;
  organisationId: string | null;
  password?: string;
}

export async function createUser(db: Db, input: NewUser, now: Date): Promise<UserRow> {
  if ((input.role === 'organisation-admin' || input.role === 'organisation-staff') && !input.organisationId)
    throw new ApiError(422, 'validation_failed', 'Staff belong to an organisation.', [{ path: 'organisation', message: 'Choose the organisation.', code: 'organisation_required' }]);
  if (input.role === 'city-admin' && input.organisationId)
    throw new ApiError(422, 'validation_failed', 'A city admin works for the whole city.', [{ path: 'organisation', message: 'Leave the organisation empty.', code: 'organisation_not_allowed' }]);
  if (await findUserByEmail(db, input.email))
    throw new ApiError(409, 'email_taken', 'There is already an account with this e-mail address.', [{ path: 'email', message: 'There is already an account with this e-mail address.', code: 'email_taken' }]);
  const [row] = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      cityId: input.cityId,
      organisationId: input.organisationId,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

export function actorForUser(user: UserRow): Actor {
  return { kind: 'session', role: user.role, cityId: user.cityId, organisationId: user.organisationId, name: user.name, userId: user.id };
}

/** E-mail and password: the user, or null. The same work is done whether or not the e-mail is known. */
export async function checkPassword(db: Db, email: string, password: string): Promise<UserRow | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash || user.disabledAt) {
    dummyHash ??= hashPassword(secret());
    await verifyPassword(password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(password);
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    return { ...user, passwordHash };
  }
  return user;
}

// ——— Sessions ———
export async function createSession(db: Db, user: UserRow, now: Date): Promise<{ token: string; session: SessionRow }> {
  const token = secret();
  const [session] = await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: user.id, csrfToken: secret(), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
    .returning();
  return { token, session: session! };
}

/** The live session and its user for a cookie value, moving the idle expiry forward. */
export async function sessionForToken(db: Db, token: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, row.session.createdAt.getTime() + SESSION_MAX_MS));
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.session.id));
    row.session = { ...row.session, lastSeenAt: now, expiresAt };
  }
  return row;
}

export async function endSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function endSessionsOf(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** After a password change: every other session of the person ends, the one in use stays. */
export async function endOtherSessionsOf(db: Db, userId: string, keepToken: string | undefined) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keepToken ? ne(sessions.tokenHash, hashToken(keepToken)) : undefined));
}

// ——— One-time sign-in links ———
export async function createSignInLink(db: Db, user: UserRow, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = secret();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MS);
  await db.insert(signInLinks).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** Uses a link once: the update claims it, so two tabs opening the same link get one session. */
export async function redeemSignInLink(db: Db, token: string, now: Date): Promise<UserRow | null> {
  if (!token || token.length > 100) return null;
  const [link] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.tokenHash, hashToken(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)))
    .returning();
  if (!link) return null;
  const [user] = await db.select().from(users).where(and(eq(users.id, link.userId), isNull(users.disabledAt)));
  return user ?? null;
}

/**
 * Puts the sign-in link in the outbox, addressed to the person: the sender mails it (or the dev
 * mailbox shows it). Returns false when it cannot be stored: the outbox keeps every message under
 * an organisation, and a city-wide account has none.
 */
export async function mailSignInLink(
  db: Db,
  user: UserRow,
  link: { token: string; expiresAt: Date },
  ctx: { now: Date; publicOrigin: string; secretKey?: Buffer },
): Promise<boolean> {
  const organisationId = user.organisationId;
  // The stored message holds a placeholder; the token is sealed beside it (messages/secret-link.ts).
  const url = signInUrl(ctx.publicOrigin, TOKEN_PLACEHOLDER);
  const queued = await db.transaction(async (tx) => {
    const row = await enqueueMessage(tx, { kind: 'sign-in-link', organisationId, to: { name: user.name, email: user.email }, url, expiresAt: link.expiresAt }, ctx);
    if (row) await tx.update(messages).set({ sealedToken: sealLinkToken(link.token, ctx.secretKey) }).where(eq(messages.id, row.id));
    return row;
  });
  return queued !== null;
}

export const signInUrl = (origin: string, token: string) => `${origin}/admin/#/link?token=${encodeURIComponent(token)}`;

// ——— Demo ———
export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
}

export const DEMO_EMAILS = ['admin@instap.demo', 'club@instap.demo', 'brugfiguur@instap.demo'] as const;

/**
 * Outside the demo, the demo's accounts do not work: a server that once ran as a demo and now
 * runs for real must not keep accounts whose passwords were printed. They are disabled (kept, so
 * history that names them stays linked), their passwords and sessions removed. Returns how many.
 */
export async function disableDemoAccounts(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(users)
    .set({ disabledAt: now, passwordHash: null, updatedAt: now })
    .where(and(inArray(users.email, [...DEMO_EMAILS]), isNull(users.disabledAt)))
    .returning({ id: users.id });
  for (const r of rows) await endSessionsOf(db, r.id);
  return rows.length;
}

/**
 * The demo's accounts, created once: a city admin, and an organisation admin and an intermediary
 * of the demo club (slug `demo`, when it exists). Returns the new accounts with their passwords
 * so the server can print them on first start; an empty list when they already exist.
 */
export async function ensureDemoAdmin(db: Db, opts: { password?: string; now?: Date } = {}): Promise<DemoAccount[]> {
  const now = opts.now ?? new Date();
  const city = await ensureCity(db);
  const [demo] = await db.select().from(organisations).where(eq(organisations.slug, 'demo'));
  const wanted: { email: string; name: string; role: UserRole; organisationId: string | null; cityId: string }[] = [
    { email: 'admin@instap.demo', name: 'Demo stadsbeheerder', role: 'city-admin', organisationId: null, cityId: city.id },
  ];
  if (demo) {
    wanted.push({ email: 'club@instap.demo', name: 'Demo clubbeheerder', role: 'organisation-admin', organisationId: demo.id, cityId: demo.cityId });
    wanted.push({ email: 'brugfiguur@instap.demo', name: 'Demo brugfiguur', role: 'intermediary', organisationId: demo.id, cityId: demo.cityId });
  }
  const created: DemoAccount[] = [];
  for (const w of wanted) {
    if (await findUserByEmail(db, w.email)) continue;
    const password = opts.password ?? randomBytes(12).toString('base64url');
    await createUser(db, { ...w, password }, now);
    created.push({ email: w.email, password, role: w.role });
  }
  return created;
}
