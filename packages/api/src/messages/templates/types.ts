/**
 * The shape every language's catalogue fills in. A missing key or kind fails the type check, so
 * no family gets a message with a hole in it. Values arrive already formatted (dates in
 * Europe/Brussels in the family's locale, prices in euro): a catalogue only chooses the words.
 */
import type { Language } from '@instap/core';

export interface Texts {
  subject: string;
  /** Paragraphs after the greeting: what happened, what happens next and when. */
  lines: string[];
  /** The words before the family's private link, when they differ from `labels.yourPage`. */
  link?: string;
}

/** Shared by every message about a registration. */
export interface Vars {
  /** The children's first names, joined: "Amira en Sami". */
  children: string;
  /** How many children: verbs agree with it ("is" or "zijn"). */
  count: number;
  title: string;
  org: string;
  phone: string;
  /** The total price, formatted: "€ 8". */
  price: string;
}

export interface Catalogue {
  language: Language;
  /** For Intl: dates, times and prices. */
  locale: string;
  dir: 'ltr' | 'rtl';
  hello(name: string): string;
  /** Joins the last two names: "Amira en Sami". */
  and: string;
  /** "woensdag 1 april, 17:00 tot 18:00" */
  session(date: string, start: string, end: string): string;
  /** "dinsdag 3 maart om 12:00" */
  at(date: string, time: string): string;
  moreSessions(n: number): string;
  labels: {
    sessions: string;
    where: string;
    bring: string;
    price: string;
    free: string;
    /** Before the family's private link. */
    yourPage: string;
    /** The sessions are attached as a calendar file. */
    calendar: string;
    register: string;
  };
  /** How to pay, in the messages about a place: the amount and by when, each way, and what to do when paying is hard. */
  pay: {
    title: string;
    due(price: string): string;
    by(date: string): string;
    partly(paid: string, left: string): string;
    plan(price: string, date: string): string;
    paid: string;
    nothing: string;
    /** The organisation takes payment by a third party (the OCMW, a fund): say so. */
    third: string;
    /** A waiting list or a draw: nothing to pay while waiting. */
    wait: string;
    online: string;
    transfer: string;
    iban: string;
    name: string;
    amount: string;
    reference: string;
    referenceHint: string;
    /** The bank-app code is on the family's page; never needed. */
    scan: string;
    desk: string;
    deskText: string;
    hard: string;
  };
  questions(org: string, phone: string): string;
  bye(org: string): string;
  kinds: {
    /** `toPay`: something is left to pay, so "nothing more to do" would be untrue. */
    'registration-confirmed'(v: Vars & { toPay: boolean }): Texts;
    'registration-waitlisted'(v: Vars & { position: number }): Texts;
    'registration-lottery'(v: Vars & { drawAt: string }): Texts;
    'draw-confirmed'(v: Vars & { toPay: boolean }): Texts;
    'draw-waitlisted'(v: Vars & { position: number | null }): Texts;
    'offer-made'(v: Vars & { expires: string }): Texts;
    'offer-expired'(v: Vars): Texts;
    'kanspas-not-valid'(v: Vars & { newPrice: string }): Texts;
    'interest-reopened'(v: Pick<Vars, 'title' | 'org' | 'phone'> & { opensAt: string | null; hasLink: boolean }): Texts;
    'appointment-received'(v: { org: string; phone: string; workdays: number; by: string; byPhone: boolean }): Texts;
  };
}

export type TemplateKey = keyof Catalogue['kinds'];
