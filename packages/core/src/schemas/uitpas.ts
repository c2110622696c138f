/** UiTPAS ticket sales as staff see them: per child whether the reimbursement is registered. */
import { z } from 'zod';

export const uitpasSaleStatusSchema = z.enum(['to-register', 'registered', 'to-cancel', 'cancelled', 'failed']);

/** What the family and staff see of UiTPAS's own answer, where it differs from the charter. */
export const uitpasNoteSchema = z.object({
  /** UiTPAS's social tariff for this child, in cents; null when UiTPAS gave none. */
  priceCents: z.number().int().nullable(),
  /** UiTPAS's own words for the passholder (Dutch), shown as UiTPAS wrote them. */
  message: z.string().nullable(),
});

export const uitpasSaleSchema = z.object({
  registrationId: z.string(),
  childPosition: z.number().int(),
  firstName: z.string(),
  contactName: z.string(),
  registrationStatus: z.string(),
  /** `none` for a kanspas child without a UiTPAS number or an activity without an event id: nothing to register. */
  status: z.union([uitpasSaleStatusSchema, z.literal('none')]),
  /** The regular price told to UiTPAS, in cents. */
  regularPriceCents: z.number().int().nullable(),
  /** What Instap charges this child. */
  chargedCents: z.number().int().nullable(),
  uitpas: uitpasNoteSchema.nullable(),
  ticketSaleId: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  registeredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type UitpasSale = z.infer<typeof uitpasSaleSchema>;

export const uitpasSalesViewSchema = z.object({
  /** The organisation is connected to UiTPAS and the activity has its UiTdatabank event id. */
  active: z.boolean(),
  connected: z.boolean(),
  uitdatabankEventId: z.string().nullable(),
  open: z.object({ toRegister: z.number().int(), toCancel: z.number().int(), failed: z.number().int(), registered: z.number().int() }),
  /** The same in words, e.g. "3 verkopen nog te registreren". */
  summary: z.array(z.string()),
  sales: z.array(uitpasSaleSchema),
});
export type UitpasSalesView = z.infer<typeof uitpasSalesViewSchema>;
