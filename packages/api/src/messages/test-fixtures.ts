/** Sample messages for the tests: a realistic activity and family, and one input of every kind. */
import type { Language, Payment } from '@instap/core';
import type { ActivityFacts, MessageInput, MessageKind } from './kinds.js';

export const sampleActivity: ActivityFacts = {
  id: '5b0c6a8e-1111-4c3a-9a39-0d2f4c1e7a10',
  title: 'Zwemlessen',
  location: 'Zwembad Lagae, Kortrijk',
  sessions: [
    { startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z' },
    { startsAt: '2026-04-08T15:00:00Z', endsAt: '2026-04-08T16:00:00Z' },
  ],
  whatToBring: ['Zwemkledij', 'Een handdoek'],
  organisation: { name: 'Zwemclub Kortrijk', phone: '056 11 22 33', email: 'info@zwemclub.example' },
};

/** What is still to pay, by transfer (with the bank-app code), online and at the desk: the longest confirmation a family gets. */
export const samplePayment: Payment = {
  status: 'open',
  amountCents: 1600,
  paidCents: 0,
  dueAt: '2026-03-15T09:00:00.000Z',
  reference: '+++090/9337/55493+++',
  methods: ['online', 'transfer', 'desk'],
  transfer: { iban: 'BE68 5390 0754 7034', beneficiary: 'Zwemclub Kortrijk', amountCents: 1600, reference: '+++090/9337/55493+++', epc: 'BCD\n002\n1\nSCT\n\nZwemclub Kortrijk\nBE68539007547034\nEUR16.00\n\n090933755493' },
  onlineUrl: 'https://instap.example/api/v1/registrations/tok_amira/payments',
  desk: { text: 'Elke woensdag van 14 tot 17 uur aan het onthaal.', phone: '056 11 22 33' },
  hardship: { text: 'Is betalen moeilijk? Bel ons: we zoeken samen een oplossing.', phone: '056 11 22 33', instalmentsPossible: true, thirdPartyPossible: true },
  waived: false,
};

export const sampleRegistration = { id: '9f1e2d3c-2222-4b5a-8c7d-6e5f4a3b2c1d', token: 'tok_amira', children: ['Amira', 'Sami'], priceCents: 1600, kanspas: true, payment: samplePayment };

/** One input of every kind, to a family that reads `language` (with e-mail unless `phoneOnly`). */
export function sampleMessages(organisationId: string, language: Language = 'nl', opts: { phoneOnly?: boolean; email?: string } = {}): Record<MessageKind, MessageInput> {
  const to = { name: 'Fatima', language, phone: '0470 12 34 56', email: opts.phoneOnly ? null : (opts.email ?? 'fatima@example.be') };
  const about = { organisationId, to, activity: sampleActivity, registration: sampleRegistration };
  return {
    'registration-confirmed': { kind: 'registration-confirmed', ...about },
    'registration-waitlisted': { kind: 'registration-waitlisted', ...about, waitlistPosition: 3 },
    'registration-lottery': { kind: 'registration-lottery', ...about, drawAt: '2026-03-11T08:00:00Z' },
    'draw-result': { kind: 'draw-result', ...about, status: 'confirmed' },
    'offer-made': { kind: 'offer-made', ...about, offerExpiresAt: '2026-03-05T11:00:00Z' },
    'offer-expired': { kind: 'offer-expired', ...about },
    'kanspas-not-valid': { kind: 'kanspas-not-valid', ...about, newPriceCents: 6400 },
    'interest-reopened': { kind: 'interest-reopened', organisationId, to, activity: sampleActivity, registerUrl: 'https://www.zwemclub.example/inschrijven' },
    'appointment-received': {
      kind: 'appointment-received',
      organisationId,
      appointmentId: '0b7e2c4a-3333-4d1e-9f2a-5c6b7d8e9f00',
      to,
      organisation: sampleActivity.organisation,
      contactWithinWorkdays: 2,
      contactBy: '2026-03-03',
    },
    'appointment-requested': {
      kind: 'appointment-requested',
      organisationId,
      appointmentId: '0b7e2c4a-3333-4d1e-9f2a-5c6b7d8e9f00',
      to: { name: 'Zwemclub Kortrijk', email: 'info@zwemclub.example' },
      family: { name: 'Fatima', phone: '0470 12 34 56', email: null, language: 'ar' },
      preferred: 'morning',
      question: 'Hoe werkt de kanspas?',
      context: { step: 'kanspas' },
      activityTitle: 'Zwemlessen',
      contactBy: '2026-03-03',
    },
    'sign-in-link': {
      kind: 'sign-in-link',
      organisationId,
      to: { name: 'Els', email: 'els@zwemclub.example' },
      url: 'https://instap.example/admin/#/link?token=tok_els',
      expiresAt: '2026-03-01T09:15:00Z',
    },
  };
}
