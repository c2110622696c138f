/**
 * Money: an organisation's payment settings, each registration's payment (its structured
 * communication, due date, waiver, plan) and the ledger, one row per money movement. The ledger
 * is append-only: a correction is a new row, so what was booked stays visible.
 */
import type { PaymentMethod, Instalment } from '@instap/core';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { messages } from './schema-messages.js';
import { organisations, registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** How an organisation takes money; no row means desk only, as before payments existed. */
export const paymentSettings = pgTable('payment_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  methods: jsonb('methods').$type<PaymentMethod[]>().notNull(),
  /** Electronic form, no spaces (BE68539007547034). */
  iban: text('iban'),
  bic: text('bic'),
  beneficiary: text('beneficiary'),
  dueDays: integer('due_days').notNull().default(14),
  deskInfo: text('desk_info'),
  /** Sealed with INSTAP_SECRET_KEY (services/secrets.ts); never shown again. */
  mollieApiKey: text('mollie_api_key'),
  mollieMode: text('mollie_mode', { enum: ['test', 'live'] }),
  autoCancel: boolean('auto_cancel').notNull().default(false),
  autoCancelDaysAfterCall: integer('auto_cancel_days_after_call').notNull().default(14),
  updatedAt: instant('updated_at').notNull(),
});

/** Per registration: its reference and when it is due. The amount is the registration's price. */
export const registrationPayments = pgTable(
  'registration_payments',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    /** The 12 digits of the structured communication (OGM/VCS), unique over all organisations. */
    reference: text('reference').notNull(),
    /** Set when the place is confirmed (now + dueDays); null while the family waits. */
    dueAt: instant('due_at'),
    waivedAt: instant('waived_at'),
    waivedBy: text('waived_by'),
    waiveNote: text('waive_note'),
    /** An instalment plan: parts that add up to what was left when it was made. */
    plan: jsonb('plan').$type<Instalment[]>(),
    /** Net paid when the plan was made: the plan covers what came after. */
    planBaseCents: integer('plan_base_cents').notNull().default(0),
    /** The call-list entry made when the payment went past due (one per registration). */
    callMessageId: uuid('call_message_id').references(() => messages.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('registration_payments_reference_idx').on(t.reference), index('registration_payments_due_idx').on(t.dueAt)],
);

/** One money movement. Refunds are negative; a waiver records what was let off (no money moved). */
export const paymentEntries = pgTable(
  'payment_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Booking order, also within one instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: ['desk', 'transfer', 'online', 'third-party', 'waiver', 'refund'] }).notNull(),
    /** Where it came from: `staff`, `mollie`, `camt`, … */
    source: text('source').notNull(),
    /** The source's own id (a Mollie payment id, a bank transaction id): books exactly once. */
    externalId: text('external_id'),
    note: text('note'),
    recordedBy: text('recorded_by'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('payment_entries_registration_idx').on(t.registrationId, t.at),
    uniqueIndex('payment_entries_source_external_idx').on(t.source, t.externalId),
    check('payment_entries_sign', sql`(${t.method} = 'refund') = (${t.amountCents} < 0) and ${t.amountCents} <> 0`),
  ],
);

export type PaymentSettingsRow = typeof paymentSettings.$inferSelect;
export type RegistrationPaymentRow = typeof registrationPayments.$inferSelect;
export type PaymentEntryRow = typeof paymentEntries.$inferSelect;
