/**
 * UiTPAS ticket sales: one row per kanspas child whose sale is registered with UiTPAS, so the
 * organiser is reimbursed. The row is the durable queue: the scheduler claims due rows with
 * `for update skip locked` and a lease, so several server processes never send one sale twice.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities, organisations, registrationChildren, registrations } from './schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const uitpasSales = pgTable(
  'uitpas_sales',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => registrationChildren.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['to-register', 'registered', 'to-cancel', 'cancelled', 'failed'] }).notNull(),
    /** The event the sale was (or will be) registered against, fixed when the row is made. */
    eventId: text('event_id').notNull(),
    regularPriceCents: integer('regular_price_cents').notNull(),
    /** UiTPAS's own answer: the tariff chosen, its price, and its message for the passholder. */
    tariffId: text('tariff_id'),
    tariffPriceCents: integer('tariff_price_cents'),
    endUserMessage: text('end_user_message'),
    ticketSaleId: text('ticket_sale_id'),
    /**
     * Set when a POST /ticket-sales was sent without a clear answer (a timeout, a crash, a 5xx):
     * UiTPAS may have registered it, so the next attempt looks for the sale before sending again.
     */
    uncertainSince: instant('uncertain_since'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    /** A process working on the row until then; another one leaves it alone. */
    leaseId: uuid('lease_id'),
    leaseUntil: instant('lease_until'),
    problemCode: text('problem_code'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    registeredAt: instant('registered_at'),
    cancelledAt: instant('cancelled_at'),
  },
  (t) => [
    uniqueIndex('uitpas_sales_child_idx').on(t.childId),
    index('uitpas_sales_due_idx').on(t.status, t.nextAttemptAt),
    index('uitpas_sales_activity_idx').on(t.activityId),
  ],
);
