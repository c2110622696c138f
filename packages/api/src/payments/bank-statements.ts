/**
 * Booking an uploaded bank statement: each credit whose structured communication belongs to a
 * registration of this organisation is booked once (source `camt`, the bank's transaction id);
 * everything else is kept as a line for staff to match by hand. A line is stored once per
 * organisation, so the same file twice, or two uploads at once, book nothing twice.
 */
import { createHash } from 'node:crypto';
import { formatOgm } from '@instap/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { bankLines, bankStatements, type BankLineRow, type BankStatementRow } from '../db/schema-online.js';
import { activities, registrations } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { bookPayment, findByReference, paymentOf, settingsOf } from '../services/payments.js';
import type { RegistrationRow } from '../services/registrations.js';
import { CamtError, parseCamt053, type BankCredit, type ParsedStatement } from './camt053.js';

export type LineReason = 'no-reference' | 'bad-check-digit' | 'unknown-reference' | 'foreign-currency' | 'nothing-due' | 'more-than-due';

export function lineView(l: BankLineRow) {
  return {
    id: l.id,
    statementId: l.statementId,
    amountCents: l.amountCents,
    currency: l.currency,
    bookingDate: l.bookingDate,
    debtorName: l.debtorName,
    debtorIban: l.debtorIban,
    remittance: l.remittance,
    reference: l.reference ? formatOgm(l.reference) : null,
    state: l.state,
    reason: l.reason as LineReason | null,
    registrationId: l.registrationId,
    bookedCents: l.bookedCents,
    restCents: l.currency === 'EUR' ? l.amountCents - l.bookedCents : 0,
  };
}
export type BankLineView = ReturnType<typeof lineView>;

export function statementView(s: BankStatementRow) {
  return { id: s.id, messageId: s.messageId, version: s.version, accountIbans: s.accountIbans, credits: s.credits, uploadedAt: s.uploadedAt.toISOString(), uploadedBy: s.uploadedBy };
}

const CAMT_STATUS: Record<CamtError['code'], 413 | 415 | 422> = {
  statement_too_large: 413,
  statement_not_xml: 415,
  statement_doctype: 422,
  statement_not_camt053: 422,
  statement_unreadable: 422,
};

export function readStatement(file: string | Uint8Array): ParsedStatement {
  try {
    return parseCamt053(file);
  } catch (e) {
    if (e instanceof CamtError) throw new ApiError(CAMT_STATUS[e.code], e.code, e.message);
    throw e;
  }
}

/** Money is booked on the day the bank booked it (noon UTC is that day in Brussels too). */
const bookedAt = (c: Pick<BankCredit, 'bookingDate'>, now: Date) => (c.bookingDate ? new Date(`${c.bookingDate}T12:00:00Z`) : now);

/** Deadlocks between two overlapping uploads are retried: one of them then finds the lines already there. */
async function retrying<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (e) {
      const code = (e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
      if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw e;
    }
  }
}

export interface ImportResult {
  statement: ReturnType<typeof statementView>;
  alreadyUploaded: boolean;
  /** Lines this upload added (0 for a file seen before). */
  newLines: number;
  booked: BankLineView[];
  toMatch: BankLineView[];
  skipped: ParsedStatement['skipped'];
}

export async function importStatement(db: Db, organisationId: string, file: string | Uint8Array, by: string, now: Date): Promise<ImportResult> {
  const parsed = readStatement(file);
  const settings = await settingsOf(db, organisationId);
  if (settings.iban && parsed.accountIbans.length && !parsed.accountIbans.includes(settings.iban.replace(/\s/g, '').toUpperCase()))
    throw new ApiError(422, 'statement_other_account', `This statement is for account ${parsed.accountIbans.join(', ')}, not for the organisation's account. Upload the statement of the account families pay to.`);
  const fileHash = createHash('sha256').update(typeof file === 'string' ? Buffer.from(file) : file).digest('hex');
  return retrying(db, async (tx) => {
    // The same file twice (also at once: the second waits on the unique index) is one statement.
    const [made] = await tx
      .insert(bankStatements)
      .values({ organisationId, fileHash, messageId: parsed.messageId, version: parsed.version, accountIbans: parsed.accountIbans, credits: parsed.credits.length, uploadedBy: by, uploadedAt: now })
      .onConflictDoNothing()
      .returning();
    const [existing] = made ? [] : await tx.select().from(bankStatements).where(and(eq(bankStatements.organisationId, organisationId), eq(bankStatements.fileHash, fileHash)));
    const statement = made ?? existing;
    const added: BankLineRow[] = [];
    for (const credit of parsed.credits) {
      const [line] = await tx
        .insert(bankLines)
        .values({
          organisationId,
          statementId: statement!.id,
          uid: credit.uid,
          amountCents: credit.amountCents,
          currency: credit.currency,
          bookingDate: credit.bookingDate,
          debtorName: credit.debtorName,
          debtorIban: credit.debtorIban,
          reference: credit.reference,
          remittance: credit.remittance,
          state: 'unmatched',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (line) added.push(await matchLine(tx, organisationId, line, credit, now));
    }
    const lines = existing ? await tx.select().from(bankLines).where(eq(bankLines.statementId, statement!.id)) : added;
    return {
      statement: statementView(statement!),
      alreadyUploaded: Boolean(existing),
      newLines: added.length,
      booked: added.filter((l) => l.bookedCents > 0).map(lineView),
      toMatch: (existing ? lines : added).filter((l) => l.state === 'unmatched' || l.state === 'partly-booked').map(lineView),
      skipped: parsed.skipped,
    };
  });
}

async function setLine(tx: Tx, line: BankLineRow, patch: Partial<BankLineRow>, now: Date): Promise<BankLineRow> {
  const [row] = await tx.update(bankLines).set({ ...patch, updatedAt: now }).where(eq(bankLines.id, line.id)).returning();
  return row!;
}

/** A new line: booked when its reference is one of this organisation's registrations with money due. */
async function matchLine(tx: Tx, organisationId: string, line: BankLineRow, credit: BankCredit, now: Date): Promise<BankLineRow> {
  if (credit.currency !== 'EUR') return setLine(tx, line, { reason: 'foreign-currency' }, now);
  if (!credit.reference) return setLine(tx, line, { reason: credit.referenceProblem === 'bad-check-digit' ? 'bad-check-digit' : 'no-reference' }, now);
  const hit = await findByReference(tx, credit.reference);
  // Another organisation's reference is "unknown" here: its staff learn nothing about that family.
  if (!hit || hit.organisationId !== organisationId) return setLine(tx, line, { reason: 'unknown-reference' }, now);
  return bookOnto(tx, line, hit.registration, line.uid, 'booked', now, credit);
}

async function bookOnto(tx: Tx, line: BankLineRow, reg: RegistrationRow, externalId: string, fullState: 'booked' | 'matched', now: Date, credit: Pick<BankCredit, 'bookingDate'>, by?: string) {
  const payment = await paymentOf(tx, reg, now);
  const left = ['open', 'partly-paid'].includes(payment.status) ? Math.max(0, payment.amountCents - payment.paidCents) : 0;
  const rest = line.amountCents - line.bookedCents;
  if (left === 0) return setLine(tx, line, { reason: 'nothing-due', registrationId: line.registrationId ?? reg.id }, now);
  const amount = Math.min(left, rest);
  const r = await bookPayment(tx, {
    registrationId: reg.id,
    amountCents: amount,
    method: 'transfer',
    source: 'camt',
    externalId,
    at: bookedAt(credit, now),
    by: by ?? 'Bank statement',
    note: credit.bookingDate ? `Bank ${credit.bookingDate}` : null,
  });
  if (!r.booked) return setLine(tx, line, { registrationId: reg.id }, now);
  const bookedCents = line.bookedCents + amount;
  return setLine(
    tx,
    line,
    bookedCents === line.amountCents
      ? { state: fullState, reason: null, registrationId: reg.id, bookedCents, matchedBy: by ?? null }
      : { state: 'partly-booked', reason: 'more-than-due', registrationId: reg.id, bookedCents, matchedBy: by ?? null },
    now,
  );
}

/** Staff put a line on a registration by hand: what the registration still owes, at most the line's rest. */
export async function matchByHand(db: Db, organisationId: string, lineId: string, registrationId: string, by: string, now: Date): Promise<BankLineView> {
  return db.transaction(async (tx) => {
    const [line] = await tx.select().from(bankLines).where(and(eq(bankLines.id, lineId), eq(bankLines.organisationId, organisationId))).for('update');
    if (!line) throw new ApiError(404, 'bank_line_not_found', 'There is no such bank line for this organisation.');
    if (line.currency !== 'EUR') throw new ApiError(409, 'foreign_currency', `This line is in ${line.currency}: Instap books euros only. Handle it outside Instap.`);
    if (line.amountCents - line.bookedCents <= 0) throw new ApiError(409, 'bank_line_used', 'This line is booked in full already.');
    const [hit] = await tx
      .select({ registration: registrations })
      .from(registrations)
      .innerJoin(activities, eq(activities.id, registrations.activityId))
      .where(and(eq(registrations.id, registrationId), eq(activities.organisationId, organisationId)));
    if (!hit) throw new ApiError(404, 'registration_not_found', 'There is no such registration in this organisation.');
    const payment = await paymentOf(tx, hit.registration, now);
    if (!['open', 'partly-paid'].includes(payment.status) || payment.amountCents - payment.paidCents <= 0)
      throw new ApiError(409, 'nothing_due', 'Nothing is left to pay for this registration.');
    const after = await bookOnto(tx, line, hit.registration, `${line.uid}#${registrationId}`, 'matched', now, { bookingDate: line.bookingDate }, by);
    return lineView(after);
  });
}

export async function statementWithLines(db: Db, organisationId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError(404, 'bank_statement_not_found', 'There is no such bank statement.');
  const [s] = await db.select().from(bankStatements).where(and(eq(bankStatements.id, id), eq(bankStatements.organisationId, organisationId)));
  if (!s) throw new ApiError(404, 'bank_statement_not_found', 'There is no such bank statement.');
  const lines = await db.select().from(bankLines).where(eq(bankLines.statementId, s.id)).orderBy(bankLines.createdAt);
  return { statement: statementView(s), lines: lines.map(lineView) };
}

export async function organisationLines(db: Db, organisationId: string, unmatchedOnly: boolean) {
  const rows = await db
    .select()
    .from(bankLines)
    .where(and(eq(bankLines.organisationId, organisationId), unmatchedOnly ? inArray(bankLines.state, ['unmatched', 'partly-booked']) : undefined))
    .orderBy(desc(bankLines.createdAt))
    .limit(500);
  return rows.map(lineView);
}
