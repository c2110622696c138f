/**
 * Counting in Arabic: one, two (the dual), 3 to 10 (plural) and 11 or more (singular again)
 * each take their own word form. Each form is a whole phrase; `#` stands for the number.
 *
 *   arabicCount(2, ['يوم عمل واحد', 'يومَي عمل', '# أيام عمل', '# يوم عمل']) → 'يومَي عمل'
 */
export function arabicCount(n: number, [one, two, few, many]: readonly [string, string, string, string]): string {
  const mod = n % 100;
  const form = n === 1 ? one : n === 2 ? two : mod >= 3 && mod <= 10 ? few : many;
  return form.replace('#', String(n));
}
