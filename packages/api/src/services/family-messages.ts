/**
 * Tells a family what happened to its registration, through the outbox, inside the transaction
 * of the change itself: the message exists exactly when the change does.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { registrationChildren, registrations } from '../db/schema.js';
import type { MessageInput } from '../messages/kinds.js';
import { enqueueMessage } from '../messages/outbox.js';
import type { Language, Occupancy, Payment } from '@instap/core';
import { loadActivity, occupancy, toPublicActivity, type ActivityRecord } from './activities.js';
import { paymentOf } from './payments.js';
import type { RegistrationRow } from './registrations.js';

type AboutRegistration = 'registration-confirmed' | 'registration-waitlisted' | 'registration-lottery' | 'draw-result' | 'offer-made' | 'offer-expired' | 'kanspas-not-valid';
type Extra<K extends AboutRegistration> = Omit<Extract<MessageInput, { kind: K }>, 'kind' | 'organisationId' | 'to' | 'activity' | 'registration'>;

export interface MessageContext {
  now: Date;
  publicOrigin: string;
}

/** What the caller may already hold, so a message inside a hot transaction costs no extra reads. */
export interface Known {
  rec?: ActivityRecord;
  taken?: Occupancy;
  row?: RegistrationRow;
  children?: string[];
  payment?: Payment;
}

export async function tellFamily<K extends AboutRegistration>(tx: Tx, kind: K, registrationId: string, extra: Extra<K>, ctx: MessageContext, known: Known = {}) {
  const row = known.row ?? (await tx.select().from(registrations).where(eq(registrations.id, registrationId)))[0];
  if (!row) return null;
  const rec = known.rec ?? (await loadActivity(tx, row.activityId));
  const children =
    known.children ??
    (await tx.select({ firstName: registrationChildren.firstName }).from(registrationChildren).where(eq(registrationChildren.registrationId, row.id)).orderBy(asc(registrationChildren.position))).map((c) => c.firstName);
  const payment = known.payment ?? (await paymentOf(tx, row, ctx.now, { rec, publicOrigin: ctx.publicOrigin }));
  const activity = toPublicActivity(rec, known.taken ?? (await occupancy(tx, row.activityId)), ctx.now, row.language as Language);
  const input = {
    kind,
    ...extra,
    organisationId: rec.organisation.id,
    to: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone, language: row.language as 'nl' },
    activity,
    registration: { id: row.id, token: row.token, children, priceCents: row.priceCents, kanspas: row.kanspas, payment },
  } as unknown as MessageInput;
  return enqueueMessage(tx, input, ctx);
}
