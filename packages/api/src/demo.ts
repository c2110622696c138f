/**
 * The demo a new user sees on first start: Sportclub De Leie with activities in plain Dutch.
 * Dates are relative to the first start, so the demo is always current.
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { paymentSettings } from './db/schema-payments.js';
import { organisations } from './db/schema.js';
import { createActivity } from './services/activities.js';
import { ensureCity } from './services/auth.js';
import { bookPayment } from './services/payments.js';
import { register } from './services/registrations.js';
import { activityInputSchema, registrationInputSchema } from '@instap/core';

const DAY = 24 * 60 * 60 * 1000;

/** Midday-ish Brussels times on whole days from `now`, so sessions look like a real schedule. */
function at(now: Date, days: number, hourUtc: number, minutes = 0): string {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hourUtc, minutes, 0, 0);
  return d.toISOString();
}

function weekly(now: Date, firstDay: number, count: number, hourUtc: number, lengthMinutes: number) {
  return Array.from({ length: count }, (_, i) => {
    const startsAt = at(now, firstDay + 7 * i, hourUtc);
    return { startsAt, endsAt: new Date(Date.parse(startsAt) + lengthMinutes * 60_000).toISOString() };
  });
}

export interface DemoIds {
  organisation: string;
  activities: { swimming: string; camp: string; drums: string };
}

/** Seeds the demo once; on later starts returns the ids that are already there. */
export async function seedDemo(db: Db, now: Date, opts: { allowedOrigins?: string[] } = {}): Promise<DemoIds | null> {
  const [existing] = await db.select().from(organisations).where(eq(organisations.slug, 'demo'));
  if (existing) return null;
  const city = await ensureCity(db);
  const [org] = await db
    .insert(organisations)
    .values({
      slug: 'demo',
      name: 'Sportclub De Leie',
      phone: '056 00 12 34',
      email: 'info@sportclubdeleie.example',
      allowedOrigins: opts.allowedOrigins ?? [],
      cityId: city.id,
    })
    .returning();
  // The desk and transfers with a structured communication. Online stays off until the club
  // enters its own Mollie test key in the console: a demo never carries a made-up key.
  await db.insert(paymentSettings).values({
    organisationId: org!.id,
    methods: ['desk', 'transfer', 'third-party'],
    iban: 'BE68539007547034',
    beneficiary: 'Sportclub De Leie vzw',
    dueDays: 14,
    deskInfo: 'Aan het onthaal van de sporthal: maandag tot vrijdag van 9 tot 12 uur. Of bij de eerste les.',
    updatedAt: now,
  });

  const swimming = await createActivity(
    db,
    org!,
    activityInputSchema.parse({
      title: 'Zwemlessen voor beginners',
      summary: 'Je kind leert zwemmen in kleine groepjes. Een redder is altijd in het water. Je kind moet nog niet kunnen zwemmen.',
      location: 'Zwembad Abdijkaai, Abdijkaai 5, Kortrijk',
      kind: 'zwemmen',
      ageMin: 6,
      ageMax: 10,
      sessions: weekly(now, -27, 10, 15, 45),
      capacity: 12,
      reservedPlaces: 2,
      reservedUntil: at(now, 10, 22),
      priceCents: 4000,
      registration: { opensAt: at(now, -40, 7), mode: 'first-come' },
      whatToBring: ['Zwemkledij en een handdoek', 'Een muts als je lange haren hebt'],
    }),
    now,
  );

  const camp = await createActivity(
    db,
    org!,
    activityInputSchema.parse({
      title: 'Sportkamp in de krokusvakantie',
      summary: 'Vijf dagen sport en spel: voetbal, dans, klimmen en zwemmen. Je kind eet op het kamp. Het middageten is inbegrepen.',
      location: 'Sporthal Lange Munte, Kortrijk',
      kind: 'sportkamp',
      ageMin: 6,
      ageMax: 12,
      sessions: Array.from({ length: 5 }, (_, i) => ({ startsAt: at(now, 84 + i, 8), endsAt: at(now, 84 + i, 15) })),
      capacity: 30,
      reservedPlaces: 6,
      reservedUntil: at(now, 70, 22),
      priceCents: 9000,
      registration: { opensAt: at(now, -3, 7), mode: 'first-come' },
      whatToBring: ['Sportkledij en sportschoenen', 'Een drinkbus', 'Zwemkledij voor woensdag'],
    }),
    now,
  );

  const drums = await createActivity(
    db,
    org!,
    activityInputSchema.parse({
      title: 'Muziekatelier: drummen',
      summary: 'Samen ritmes spelen op drums en trommels. Je hoeft geen noten te kunnen lezen.',
      location: 'Muziekschool, Groeningestraat 12, Kortrijk',
      kind: 'muziek',
      ageMin: 9,
      ageMax: 14,
      sessions: weekly(now, 14, 8, 14, 60),
      capacity: 8,
      priceCents: 3000,
      registration: { opensAt: at(now, -7, 7), mode: 'first-come' },
      whatToBring: ['Niets: de muziekschool heeft drums en stokken'],
    }),
    now,
  );

  // Seven of the eight drum places are taken, so a visitor sees "nog 1 plaats".
  const names = ['Lina', 'Yusuf', 'Emma', 'Noah', 'Sara', 'Milan', 'Olivia'];
  for (const [i, firstName] of names.entries()) {
    const input = registrationInputSchema.parse({
      children: [{ firstName, birthYear: now.getUTCFullYear() - 10 - (i % 3) }],
      contact: { name: `Ouder van ${firstName}`, phone: `0470 00 00 0${i}` },
      kanspas: i % 3 === 0,
      language: 'nl',
    });
    const made = await db.transaction((tx) => register(tx, drums, input, now));
    // Some families have paid already, so staff see every state in the payments view.
    const paid = [{ method: 'desk' as const, part: 1 }, { method: 'transfer' as const, part: 1 }, { method: 'desk' as const, part: 0.5 }][i];
    if (paid && made.payment.amountCents > 0)
      await db.transaction((tx) => bookPayment(tx, { registrationId: made.id, amountCents: Math.round(made.payment.amountCents * paid.part), method: paid.method, source: 'demo', note: 'Demo', at: now }));
  }
  return { organisation: org!.id, activities: { swimming, camp, drums } };
}
