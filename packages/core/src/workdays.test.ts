import { describe, expect, it } from 'vitest';
import { addWorkdays, belgianHolidays, easterSunday, isWorkday } from './workdays.js';

describe('Belgian workdays', () => {
  it('finds Easter', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
  });

  it('knows the ten public holidays, the moving ones too', () => {
    const h = belgianHolidays(2026);
    expect(h.size).toBe(10);
    for (const d of ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25'])
      expect(h.has(d)).toBe(true);
  });

  it('skips weekends and holidays', () => {
    expect(isWorkday('2026-03-06')).toBe(true);
    expect(isWorkday('2026-03-07')).toBe(false);
    expect(isWorkday('2026-04-06')).toBe(false);
    // Friday evening + 2 workdays: Tuesday.
    expect(addWorkdays('2026-03-06', 2)).toBe('2026-03-10');
    // Thursday before Easter + 2: Friday, then (Easter Monday off) Tuesday.
    expect(addWorkdays('2026-04-02', 2)).toBe('2026-04-07');
    // 24 December + 1: Christmas is off, so the 26th.
    expect(addWorkdays('2026-12-24', 1)).toBe('2026-12-28');
  });
});
