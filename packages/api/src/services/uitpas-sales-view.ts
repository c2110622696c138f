/** What staff and families see of the UiTPAS sales: per child, and what is still open. */
import { uitpasOpenSummary, type UitpasSaleStatus, uitpasProblemText, type PriceBreakdown, type UitpasSale, type UitpasSalesView } from '@instap/core';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { registrationChildren, registrations, uitpasSettings } from '../db/schema.js';
import { uitpasSales } from '../db/schema-uitpas.js';
import type { ActivityRecord } from './activities.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** UiTPAS's price and message, only where they tell the family something the charter did not. */
function noteOf(sale: { tariffPriceCents: number | null; endUserMessage: string | null } | undefined, chargedCents: number | null) {
  if (!sale) return null;
  const differs = sale.tariffPriceCents !== null && chargedCents !== null && sale.tariffPriceCents !== chargedCents;
  if (!differs && !sale.endUserMessage) return null;
  return { priceCents: sale.tariffPriceCents, message: sale.endUserMessage };
}

/** Per child of one registration (by position): UiTPAS's own price and message, for the family's page. */
export async function uitpasNotes(db: Db | Tx, registrationId: string, price: PriceBreakdown): Promise<Map<number, { priceCents: number | null; message: string | null }>> {
  const rows = await db
    .select({ position: registrationChildren.position, tariffPriceCents: uitpasSales.tariffPriceCents, endUserMessage: uitpasSales.endUserMessage, status: uitpasSales.status })
    .from(uitpasSales)
    .innerJoin(registrationChildren, eq(registrationChildren.id, uitpasSales.childId))
    .where(eq(uitpasSales.registrationId, registrationId));
  const out = new Map<number, { priceCents: number | null; message: string | null }>();
  for (const r of rows) {
    if (r.status === 'cancelled' || r.status === 'to-cancel') continue;
    const note = noteOf(r, price.children[r.position]?.cents ?? null);
    if (note) out.set(r.position, note);
  }
  return out;
}

/** Per child id: the status of its sale, for the staff list and CSV. */
export async function uitpasSaleStatuses(db: Db, registrationIds: string[]): Promise<Map<string, UitpasSaleStatus>> {
  if (!registrationIds.length) return new Map();
  const rows = await db.select({ childId: uitpasSales.childId, status: uitpasSales.status }).from(uitpasSales).where(inArray(uitpasSales.registrationId, registrationIds));
  return new Map(rows.map((r) => [r.childId, r.status]));
}

/** The activity's sales as staff see them: every kanspas child, registered or not, and what is open. */
export async function uitpasSalesView(db: Db, rec: ActivityRecord, limit = 2000): Promise<UitpasSalesView> {
  const [settings] = await db.select({ id: uitpasSettings.organisationId }).from(uitpasSettings).where(eq(uitpasSettings.organisationId, rec.organisation.id));
  const rows = await db
    .select({ child: registrationChildren, registration: registrations, sale: uitpasSales })
    .from(registrationChildren)
    .innerJoin(registrations, eq(registrations.id, registrationChildren.registrationId))
    .leftJoin(uitpasSales, eq(uitpasSales.childId, registrationChildren.id))
    .where(
      and(
        eq(registrations.activityId, rec.activity.id),
        or(and(eq(registrations.status, 'confirmed'), eq(registrations.kanspas, true)), sql`${uitpasSales.id} is not null`),
      ),
    )
    .orderBy(asc(registrations.seq), asc(registrationChildren.position))
    .limit(limit);
  const active = Boolean(settings) && rec.activity.uitdatabankEventId !== null;
  const open = { toRegister: 0, toCancel: 0, failed: 0, registered: 0 };
  const sales: UitpasSale[] = rows.map(({ child, registration: r, sale }) => {
    const charged = r.price.children[child.position]?.cents ?? null;
    if (sale?.status === 'to-register') open.toRegister++;
    else if (sale?.status === 'to-cancel') open.toCancel++;
    else if (sale?.status === 'failed') open.failed++;
    else if (sale?.status === 'registered') open.registered++;
    const code = sale ? sale.problemCode : !child.uitpasNumber ? 'no-number' : null;
    return {
      registrationId: r.id,
      childPosition: child.position,
      firstName: child.firstName,
      contactName: r.contactName,
      registrationStatus: r.status,
      status: sale?.status ?? 'none',
      regularPriceCents: sale?.regularPriceCents ?? null,
      chargedCents: charged,
      uitpas: noteOf(sale ?? undefined, charged),
      ticketSaleId: sale?.ticketSaleId ?? null,
      attempts: sale?.attempts ?? 0,
      nextAttemptAt: sale && (sale.status === 'to-register' || sale.status === 'to-cancel') ? iso(sale.nextAttemptAt) : null,
      problem: code ? { code, message: uitpasProblemText(code)! } : null,
      registeredAt: iso(sale?.registeredAt ?? null),
      cancelledAt: iso(sale?.cancelledAt ?? null),
    };
  });
  return { active, connected: Boolean(settings), uitdatabankEventId: rec.activity.uitdatabankEventId, open, summary: uitpasOpenSummary(open), sales };
}
