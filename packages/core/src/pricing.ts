/**
 * Prices, in integer euro cents. One tariff charter per city applies to every activity:
 * the kanspas discount, and optional extra rules (a sibling discount). Rounding is defined
 * once, in `roundCents`, and always in the family's favour.
 */

export interface TariffCharter {
  /** Percentage taken off the standard price for a family with a kanspas (80 → pays 20 %). */
  kanspasDiscountPercent: number;
  /** Percentage taken off for the second and every later child of one family (0 = none). */
  siblingDiscountPercent: number;
}

export const DEFAULT_CHARTER: TariffCharter = { kanspasDiscountPercent: 80, siblingDiscountPercent: 0 };

/** The one rounding rule: fractions of a cent go to the family (rounded down). */
export function roundCents(value: number): number {
  return Math.max(0, Math.floor(value + 1e-9));
}

export function percentOf(cents: number, percent: number): number {
  return roundCents((cents * percent) / 100);
}

/** The kanspas price the charter allows at most for a standard price. */
export function charterKanspasCents(standardCents: number, charter: TariffCharter): number {
  return percentOf(standardCents, 100 - charter.kanspasDiscountPercent);
}

/**
 * The kanspas price an activity charges: its own kanspas price if it set a better one,
 * never worse than the charter.
 */
export function effectiveKanspasCents(
  standardCents: number,
  charter: TariffCharter,
  activityKanspasCents?: number | null,
): number {
  const ceiling = charterKanspasCents(standardCents, charter);
  if (activityKanspasCents === undefined || activityKanspasCents === null) return ceiling;
  return Math.min(ceiling, Math.max(0, activityKanspasCents));
}

export interface SessionTimes {
  startsAt: string | Date;
  endsAt?: string | Date;
}

const ms = (d: string | Date) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** Sessions that have not started yet at `now`: a family joining late pays only these. */
export function sessionsToCome(sessions: readonly SessionTimes[], now: Date): number {
  const t = now.getTime();
  return sessions.filter((s) => ms(s.startsAt) > t).length;
}

export type Tariff = 'standard' | 'kanspas';

export interface PriceInput {
  standardCents: number;
  /** The activity's own kanspas price, when it set one (never worse than the charter). */
  kanspasCents?: number | null;
  charter: TariffCharter;
  kanspas: boolean;
  children: number;
  sessions: readonly SessionTimes[];
  now: Date;
}

export interface ChildPrice {
  /** Full price for this child before prorating. */
  baseCents: number;
  siblingDiscountCents: number;
  cents: number;
}

export interface PriceBreakdown {
  tariff: Tariff;
  currency: 'EUR';
  /** Price per child for the whole series, with the tariff applied. */
  unitCents: number;
  sessionsTotal: number;
  sessionsCounted: number;
  children: ChildPrice[];
  totalCents: number;
}

/**
 * What a family pays. With N sessions of which K are still to come, each child pays
 * K/N of the tariff price (a series not started yet: K = N). A single event or an activity
 * without sessions is charged in full.
 */
export function priceFor(input: PriceInput): PriceBreakdown {
  const tariff: Tariff = input.kanspas ? 'kanspas' : 'standard';
  const unitCents =
    tariff === 'kanspas'
      ? effectiveKanspasCents(input.standardCents, input.charter, input.kanspasCents)
      : Math.max(0, input.standardCents);
  const sessionsTotal = input.sessions.length;
  const toCome = sessionsToCome(input.sessions, input.now);
  const sessionsCounted = sessionsTotal === 0 ? 0 : sessionsTotal === 1 ? 1 : Math.max(toCome, 0);
  const share = (cents: number) =>
    sessionsTotal <= 1 ? cents : roundCents((cents * sessionsCounted) / sessionsTotal);
  const children: ChildPrice[] = [];
  for (let i = 0; i < Math.max(0, input.children); i++) {
    // The discounted price is rounded (down, for the family), not the discount.
    const base = i === 0 ? unitCents : percentOf(unitCents, 100 - input.charter.siblingDiscountPercent);
    const siblingDiscountCents = unitCents - base;
    children.push({ baseCents: unitCents, siblingDiscountCents, cents: share(base) });
  }
  return {
    tariff,
    currency: 'EUR',
    unitCents,
    sessionsTotal,
    sessionsCounted,
    children,
    totalCents: children.reduce((sum, c) => sum + c.cents, 0),
  };
}

/** What a family joining now pays per child: the first child, and each brother or sister after it. */
export interface PricesNow {
  nowStandardCents: number;
  nowKanspasCents: number;
  nowSiblingStandardCents: number;
  nowSiblingKanspasCents: number;
}

/**
 * The prices an activity shows, by the rule that charges (priceFor): a family of n children pays
 * the first child's price plus (n − 1) times a sibling's, with or without kanspas.
 */
export function pricesNow(input: Omit<PriceInput, 'kanspas' | 'children'>): PricesNow {
  const perChild = (kanspas: boolean) => priceFor({ ...input, kanspas, children: 2 }).children.map((c) => c.cents);
  const [nowStandardCents = 0, nowSiblingStandardCents = 0] = perChild(false);
  const [nowKanspasCents = 0, nowSiblingKanspasCents = 0] = perChild(true);
  return { nowStandardCents, nowKanspasCents, nowSiblingStandardCents, nowSiblingKanspasCents };
}

/** "€ 8" or "€ 12,50", in the family's language. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
export function formatCents(cents: number, locale = 'nl-BE'): string {
  const whole = cents % 100 === 0;
  // Made once per locale: building an Intl formatter costs far more than using it.
  const key = locale + whole;
  let f = moneyFormats.get(key);
  if (!f) moneyFormats.set(key, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })));
  return f.format(cents / 100);
}

/**
 * When staff find that a kanspas is not valid, nothing is cancelled: the standard tariff applies
 * from that moment on, to the sessions still to come. Sessions before it keep the kanspas price.
 */
export function priceWithoutKanspasFrom(input: Omit<PriceInput, 'kanspas' | 'now'>, registeredAt: Date, decidedAt: Date): PriceBreakdown {
  const from = decidedAt.getTime() > registeredAt.getTime() ? decidedAt : registeredAt;
  const paid = priceFor({ ...input, kanspas: true, now: registeredAt });
  const kanspasLater = priceFor({ ...input, kanspas: true, now: from });
  const standardLater = priceFor({ ...input, kanspas: false, now: from });
  const children = paid.children.map((c, i) => ({
    ...standardLater.children[i]!,
    cents: c.cents - kanspasLater.children[i]!.cents + standardLater.children[i]!.cents,
  }));
  return {
    ...standardLater,
    sessionsCounted: paid.sessionsCounted,
    children,
    totalCents: children.reduce((sum, c) => sum + c.cents, 0),
  };
}
