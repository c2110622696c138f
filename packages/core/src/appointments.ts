/**
 * "Maak een afspraak": the contract for asking a person to call or meet the family, shared by
 * the widget (<instap-appointment>), the API and the console. The field rules are those of
 * rules.ts, so the widget and the API say the same thing for the same input.
 */
import { z } from 'zod';
import { LANGUAGES } from './rules.js';
import { checkReachable, familyPhone, personName } from './schemas/common.js';

const instant = z.iso.datetime({ offset: true });

/** A family chooses a part of the day, or one of the moments the organisation offers. */
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof DAY_PARTS)[number];
export const isDayPart = (v: string): v is DayPart => (DAY_PARTS as readonly string[]).includes(v);

export const MAX_QUESTION_LENGTH = 1000;
export const MAX_SLOTS = 50;

export const appointmentSlotSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A slot id is lower-case letters, digits and hyphens (at most 40).'),
  label: z.string().trim().min(1).max(120),
  startsAt: instant,
});
export type AppointmentSlot = z.infer<typeof appointmentSlotSchema>;

export const appointmentContextSchema = z.object({
  /** The activity the family was looking at when it asked for help. */
  activityId: z.string().trim().max(100).optional(),
  /** The widget step, e.g. "kanspas" or "contact": tells staff where the family got stuck. */
  step: z.string().trim().max(60).optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type AppointmentContext = z.infer<typeof appointmentContextSchema>;

export const appointmentInputSchema = z
  .object({
    name: personName,
    phone: familyPhone,
    email: z.string().trim().max(254).optional(),
    /** 'morning' | 'afternoon' | 'evening', or the id of a slot the organisation offers. */
    when: z.string().trim().min(1, 'Choose when we may call you.').max(40),
    language: z.enum(LANGUAGES).default('nl'),
    question: z.string().trim().max(MAX_QUESTION_LENGTH, `A question has at most ${MAX_QUESTION_LENGTH} characters.`).optional(),
    context: appointmentContextSchema.optional(),
  })
  // The same words and codes as the registration's contact step (schemas.ts).
  .superRefine(checkReachable);
export type AppointmentInput = z.input<typeof appointmentInputSchema>;
export type AppointmentData = z.output<typeof appointmentInputSchema>;

export const appointmentStatusSchema = z.enum(['new', 'contacted', 'done']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentCreatedSchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  /** "Within 2 workdays", so at the latest on `by` (a Europe/Brussels date, YYYY-MM-DD). */
  contactWithin: z.object({ workdays: z.number().int(), by: z.string() }),
});
export type AppointmentCreated = z.infer<typeof appointmentCreatedSchema>;

/** What the widget needs before it shows the form (or sends the family to the organisation's own booking page). */
export const appointmentOptionsSchema = z.object({
  name: z.string(),
  phone: z.string(),
  contactWithinWorkdays: z.number().int(),
  /** Only moments still to come. */
  slots: z.array(appointmentSlotSchema),
  /** Set when the organisation books appointments on its own page (e.g. Cal.com): link there instead. */
  bookingUrl: z.string().nullable(),
});
export type AppointmentOptions = z.infer<typeof appointmentOptionsSchema>;

export const appointmentSettingsSchema = z.object({
  contactWithinWorkdays: z.number().int().min(1).max(20).default(2),
  slots: z
    .array(appointmentSlotSchema)
    .max(MAX_SLOTS)
    .default([])
    .superRefine((slots, ctx) => {
      const seen = new Set<string>();
      slots.forEach((s, i) => {
        if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Every slot needs its own id.', params: { code: 'slot_id_taken' } });
        seen.add(s.id);
      });
    }),
  bookingUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => {
      try {
        return new URL(v).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'A booking page is an https:// address.')
    .nullable()
    .default(null),
});
export type AppointmentSettings = z.output<typeof appointmentSettingsSchema>;

export const adminAppointmentSchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferred: z.enum([...DAY_PARTS, 'slot']),
  slot: appointmentSlotSchema.nullable(),
  language: z.enum(LANGUAGES),
  question: z.string().nullable(),
  context: appointmentContextSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminAppointment = z.infer<typeof adminAppointmentSchema>;

export const appointmentPatchSchema = z.object({ status: appointmentStatusSchema });

// ——— Messages as staff see them ———
export const messageStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'call', 'called']);
export const messageChannelSchema = z.enum(['email', 'call', 'staff-email']);

export const staffMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: messageChannelSchema,
  status: messageStatusSchema,
  language: z.enum(LANGUAGES),
  recipient: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  subject: z.string(),
  /** Exactly what goes out; for a call, the words to say. */
  text: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  registrationId: z.string().nullable(),
  appointmentId: z.string().nullable(),
});
export type StaffMessage = z.infer<typeof staffMessageSchema>;
