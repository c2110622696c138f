/**
 * Accounts: the people who use the console (staff, city admins, intermediaries), their sessions,
 * one-time sign-in links, sign-in attempts for rate limiting, and which intermediary registered
 * which family. Secrets (session tokens, link tokens) are stored only as SHA-256 hashes.
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cities, organisations, registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const USER_ROLES = ['city-admin', 'organisation-admin', 'organisation-staff', 'intermediary'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * A person with a console account. A user without organisation works for the city (a city admin,
 * or an intermediary such as a school's social worker who helps families at every club).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased, so "An@School.be" and "an@school.be" are one account. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** `scrypt$N$r$p$salt$hash`; null = this person signs in with e-mailed links only. */
    passwordHash: text('password_hash'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** Disabled accounts keep their history (who registered which family) but cannot sign in. */
    disabledAt: instant('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_organisation_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Double-submit value: cookie-authenticated writes must echo it in X-CSRF-Token. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [uniqueIndex('sign_in_links_token_hash_idx').on(t.tokenHash)],
);

/**
 * Failed sign-ins and link requests, per key (`email:…`, `ip:…`). In the database rather than in
 * memory, so the limit holds when several server processes share one PostgreSQL.
 */
/** Hits counted by the rate limits (services/rate-limit.ts); the table keeps the name of its first use. */
export const attempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('sign_in_attempts_key_at_idx').on(t.key, t.at)],
);

/** Which intermediary registered a family on its behalf: they see only these families. */
export const registrationIntermediaries = pgTable(
  'registration_intermediaries',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.registrationId] }), index('registration_intermediaries_user_idx').on(t.userId)],
);
