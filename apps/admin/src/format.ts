/**
 * What staff read and type: euros with a comma, dates and times in Europe/Brussels. The API
 * speaks integer cents and UTC instants; these functions are the only bridge.
 */
const ZONE = 'Europe/Brussels';

export const euro = (cents: number) => new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** "40", "40,5", "40,50", "€ 40.50" → 4050; null when it is not an amount. */
export function parseEuro(text: string): number | null {
  const clean = text.replace(/[€\s]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
export const centsToInput = (cents: number | null | undefined) => (cents == null ? '' : (cents / 100).toFixed(2).replace('.', ','));

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('nl-BE', { timeZone: ZONE, dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** The Brussels wall clock of an instant, as a datetime-local input wants it: "2026-04-01T17:00". */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A Brussels wall-clock time ("2026-04-01T17:00") as a UTC instant; null when empty or unreadable. */
export function fromLocalInput(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // The zone's offset at that moment: guess with the wall time, then correct once (summer time).
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return new Date(utc).toISOString();
}

function offsetAt(utcMs: number): number {
  const local = toLocalInput(new Date(utcMs).toISOString());
  const [d, t] = local.split('T');
  const [y, mo, da] = d!.split('-').map(Number);
  const [h, mi] = t!.split(':').map(Number);
  return Date.UTC(y!, mo! - 1, da!, h!, mi!) - Math.floor(utcMs / 60_000) * 60_000;
}

export const STATUS_NL: Record<string, string> = {
  confirmed: 'Ingeschreven',
  waitlisted: 'Wachtlijst',
  lottery: 'Wacht op loting',
  offered: 'Plaats aangeboden',
  cancelled: 'Geannuleerd',
};
export const KANSPAS_CHECK_NL: Record<string, string> = { none: 'Geen kansenpas', claimed: 'Nog na te kijken', verified: 'Nagekeken: geldig', 'not-valid': 'Nagekeken: niet geldig' };
export const LANGUAGE_NL: Record<string, string> = { nl: 'Nederlands', fr: 'Frans', en: 'Engels', ar: 'Arabisch', tr: 'Turks', uk: 'Oekraïens' };
export const ROLE_NL: Record<string, string> = {
  'city-admin': 'Stadsbeheerder',
  'organisation-admin': 'Beheerder van de organisatie',
  'organisation-staff': 'Medewerker',
  intermediary: 'Brugfiguur',
};

/** A registration's payment as staff read it. */
export const PAYMENT_NL: Record<string, string> = {
  'not-due': 'Nog niet te betalen',
  open: 'Te betalen',
  'partly-paid': 'Deels betaald',
  paid: 'Betaald',
  waived: 'Kwijtgescholden',
  'refund-due': 'Terug te betalen',
  refunded: 'Terugbetaald',
};
export const METHOD_NL: Record<string, string> = {
  desk: 'Aan de balie',
  transfer: 'Overschrijving',
  online: 'Online (Mollie)',
  'third-party': 'Derde betaler (OCMW, fonds, organisatie)',
};
