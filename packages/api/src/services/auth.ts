/** API tokens: stored as SHA-256 hashes; the bootstrap token is a city admin's. */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Db } from '../db/client.js';
import { apiTokens, cities, organisations } from '../db/schema.js';
import { users } from '../db/schema-accounts.js';
import { ApiError } from '../errors.js';
import type { OrganisationRow } from './activities.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const DEFAULT_CITY = { slug: 'stad', name: 'Stad' };

/** The city every organisation belongs to unless it names another; created on first use. */
export async function ensureCity(db: Db, slug = DEFAULT_CITY.slug, name = DEFAULT_CITY.name) {
  await db.insert(cities).values({ slug, name }).onConflictDoNothing();
  const [city] = await db.select().from(cities).where(eq(cities.slug, slug));
  return city!;
}

/**
 * On start, INSTAP_BOOTSTRAP_TOKEN becomes a city-admin API token, so a fresh install can be set
 * up by script. It exists only while the variable is set: a changed value revokes the old token.
 */
export async function ensureBootstrapToken(db: Db, token: string, now = new Date()) {
  if (token.length < 16) throw new Error('INSTAP_BOOTSTRAP_TOKEN must have at least 16 characters.');
  const city = await ensureCity(db);
  const tokenHash = hashToken(token);
  await db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.bootstrap, true), ne(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  await db
    .insert(apiTokens)
    .values({ tokenHash, name: 'bootstrap', role: 'city-admin', cityId: city.id, bootstrap: true })
    .onConflictDoUpdate({ target: apiTokens.tokenHash, set: { revokedAt: null, bootstrap: true } });
}

/** INSTAP_BOOTSTRAP_TOKEN is unset: no bootstrap token works any more. */
export async function revokeBootstrapTokens(db: Db, now = new Date()): Promise<number> {
  const rows = await db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.bootstrap, true), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return rows.length;
}

/**
 * The actor behind a bearer token. A token made by a person dies with that person's rights: it
 * stops when the account is disabled, or is no longer an admin of the token's organisation or city.
 */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ token: apiTokens, maker: users })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row || !tokenAlive(row.token, row.maker)) return null;
  const t = row.token;
  return { kind: 'token', role: t.role, cityId: t.cityId, organisationId: t.organisationId, name: t.name, userId: null };
}

type TokenRow = typeof apiTokens.$inferSelect;
type Maker = typeof users.$inferSelect | null;

/** Whether a token still works: not revoked, and its maker (if a person) still may hold it. */
export function tokenAlive(token: TokenRow, maker: Maker): boolean {
  if (token.revokedAt) return false;
  if (!token.createdByUserId) return true;
  if (!maker || maker.disabledAt || maker.cityId !== token.cityId) return false;
  if (maker.role === 'city-admin' && maker.organisationId === null) return true;
  return maker.role === 'organisation-admin' && token.organisationId !== null && maker.organisationId === token.organisationId;
}

/** Staff see and change only their own organisation's records; a city admin those of the city. */
export function assertCanManage(actor: Actor, organisation: OrganisationRow) {
  // A city admin, and an intermediary who works for the whole city (no organisation), reach every
  // organisation of their city; everyone else only their own organisation. What each role may
  // do there is decided per route (services/authenticate.ts).
  const citywide = actor.organisationId === null && (actor.role === 'city-admin' || actor.role === 'intermediary');
  const ok =
    (citywide && actor.cityId === organisation.cityId) ||
    (actor.organisationId !== null && actor.organisationId === organisation.id);
  // 404, not 403: staff of another organisation learn nothing about records that are not theirs.
  if (!ok) throw new ApiError(404, 'not_found', 'There is nothing here for your account.');
}

export function assertCityAdmin(actor: Actor) {
  if (actor.role !== 'city-admin') throw new ApiError(403, 'forbidden', 'Only a city admin can do this.');
}

/** A new API token for one organisation's automation; only its hash is stored. */
export async function createOrganisationToken(db: Db, organisation: OrganisationRow, name: string, madeBy: string | null = null): Promise<{ token: string; row: TokenRow }> {
  const token = `instap_${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ tokenHash: hashToken(token), name, role: 'organisation-admin', cityId: organisation.cityId, organisationId: organisation.id, createdByUserId: madeBy })
    .returning();
  return { token, row: row! };
}

/** The tokens of one organisation (or, for a city admin, of the whole city), newest first; the secret is never shown. */
export async function listTokens(db: Db, scope: { cityId: string; organisationId?: string }) {
  const rows = await db
    .select({ token: apiTokens, maker: users, organisation: organisations })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .leftJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(and(eq(apiTokens.cityId, scope.cityId), scope.organisationId ? eq(apiTokens.organisationId, scope.organisationId) : undefined, isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({
    id: r.token.id,
    name: r.token.name,
    role: r.token.role,
    organisation: r.organisation?.slug ?? null,
    bootstrap: r.token.bootstrap,
    createdAt: r.token.createdAt.toISOString(),
    createdBy: r.maker ? { id: r.maker.id, name: r.maker.name } : null,
    active: tokenAlive(r.token, r.maker),
  }));
}

/** Revokes one token within the scope; false when there is no such live token there. */
export async function revokeToken(db: Db, id: string, scope: { cityId: string; organisationId?: string }, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.cityId, scope.cityId), scope.organisationId ? eq(apiTokens.organisationId, scope.organisationId) : undefined, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
