import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPlacement,
  finalCutOff,
  placeFamily,
  placesLeft,
  registrationPhase,
  reservedActive,
  seriesStarted,
  type Occupancy,
  type PlaceRules,
  type PlacesLeft,
  type WindowRules,
} from './places.js';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const releaseAt = at('2026-03-01T00:00:00Z');
const beforeRelease = at('2026-02-15T12:00:00Z');
const afterRelease = at('2026-03-02T12:00:00Z');
const none: Occupancy = { general: 0, reserved: 0 };

describe('placesLeft', () => {
  it('without reserved places every free place is general', () => {
    const rules: PlaceRules = { capacity: 10, reservedPlaces: 0, reservedUntil: null };
    expect(placesLeft(rules, { general: 4, reserved: 0 }, beforeRelease)).toEqual({
      placesLeft: 6,
      generalLeft: 6,
      reservedLeft: 0,
      reservedActive: false,
    });
  });

  it('holds reserved places back before their release date', () => {
    const rules: PlaceRules = { capacity: 10, reservedPlaces: 3, reservedUntil: releaseAt };
    expect(placesLeft(rules, none, beforeRelease)).toEqual({ placesLeft: 10, generalLeft: 7, reservedLeft: 3, reservedActive: true });
    // All general places taken: only the reserved ones are left.
    expect(placesLeft(rules, { general: 7, reserved: 0 }, beforeRelease)).toEqual({
      placesLeft: 3,
      generalLeft: 0,
      reservedLeft: 3,
      reservedActive: true,
    });
    expect(placesLeft(rules, { general: 5, reserved: 2 }, beforeRelease)).toEqual({
      placesLeft: 3,
      generalLeft: 2,
      reservedLeft: 1,
      reservedActive: true,
    });
  });

  it('releases free reserved places as general places at the release date', () => {
    const rules: PlaceRules = { capacity: 10, reservedPlaces: 3, reservedUntil: releaseAt };
    const taken = { general: 7, reserved: 1 };
    expect(placesLeft(rules, taken, beforeRelease)).toMatchObject({ generalLeft: 0, reservedLeft: 2, placesLeft: 2 });
    expect(placesLeft(rules, taken, afterRelease)).toEqual({ placesLeft: 2, generalLeft: 2, reservedLeft: 0, reservedActive: false });
    // The release instant itself counts as released.
    expect(reservedActive(rules, releaseAt)).toBe(false);
    expect(reservedActive(rules, new Date(releaseAt.getTime() - 1))).toBe(true);
  });

  it('reserved places without a release date stay reserved', () => {
    const rules: PlaceRules = { capacity: 10, reservedPlaces: 3, reservedUntil: null };
    expect(reservedActive(rules, at('2099-01-01T00:00:00Z'))).toBe(true);
    expect(placesLeft(rules, { general: 7, reserved: 0 }, at('2099-01-01T00:00:00Z')).generalLeft).toBe(0);
  });

  it('never reports negative places, even when overfull', () => {
    const rules: PlaceRules = { capacity: 5, reservedPlaces: 2, reservedUntil: releaseAt };
    for (const now of [beforeRelease, afterRelease]) {
      const left = placesLeft(rules, { general: 6, reserved: 1 }, now);
      expect(left.placesLeft).toBe(0);
      expect(left.generalLeft).toBe(0);
      expect(left.reservedLeft).toBe(0);
    }
  });

  it('a full reserved quota leaves only general places', () => {
    const rules: PlaceRules = { capacity: 10, reservedPlaces: 3, reservedUntil: releaseAt };
    expect(placesLeft(rules, { general: 2, reserved: 3 }, beforeRelease)).toMatchObject({ generalLeft: 5, reservedLeft: 0, placesLeft: 5 });
  });
});

describe('placeFamily', () => {
  const left = (generalLeft: number, reservedLeft: number): PlacesLeft => ({
    generalLeft,
    reservedLeft,
    placesLeft: generalLeft + reservedLeft,
    reservedActive: reservedLeft > 0,
  });

  it('places all children in general places when there is room', () => {
    expect(placeFamily(left(5, 2), 3, false)).toEqual({ placed: true, kinds: ['general', 'general', 'general'] });
  });

  it('places a family together or not at all', () => {
    // Two general places for three children: nobody is placed, not two of three.
    expect(placeFamily(left(2, 0), 3, false)).toEqual({ placed: false });
    expect(placeFamily(left(2, 0), 3, true)).toEqual({ placed: false });
    expect(placeFamily(left(0, 2), 3, true)).toEqual({ placed: false });
  });

  it('an eligible family uses general places first, reserved ones only when general are gone', () => {
    expect(placeFamily(left(5, 3), 2, true)).toEqual({ placed: true, kinds: ['general', 'general'] });
    expect(placeFamily(left(2, 3), 3, true)).toEqual({ placed: true, kinds: ['general', 'general', 'reserved'] });
    expect(placeFamily(left(0, 3), 3, true)).toEqual({ placed: true, kinds: ['reserved', 'reserved', 'reserved'] });
  });

  it('a non-eligible family never gets a reserved place', () => {
    expect(placeFamily(left(0, 3), 1, false)).toEqual({ placed: false });
    expect(placeFamily(left(2, 3), 3, false)).toEqual({ placed: false });
  });

  it('a family without children is not placed', () => {
    expect(placeFamily(left(5, 5), 0, true)).toEqual({ placed: false });
  });

  it('addPlacement counts the places taken by kind', () => {
    expect(addPlacement({ general: 1, reserved: 2 }, ['general', 'reserved', 'general'])).toEqual({ general: 3, reserved: 3 });
    const before = { general: 1, reserved: 0 };
    addPlacement(before, ['general']);
    expect(before).toEqual({ general: 1, reserved: 0 }); // pure
  });

  it('a whole story: reserved places wait for the families who need them, then are released', () => {
    const rules: PlaceRules = { capacity: 6, reservedPlaces: 2, reservedUntil: releaseAt };
    let taken = none;
    const place = (children: number, eligible: boolean, now: Date) => {
      const p = placeFamily(placesLeft(rules, taken, now), children, eligible);
      if (p.placed) taken = addPlacement(taken, p.kinds);
      return p.placed;
    };
    expect(place(3, false, beforeRelease)).toBe(true); // 1 general left
    expect(place(2, false, beforeRelease)).toBe(false); // would need a reserved place
    expect(place(1, false, beforeRelease)).toBe(true); // general full now
    expect(place(1, false, beforeRelease)).toBe(false);
    expect(place(1, true, beforeRelease)).toBe(true); // a kanspas family takes a reserved place
    expect(taken).toEqual({ general: 4, reserved: 1 });
    expect(place(1, false, afterRelease)).toBe(true); // the last reserved place was released
    expect(placesLeft(rules, taken, afterRelease).placesLeft).toBe(0);
    expect(place(1, true, afterRelease)).toBe(false);
  });
});

describe('placing families one by one (property)', () => {
  const scenario = fc
    .integer({ min: 1, max: 30 })
    .chain((capacity) =>
      fc.record({
        capacity: fc.constant(capacity),
        reservedPlaces: fc.integer({ min: 0, max: capacity }),
        noReleaseDate: fc.boolean(),
        monotoneClock: fc.boolean(),
        families: fc.array(
          fc.record({ children: fc.integer({ min: 1, max: 4 }), eligible: fc.boolean(), afterRelease: fc.boolean() }),
          { maxLength: 40 },
        ),
      }),
    );

  it('never oversells, never gives a reserved place to a non-eligible family, refuses only when full', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const rules: PlaceRules = {
          capacity: s.capacity,
          reservedPlaces: s.reservedPlaces,
          reservedUntil: s.noReleaseDate ? null : releaseAt,
        };
        let taken: Occupancy = { general: 0, reserved: 0 };
        let released = false;
        for (const f of s.families) {
          // With a monotone clock, once released it stays released; otherwise any order.
          released = s.monotoneClock ? released || f.afterRelease : f.afterRelease;
          const now = released ? afterRelease : beforeRelease;
          const left = placesLeft(rules, taken, now);

          expect(left.placesLeft).toBeGreaterThanOrEqual(0);
          expect(left.generalLeft).toBeGreaterThanOrEqual(0);
          expect(left.reservedLeft).toBeGreaterThanOrEqual(0);
          expect(left.placesLeft).toBe(left.generalLeft + left.reservedLeft);
          expect(left.placesLeft).toBeLessThanOrEqual(s.capacity - taken.general - taken.reserved);
          if (!left.reservedActive) {
            expect(left.reservedLeft).toBe(0);
            // Released reserved places are general: every free place is open to anyone.
            expect(left.generalLeft).toBe(s.capacity - taken.general - taken.reserved);
          }

          const p = placeFamily(left, f.children, f.eligible);
          const room = left.generalLeft + (f.eligible ? left.reservedLeft : 0);
          expect(p.placed).toBe(f.children <= room);
          if (p.placed) {
            expect(p.kinds).toHaveLength(f.children);
            const reserved = p.kinds.filter((k) => k === 'reserved').length;
            if (!f.eligible || !left.reservedActive) expect(reserved).toBe(0);
            // General places first: a reserved place only once general ones are gone.
            if (reserved > 0) expect(f.children - reserved).toBe(left.generalLeft);
            taken = addPlacement(taken, p.kinds);
          }

          expect(taken.general + taken.reserved).toBeLessThanOrEqual(s.capacity);
          if (s.monotoneClock && !released) {
            // While reserved places are held, the general part and the reserved part each stay within bounds.
            expect(taken.general).toBeLessThanOrEqual(s.capacity - s.reservedPlaces);
            expect(taken.reserved).toBeLessThanOrEqual(s.reservedPlaces);
          }
        }
      }),
    );
  });

  it('with reserved places active, generalLeft + reservedLeft === placesLeft for any occupancy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (capacity, reservedPlaces, general, reserved) => {
          const rules: PlaceRules = { capacity, reservedPlaces, reservedUntil: null };
          const left = placesLeft(rules, { general, reserved }, beforeRelease);
          expect(left.generalLeft + left.reservedLeft).toBe(left.placesLeft);
          expect(left.placesLeft).toBeLessThanOrEqual(Math.max(0, capacity - general - reserved));
          expect(left.reservedLeft).toBeLessThanOrEqual(Math.max(0, reservedPlaces - reserved));
        },
      ),
    );
  });
});

describe('registrationPhase', () => {
  const sessions = [
    { startsAt: at('2026-03-07T09:00:00Z') },
    { startsAt: at('2026-03-14T09:00:00Z') },
    { startsAt: at('2026-03-21T09:00:00Z') },
  ];
  const firstCome: WindowRules = {
    mode: 'first-come',
    opensAt: at('2026-02-01T08:00:00Z'),
    closesAt: null,
    drawAt: null,
    lateJoinUntil: null,
    sessions,
    drawnAt: null,
  };

  it('first-come: not open before opensAt, open from opensAt', () => {
    expect(registrationPhase(firstCome, at('2026-02-01T07:59:59Z'))).toBe('not-open');
    expect(registrationPhase(firstCome, at('2026-02-01T08:00:00Z'))).toBe('first-come');
    expect(registrationPhase(firstCome, at('2026-02-20T08:00:00Z'))).toBe('first-come');
  });

  it('first-come: closes at closesAt', () => {
    const w = { ...firstCome, closesAt: at('2026-03-01T00:00:00Z') };
    expect(registrationPhase(w, at('2026-02-28T23:59:59Z'))).toBe('first-come');
    expect(registrationPhase(w, at('2026-03-01T00:00:00Z'))).toBe('closed');
    expect(registrationPhase(w, at('2026-03-10T00:00:00Z'))).toBe('closed');
  });

  it('first-come without closesAt: late joiners can register until the last session starts', () => {
    expect(finalCutOff(firstCome)).toEqual(at('2026-03-21T09:00:00Z'));
    expect(registrationPhase(firstCome, at('2026-03-15T00:00:00Z'))).toBe('first-come'); // series running
    expect(registrationPhase(firstCome, at('2026-03-21T08:59:59Z'))).toBe('first-come');
    expect(registrationPhase(firstCome, at('2026-03-21T09:00:00Z'))).toBe('closed');
  });

  it('first-come with lateJoinUntil: closes at the late-join cut-off', () => {
    const w = { ...firstCome, lateJoinUntil: at('2026-03-10T00:00:00Z') };
    expect(finalCutOff(w)).toEqual(at('2026-03-10T00:00:00Z'));
    expect(registrationPhase(w, at('2026-03-09T23:59:59Z'))).toBe('first-come');
    expect(registrationPhase(w, at('2026-03-10T00:00:00Z'))).toBe('closed');
  });

  it('without sessions and without closesAt there is no end', () => {
    const w = { ...firstCome, sessions: [] };
    expect(finalCutOff(w)).toBeNull();
    expect(registrationPhase(w, at('2030-01-01T00:00:00Z'))).toBe('first-come');
  });

  it('the last session is found even when sessions are not in order', () => {
    const w = { ...firstCome, sessions: [sessions[2]!, sessions[0]!, sessions[1]!] };
    expect(finalCutOff(w)).toEqual(at('2026-03-21T09:00:00Z'));
  });

  // A closesAt after the last session must not keep a finished series open (a family would pay 0).
  it('first-come closes at the last session start even when closesAt is later', () => {
    const w = { ...firstCome, closesAt: at('2026-06-30T00:00:00Z') };
    expect(registrationPhase(w, at('2026-04-01T00:00:00Z'))).toBe('closed');
  });
  it('first-come closes at lateJoinUntil even when closesAt is later', () => {
    const w = { ...firstCome, closesAt: at('2026-03-20T00:00:00Z'), lateJoinUntil: at('2026-03-10T00:00:00Z') };
    expect(registrationPhase(w, at('2026-03-15T00:00:00Z'))).toBe('closed');
  });

  const lottery: WindowRules = {
    ...firstCome,
    mode: 'lottery',
    closesAt: at('2026-02-15T00:00:00Z'),
    drawAt: at('2026-02-16T12:00:00Z'),
  };

  it('lottery: not open, then lottery in the window, then awaiting the draw', () => {
    expect(registrationPhase(lottery, at('2026-01-31T00:00:00Z'))).toBe('not-open');
    expect(registrationPhase(lottery, at('2026-02-01T08:00:00Z'))).toBe('lottery');
    expect(registrationPhase(lottery, at('2026-02-14T23:59:59Z'))).toBe('lottery');
    expect(registrationPhase(lottery, at('2026-02-15T00:00:00Z'))).toBe('awaiting-draw');
    // A late draw keeps waiting, it does not open first-come by itself.
    expect(registrationPhase(lottery, at('2026-02-20T00:00:00Z'))).toBe('awaiting-draw');
  });

  it('lottery: first-come after the draw, closed after the cut-off', () => {
    const drawn = { ...lottery, drawnAt: at('2026-02-16T12:00:05Z') };
    expect(registrationPhase(drawn, at('2026-02-17T00:00:00Z'))).toBe('first-come');
    expect(registrationPhase(drawn, at('2026-03-15T00:00:00Z'))).toBe('first-come');
    expect(registrationPhase(drawn, at('2026-03-21T09:00:00Z'))).toBe('closed');
    const cut = { ...drawn, lateJoinUntil: at('2026-03-01T00:00:00Z') };
    expect(registrationPhase(cut, at('2026-03-01T00:00:00Z'))).toBe('closed');
  });

  it('a withdrawn activity is closed, whatever the time', () => {
    for (const w of [firstCome, lottery]) {
      for (const now of ['2026-01-01T00:00:00Z', '2026-02-10T00:00:00Z', '2026-03-15T00:00:00Z']) {
        expect(registrationPhase({ ...w, withdrawn: true }, at(now))).toBe('closed');
      }
    }
  });

  it('phases follow each other in order as time goes on, never back (property)', () => {
    const order = ['not-open', 'lottery', 'awaiting-draw', 'first-come', 'closed'];
    const drawRanAt = at('2026-02-16T12:00:05Z');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: -40 * 24, max: 60 * 24 }), { minLength: 2, maxLength: 20 }),
        (isLottery, withCutOff, hours) => {
          const times = [...hours].sort((a, b) => a - b).map((h) => new Date(at('2026-02-01T08:00:00Z').getTime() + h * 3_600_000));
          const lateJoinUntil = withCutOff ? at('2026-03-10T00:00:00Z') : null;
          const idx = times.map((t) => {
            // The draw has run only once its moment has passed.
            const w: WindowRules = isLottery
              ? { ...lottery, lateJoinUntil, drawnAt: t.getTime() >= drawRanAt.getTime() ? drawRanAt : null }
              : { ...firstCome, lateJoinUntil };
            const p = registrationPhase(w, t);
            if (!isLottery) expect(['lottery', 'awaiting-draw']).not.toContain(p);
            return order.indexOf(p);
          });
          for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThanOrEqual(idx[i - 1]!);
        },
      ),
    );
  });
});

describe('seriesStarted', () => {
  const series = [{ startsAt: at('2026-03-07T09:00:00Z') }, { startsAt: at('2026-03-14T09:00:00Z') }];
  it('is false before the first session and true from its start', () => {
    expect(seriesStarted(series, at('2026-03-07T08:59:59Z'))).toBe(false);
    expect(seriesStarted(series, at('2026-03-07T09:00:00Z'))).toBe(true);
    expect(seriesStarted(series, at('2026-04-01T00:00:00Z'))).toBe(true);
  });
  it('a single session is never a started series (it is charged in full)', () => {
    expect(seriesStarted([series[0]!], at('2026-04-01T00:00:00Z'))).toBe(false);
    expect(seriesStarted([], at('2026-04-01T00:00:00Z'))).toBe(false);
  });
});
