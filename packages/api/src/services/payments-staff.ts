/**
 * What staff do with a registration's money: record a payment at the desk or by a third party,
 * let a family off (waive), split what is left in instalments, and mark a refund given. Each
 * action locks the registration row, so two colleagues pressing at once cannot book twice.
 */
import { planProblem, type Instalment, type Payment, type PaymentEntry } from '@instap/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { messages } from '../db/schema-messages.js';
import { paymentEntries, registrationPayments } from '../db/schema-payments.js';
import { registrationChildren, registrations } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { loadActivity, type ActivityRecord } from './activities.js';
import { ensurePaymentRow, ledgerSums, loadPayments, pastDue, paymentOf, stateOf } from './payments.js';
import type { RegistrationRow } from './registrations.js';

export interface StaffPayment {
  registrationId: string;
  payment: Payment;
  entries: PaymentEntry[];
}

export async function staffPayment(db: Db | Tx, reg: RegistrationRow, now: Date, publicOrigin?: string): Promise<StaffPayment> {
  const rows = await db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, reg.id)).orderBy(asc(paymentEntries.at), asc(paymentEntries.seq));
  return {
    registrationId: reg.id,
    payment: await paymentOf(db, reg, now, { publicOrigin }),
    entries: rows.map((e) => ({ id: e.id, amountCents: e.amountCents, method: e.method, source: e.source, externalId: e.externalId, note: e.note, recordedBy: e.recordedBy, at: e.at.toISOString() })),
  };
}

/** The registration locked, with its payment's state: every staff action starts here. */
async function locked(tx: Tx, registrationId: string, now: Date) {
  const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!reg) throw new ApiError(404, 'registration_not_found', 'There is no registration here.');
  const rec = await loadActivity(tx, reg.activityId);
  const row = await ensurePaymentRow(tx, reg.id, now);
  const state = stateOf(reg, row, (await ledgerSums(tx, [reg.id])).get(reg.id), rec);
  return { reg, rec, row, state };
}

/** Let the family off what is left to pay; the note says why, for colleagues. */
export async function waivePayment(tx: Tx, registrationId: string, note: string, by: string, now: Date): Promise<void> {
  const { reg, state } = await locked(tx, registrationId, now);
  if (state.leftCents === 0) throw new ApiError(409, 'nothing_to_waive', state.status === 'waived' ? 'This payment is already waived.' : 'Nothing is left to pay for this registration.');
  await tx.insert(paymentEntries).values({ registrationId: reg.id, amountCents: state.leftCents, method: 'waiver', source: 'staff', note, recordedBy: by, at: now });
  await tx.update(registrationPayments).set({ waivedAt: now, waivedBy: by, waiveNote: note, updatedAt: now }).where(eq(registrationPayments.registrationId, reg.id));
}

/** Split what is left in parts; an empty list removes the plan. */
export async function setPlan(tx: Tx, registrationId: string, instalments: Instalment[], now: Date): Promise<void> {
  const { reg, row, state } = await locked(tx, registrationId, now);
  if (instalments.length && state.leftCents === 0) throw new ApiError(409, 'nothing_to_plan', 'Nothing is left to pay for this registration.');
  const problem = planProblem(instalments, state.leftCents, now);
  if (problem) {
    const words = {
      plan_sum_mismatch: `The parts must add up to what is left: ${(state.leftCents / 100).toFixed(2)} EUR.`,
      plan_dates_order: 'Put the parts in order of date, each on another day.',
      plan_date_past: 'A part cannot be due in the past.',
      plan_amount: 'Each part is a whole number of cents above zero.',
    } as const;
    throw new ApiError(422, problem, words[problem], [{ path: 'instalments', message: words[problem], code: problem }]);
  }
  // A new agreement starts the follow-up afresh: a call still waiting is no longer needed, and a
  // missed part later gets a call of its own.
  if (row.callMessageId) await tx.delete(messages).where(and(eq(messages.id, row.callMessageId), eq(messages.status, 'call')));
  await tx
    .update(registrationPayments)
    .set({ plan: instalments.length ? instalments : null, planBaseCents: state.paidCents, callMessageId: null, updatedAt: now })
    .where(eq(registrationPayments.registrationId, reg.id));
}

/** Mark money given back after a cancellation (all of the refund due, or a part). */
export async function recordRefund(tx: Tx, registrationId: string, input: { amountCents?: number; note?: string }, by: string, now: Date): Promise<void> {
  const { reg, state } = await locked(tx, registrationId, now);
  if (state.refundCents === 0) throw new ApiError(409, 'no_refund_due', 'No money is due back for this registration.');
  const amount = input.amountCents ?? state.refundCents;
  if (amount > state.refundCents) throw new ApiError(409, 'refund_exceeds_due', `Only ${(state.refundCents / 100).toFixed(2)} EUR is due back.`);
  await tx.insert(paymentEntries).values({ registrationId: reg.id, amountCents: -amount, method: 'refund', source: 'staff', note: input.note ?? null, recordedBy: by, at: now });
}

const STATUSES = ['not-due', 'open', 'partly-paid', 'paid', 'waived', 'refund-due', 'refunded'] as const;
/** More registrations than any one activity has; the view stays bounded. */
const ACTIVITY_LIMIT = 5000;

/** An activity's money at a glance: totals, and every registration with its payment. */
export async function activityPayments(db: Db, rec: ActivityRecord, now: Date) {
  const regs = await db.select().from(registrations).where(eq(registrations.activityId, rec.activity.id)).orderBy(asc(registrations.seq)).limit(ACTIVITY_LIMIT);
  const loaded = await loadPayments(db, regs, rec, now);
  const children = new Map<string, string[]>();
  if (regs.length) {
    const kids = await db.select().from(registrationChildren).where(inArray(registrationChildren.registrationId, regs.map((r) => r.id))).orderBy(asc(registrationChildren.position));
    for (const k of kids) children.set(k.registrationId, [...(children.get(k.registrationId) ?? []), k.firstName]);
  }
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<(typeof STATUSES)[number], number>;
  const totals = { dueCents: 0, paidCents: 0, openCents: 0, pastDueCents: 0, refundDueCents: 0, counts };
  const list = regs.map((reg) => {
    const { payment, state, row } = loaded.get(reg.id)!;
    const isPast = pastDue(state, row, now);
    counts[state.status]++;
    if (reg.status === 'confirmed' && state.status !== 'waived') totals.dueCents += state.amountCents;
    totals.paidCents += state.paidCents;
    totals.openCents += state.leftCents;
    if (isPast) totals.pastDueCents += state.leftCents;
    totals.refundDueCents += state.refundCents;
    return { registrationId: reg.id, status: reg.status, contactName: reg.contactName, children: children.get(reg.id) ?? [], pastDue: isPast, payment };
  });
  return { activityId: rec.activity.id, totals, registrations: list };
}
