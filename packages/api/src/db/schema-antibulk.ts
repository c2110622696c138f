/**
 * What keeps bulk registrations out: the server's own random keys (shared by every process on
 * one database), proofs already used (each proof counts once), and per registration the keyed
 * hashes that tell staff "many from one address" or "this contact again" without keeping the
 * address itself.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A random key made once per database, so several server processes accept each other's challenges. */
export const instanceKeys = pgTable('instance_keys', {
  name: text('name').primaryKey(),
  /** base64url; used only when INSTAP_SECRET_KEY is not set. */
  value: text('value').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** A solved challenge, by the SHA-256 of its signature: the primary key refuses a second use. */
export const proofUses = pgTable(
  'proof_uses',
  {
    id: text('id').primaryKey(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('proof_uses_expires_idx').on(t.expiresAt)],
);

/**
 * Keyed hashes (HMAC) that describe a registration without naming anyone: `address` (where it
 * came from), `contact` (a phone or e-mail), `child` (a contact with a child's name and birth
 * year). Removed with the registration's contact details by retention.
 */
export const registrationMarks = pgTable(
  'registration_marks',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').notNull(),
    kind: text('kind', { enum: ['address', 'contact', 'child'] }).notNull(),
    mark: text('mark').notNull(),
  },
  (t) => [index('registration_marks_lookup_idx').on(t.activityId, t.kind, t.mark), index('registration_marks_registration_idx').on(t.registrationId)],
);
