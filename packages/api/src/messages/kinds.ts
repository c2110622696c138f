/**
 * What can be said to a family or to staff, as data. Registration, draw and waitlist code fill
 * these from a PublicActivity plus the facts of the registration; the templates turn them into
 * words in the family's language when the message is enqueued.
 */
import type { DayPart, AppointmentContext, AppointmentSlot } from '@instap/core/appointments';
import type { Language, Payment } from '@instap/core';

/** The family (or, for staff messages, the organisation). E-mail wins; a phone only means a call. */
export interface Recipient {
  name: string;
  email?: string | null;
  phone?: string | null;
  language: Language;
}

/** The parts of a PublicActivity a message needs: pass the PublicActivity itself. */
export interface ActivityFacts {
  id: string;
  title: string;
  location: string;
  sessions: readonly { startsAt: string; endsAt: string }[];
  whatToBring: readonly string[];
  organisation: { name: string; phone: string; email?: string | null };
}

/** The facts of one registration. */
export interface RegistrationFacts {
  id: string;
  /** The private token: the family's link is `${publicOrigin}/r/${token}`. */
  token: string;
  /** First names of the children, in order. */
  children: readonly string[];
  /** What the family pays in total (the registration's priceCents). */
  priceCents: number;
  kanspas?: boolean;
  /**
   * How and by when to pay (services/payments.ts). `status: 'not-due'` while the family waits:
   * then the words say "je betaalt niets zolang je wacht", never the price as a debt.
   */
  payment?: Payment;
}

interface AboutRegistration {
  organisationId: string;
  to: Recipient;
  activity: ActivityFacts;
  registration: RegistrationFacts;
}

export type When = string | Date;

export type MessageInput =
  | ({ kind: 'registration-confirmed' } & AboutRegistration)
  | ({ kind: 'registration-waitlisted'; waitlistPosition: number } & AboutRegistration)
  | ({ kind: 'registration-lottery'; drawAt: When } & AboutRegistration)
  | ({ kind: 'draw-result'; status: 'confirmed' | 'waitlisted'; waitlistPosition?: number | null } & AboutRegistration)
  | ({ kind: 'offer-made'; offerExpiresAt: When } & AboutRegistration)
  | ({ kind: 'offer-expired' } & AboutRegistration)
  | ({ kind: 'kanspas-not-valid'; newPriceCents: number } & AboutRegistration)
  | {
      kind: 'interest-reopened';
      organisationId: string;
      to: Recipient;
      activity: ActivityFacts;
      /** The page where the family registers (the club's site); without it, the message points to the phone. */
      registerUrl?: string | null;
      /** When registration opens, if that is later than now. */
      opensAt?: When | null;
    }
  | {
      kind: 'appointment-received';
      organisationId: string;
      appointmentId: string;
      to: Recipient;
      organisation: { name: string; phone: string; email?: string | null };
      contactWithinWorkdays: number;
      /** The last workday, Europe/Brussels (YYYY-MM-DD). */
      contactBy: string;
    }
  | {
      kind: 'appointment-requested';
      organisationId: string;
      appointmentId: string;
      /** The organisation's staff address (always written in Dutch); without one, nothing is sent. */
      to: { name: string; email?: string | null };
      family: { name: string; phone?: string | null; email?: string | null; language: Language };
      preferred: DayPart | 'slot';
      slot?: AppointmentSlot | null;
      question?: string | null;
      context?: AppointmentContext | null;
      /** The activity's title, when the family asked from an activity. */
      activityTitle?: string | null;
      /** The date the family was promised a contact by (YYYY-MM-DD, Europe/Brussels). */
      contactBy: string;
    }
  | {
      kind: 'sign-in-link';
      /** The person's organisation; null for a city-wide account (the message is in no organisation's lists). */
      organisationId: string | null;
      /** A staff member (always written in Dutch). */
      to: { name: string; email: string };
      /** The one-time link into the console. */
      url: string;
      expiresAt: When;
    };

export type MessageKind = MessageInput['kind'];

export const MESSAGE_KINDS = [
  'registration-confirmed',
  'registration-waitlisted',
  'registration-lottery',
  'draw-result',
  'offer-made',
  'offer-expired',
  'kanspas-not-valid',
  'interest-reopened',
  'appointment-received',
  'appointment-requested',
  'sign-in-link',
] as const satisfies readonly MessageKind[];

/** Kinds whose words go to staff, always in Dutch. */
export type StaffKind = 'appointment-requested' | 'sign-in-link';
/** Kinds whose words go to the family (so every language has them). */
export type FamilyMessage = Exclude<MessageInput, { kind: StaffKind }>;
export type FamilyKind = FamilyMessage['kind'];
