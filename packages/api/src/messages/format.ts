/**
 * Dates, times and prices as a family reads them: Europe/Brussels, in the family's locale.
 * Instants are stored in UTC; only here do they become local words.
 */
import { addWorkdays as addBelgianWorkdays, formatCents } from '@instap/core';
import type { Catalogue } from './templates/types.js';

export const TIME_ZONE = 'Europe/Brussels';

const asDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);

/**
 * One formatter per locale and kind, made once: building an Intl formatter costs far more than
 * using it, and messages are written while a registration holds its activity's lock.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: 'day' | 'time' | 'ymd'): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { year: 'numeric', month: '2-digit', day: '2-digit' };
    formatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options })));
  }
  return f;
}

export function dayText(value: string | Date, cat: Catalogue): string {
  return formatter(cat.locale, 'day').format(asDate(value));
}

export function timeText(value: string | Date, cat: Catalogue): string {
  return formatter(cat.locale, 'time').format(asDate(value));
}

/** "dinsdag 3 maart om 12:00" */
export function momentText(value: string | Date, cat: Catalogue): string {
  return cat.at(dayText(value, cat), timeText(value, cat));
}

export function sessionText(s: { startsAt: string; endsAt: string }, cat: Catalogue): string {
  return cat.session(dayText(s.startsAt, cat), timeText(s.startsAt, cat), timeText(s.endsAt, cat));
}

export function priceText(cents: number, cat: Catalogue): string {
  return cents === 0 ? cat.labels.free : formatCents(cents, cat.locale);
}

/** "Amira", "Amira en Sami", "Amira, Sami en Lina" */
export function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** The calendar date in Brussels, YYYY-MM-DD. */
export function brusselsDate(value: Date): string {
  const parts = formatter('en-CA', 'ymd').formatToParts(value);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The Brussels date `n` workdays (Monday to Friday) after `now`. A request on Friday evening with
 * "2 workdays" is answered by Tuesday; Belgian public holidays do not count (core workdays).
 */
export function addWorkdays(now: Date, n: number): string {
  return addBelgianWorkdays(brusselsDate(now), n);
}

/** "dinsdag 3 maart" for a YYYY-MM-DD date (noon, so no time zone moves it to another day). */
export function calendarDayText(ymd: string, cat: Catalogue): string {
  return dayText(new Date(`${ymd}T12:00:00Z`), cat);
}
