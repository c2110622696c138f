/**
 * The kanspas flag and contact details are sensitive: they are kept while a service needs them,
 * then removed. A registration is anonymised `days` after its activity's last session (the
 * counts and prices stay for reports); interest and appointment requests are deleted after the
 * same period; messages about an anonymised registration go with it (their text names the family).
 * Everything else that can name a family goes after the same period too: the bodies and
 * recipients of every other message (interest messages have no registration to follow), the
 * notes on referral links, stored first answers of retried requests, and the tariff in stored
 * prices (`kanspas` says who had a kanspas; the amounts stay for the books). In the money
 * tables the amounts, dates and references stay; the payer's name, IBAN and the remittance text
 * of bank statement lines go (for lines booked to an anonymised registration, and for lines
 * that never led to one once they are as old as the period), and so do staff notes on payments
 * and waivers.
 */
import { and, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { activities, activitySessions, idempotencyKeys, interest, referralLinks, registrationChildren, registrations } from '../db/schema.js';
import { appointments, messages } from '../db/schema-messages.js';
import { registrationMarks } from '../db/schema-antibulk.js';
import { bankLines } from '../db/schema-online.js';
import { paymentEntries, registrationPayments } from '../db/schema-payments.js';

/** What a bank line keeps once it may no longer name the payer. */
const blankBankLine = { debtorName: null, debtorIban: null, remittance: '–' } as const;

export const DEFAULT_RETENTION_DAYS = 365;

export async function applyRetention(db: Db, now: Date, days = DEFAULT_RETENTION_DAYS): Promise<{ registrations: number; interest: number; appointments: number }> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const finished = db
    .select({ id: activities.id })
    .from(activities)
    .where(sql`(select max(${activitySessions.endsAt}) from ${activitySessions} where ${activitySessions.activityId} = ${activities.id}) < ${before.toISOString()}::timestamptz`);
  const due = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(isNull(registrations.anonymisedAt), inArray(registrations.activityId, finished)))
    .limit(1000);
  const ids = due.map((r) => r.id);
  if (ids.length) {
    await db.transaction(async (tx) => {
      await tx.delete(messages).where(inArray(messages.registrationId, ids));
      // The keyed hashes of address, contact and children go with the details they stand for.
      await tx.delete(registrationMarks).where(inArray(registrationMarks.registrationId, ids));
      await tx.update(registrationChildren).set({ firstName: '–', uitpasNumber: null }).where(inArray(registrationChildren.registrationId, ids));
      await tx
        .update(registrations)
        .set({
          contactName: '–',
          contactPhone: null,
          contactEmail: null,
          kanspas: false,
          kanspasCheck: 'none',
          uitpasNumber: null,
          referralCode: null,
          price: sql`${registrations.price} - 'tariff'`,
          anonymisedAt: now,
        })
        .where(inArray(registrations.id, ids));
    });
  }
  // Also catches registrations anonymised before the money tables existed or in an earlier run.
  const anonymised = db.select({ id: registrations.id }).from(registrations).where(isNotNull(registrations.anonymisedAt));
  const namesPayer = or(isNotNull(bankLines.debtorName), isNotNull(bankLines.debtorIban), ne(bankLines.remittance, '–'));
  await db.update(bankLines).set(blankBankLine).where(and(namesPayer, inArray(bankLines.registrationId, anonymised)));
  await db.update(bankLines).set(blankBankLine).where(and(namesPayer, isNull(bankLines.registrationId), lt(bankLines.createdAt, before)));
  await db.update(paymentEntries).set({ note: null }).where(and(isNotNull(paymentEntries.note), inArray(paymentEntries.registrationId, anonymised)));
  await db.update(registrationPayments).set({ waiveNote: null }).where(and(isNotNull(registrationPayments.waiveNote), inArray(registrationPayments.registrationId, anonymised)));
  const oldInterest = await db.delete(interest).where(lt(interest.createdAt, before)).returning({ id: interest.id });
  const oldAppointments = await db.delete(appointments).where(lt(appointments.createdAt, before)).returning({ id: appointments.id });
  // Messages not tied to a registration or appointment (interest, sign-in links): the bodies and recipients go, the count stays.
  await db
    .update(messages)
    .set({ recipientName: '–', recipientEmail: null, recipientPhone: null, replyTo: null, subject: '–', text: '–', html: null, ics: null, icsName: null, lastError: null, sealedToken: null })
    .where(and(lt(messages.createdAt, before), ne(messages.text, '–'), inArray(messages.status, ['sent', 'failed', 'called', 'call'])));
  await db.update(referralLinks).set({ note: null }).where(and(lt(referralLinks.expiresAt, before), isNotNull(referralLinks.note)));
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
  return { registrations: ids.length, interest: oldInterest.length, appointments: oldAppointments.length };
}

