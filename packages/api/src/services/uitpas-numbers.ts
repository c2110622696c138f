/** Which UiTPAS number belongs to which child: a child's own, else the family's for the first child. */
import type { RegistrationData } from '@instap/core';

/**
 * Only a kanspas family's numbers are kept (they are for the kansentarief alone). The family-level
 * number, from before a child could carry its own, counts for the first child.
 */
export function childUitpasNumber(input: Pick<RegistrationData, 'kanspas' | 'uitpasNumber' | 'children'>, index: number): string | null {
  if (!input.kanspas) return null;
  const own = input.children[index]?.uitpasNumber;
  if (own) return own;
  return index === 0 && input.uitpasNumber ? input.uitpasNumber : null;
}
