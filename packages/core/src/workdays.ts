/**
 * Workdays in Belgium, for promises like "we bellen je binnen 2 werkdagen": Monday to Friday,
 * without the ten legal public holidays (Easter Monday, Ascension and Whit Monday move with Easter).
 */

/** Easter Sunday of a year (the Gregorian "anonymous" algorithm), as a UTC date at noon. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day, 12));
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Belgium's legal public holidays of a year, as YYYY-MM-DD. */
export function belgianHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  return new Set([...fixed, ymd(plusDays(easter, 1)), ymd(plusDays(easter, 39)), ymd(plusDays(easter, 50))]);
}

export function isWorkday(date: string): boolean {
  const d = new Date(`${date}T12:00:00Z`);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !belgianHolidays(d.getUTCFullYear()).has(date);
}

/** The date (YYYY-MM-DD) `n` workdays after the date `from` (YYYY-MM-DD). */
export function addWorkdays(from: string, n: number): string {
  let day = new Date(`${from}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    day = plusDays(day, 1);
    if (isWorkday(ymd(day))) left--;
  }
  return ymd(day);
}
