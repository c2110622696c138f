/** Test helper: an organisation's payment settings, through the API where it has the route, else in the database. */
import { eq } from 'drizzle-orm';
import { organisations } from '../db/schema.js';
import { paymentSettings } from '../db/schema-payments.js';
import { seal } from '../services/secrets.js';
import type { TestApp } from '../testing/harness.js';

export const CLUB_IBAN = 'BE68539007547034';

export interface PaymentSetup {
  methods?: ('desk' | 'transfer' | 'online' | 'third-party')[];
  mollieApiKey?: string | null;
  iban?: string;
  secretKey?: Buffer;
}

export async function configurePayments(t: TestApp, slug: string, setup: PaymentSetup = {}) {
  const body = {
    methods: setup.methods ?? ['transfer', 'online', 'desk'],
    iban: setup.iban ?? CLUB_IBAN,
    beneficiary: 'Zwemclub De Dolfijn vzw',
    dueDays: 14,
    ...(setup.mollieApiKey !== undefined ? { mollieApiKey: setup.mollieApiKey } : {}),
  };
  const res = await t.admin('PUT', `/organisations/${slug}/payments`, body);
  if (res.status >= 200 && res.status < 300) return;
  if (res.status !== 404) throw new Error(`payment settings: ${res.status} ${res.text}`);
  const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, slug));
  await t.db
    .insert(paymentSettings)
    .values({
      organisationId: org!.id,
      methods: body.methods,
      iban: body.iban,
      beneficiary: body.beneficiary,
      dueDays: 14,
      mollieApiKey: setup.mollieApiKey ? seal(setup.mollieApiKey, setup.secretKey) : null,
      mollieMode: setup.mollieApiKey ? (setup.mollieApiKey.startsWith('live_') ? 'live' : 'test') : null,
      updatedAt: new Date(),
    })
    .onConflictDoUpdate({ target: paymentSettings.organisationId, set: { methods: body.methods, mollieApiKey: setup.mollieApiKey ? seal(setup.mollieApiKey, setup.secretKey) : null } });
}
