/** API tokens: stored as SHA-256 hashes; the bootstrap token is a city admin's. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Db } from '../db/client.js';
import { apiTokens, cities } from '../db/schema.js';
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

/** On start, INSTAP_BOOTSTRAP_TOKEN becomes a city-admin API token, so a fresh install can be set up by script. */
export async function ensureBootstrapToken(db: Db, token: string) {
  if (token.length < 16) throw new Error('INSTAP_BOOTSTRAP_TOKEN must have at least 16 characters.');
  const city = await ensureCity(db);
  await db
    .insert(apiTokens)
    .values({ tokenHash: hashToken(token), name: 'bootstrap', role: 'city-admin', cityId: city.id })
    .onConflictDoNothing();
}

export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  return { kind: 'token', role: row.role, cityId: row.cityId, organisationId: row.organisationId, name: row.name, userId: null };
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
export async function createOrganisationToken(db: Db, organisation: OrganisationRow, name: string): Promise<string> {
  const token = `instap_${randomBytes(24).toString('base64url')}`;
  await db.insert(apiTokens).values({ tokenHash: hashToken(token), name, role: 'organisation-admin', cityId: organisation.cityId, organisationId: organisation.id });
  return token;
}
