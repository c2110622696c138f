/** The registrations of an activity as staff see them: every family, with contact and kanspas. */
import type { Payment, SuspicionFlag } from '@instap/core';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { registrationChildren, registrations } from '../db/schema.js';
import { loadActivity } from './activities.js';
import { registrationMarks } from '../db/schema-antibulk.js';
import { csvRow } from './csv.js';
import { paymentsOf } from './payments.js';
import type { UitpasSaleStatus } from '@instap/core';
import { uitpasSaleStatuses } from './uitpas-sales-view.js';

export interface StaffRegistration {
  id: string;
  status: 'lottery' | 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';
  waitlistPosition: number | null;
  /** Until when an offered place waits for the family; null while staff still have to call. */
  offerExpiresAt: string | null;
  createdAt: string;
  language: 'nl' | 'fr' | 'en' | 'ar' | 'tr' | 'uk';
  kanspas: boolean;
  kanspasCheck: 'none' | 'claimed' | 'verified' | 'not-valid';
  referred: boolean;
  children: { firstName: string; birthYear: number; placeKind: string | null; uitpasSale?: UitpasSaleStatus }[];
  contact: { name: string; phone: string | null; email: string | null };
  priceCents: number;
  payment: Payment;
  flags: SuspicionFlag[];
}

/** From this many registrations for one activity from one client address, staff see the flag. */
export const SAME_ADDRESS_FLAG = 5;

/**
 * The marks of an activity's registrations (keyed hashes: no address or contact in them), read
 * once: how many registrations share each address and each contact, and which marks each has.
 */
async function activityMarks(db: Db, activityId: string) {
  const rows = await db
    .select({ registrationId: registrationMarks.registrationId, kind: registrationMarks.kind, mark: registrationMarks.mark, status: registrations.status })
    .from(registrationMarks)
    .innerJoin(registrations, eq(registrations.id, registrationMarks.registrationId))
    .where(and(eq(registrationMarks.activityId, activityId), inArray(registrationMarks.kind, ['address', 'contact'])));
  const shared = new Map<string, number>();
  const byRegistration = new Map<string, { kind: string; mark: string }[]>();
  for (const r of rows) {
    // A flood counts whatever became of it; a contact counts while it holds a registration.
    if (r.kind === 'address' || r.status !== 'cancelled') shared.set(`${r.kind}:${r.mark}`, (shared.get(`${r.kind}:${r.mark}`) ?? 0) + 1);
    byRegistration.set(r.registrationId, [...(byRegistration.get(r.registrationId) ?? []), r]);
  }
  return (row: typeof registrations.$inferSelect, kids: { placeKind: string | null }[]): SuspicionFlag[] => {
    const flags: SuspicionFlag[] = [];
    const marks = byRegistration.get(row.id) ?? [];
    const address = marks.find((m) => m.kind === 'address');
    const fromAddress = address ? (shared.get(`address:${address.mark}`) ?? 0) : 0;
    if (fromAddress >= SAME_ADDRESS_FLAG) flags.push({ kind: 'same-address', count: fromAddress });
    const contact = Math.max(0, ...marks.filter((m) => m.kind === 'contact').map((m) => shared.get(`contact:${m.mark}`) ?? 0));
    if (contact >= 2 && row.status !== 'cancelled') flags.push({ kind: 'same-contact', count: contact });
    const holdsReserved = (row.status === 'confirmed' || row.status === 'offered') && kids.some((k) => k.placeKind === 'reserved');
    if (holdsReserved && row.kanspas && row.referralCode === null && row.kanspasCheck !== 'verified') flags.push({ kind: 'unchecked-reserved' });
    return flags;
  };
}

/** Pages through an activity's registrations in order of arrival. */
export async function* staffRegistrations(db: Db, activityId: string, pageSize = 500, now?: Date): AsyncGenerator<StaffRegistration> {
  const rec = await loadActivity(db, activityId);
  const waitlisted = await db
    .select({ id: registrations.id, rank: registrations.queueRank })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.queueRank));
  const positions = new Map(waitlisted.map((w, i) => [w.id, i + 1]));
  const flagsOf = await activityMarks(db, activityId);
  let after: number | null = null;
  for (;;) {
    const rows: (typeof registrations.$inferSelect)[] = await db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.activityId, activityId),
          after !== null ? gt(registrations.seq, after) : undefined,
        ),
      )
      .orderBy(asc(registrations.seq))
      .limit(pageSize);
    if (rows.length === 0) return;
    const kids = await db
      .select()
      .from(registrationChildren)
      .where(inArray(registrationChildren.registrationId, rows.map((r) => r.id)))
      .orderBy(asc(registrationChildren.position));
    // A registration from before payments existed gets its reference now (dated by its own creation).
    const payments = await paymentsOf(db, rows, rec, now);
    const sales = await uitpasSaleStatuses(db, rows.map((r) => r.id));
    for (const r of rows) {
      const children = kids.filter((k) => k.registrationId === r.id);
      yield {
        id: r.id,
        status: r.status,
        waitlistPosition: positions.get(r.id) ?? null,
        offerExpiresAt: r.status === 'offered' ? (r.offerExpiresAt?.toISOString() ?? null) : null,
        createdAt: r.createdAt.toISOString(),
        language: r.language as StaffRegistration['language'],
        kanspas: r.kanspas,
        kanspasCheck: r.kanspasCheck,
        referred: r.referralCode !== null,
        children: children.map((k) => ({ firstName: k.firstName, birthYear: k.birthYear, placeKind: k.placeKind, ...(sales.has(k.id) ? { uitpasSale: sales.get(k.id)! } : {}) })),
        contact: { name: r.contactName, phone: r.contactPhone, email: r.contactEmail },
        priceCents: r.priceCents,
        payment: payments.get(r.id)!,
        flags: flagsOf(r, children),
      };
    }
    const last = rows[rows.length - 1]!;
    after = last.seq;
    if (rows.length < pageSize) return;
  }
}

export const CSV_HEADER = ['status', 'waitlist_position', 'children', 'birth_years', 'contact_name', 'phone', 'email', 'language', 'kanspas', 'kanspas_check', 'referred', 'price_eur', 'registered_at', 'payment_status', 'payment_amount_eur', 'payment_paid_eur', 'payment_due_at', 'payment_reference', 'uitpas_sales'];

export function csvLine(r: StaffRegistration): string {
  return csvRow([
    r.status,
    r.waitlistPosition ?? '',
    r.children.map((c) => c.firstName).join(' + '),
    r.children.map((c) => c.birthYear).join(' + '),
    r.contact.name,
    r.contact.phone ?? '',
    r.contact.email ?? '',
    r.language,
    r.kanspas ? 'yes' : 'no',
    r.kanspasCheck,
    r.referred ? 'yes' : 'no',
    (r.priceCents / 100).toFixed(2),
    r.createdAt,
    r.payment.status,
    (r.payment.amountCents / 100).toFixed(2),
    (r.payment.paidCents / 100).toFixed(2),
    r.payment.dueAt ?? '',
    r.payment.reference,
    r.children.map((c) => c.uitpasSale ?? '').filter(Boolean).join(' + '),
  ]);
}
