/**
 * Confirms kanspas ticks afterwards, for organisations that connected UiTPAS and families who
 * gave a pass number. Runs from the scheduler, never in the registration itself: the tick was
 * trusted, and a slow or broken UiTPAS API never stands between a family and its place.
 */
import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { activities, registrations, uitpasSettings } from '../db/schema.js';
import { createUitpasClient, type UitpasClient, type UitpasConfig } from '../uitpas/client.js';
import { setKanspasCheck } from './charter.js';
import { unseal } from './secrets.js';

/** A pass API that did not answer is asked again on later ticks, this many times in all. */
export const MAX_UITPAS_ATTEMPTS = 5;

export type UitpasClientFactory = (config: UitpasConfig) => UitpasClient;

export async function checkPendingPasses(
  db: Db,
  now: Date,
  publicOrigin: string,
  opts: { makeClient?: UitpasClientFactory; secretKey?: Buffer; limit?: number } = {},
): Promise<number> {
  const makeClient = opts.makeClient ?? createUitpasClient;
  const pending = await db
    .select({ id: registrations.id, uitpasNumber: registrations.uitpasNumber, settings: uitpasSettings })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .innerJoin(uitpasSettings, eq(uitpasSettings.organisationId, activities.organisationId))
    .where(
      and(
        isNotNull(registrations.uitpasNumber),
        isNull(registrations.uitpasCheckedAt),
        eq(registrations.kanspasCheck, 'claimed'),
        lt(registrations.uitpasAttempts, MAX_UITPAS_ATTEMPTS),
      ),
    )
    .limit(opts.limit ?? 50);
  const clients = new Map<string, UitpasClient>();
  let decided = 0;
  for (const p of pending) {
    const s = p.settings;
    let client = clients.get(s.organisationId);
    if (!client) {
      let clientSecret: string;
      try {
        clientSecret = unseal(s.clientSecret, opts.secretKey);
      } catch (e) {
        // A sealed secret without its key: nothing can be checked; the ticks stay "claimed".
        console.warn(`UiTPAS checks skipped: ${(e as Error).message}`);
        continue;
      }
      client = makeClient({ clientId: s.clientId, clientSecret, environment: s.environment, apiBase: s.apiBase ?? undefined, tokenUrl: s.tokenUrl ?? undefined });
      clients.set(s.organisationId, client);
    }
    const result = await client.checkSocialTariff(p.uitpasNumber!);
    const retry = result.outcome === 'unknown' && (result.reason === 'timeout' || result.reason === 'unavailable');
    if (retry) {
      const [row] = await db.select({ n: registrations.uitpasAttempts }).from(registrations).where(eq(registrations.id, p.id));
      await db.update(registrations).set({ uitpasAttempts: (row?.n ?? 0) + 1 }).where(eq(registrations.id, p.id));
      continue;
    }
    await db.update(registrations).set({ uitpasCheckedAt: now }).where(eq(registrations.id, p.id));
    // An unknown or mistyped number decides nothing: staff still see "claimed" and can check by hand.
    if (result.outcome === 'verified' || result.outcome === 'not-valid') {
      await setKanspasCheck(db, p.id, result.outcome, now, () => {}, { publicOrigin });
      decided++;
    }
  }
  return decided;
}
