/**
 * The message to the organisation's staff about an appointment request. Staff work in Dutch,
 * so it is always Dutch; it names the family's language, so staff can find an interpreter.
 */
import type { Language } from '@instap/core';
import type { DayPart } from '@instap/core/appointments';
import type { MessageInput } from '../kinds.js';

type Request = Extract<MessageInput, { kind: 'appointment-requested' }>;

export const LANGUAGE_NAMES_NL: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Frans',
  en: 'Engels',
  ar: 'Arabisch',
  tr: 'Turks',
  uk: 'Oekraïens',
};

export const DAY_PARTS_NL: Record<DayPart, string> = {
  morning: 'in de voormiddag',
  afternoon: 'in de namiddag',
  evening: "'s avonds",
};

export interface StaffTexts {
  subject: string;
  intro: string[];
  facts: string[];
  outro: string[];
}

/** `slotMoment` and `by` arrive formatted in Dutch (Europe/Brussels). */
export function appointmentRequestedNl(m: Request, fmt: { slotMoment: string | null; by: string }): StaffTexts {
  const f = m.family;
  const when = m.preferred === 'slot' && m.slot ? `${m.slot.label} (${fmt.slotMoment})` : DAY_PARTS_NL[m.preferred as DayPart] ?? m.preferred;
  const facts = [
    `Naam: ${f.name}`,
    ...(f.phone ? [`Telefoon: ${f.phone}`] : []),
    ...(f.email ? [`E-mail: ${f.email}`] : []),
    `Liefst: ${when}`,
    `Taal: ${LANGUAGE_NAMES_NL[f.language]}`,
    ...(m.activityTitle ? [`Activiteit: ${m.activityTitle}`] : []),
    ...(m.context?.step ? [`Stap in het formulier: ${m.context.step}`] : []),
    ...(m.question ? [`Vraag: ${m.question}`] : []),
  ];
  return {
    subject: `Afspraak gevraagd door ${f.name}`,
    intro: [`${f.name} vraagt om een afspraak.`, `De familie wacht op je ${f.phone ? 'telefoon' : 'mail'}. Ten laatste op ${fmt.by}.`],
    facts,
    outro: [
      ...(f.language !== 'nl' ? [`De familie spreekt liefst ${LANGUAGE_NAMES_NL[f.language]}. Zoek zo nodig een tolk.`] : []),
      'Heb je contact gehad? Zet de afspraak dan op "gecontacteerd" in Instap.',
    ],
  };
}

/**
 * The one-time sign-in link. It says how long it works and that nothing needs doing when the
 * person did not ask for it (someone typed their address), so nobody panics.
 */
export function signInLinkNl(m: Extract<MessageInput, { kind: 'sign-in-link' }>, fmt: { until: string }): StaffTexts {
  return {
    subject: 'Je link om aan te melden bij Instap',
    intro: [`Hallo ${m.to.name}`, 'Je vroeg een link om aan te melden. Klik op de link hieronder.', `De link werkt één keer. Hij werkt 15 minuten, tot ${fmt.until}.`],
    facts: [],
    outro: ['Vroeg je dit niet aan? Dan hoef je niets te doen.'],
  };
}
