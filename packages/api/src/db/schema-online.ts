/**
 * Money that arrives from outside: the Mollie payments Instap created (so a webhook's `tr_…` id
 * leads to the registration and to the organisation whose key can read it), and the bank
 * statements staff upload, with each credit line and what became of it.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One checkout Instap asked Mollie for. Made before Mollie is called, so the limit counts every try. */
export const molliePayments = pgTable(
  'mollie_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Mollie's `tr_…` id, once Mollie answered. */
    molliePaymentId: text('mollie_payment_id'),
    /** The family's Idempotency-Key, when it sent one. */
    requestKey: text('request_key'),
    amountCents: integer('amount_cents').notNull(),
    /** `creating`, `failed` (Mollie refused or was down), or Mollie's last known status. */
    status: text('status').notNull(),
    checkoutUrl: text('checkout_url'),
    mode: text('mode', { enum: ['test', 'live'] }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mollie_payments_mollie_id_idx').on(t.molliePaymentId),
    uniqueIndex('mollie_payments_request_key_idx').on(t.registrationId, t.requestKey),
    index('mollie_payments_registration_idx').on(t.registrationId, t.createdAt),
  ],
);

/** One uploaded CAMT.053 file. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** SHA-256 of the file: the same file again is recognised. */
    fileHash: text('file_hash').notNull(),
    messageId: text('message_id'),
    version: text('version').notNull(),
    accountIbans: text('account_ibans').array().notNull(),
    credits: integer('credits').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: instant('uploaded_at').notNull(),
  },
  (t) => [index('bank_statements_organisation_idx').on(t.organisationId, t.uploadedAt), uniqueIndex('bank_statements_file_idx').on(t.organisationId, t.fileHash)],
);

/**
 * One credit from a statement, once per organisation whatever the files: the bank's id for it
 * (`uid`) is unique, so a second upload of the same file, or an overlapping one, adds nothing.
 */
export const bankLines = pgTable(
  'bank_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    bookingDate: text('booking_date'),
    debtorName: text('debtor_name'),
    debtorIban: text('debtor_iban'),
    /** The valid structured communication found, 12 digits. */
    reference: text('reference'),
    remittance: text('remittance').notNull(),
    /** `booked` (all of it), `partly-booked` (the rest is listed), `unmatched`, `matched` (by hand). */
    state: text('state', { enum: ['booked', 'partly-booked', 'unmatched', 'matched'] }).notNull(),
    /** Why it was not booked (in full): no-reference, bad-check-digit, unknown-reference, foreign-currency, nothing-due, more-than-due. */
    reason: text('reason'),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    bookedCents: integer('booked_cents').notNull().default(0),
    matchedBy: text('matched_by'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('bank_lines_uid_idx').on(t.organisationId, t.uid), index('bank_lines_state_idx').on(t.organisationId, t.state)],
);

export type MolliePaymentRow = typeof molliePayments.$inferSelect;
export type BankLineRow = typeof bankLines.$inferSelect;
export type BankStatementRow = typeof bankStatements.$inferSelect;
