/**
 * Payments past due go on the call list: a person calls, with words to say, before anything else
 * happens. Only when the organisation turned `autoCancel` on, and only after that call was marked
 * made and its days passed (core `mayAutoCancel`), is an unpaid registration cancelled. A call
 * that is no longer needed (the family paid, or staff waived) leaves the list.
 */
import { formatCents, formatOgm, mayAutoCancel } from '@instap/core';
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { messages } from '../db/schema-messages.js';
import { paymentEntries, paymentSettings, registrationPayments } from '../db/schema-payments.js';
import { activities, registrationChildren, registrations } from '../db/schema.js';
import { TIME_ZONE } from '../messages/format.js';
import { loadActivity, type ActivityRecord } from './activities.js';
import { ledgerSums, pastDue, settingsOf, stateOf, usableMethods, type EffectiveSettings } from './payments.js';
import type { RegistrationRow } from './registrations.js';
import { cancelRegistration } from './waitlist.js';

export const PAYMENT_CALL_KIND = 'payment-overdue';
/** Per tick, so one slow tick never holds the scheduler long. */
const BATCH = 200;

const day = (d: Date) => new Intl.DateTimeFormat('nl-BE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' }).format(d);

/** The words on the call list, in Dutch for staff (the row keeps the family's language). */
export function paymentCallText(input: { reg: RegistrationRow; rec: ActivityRecord; children: string[]; leftCents: number; dueAt: Date | null; reference: string; settings: EffectiveSettings }): { subject: string; text: string } {
  const { reg, rec, settings } = input;
  const names = input.children.length > 1 ? `${input.children.slice(0, -1).join(', ')} en ${input.children.at(-1)}` : (input.children[0] ?? 'je kind');
  const amount = formatCents(input.leftCents);
  const ways = usableMethods(settings).map((m) =>
    m === 'desk' ? `aan de balie${settings.deskInfo ? ` (${settings.deskInfo})` : ''}` : m === 'transfer' ? `met een overschrijving, met de mededeling ${input.reference}` : m === 'online' ? 'online, via de link in de bevestiging' : 'via een organisatie die helpt betalen',
  );
  const reach = reg.contactPhone ? `Bel ${reg.contactName} op ${reg.contactPhone}.` : `${reg.contactName} gaf geen telefoonnummer. Schrijf naar ${reg.contactEmail ?? 'de familie'}.`;
  const lines = [
    reach,
    reg.language !== 'nl' ? `Deze familie koos een andere taal (${reg.language}). Vraag gerust een tolk of een brugfiguur.` : null,
    `Waarover: ${names} bij ${rec.activity.title}. Er staat nog ${amount} open${input.dueAt ? `, te betalen tegen ${day(input.dueAt)}` : ''}.`,
    '',
    'Wat je kunt zeggen:',
    `"Dag ${reg.contactName}, met ${rec.organisation.name}. Ik bel over ${names} bij ${rec.activity.title}.`,
    `Er staat nog ${amount} open. De plaats blijft van jullie.`,
    `Is betalen nu moeilijk? Dan zoeken we samen een oplossing. Je kunt in delen betalen. Soms betaalt iemand anders mee, zoals het OCMW.`,
    ways.length ? `Betalen kan ${ways.join(', of ')}."` : '"',
    '',
    'Daarna: duid deze oproep aan als gedaan. Spreek je niemand? Probeer later opnieuw en duid nog niets aan.',
    settings.autoCancel ? `Let op: ${rec.organisation.name} schrapt een onbetaalde inschrijving ${settings.autoCancelDaysAfterCall} dagen na dit gesprek. Zeg dat eerlijk.` : null,
  ];
  return { subject: `Betaling nog open: ${rec.activity.title}`, text: lines.filter((l) => l !== null).join('\n') };
}

export interface FollowUpReport {
  calls: number;
  withdrawn: number;
  cancelled: number;
}

/** One pass: new calls for payments past due, calls no longer needed removed, and the cancellations an organisation asked for. */
export async function followUpPayments(db: Db, now: Date, ctx: { publicOrigin: string }): Promise<FollowUpReport> {
  const report: FollowUpReport = { calls: 0, withdrawn: 0, cancelled: 0 };
  // New calls: confirmed, due date passed or a plan, no call yet.
  const candidates = await db
    .select({ id: registrationPayments.registrationId })
    .from(registrationPayments)
    .innerJoin(registrations, eq(registrations.id, registrationPayments.registrationId))
    .where(
      and(
        eq(registrations.status, 'confirmed'),
        isNull(registrationPayments.callMessageId),
        isNull(registrationPayments.waivedAt),
        or(lt(registrationPayments.dueAt, now), isNotNull(registrationPayments.plan)),
        // Still something to pay: paid registrations are never looked at again.
        sql`${registrations.priceCents} > coalesce((select sum(e.amount_cents) from ${paymentEntries} e where e.registration_id = ${registrationPayments.registrationId} and e.method <> 'waiver'), 0)`,
      ),
    )
    .orderBy(asc(registrationPayments.dueAt))
    .limit(BATCH);
  for (const { id } of candidates) if (await makeCall(db, id, now)) report.calls++;

  // Calls made or waiting: withdraw the ones not needed, cancel where the organisation asked.
  const open = await db
    .select({ id: registrationPayments.registrationId, status: messages.status, sentAt: messages.sentAt, messageId: messages.id })
    .from(registrationPayments)
    .innerJoin(messages, eq(messages.id, registrationPayments.callMessageId))
    .innerJoin(registrations, eq(registrations.id, registrationPayments.registrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .leftJoin(paymentSettings, eq(paymentSettings.organisationId, activities.organisationId))
    .where(or(eq(messages.status, 'call'), and(eq(messages.status, 'called'), eq(registrations.status, 'confirmed'), eq(paymentSettings.autoCancel, true))))
    .limit(BATCH * 5);
  for (const o of open) {
    const outcome = await review(db, o, now, ctx);
    if (outcome === 'withdrawn') report.withdrawn++;
    if (outcome === 'cancelled') report.cancelled++;
  }
  return report;
}

async function current(db: Db, registrationId: string, now: Date) {
  const [reg] = await db.select().from(registrations).where(eq(registrations.id, registrationId));
  const [row] = await db.select().from(registrationPayments).where(eq(registrationPayments.registrationId, registrationId));
  if (!reg || !row) return null;
  const rec = await loadActivity(db, reg.activityId);
  const state = stateOf(reg, row, (await ledgerSums(db, [reg.id])).get(reg.id), rec);
  return { reg, row, rec, state, pastDue: reg.status === 'confirmed' && pastDue(state, row, now) };
}

async function makeCall(db: Db, registrationId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Several processes may tick at once: the row lock and the null check make one call.
    const [row] = await tx.select().from(registrationPayments).where(eq(registrationPayments.registrationId, registrationId)).for('update');
    if (!row || row.callMessageId) return false;
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!reg || reg.status !== 'confirmed') return false;
    const rec = await loadActivity(tx, reg.activityId);
    const state = stateOf(reg, row, (await ledgerSums(tx, [reg.id])).get(reg.id), rec);
    if (!pastDue(state, row, now)) return false;
    const settings = await settingsOf(tx, rec.organisation.id);
    const children = (await tx.select({ n: registrationChildren.firstName }).from(registrationChildren).where(eq(registrationChildren.registrationId, reg.id)).orderBy(asc(registrationChildren.position))).map((c) => c.n);
    const words = paymentCallText({ reg, rec, children, leftCents: state.leftCents, dueAt: row.dueAt, reference: formatOgm(row.reference), settings });
    const [m] = await tx
      .insert(messages)
      .values({
        organisationId: rec.organisation.id,
        kind: PAYMENT_CALL_KIND,
        language: reg.language,
        recipientName: reg.contactName,
        recipientEmail: reg.contactEmail,
        recipientPhone: reg.contactPhone,
        channel: 'call',
        subject: words.subject,
        text: words.text,
        registrationId: reg.id,
        status: 'call',
        createdAt: now,
      })
      .returning({ id: messages.id });
    await tx.update(registrationPayments).set({ callMessageId: m!.id, updatedAt: now }).where(eq(registrationPayments.registrationId, reg.id));
    return true;
  });
}

async function review(db: Db, o: { id: string; status: string; sentAt: Date | null; messageId: string }, now: Date, ctx: { publicOrigin: string }): Promise<'withdrawn' | 'cancelled' | null> {
  const c = await current(db, o.id, now);
  if (!c) return null;
  if (!c.pastDue) {
    // Paid, waived, cancelled: a call still waiting is no longer needed. A call made stays in the history.
    if (o.status !== 'call') return null;
    await db.transaction(async (tx) => {
      await tx.update(registrationPayments).set({ callMessageId: null, updatedAt: now }).where(eq(registrationPayments.registrationId, o.id));
      await tx.delete(messages).where(and(eq(messages.id, o.messageId), eq(messages.status, 'call')));
    });
    return 'withdrawn';
  }
  const settings = await settingsOf(db, c.rec.organisation.id);
  const calledAt = o.status === 'called' ? o.sentAt : null;
  if (!mayAutoCancel({ enabled: settings.autoCancel, daysAfterCall: settings.autoCancelDaysAfterCall, pastDue: true, calledAt, now })) return null;
  await cancelRegistration(db, c.reg.token, now, ctx);
  return 'cancelled';
}
