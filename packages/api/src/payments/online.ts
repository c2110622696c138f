/**
 * Paying online: a Mollie checkout for what a family still owes, and Mollie's webhook, which
 * only says "payment tr_… changed". Instap then asks Mollie itself, with the key of the
 * organisation that created the payment, and books a paid payment exactly once (bookPayment is
 * idempotent on source `mollie` + the `tr_…` id), whatever the retries or their order.
 */
import { and, count, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { Deps } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { molliePayments, type MolliePaymentRow } from '../db/schema-online.js';
import { paymentEntries } from '../db/schema-payments.js';
import { registrations } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { familyLink } from '../messages/render.js';
import { loadActivity } from '../services/activities.js';
import { bookPayment, paymentOf, settingsOf, usableMethods, type EffectiveSettings } from '../services/payments.js';
import { loadByToken, type RegistrationRow } from '../services/registrations.js';
import { unseal } from '../services/secrets.js';
import { MollieFailure, mollieGateway, type MollieGateway, type MolliePayment } from './mollie.js';

/** Five checkouts per registration per hour: a family that tries again is fine, a script is not. */
export const CHECKOUT_LIMIT = { max: 5, windowMs: 60 * 60_000 };
/** An open checkout of the same amount younger than this is given again instead of a new one. */
const REUSE_MS = 10 * 60_000;
export const WEBHOOK_PATH = '/api/v1/payments/mollie';
export const MOLLIE_ID = /^tr_[A-Za-z0-9]{4,40}$/;

const METHOD_WORDS: Record<string, string> = { transfer: 'by bank transfer', desk: 'at the desk', 'third-party': 'through a third party' };

/** "You can still pay by bank transfer or at the desk." — the other ways, never a dead end. */
function otherWays(s: EffectiveSettings, phone: string): string {
  const ways = usableMethods(s)
    .filter((m) => m !== 'online')
    .map((m) => METHOD_WORDS[m])
    .filter(Boolean);
  return ways.length ? `You can still pay ${ways.join(' or ')}, or call ${phone}.` : `Call ${phone}: together we find a way to pay.`;
}

function gatewayFor(deps: Deps, settings: EffectiveSettings): MollieGateway {
  if (!settings.mollieApiKey) throw new ApiError(409, 'online_payment_not_offered', 'This organisation does not take online payments.');
  let key: string;
  try {
    key = unseal(settings.mollieApiKey, deps.secretKey);
  } catch {
    throw new ApiError(503, 'online_payment_unavailable', 'Online payment is not set up right on this server (the Mollie key cannot be read).');
  }
  return mollieGateway(key, deps.mollie);
}

export interface CheckoutResult {
  checkoutUrl: string;
  amountCents: number;
}

/** POST /registrations/{token}/payments: a Mollie checkout for what is still due. */
export async function startCheckout(deps: Deps, token: string, requestKey: string | undefined, now: Date): Promise<CheckoutResult> {
  const { db } = deps;
  const reg = await loadByToken(db, token);
  const rec = await loadActivity(db, reg.activityId);
  const settings = await settingsOf(db, rec.organisation.id);
  if (!usableMethods(settings).includes('online')) throw new ApiError(409, 'online_payment_not_offered', `${rec.organisation.name} does not take online payments. ${otherWays(settings, rec.organisation.phone)}`);
  const origin = deps.publicOrigin?.replace(/\/$/, '');
  if (!origin) throw new ApiError(409, 'online_payment_unavailable', `Online payment needs the server's public address (PUBLIC_URL). ${otherWays(settings, rec.organisation.phone)}`);
  const gateway = gatewayFor(deps, settings);

  // Claim a row first (registration locked): the limit counts every try, also when Mollie fails.
  const claim = await db.transaction(async (tx) => {
    await tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.id, reg.id)).for('update');
    if (requestKey) {
      const [same] = await tx.select().from(molliePayments).where(and(eq(molliePayments.registrationId, reg.id), eq(molliePayments.requestKey, requestKey)));
      if (same) return { row: same, replay: true };
    }
    const payment = await paymentOf(tx, reg, now, { rec, settings });
    const due = payment.amountCents - payment.paidCents;
    if (!['open', 'partly-paid'].includes(payment.status) || due <= 0)
      throw new ApiError(409, 'nothing_due', payment.status === 'paid' ? 'This registration is paid. There is nothing left to pay.' : 'There is nothing to pay for this registration now.');
    const [recent] = await tx
      .select()
      .from(molliePayments)
      .where(
        and(
          eq(molliePayments.registrationId, reg.id),
          inArray(molliePayments.status, ['open', 'creating']),
          eq(molliePayments.amountCents, due),
          gt(molliePayments.createdAt, new Date(now.getTime() - REUSE_MS)),
        ),
      )
      .orderBy(desc(molliePayments.createdAt))
      .limit(1);
    // A second click while the first is still with Mollie asks Mollie again with the same key: one payment.
    if (recent) return { row: recent, replay: true };
    const [{ n }] = (await tx
      .select({ n: count() })
      .from(molliePayments)
      .where(and(eq(molliePayments.registrationId, reg.id), gt(molliePayments.createdAt, new Date(now.getTime() - CHECKOUT_LIMIT.windowMs))))) as [{ n: number }];
    if (Number(n) >= CHECKOUT_LIMIT.max)
      throw new ApiError(429, 'too_many_payment_attempts', `Online payment was tried several times in the last hour. Wait a while. ${otherWays(settings, rec.organisation.phone)}`);
    const [row] = await tx
      .insert(molliePayments)
      .values({ registrationId: reg.id, organisationId: rec.organisation.id, requestKey: requestKey ?? null, amountCents: due, status: 'creating', createdAt: now, updatedAt: now })
      .returning();
    return { row: row!, replay: false };
  });
  if (claim.row.checkoutUrl && claim.row.molliePaymentId) return { checkoutUrl: claim.row.checkoutUrl, amountCents: claim.row.amountCents };

  const reference = (await paymentOf(db, reg, now, { rec, settings })).reference;
  let created: MolliePayment;
  try {
    // The row's id is Mollie's idempotency key: a replay of a failed or unfinished try gets the same payment.
    created = await gateway.create({
      amountCents: claim.row.amountCents,
      description: `${rec.activity.title} ${reference}`,
      redirectUrl: familyLink(origin, reg.token),
      webhookUrl: `${origin}${WEBHOOK_PATH}`,
      metadata: { registrationId: reg.id, reference: reference.replace(/\D/g, '') },
      language: reg.language as never,
      idempotencyKey: claim.row.id,
    });
  } catch (e) {
    // The try still counts for the limit; its key is freed, so the family's retry is a fresh try.
    await db.update(molliePayments).set({ status: 'failed', requestKey: null, updatedAt: now }).where(eq(molliePayments.id, claim.row.id));
    const failure = e instanceof MollieFailure ? e : new MollieFailure('unavailable', 'Mollie is not reachable.');
    console.warn(`mollie create failed: registration=${reg.id} kind=${failure.kind} status=${failure.status ?? '-'}`);
    const ways = otherWays(settings, rec.organisation.phone);
    if (failure.kind === 'unavailable') throw new ApiError(503, 'online_payment_unavailable', `Online payment does not work right now. Try again later. ${ways}`);
    throw new ApiError(502, 'online_payment_refused', `Online payment does not work for this club right now. ${ways}`);
  }
  if (!created.checkoutUrl) throw new ApiError(502, 'online_payment_refused', `Mollie gave no checkout page. ${otherWays(settings, rec.organisation.phone)}`);
  await db
    .update(molliePayments)
    .set({ molliePaymentId: created.id, status: created.status, checkoutUrl: created.checkoutUrl, mode: created.mode, updatedAt: now })
    .where(eq(molliePayments.id, claim.row.id));
  return { checkoutUrl: created.checkoutUrl, amountCents: claim.row.amountCents };
}

export type WebhookOutcome = { status: MolliePayment['status']; booked: boolean; bookedCents: number; refundedCents?: number; note?: string };

/** POST /payments/mollie: the body gives only which payment changed; its status comes from Mollie. */
export async function mollieChanged(deps: Deps, molliePaymentId: string, now: Date): Promise<WebhookOutcome> {
  const { db } = deps;
  const [row] = await db.select().from(molliePayments).where(eq(molliePayments.molliePaymentId, molliePaymentId));
  if (!row) {
    console.warn(`mollie webhook for an unknown payment: ${molliePaymentId}`);
    throw new ApiError(404, 'payment_unknown', 'Instap knows no payment with this id.');
  }
  const settings = await settingsOf(db, row.organisationId);
  let fetched: MolliePayment;
  try {
    if (!settings.mollieApiKey) throw new MollieFailure('unauthorized', 'The organisation removed its Mollie key.');
    fetched = await gatewayFor(deps, settings).get(molliePaymentId);
  } catch (e) {
    const kind = e instanceof MollieFailure ? e.kind : 'unavailable';
    console.warn(`mollie webhook: fetching ${molliePaymentId} failed (${kind})`);
    // Not 2xx: Mollie calls again later, and by then Mollie or the key may be back.
    if (kind === 'unavailable') throw new ApiError(503, 'mollie_unavailable', 'Mollie could not be asked for the status. Mollie will call again.');
    throw new ApiError(502, 'mollie_refused', "Mollie refused to give the payment's status with this organisation's key.");
  }
  if (fetched.id !== molliePaymentId || (fetched.metadata?.registrationId && fetched.metadata.registrationId !== row.registrationId))
    throw new ApiError(502, 'mollie_mismatch', 'Mollie answered about another payment.');
  return applyStatus(db, row, fetched, now);
}

async function applyStatus(db: Db, row: MolliePaymentRow, fetched: MolliePayment, now: Date): Promise<WebhookOutcome> {
  return db.transaction(async (tx) => {
    await tx.update(molliePayments).set({ status: fetched.status, updatedAt: now }).where(eq(molliePayments.id, row.id));
    if (fetched.status !== 'paid' || fetched.currency !== 'EUR') return { status: fetched.status, booked: false, bookedCents: 0 };
    const [reg] = (await tx.select().from(registrations).where(eq(registrations.id, row.registrationId)).for('update')) as RegistrationRow[];
    if (!reg) return { status: fetched.status, booked: false, bookedCents: 0, note: 'registration gone' };
    const outcome = await bookPaid(tx, row, reg, fetched, now);
    // After the payment itself, so a refund never stands without the money it gives back.
    const back = await moneyBack(tx, reg.id, fetched, now);
    return back > 0 ? { ...outcome, refundedCents: back } : outcome;
  });
}

async function bookPaid(tx: Tx, row: MolliePaymentRow, reg: RegistrationRow, fetched: MolliePayment, now: Date): Promise<WebhookOutcome> {
  const payment = await paymentOf(tx, reg, now);
  const left = Math.max(0, payment.amountCents - payment.paidCents);
  const base = { registrationId: reg.id, method: 'online' as const, source: 'mollie', externalId: fetched.id, at: fetched.paidAt ?? now, by: 'Mollie' };
  if (left === 0) {
    // Already booked by an earlier call (the idempotent answer), or paid twice: staff refund the extra in Mollie.
    const again = await bookPayment(tx, { ...base, amountCents: fetched.amountCents }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'payment_exceeds_due') return null;
      throw e;
    });
    if (!again) await tx.update(molliePayments).set({ status: 'paid-not-booked', updatedAt: now }).where(eq(molliePayments.id, row.id));
    return { status: fetched.status, booked: false, bookedCents: 0, ...(again ? {} : { note: 'nothing was due any more; refund it in Mollie' }) };
  }
  const amount = Math.min(left, fetched.amountCents);
  const extra = fetched.amountCents - amount;
  const result = await bookPayment(tx, {
    ...base,
    amountCents: amount,
    note: extra > 0 ? `Online ${(fetched.amountCents / 100).toFixed(2)} EUR paid; ${(extra / 100).toFixed(2)} EUR more than was due (refund it in Mollie).` : null,
  });
  return { status: fetched.status, booked: result.booked, bookedCents: result.booked ? amount : 0 };
}

/**
 * Money Mollie gave back (a refund from its dashboard, a chargeback): booked as a refund entry for
 * the difference with what was booked for this payment before. The total is in the external id,
 * so the same total twice books once. Answers the cents booked now (0: nothing new went back).
 */
async function moneyBack(tx: Tx, registrationId: string, fetched: MolliePayment, now: Date): Promise<number> {
  const total = fetched.refundedCents + fetched.chargedBackCents;
  if (total <= 0) return 0;
  const [{ before }] = (await tx
    .select({ before: sql<number>`coalesce(-sum(${paymentEntries.amountCents}), 0)::int` })
    .from(paymentEntries)
    .where(and(eq(paymentEntries.source, 'mollie'), eq(paymentEntries.method, 'refund'), like(paymentEntries.externalId, `${fetched.id}:back:%`)))) as [{ before: number }];
  const delta = Math.min(total, fetched.amountCents) - Number(before);
  if (delta <= 0) return 0;
  const [made] = await tx
    .insert(paymentEntries)
    .values({
      registrationId,
      amountCents: -delta,
      method: 'refund',
      source: 'mollie',
      externalId: `${fetched.id}:back:${total}`,
      note: fetched.chargedBackCents > 0 ? 'Chargeback through Mollie' : 'Refunded through Mollie',
      recordedBy: 'Mollie',
      at: now,
    })
    .onConflictDoNothing()
    .returning({ id: paymentEntries.id });
  return made ? delta : 0;
}

/** An organisation's online payments, newest first; `attention`: paid at Mollie but not booked (paid twice). */
export async function organisationOnlinePayments(db: Db, organisationId: string, attention: boolean) {
  const rows = await db
    .select()
    .from(molliePayments)
    .where(and(eq(molliePayments.organisationId, organisationId), attention ? eq(molliePayments.status, 'paid-not-booked') : undefined))
    .orderBy(desc(molliePayments.createdAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    molliePaymentId: r.molliePaymentId,
    registrationId: r.registrationId,
    amountCents: r.amountCents,
    status: r.status,
    mode: r.mode,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
