/** Referral links: a bridge figure (school, social work, youth welfare) unlocks reserved places. */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { referralLinks } from '../db/schema.js';
import { ApiError } from '../errors.js';
import type { ActivityRecord, OrganisationRow } from './activities.js';

export type ReferralLinkRow = typeof referralLinks.$inferSelect;

/** Short enough to read out over the phone, long enough not to be guessed. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newReferralCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function referralUrl(origin: string, row: ReferralLinkRow): string {
  return row.activityId ? `${origin}/a/${row.activityId}?referral=${row.code}` : `${origin}/?referral=${row.code}`;
}

export async function createReferralLink(
  db: Db,
  organisation: OrganisationRow,
  input: { activityId?: string; expiresAt: string; maxUses: number; note?: string },
  createdBy: { name: string; userId?: string | null },
  now: Date,
): Promise<ReferralLinkRow> {
  if (new Date(input.expiresAt).getTime() <= now.getTime())
    throw new ApiError(422, 'validation_failed', 'The link must still be valid after today.', [{ path: 'expiresAt', message: 'Choose a date in the future.', code: 'expires_in_past' }]);
  const [row] = await db
    .insert(referralLinks)
    .values({
      code: newReferralCode(),
      organisationId: organisation.id,
      activityId: input.activityId ?? null,
      expiresAt: new Date(input.expiresAt),
      maxUses: input.maxUses,
      note: input.note ?? null,
      createdBy: createdBy.name,
      createdByUserId: createdBy.userId ?? null,
      createdAt: now,
    })
    .returning();
  return row!;
}

export function listReferralLinks(db: Db, organisationId: string) {
  return db.select().from(referralLinks).where(eq(referralLinks.organisationId, organisationId)).orderBy(desc(referralLinks.createdAt));
}

/**
 * Uses a referral code for a registration, inside its transaction. A code that is unknown, for
 * another organisation or activity, expired or used up does not block the family: it just does
 * not unlock reserved places.
 */
export async function redeemReferral(tx: Tx, code: string | undefined, rec: ActivityRecord, now: Date): Promise<string | null> {
  const clean = code?.trim().toUpperCase();
  if (!clean) return null;
  const [link] = await tx.select().from(referralLinks).where(eq(referralLinks.code, clean)).for('update');
  if (!link) return null;
  const fits =
    link.organisationId === rec.organisation.id &&
    (link.activityId === null || link.activityId === rec.activity.id) &&
    link.expiresAt.getTime() > now.getTime() &&
    link.uses < link.maxUses;
  if (!fits) return null;
  await tx
    .update(referralLinks)
    .set({ uses: sql`${referralLinks.uses} + 1` })
    .where(and(eq(referralLinks.id, link.id)));
  return link.code;
}
