import { describe, expect, it } from 'vitest';
import { arabicCount } from './plural.js';

describe('arabicCount', () => {
  const days = ['يوم عمل واحد', 'يومَي عمل', '# أيام عمل', '# يوم عمل'] as const;
  it('takes the form for one, two, 3 to 10, and 11 or more', () => {
    expect(arabicCount(1, days)).toBe('يوم عمل واحد');
    expect(arabicCount(2, days)).toBe('يومَي عمل');
    expect(arabicCount(3, days)).toBe('3 أيام عمل');
    expect(arabicCount(10, days)).toBe('10 أيام عمل');
    expect(arabicCount(11, days)).toBe('11 يوم عمل');
    expect(arabicCount(100, days)).toBe('100 يوم عمل');
    expect(arabicCount(103, days)).toBe('103 أيام عمل');
  });
});
