/**
 * Places: capacity, reserved places for kanspas and referred families, and when registration
 * is open. Pure functions; the API calls them inside the transaction that locks the activity.
 */

export type PlaceKind = 'general' | 'reserved';

export interface PlaceRules {
  capacity: number;
  reservedPlaces: number;
  /** Until this instant reserved places are held for kanspas or referred families; null = always. */
  reservedUntil: Date | null;
}

export interface Occupancy {
  /** Children holding a general place (confirmed, or offered and not yet answered). */
  general: number;
  /** Children holding a reserved place. */
  reserved: number;
}

export interface PlacesLeft {
  placesLeft: number;
  /** Free places anyone may take. */
  generalLeft: number;
  /** Free reserved places, only for kanspas or referred families; 0 once released. */
  reservedLeft: number;
  reservedActive: boolean;
}

export function reservedActive(rules: PlaceRules, now: Date): boolean {
  return rules.reservedPlaces > 0 && (rules.reservedUntil === null || now.getTime() < rules.reservedUntil.getTime());
}

export function placesLeft(rules: PlaceRules, taken: Occupancy, now: Date): PlacesLeft {
  const used = taken.general + taken.reserved;
  const free = Math.max(0, rules.capacity - used);
  if (!reservedActive(rules, now)) {
    return { placesLeft: free, generalLeft: free, reservedLeft: 0, reservedActive: false };
  }
  const reservedLeft = Math.min(free, Math.max(0, rules.reservedPlaces - taken.reserved));
  const generalLeft = Math.max(0, Math.min(free - reservedLeft, rules.capacity - rules.reservedPlaces - taken.general));
  return { placesLeft: generalLeft + reservedLeft, generalLeft, reservedLeft, reservedActive: true };
}

export type Placement = { placed: true; kinds: PlaceKind[] } | { placed: false };

/**
 * Places the children of one family together or not at all. A family that may use reserved
 * places (kanspas or referral) takes general places first, so reserved places are kept for
 * the families who need them while general ones are free, and reserved places for the rest.
 */
export function placeFamily(left: PlacesLeft, children: number, mayUseReserved: boolean): Placement {
  if (children <= 0) return { placed: false };
  const fromGeneral = Math.min(children, left.generalLeft);
  const fromReserved = children - fromGeneral;
  if (fromReserved === 0) return { placed: true, kinds: Array(children).fill('general') };
  if (!mayUseReserved || fromReserved > left.reservedLeft) return { placed: false };
  return {
    placed: true,
    kinds: [...Array(fromGeneral).fill('general'), ...Array(fromReserved).fill('reserved')],
  };
}

export function addPlacement(taken: Occupancy, kinds: readonly PlaceKind[]): Occupancy {
  let { general, reserved } = taken;
  for (const k of kinds) k === 'reserved' ? reserved++ : general++;
  return { general, reserved };
}

/** How registration works at a given moment. */
export type RegistrationPhase = 'not-open' | 'first-come' | 'lottery' | 'awaiting-draw' | 'closed';

export interface WindowRules {
  mode: 'first-come' | 'lottery';
  opensAt: Date;
  /** End of the window (the lottery window, for a draw); null = until the late-join cut-off. */
  closesAt: Date | null;
  drawAt: Date | null;
  /** Last moment a late joiner can register for a running series; null = when the last session starts. */
  lateJoinUntil: Date | null;
  sessions: readonly { startsAt: Date }[];
  drawnAt: Date | null;
  withdrawn?: boolean;
}

/** The moment registration ends for good: the cut-off, else the start of the last session. */
export function finalCutOff(w: WindowRules): Date | null {
  if (w.lateJoinUntil) return w.lateJoinUntil;
  if (w.sessions.length === 0) return null;
  return new Date(Math.max(...w.sessions.map((s) => s.startsAt.getTime())));
}

export function registrationPhase(w: WindowRules, now: Date): RegistrationPhase {
  const t = now.getTime();
  if (w.withdrawn) return 'closed';
  if (t < w.opensAt.getTime()) return 'not-open';
  const cutOff = finalCutOff(w);
  if (w.mode === 'lottery') {
    if (w.drawnAt) return cutOff && t >= cutOff.getTime() ? 'closed' : 'first-come';
    if (w.closesAt && t >= w.closesAt.getTime()) return 'awaiting-draw';
    return 'lottery';
  }
  // Whichever comes first: the window's end or the late-join cut-off (a series that is over takes no one).
  const ends = [w.closesAt, cutOff].filter((d): d is Date => d !== null).map((d) => d.getTime());
  const end = ends.length ? new Date(Math.min(...ends)) : null;
  if (end && t >= end.getTime()) return 'closed';
  return 'first-come';
}

/** True when the series has started: a family joining now pays only the sessions to come. */
export function seriesStarted(sessions: readonly { startsAt: Date }[], now: Date): boolean {
  return sessions.length > 1 && sessions.some((s) => s.startsAt.getTime() <= now.getTime());
}

/** Who may take a reserved place: a family with a kanspas tick, or one a bridge figure referred. */
export function mayUseReserved(family: { kanspas: boolean; referralCode?: string | null }): boolean {
  return family.kanspas || Boolean(family.referralCode);
}
