/**
 * Money rules, pure: the Belgian structured communication (OGM/VCS), the EPC069-12 QR payload,
 * a registration's payment status from its ledger, the refund after a cancellation, instalment
 * plans, and when (if ever) an unpaid registration may be cancelled. Integer euro cents only.
 */
import type { PaymentStatus } from './schemas/payments.js';
import { sessionsToCome, type SessionTimes } from './pricing.js';

// ——— Structured communication (OGM / VCS) ———

/** The two check digits of a 10-digit base: base mod 97, and 97 when that is 0. */
export function ogmCheck(base: string): string {
  if (!/^\d{10}$/.test(base)) throw new RangeError('An OGM base has 10 digits.');
  const r = Number(BigInt(base) % 97n);
  return String(r === 0 ? 97 : r).padStart(2, '0');
}

/** The 12 digits as families see them: +++123/4567/89002+++. */
export function formatOgm(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7, 12)}+++`;
}

/** A structured communication from a number (0 ≤ n < 10¹⁰), e.g. a registration's sequence. */
export function ogmFromNumber(n: number | bigint): string {
  const v = BigInt(n);
  if (v < 0n || v >= 10_000_000_000n) throw new RangeError('An OGM base is a number from 0 to 9999999999.');
  const base = v.toString().padStart(10, '0');
  return formatOgm(base + ogmCheck(base));
}

/**
 * The 12 digits of a structured communication as typed or as a bank exports it: with or without
 * `+++`/`***`, slashes, spaces or dots. null when it is not 12 digits with a valid check.
 */
export function normaliseOgm(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const t = input.trim();
  const inner = /^(\+{3}|\*{3})(.*)\1$/.exec(t)?.[2] ?? t;
  if (!/^[\d\s/.-]+$/.test(inner)) return null;
  const digits = inner.replace(/[\s/.-]/g, '');
  if (!/^\d{12}$/.test(digits)) return null;
  return ogmCheck(digits.slice(0, 10)) === digits.slice(10) ? digits : null;
}

export const isValidOgm = (input: string) => normaliseOgm(input) !== null;

// ——— EPC069-12 QR payload ———

export interface EpcInput {
  /** Without spaces or with; printed without. */
  iban: string;
  bic?: string | null;
  /** At most 70 characters (longer names are cut). */
  beneficiary: string;
  amountCents: number;
  /** The structured communication, in any form normaliseOgm reads. */
  reference: string;
}

/**
 * The EPC QR payload (EPC069-12, version 002, UTF-8, SEPA credit transfer), lines joined by LF:
 * BCD, 002, 1, SCT, BIC (optional since version 002), name, IBAN, EUR amount, purpose (empty),
 * structured reference (empty), unstructured remittance.
 *
 * The structured reference line is for ISO 11649 creditor references (RF…) only. Belgian banks
 * read a Belgian structured communication in the unstructured remittance line, in its
 * `+++123/4567/89002+++` form, and book it as a structured communication; that is where it goes.
 * Trailing empty lines (beneficiary-to-originator information) are left off, as the standard allows.
 */
export function epcPayload(input: EpcInput): string {
  const iban = input.iban.replace(/\s+/g, '').toUpperCase();
  const bic = (input.bic ?? '').replace(/\s+/g, '').toUpperCase();
  const name = input.beneficiary.replace(/[\r\n]+/g, ' ').trim().slice(0, 70);
  if (!Number.isInteger(input.amountCents) || input.amountCents < 1 || input.amountCents > 99_999_999_999)
    throw new RangeError('An EPC amount is from EUR 0.01 to EUR 999999999.99.');
  const digits = normaliseOgm(input.reference);
  if (!digits) throw new RangeError('The reference is not a valid structured communication.');
  const amount = `EUR${Math.floor(input.amountCents / 100)}.${String(input.amountCents % 100).padStart(2, '0')}`;
  return ['BCD', '002', '1', 'SCT', bic, name, iban, amount, '', '', formatOgm(digits)].join('\n');
}

// ——— Status ———

export interface LedgerSums {
  /** Received, by any method (positive entries). */
  paidCents: number;
  /** Given back (the refund entries, as a positive number). */
  refundedCents: number;
}

export interface PaymentFacts extends LedgerSums {
  registrationStatus: 'lottery' | 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';
  /** The registration's price. */
  priceCents: number;
  waived: boolean;
  /** For a cancelled registration: the part of the price for sessions not yet held at the cancellation. */
  notHeldCents?: number;
}

export interface PaymentState {
  status: PaymentStatus;
  /** What is due now (0 while the family waits). */
  amountCents: number;
  /** Net: received minus given back. */
  paidCents: number;
  /** What is still to pay (0 when paid, waived or not due). */
  leftCents: number;
  /** What must still go back to the family. */
  refundCents: number;
}

/**
 * A registration's payment status. Waiting (list, draw, offer) owes nothing; a confirmed family
 * owes the price; after a cancellation the family keeps paying only the sessions already held,
 * and whatever it paid beyond that goes back.
 */
export function paymentState(f: PaymentFacts): PaymentState {
  const net = f.paidCents - f.refundedCents;
  const confirmed = f.registrationStatus === 'confirmed';
  const waiting = !confirmed && f.registrationStatus !== 'cancelled';
  if (f.registrationStatus === 'cancelled' || (waiting && net > 0)) {
    // Money the club holds without a place (cancelled, or paid while still waiting) goes back,
    // except the sessions already held.
    const kept = waiting ? 0 : Math.max(0, f.priceCents - (f.notHeldCents ?? f.priceCents));
    const refundCents = Math.max(0, net - kept);
    const status: PaymentStatus = refundCents > 0 ? 'refund-due' : f.refundedCents > 0 ? 'refunded' : 'not-due';
    return { status, amountCents: kept, paidCents: net, leftCents: 0, refundCents };
  }
  if (waiting) return { status: 'not-due', amountCents: 0, paidCents: net, leftCents: 0, refundCents: 0 };
  const amountCents = f.priceCents;
  const left = Math.max(0, amountCents - net);
  if (amountCents === 0) return { status: 'not-due', amountCents, paidCents: net, leftCents: 0, refundCents: Math.max(0, net) };
  if (left === 0) return { status: 'paid', amountCents, paidCents: net, leftCents: 0, refundCents: Math.max(0, net - amountCents) };
  if (f.waived) return { status: 'waived', amountCents, paidCents: net, leftCents: 0, refundCents: 0 };
  return { status: net > 0 ? 'partly-paid' : 'open', amountCents, paidCents: net, leftCents: left, refundCents: 0 };
}

// ——— Refund after a cancellation ———

/**
 * The part of a price that covers sessions not yet held at `cancelledAt`: the same rule as a
 * family that joins late (it pays the sessions still to come), rounded for the family (up).
 * `sessionsCounted` is what the price covered (priceFor). A single event or an activity without
 * sessions: all of it before it starts, nothing after.
 */
export function notHeldCents(input: { priceCents: number; sessions: readonly SessionTimes[]; sessionsCounted: number; cancelledAt: Date }): number {
  const { priceCents, sessions } = input;
  if (priceCents <= 0) return 0;
  const toCome = sessionsToCome(sessions, input.cancelledAt);
  if (sessions.length === 0) return priceCents;
  if (sessions.length === 1 || input.sessionsCounted <= 0) return toCome > 0 ? priceCents : 0;
  const share = Math.min(toCome, input.sessionsCounted) / input.sessionsCounted;
  return Math.min(priceCents, Math.max(0, Math.ceil(priceCents * share - 1e-9)));
}

// ——— Instalments ———

export interface PlanPart {
  dueAt: string;
  amountCents: number;
}

export type PlanProblem = 'plan_sum_mismatch' | 'plan_dates_order' | 'plan_amount' | 'plan_date_past';

/** A plan adds up to what is left to pay, in parts of at least one cent, on dates in order, none in the past. */
export function planProblem(parts: readonly PlanPart[], leftCents: number, now: Date): PlanProblem | null {
  let previous = -Infinity;
  let sum = 0;
  for (const p of parts) {
    if (!Number.isInteger(p.amountCents) || p.amountCents <= 0) return 'plan_amount';
    const t = Date.parse(p.dueAt);
    if (!(t > previous)) return 'plan_dates_order';
    if (t < now.getTime()) return 'plan_date_past';
    previous = t;
    sum += p.amountCents;
  }
  return parts.length && sum !== leftCents ? 'plan_sum_mismatch' : null;
}

/** Which parts the payments so far cover (oldest first), and what should have been paid by now. */
export function planProgress(parts: readonly PlanPart[], paidTowardPlanCents: number, now: Date) {
  let covered = paidTowardPlanCents;
  let dueByNow = 0;
  const out = parts.map((p) => {
    const paid = covered >= p.amountCents;
    covered -= Math.min(covered, p.amountCents);
    if (Date.parse(p.dueAt) <= now.getTime()) dueByNow += p.amountCents;
    return { dueAt: p.dueAt, amountCents: p.amountCents, paid };
  });
  return { parts: out, dueByNowCents: dueByNow };
}

// ——— Past due, the call, and cancellation ———

/**
 * Past due: something is left to pay and the due date (or a plan part's date) has passed.
 * `paidTowardPlanCents` counts only what was paid since the plan was made.
 */
export function isPastDue(input: { state: PaymentState; dueAt: Date | null; plan?: readonly PlanPart[] | null; paidTowardPlanCents?: number; now: Date }): boolean {
  const { state, now } = input;
  if (state.status !== 'open' && state.status !== 'partly-paid') return false;
  if (input.plan && input.plan.length) {
    const { dueByNowCents } = planProgress(input.plan, input.paidTowardPlanCents ?? 0, now);
    return (input.paidTowardPlanCents ?? 0) < dueByNowCents;
  }
  return input.dueAt !== null && input.dueAt.getTime() < now.getTime();
}

/**
 * A machine never drops a family on its own: only when the organisation turned it on, the
 * payment is still past due, a person made the call, and the days after that call have passed.
 */
export function mayAutoCancel(input: { enabled: boolean; daysAfterCall: number; pastDue: boolean; calledAt: Date | null; now: Date }): boolean {
  if (!input.enabled || !input.pastDue || !input.calledAt) return false;
  return input.now.getTime() >= input.calledAt.getTime() + input.daysAfterCall * 86_400_000;
}
