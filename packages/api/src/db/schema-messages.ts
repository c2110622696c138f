/**
 * Appointments and the outbox. A message row is written in the same transaction as the change it
 * tells about, so it is never lost and never sent for a change that rolled back; the sender
 * delivers it afterwards.
 */
import type { AppointmentContext, AppointmentSlot } from '@instap/core/appointments';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** How an organisation handles "make an appointment"; no row means the defaults. */
export const appointmentSettings = pgTable('appointment_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  contactWithinWorkdays: integer('contact_within_workdays').notNull().default(2),
  slots: jsonb('slots').$type<AppointmentSlot[]>().notNull().default([]),
  /** The organisation books on its own page (e.g. Cal.com): Instap then stores nothing. */
  bookingUrl: text('booking_url'),
  updatedAt: instant('updated_at').notNull(),
});

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    preferred: text('preferred', { enum: ['morning', 'afternoon', 'evening', 'slot'] }).notNull(),
    slotId: text('slot_id'),
    /** The slot as it was offered: staff still see it when the organisation later changes its slots. */
    slot: jsonb('slot').$type<AppointmentSlot>(),
    language: text('language').notNull(),
    question: text('question'),
    context: jsonb('context').$type<AppointmentContext>().notNull().default({}),
    status: text('status', { enum: ['new', 'contacted', 'done'] }).notNull().default('new'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('appointments_organisation_idx').on(t.organisationId, t.createdAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for a message to a city-wide account (a sign-in link): it belongs to no organisation's lists. */
    organisationId: uuid('organisation_id')
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email'),
    recipientPhone: text('recipient_phone'),
    /** Where a reply goes: the organisation for a family's message, the family for staff's. */
    replyTo: text('reply_to'),
    channel: text('channel', { enum: ['email', 'call', 'staff-email'] }).notNull(),
    subject: text('subject').notNull(),
    /** Rendered when enqueued: the mailbox and the call list show exactly what goes out. */
    text: text('text').notNull(),
    html: text('html'),
    ics: text('ics'),
    icsName: text('ics_name'),
    // Deleting a registration or appointment (retention) deletes what was said about it.
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').references(() => appointments.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'call', 'called'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
    /** A sender's lease: past it, a message stuck in 'sending' (a crashed process) is claimed again. */
    claimedUntil: instant('claimed_until'),
    /**
     * A secret the mail needs only when it goes out (a sign-in link's token), sealed with the
     * server's key (services/secrets.ts). The text and html hold a placeholder instead; the
     * sender puts the token in at send time and clears this column once the mail is sent.
     */
    sealedToken: text('sealed_token'),
  },
  (t) => [
    index('messages_due_idx').on(t.status, t.nextAttemptAt),
    index('messages_organisation_idx').on(t.organisationId, t.status, t.createdAt),
  ],
);

export type MessageRow = typeof messages.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentSettingsRow = typeof appointmentSettings.$inferSelect;
