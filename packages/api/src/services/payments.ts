/**
 * A registration's payment: its row (reference, due date, waiver, plan), the ledger, and the
 * `payment` object every answer carries. Bookings from any source (staff, Mollie, bank
 * statements) go through `bookPayment`, which books a given external id exactly once.
 */
import { randomInt } from 'node:crypto';
import {
  epcPayload,
  formatOgm,
  isPastDue,
  normaliseOgm,
  notHeldCents,
  ogmCheck,
  paymentState,
  planProgress,
  type Payment,
  type PaymentEntryMethod,
  type PaymentMethod,
  type PaymentState,
} from '@instap/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { paymentEntries, paymentSettings, registrationPayments, type PaymentSettingsRow, type RegistrationPaymentRow } from '../db/schema-payments.js';
import { activities, organisations, registrations } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { loadActivity, type ActivityRecord } from './activities.js';
import type { RegistrationRow } from './registrations.js';

type Conn = Db | Tx;

export const HARDSHIP_TEXT = 'Is betalen moeilijk? Bel ons: we zoeken samen een oplossing.';

/** An organisation without settings takes money at the desk, as before payments existed. */
export const DEFAULT_SETTINGS = { methods: ['desk'] as PaymentMethod[], iban: null, bic: null, beneficiary: null, dueDays: 14, deskInfo: null, mollieApiKey: null, mollieMode: null, autoCancel: false, autoCancelDaysAfterCall: 14 };
export type EffectiveSettings = Omit<PaymentSettingsRow, 'organisationId' | 'updatedAt'> & { configured: boolean };

export async function settingsOf(db: Conn, organisationId: string): Promise<EffectiveSettings> {
  const [row] = await db.select().from(paymentSettings).where(eq(paymentSettings.organisationId, organisationId));
  if (!row) return { ...DEFAULT_SETTINGS, configured: false };
  const { organisationId: _o, updatedAt: _u, ...rest } = row;
  return { ...rest, configured: true };
}

/** The ways a family can actually use: transfer needs an account, online a Mollie key. */
export function usableMethods(s: EffectiveSettings): PaymentMethod[] {
  return s.methods.filter((m) => (m === 'transfer' ? Boolean(s.iban && s.beneficiary) : m === 'online' ? Boolean(s.mollieApiKey) : true));
}

const DAY = 86_400_000;
export const dueFrom = (now: Date, dueDays: number) => new Date(now.getTime() + dueDays * DAY);

/** A fresh structured communication: 10 random digits and their check. */
function randomReference(): string {
  const base = String(randomInt(0, 1_000_000)).padStart(6, '0') + String(randomInt(0, 10_000)).padStart(4, '0');
  return base + ogmCheck(base);
}

/**
 * The registration's payment row, made if it is missing (registrations from before payments
 * existed get theirs on first sight). A reference collision (one in ten billion) draws again.
 */
export async function ensurePaymentRow(db: Conn, registrationId: string, now: Date, dueAt: Date | null = null): Promise<RegistrationPaymentRow> {
  for (let attempt = 0; ; attempt++) {
    const [made] = await db
      .insert(registrationPayments)
      .values({ registrationId, reference: randomReference(), dueAt, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (made) return made;
    const [existing] = await db.select().from(registrationPayments).where(eq(registrationPayments.registrationId, registrationId));
    if (existing) return existing;
    if (attempt > 5) throw new Error('Could not draw a free structured communication.');
  }
}

/** A place was confirmed (first come, an accepted offer, the draw): the payment is due in dueDays. */
export async function paymentConfirmed(tx: Tx, registrationId: string, organisationId: string, now: Date): Promise<void> {
  const s = await settingsOf(tx, organisationId);
  const row = await ensurePaymentRow(tx, registrationId, now, dueFrom(now, s.dueDays));
  if (!row.dueAt) await tx.update(registrationPayments).set({ dueAt: dueFrom(now, s.dueDays), updatedAt: now }).where(eq(registrationPayments.registrationId, registrationId));
}

/**
 * A new registration's payment, inside the registration's transaction: two reads, no more (the
 * activity is locked). Due in dueDays when the place is confirmed; not due while waiting.
 */
export async function openPayment(tx: Tx, reg: RegistrationRow, rec: ActivityRecord, now: Date, publicOrigin?: string): Promise<Payment> {
  const s = await settingsOf(tx, rec.organisation.id);
  const row = await ensurePaymentRow(tx, reg.id, now, reg.status === 'confirmed' ? dueFrom(now, s.dueDays) : null);
  return paymentView(reg, row, undefined, rec, s, { publicOrigin });
}

export interface Sums {
  paidCents: number;
  refundedCents: number;
}

export async function ledgerSums(db: Conn, registrationIds: string[]): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>();
  if (registrationIds.length === 0) return out;
  const rows = await db
    .select({
      id: paymentEntries.registrationId,
      paid: sql<number>`coalesce(sum(${paymentEntries.amountCents}) filter (where ${paymentEntries.method} not in ('refund', 'waiver')), 0)::int`,
      refunded: sql<number>`coalesce(-sum(${paymentEntries.amountCents}) filter (where ${paymentEntries.method} = 'refund'), 0)::int`,
    })
    .from(paymentEntries)
    .where(inArray(paymentEntries.registrationId, registrationIds))
    .groupBy(paymentEntries.registrationId);
  for (const r of rows) out.set(r.id, { paidCents: Number(r.paid), refundedCents: Number(r.refunded) });
  return out;
}

type Reg = Pick<RegistrationRow, 'id' | 'token' | 'status' | 'priceCents' | 'price' | 'cancelledAt'>;

/** The pure state of a registration's payment (status, amounts), from its facts. */
export function stateOf(reg: Reg, row: RegistrationPaymentRow, sums: Sums | undefined, rec: Pick<ActivityRecord, 'sessions'>): PaymentState {
  const s = sums ?? { paidCents: 0, refundedCents: 0 };
  return paymentState({
    registrationStatus: reg.status,
    priceCents: reg.priceCents,
    ...s,
    waived: row.waivedAt !== null,
    ...(reg.status === 'cancelled'
      ? { notHeldCents: notHeldCents({ priceCents: reg.priceCents, sessions: rec.sessions, sessionsCounted: reg.price.sessionsCounted, cancelledAt: reg.cancelledAt ?? new Date(0) }) }
      : {}),
  });
}

export function pastDue(state: PaymentState, row: RegistrationPaymentRow, now: Date): boolean {
  return isPastDue({ state, dueAt: row.dueAt, plan: row.plan, paidTowardPlanCents: state.paidCents - row.planBaseCents, now });
}

export interface PaymentContext {
  /** The server's public origin, for `onlineUrl`; without it the URL is relative to the server. */
  publicOrigin?: string;
  rec?: ActivityRecord;
  settings?: EffectiveSettings;
}

/** The contract object, from what is already loaded. */
export function paymentView(reg: Reg, row: RegistrationPaymentRow, sums: Sums | undefined, rec: ActivityRecord, s: EffectiveSettings, ctx: { publicOrigin?: string }): Payment {
  const state = stateOf(reg, row, sums, rec);
  const methods = usableMethods(s);
  const reference = formatOgm(row.reference);
  const toPay = state.leftCents > 0;
  const plan = row.plan && row.plan.length ? planProgress(row.plan, state.paidCents - row.planBaseCents, new Date(0)).parts : undefined;
  return {
    status: state.status,
    amountCents: state.amountCents,
    paidCents: state.paidCents,
    // With a plan, the next part not yet covered is what the family pays next.
    dueAt: toPay ? (plan?.find((p) => !p.paid)?.dueAt ?? row.dueAt?.toISOString() ?? null) : state.status === 'not-due' ? null : (row.dueAt?.toISOString() ?? null),
    reference,
    methods,
    ...(toPay && methods.includes('transfer')
      ? {
          transfer: {
            iban: s.iban!.replace(/(.{4})(?=.)/g, '$1 '),
            ...(s.bic ? { bic: s.bic } : {}),
            beneficiary: s.beneficiary!,
            amountCents: state.leftCents,
            reference,
            epc: epcPayload({ iban: s.iban!, bic: s.bic, beneficiary: s.beneficiary!, amountCents: state.leftCents, reference: row.reference }),
          },
        }
      : {}),
    ...(toPay && methods.includes('online') ? { onlineUrl: `${ctx.publicOrigin ?? ''}/api/v1/registrations/${encodeURIComponent(reg.token)}/payments` } : {}),
    ...(methods.includes('desk') ? { desk: { text: s.deskInfo, phone: rec.organisation.phone } } : {}),
    hardship: { text: HARDSHIP_TEXT, phone: rec.organisation.phone, instalmentsPossible: true, thirdPartyPossible: s.methods.includes('third-party') },
    ...(plan ? { instalments: plan } : {}),
    ...(state.refundCents > 0 ? { refundCents: state.refundCents } : {}),
    waived: row.waivedAt !== null,
  };
}

/** A registration's payment, as the family and staff see it. */
export async function paymentOf(db: Conn, reg: RegistrationRow, now: Date, ctx: PaymentContext = {}): Promise<Payment> {
  const rec = ctx.rec ?? (await loadActivity(db, reg.activityId));
  const [s, row, sums] = await Promise.all([ctx.settings ?? settingsOf(db, rec.organisation.id), ensurePaymentRow(db, reg.id, now), ledgerSums(db, [reg.id])]);
  return paymentView(reg, row, sums.get(reg.id), rec, s, ctx);
}

export interface Loaded {
  payment: Payment;
  state: PaymentState;
  row: RegistrationPaymentRow;
}

/** Payments of many registrations of one activity (an admin list page), in three reads. */
export async function loadPayments(db: Conn, regs: RegistrationRow[], rec: ActivityRecord, now: Date | undefined, ctx: { publicOrigin?: string } = {}): Promise<Map<string, Loaded>> {
  const ids = regs.map((r) => r.id);
  const out = new Map<string, Loaded>();
  if (ids.length === 0) return out;
  const [s, rows, sums] = await Promise.all([
    settingsOf(db, rec.organisation.id),
    db.select().from(registrationPayments).where(inArray(registrationPayments.registrationId, ids)),
    ledgerSums(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.registrationId, r]));
  for (const reg of regs) {
    // A registration from before payments existed gets its reference now.
    const row = byId.get(reg.id) ?? (await ensurePaymentRow(db, reg.id, now ?? reg.createdAt));
    const state = stateOf(reg, row, sums.get(reg.id), rec);
    out.set(reg.id, { payment: paymentView(reg, row, sums.get(reg.id), rec, s, ctx), state, row });
  }
  return out;
}

export async function paymentsOf(db: Conn, regs: RegistrationRow[], rec: ActivityRecord, now: Date | undefined, ctx: { publicOrigin?: string } = {}): Promise<Map<string, Payment>> {
  const loaded = await loadPayments(db, regs, rec, now, ctx);
  return new Map([...loaded].map(([id, l]) => [id, l.payment]));
}

export interface BookInput {
  registrationId: string;
  /** Positive: money received. */
  amountCents: number;
  method: Exclude<PaymentEntryMethod, 'waiver' | 'refund'>;
  /** `staff`, `mollie`, `camt`, … With `externalId`, the pair books once. */
  source: string;
  externalId?: string | null;
  note?: string | null;
  by?: string | null;
  at: Date;
}

export type BookResult = { booked: true; entryId: string } | { booked: false; entryId: string; reason: 'already_booked' };

/** The registration row, locked: bookings on one registration happen one after the other. */
async function lockRegistration(tx: Tx, registrationId: string): Promise<RegistrationRow> {
  const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!reg) throw new ApiError(404, 'registration_not_found', 'There is no registration here.');
  return reg;
}

async function alreadyBooked(tx: Tx, source: string, externalId: string | null | undefined) {
  if (!externalId) return null;
  const [e] = await tx.select({ id: paymentEntries.id }).from(paymentEntries).where(and(eq(paymentEntries.source, source), eq(paymentEntries.externalId, externalId)));
  return e ?? null;
}

/**
 * Books money received. Idempotent on (source, externalId): a second booking of the same Mollie
 * payment or bank transaction answers `already_booked` and changes nothing, also when both run
 * at once (the registration is locked, and the unique index catches the rest). Refuses more than
 * is left to pay (`payment_exceeds_due`, 409): that money is for staff to look at.
 */
export async function bookPayment(tx: Tx, input: BookInput): Promise<BookResult> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) throw new ApiError(422, 'invalid_amount', 'Give the amount in whole cents, above zero.');
  if (input.externalId !== undefined && input.externalId !== null && (input.externalId.length === 0 || input.externalId.length > 200))
    throw new ApiError(422, 'invalid_external_id', 'An external id has 1 to 200 characters.');
  const reg = await lockRegistration(tx, input.registrationId);
  const before = await alreadyBooked(tx, input.source, input.externalId);
  if (before) return { booked: false, entryId: before.id, reason: 'already_booked' };
  const rec = await loadActivity(tx, reg.activityId);
  const row = await ensurePaymentRow(tx, reg.id, input.at);
  const state = stateOf(reg, row, (await ledgerSums(tx, [reg.id])).get(reg.id), rec);
  if (input.amountCents > state.leftCents)
    throw new ApiError(
      409,
      'payment_exceeds_due',
      state.leftCents === 0 ? 'Nothing is left to pay for this registration.' : `Only ${(state.leftCents / 100).toFixed(2)} EUR is left to pay for this registration.`,
    );
  const [made] = await tx
    .insert(paymentEntries)
    .values({ registrationId: reg.id, amountCents: input.amountCents, method: input.method, source: input.source, externalId: input.externalId ?? null, note: input.note ?? null, recordedBy: input.by ?? null, at: input.at })
    .onConflictDoNothing()
    .returning({ id: paymentEntries.id });
  if (!made) {
    const again = await alreadyBooked(tx, input.source, input.externalId);
    return { booked: false, entryId: again!.id, reason: 'already_booked' };
  }
  return { booked: true, entryId: made.id };
}

/** The registration a structured communication belongs to, with its organisation; null when unknown. */
export async function findByReference(db: Conn, ogm: string): Promise<{ registration: RegistrationRow; organisationId: string } | null> {
  const digits = normaliseOgm(ogm);
  if (!digits) return null;
  const [hit] = await db
    .select({ registration: registrations, organisationId: organisations.id })
    .from(registrationPayments)
    .innerJoin(registrations, eq(registrations.id, registrationPayments.registrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .where(eq(registrationPayments.reference, digits));
  return hit ?? null;
}
