/**
 * "Make an appointment": the organisation's settings, storing a request, and, in the same
 * transaction, the message to staff and the confirmation (or call) for the family.
 */
import {
  isDayPart,
  type AdminAppointment,
  type AppointmentCreated,
  type AppointmentData,
  type AppointmentSettings,
  type AppointmentSlot,
} from '@instap/core/appointments';
import type { Language } from '@instap/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { appointmentSettings, appointments, type AppointmentRow } from '../db/schema-messages.js';
import { activities } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { isUuid, type OrganisationRow } from '../services/activities.js';
import { addWorkdays } from './format.js';
import { enqueueMessage } from './outbox.js';

export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = { contactWithinWorkdays: 2, slots: [], bookingUrl: null };

export async function loadAppointmentSettings(db: Db | Tx, organisationId: string): Promise<AppointmentSettings> {
  const [row] = await db.select().from(appointmentSettings).where(eq(appointmentSettings.organisationId, organisationId));
  return row ? { contactWithinWorkdays: row.contactWithinWorkdays, slots: row.slots, bookingUrl: row.bookingUrl } : { ...DEFAULT_APPOINTMENT_SETTINGS };
}

export async function saveAppointmentSettings(db: Db, organisationId: string, s: AppointmentSettings, now: Date): Promise<void> {
  const values = { contactWithinWorkdays: s.contactWithinWorkdays, slots: s.slots, bookingUrl: s.bookingUrl, updatedAt: now };
  await db
    .insert(appointmentSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: appointmentSettings.organisationId, set: values });
}

/** Slots a family may still choose: only those that have not started. */
export const futureSlots = (slots: readonly AppointmentSlot[], now: Date) =>
  slots.filter((s) => Date.parse(s.startsAt) > now.getTime()).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

/** Which moment the family chose; an unknown or past slot is a 422 on `when`. */
export function resolveWhen(when: string, settings: AppointmentSettings, now: Date): { preferred: AppointmentRow['preferred']; slot: AppointmentSlot | null } {
  if (isDayPart(when)) return { preferred: when, slot: null };
  const slot = futureSlots(settings.slots, now).find((s) => s.id === when);
  if (!slot)
    throw new ApiError(422, 'validation_failed', 'Some answers need a change. See the issues for each field.', [
      { path: 'when', code: 'slot_unknown', message: 'That moment is not available (any more). Choose another moment.' },
    ]);
  return { preferred: 'slot', slot };
}

export interface CreateContext {
  now: Date;
  publicOrigin: string;
}

export async function createAppointment(
  tx: Tx,
  org: OrganisationRow,
  settings: AppointmentSettings,
  input: AppointmentData,
  ctx: CreateContext,
): Promise<AppointmentCreated> {
  const { preferred, slot } = resolveWhen(input.when, settings, ctx.now);
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim() || null;
  const [row] = await tx
    .insert(appointments)
    .values({
      organisationId: org.id,
      name: input.name,
      phone,
      email,
      preferred,
      slotId: slot?.id ?? null,
      slot,
      language: input.language,
      question: input.question?.trim() || null,
      context: input.context ?? {},
      status: 'new',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const a = row!;
  const by = addWorkdays(ctx.now, settings.contactWithinWorkdays);
  const activityTitle = await titleOf(tx, org.id, input.context?.activityId);
  await enqueueMessage(
    tx,
    {
      kind: 'appointment-requested',
      organisationId: org.id,
      appointmentId: a.id,
      to: { name: org.name, email: org.email },
      family: { name: a.name, phone, email, language: input.language },
      preferred,
      slot,
      question: a.question,
      context: a.context,
      activityTitle,
      contactBy: by,
    },
    ctx,
  );
  await enqueueMessage(
    tx,
    {
      kind: 'appointment-received',
      organisationId: org.id,
      appointmentId: a.id,
      to: { name: a.name, phone, email, language: input.language },
      organisation: { name: org.name, phone: org.phone, email: org.email },
      contactWithinWorkdays: settings.contactWithinWorkdays,
      contactBy: by,
    },
    ctx,
  );
  return { id: a.id, status: a.status, contactWithin: { workdays: settings.contactWithinWorkdays, by } };
}

/** The activity the family asked from, if it is one of this organisation's (a stale id is ignored). */
async function titleOf(tx: Tx, organisationId: string, activityId: string | undefined): Promise<string | null> {
  if (!activityId || !isUuid(activityId)) return null;
  const [row] = await tx
    .select({ title: activities.title })
    .from(activities)
    .where(and(eq(activities.id, activityId), eq(activities.organisationId, organisationId)));
  return row?.title ?? null;
}

export function appointmentView(a: AppointmentRow): AdminAppointment {
  return {
    id: a.id,
    status: a.status,
    name: a.name,
    phone: a.phone,
    email: a.email,
    preferred: a.preferred,
    slot: a.slot ?? null,
    language: a.language as Language,
    question: a.question,
    context: a.context,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
