/**
 * Paying online, end to end: a real Instap server and a local server that answers like Mollie's
 * Payments API v2. The club turns online payment on with its Mollie test key, a kanspas family
 * registers and asks for the checkout, Mollie marks the payment paid and calls Instap's webhook
 * over the network (only `id=tr_…`, as Mollie does), and staff see "Betaald" for that family on
 * the activity's payments screen in Chromium. axe-core (WCAG 2.2 AA) on that screen.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMollie, type FakeMollie } from '../../../packages/api/src/payments/fake-mollie.js';
import { apiAs, axe, publicPost, signIn, startInstap, type Page } from './harness.js';

let instap: Awaited<ReturnType<typeof startInstap>>;
let mollie: FakeMollie;
const CAMP = 'Sportkamp in de krokusvakantie';
/** A Mollie test key of the real shape: `test_` and 30 letters or digits. */
const MOLLIE_KEY = `test_${'Kr7sPay0nl'.repeat(3)}`;
const FAMILY = `Gezin Online ${randomBytes(3).toString('hex')}`;
const CHILD = `Yara ${randomBytes(3).toString('hex')}`;

async function accessible(page: Page, screen: string) {
  expect({ screen, violations: await axe(page) }).toEqual({ screen, violations: [] });
}

beforeAll(async () => {
  // The fake calls the webhook over the network, at the address Instap gave it (the server's public origin).
  mollie = await startFakeMollie({ keys: [MOLLIE_KEY] });
  instap = await startInstap({ secretKey: randomBytes(32), mollie: { apiEndpoint: mollie.apiEndpoint, timeoutMs: 5000 } });
});
afterAll(async () => {
  await instap?.close();
  await mollie?.close();
});

describe('paying online', () => {
  it('a kanspas family pays online through Mollie; the webhook books it and staff see "Betaald" for that family', async () => {
    const admin = await apiAs(instap.origin, 'club@instap.demo');
    const settings = await admin('PUT', '/admin/organisations/demo/payments', {
      methods: ['desk', 'transfer', 'online'],
      iban: 'BE68 5390 0754 7034',
      beneficiary: 'Sportclub Instap Demo vzw',
      dueDays: 14,
      mollieApiKey: MOLLIE_KEY,
    });
    expect(settings.status, JSON.stringify(settings.json)).toBe(200);

    const activities = (await (await fetch(`${instap.origin}/api/v1/organisations/demo/activities`)).json()).activities as { id: string; title: string }[];
    const camp = activities.find((a) => a.title === CAMP)!;
    const reg = await publicPost(instap.origin, `/activities/${camp.id}/registrations`, {
      children: [{ firstName: CHILD, birthYear: 2017 }],
      contact: { name: FAMILY, phone: '0470 11 22 33' },
      kanspas: true,
      language: 'nl',
    });
    expect(reg.status, JSON.stringify(reg.json)).toBe(201);
    expect(reg.json.status).toBe('confirmed');
    expect(reg.json.payment.status).toBe('open');
    expect(reg.json.payment.methods).toContain('online');
    const due = reg.json.payment.amountCents as number;
    // The kanspas tariff: the family pays less than the full € 90.
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(9000);

    const checkout = await publicPost(instap.origin, `/registrations/${reg.json.token}/payments`);
    expect(checkout.status, JSON.stringify(checkout.json)).toBe(201);
    const created = mollie.last()!;
    expect(checkout.json).toEqual({ checkoutUrl: created._links.checkout!.href, amountCents: due });
    expect(created).toMatchObject({ amount: { value: (due / 100).toFixed(2), currency: 'EUR' }, webhookUrl: `${instap.origin}/api/v1/payments/mollie`, status: 'open' });

    // The family pays at the checkout; Mollie calls the webhook with only the payment's id.
    expect(await mollie.pay(created.id)).toBe(200);
    expect(mollie.webhookCalls).toEqual([{ url: `${instap.origin}/api/v1/payments/mollie`, body: `id=${created.id}`, contentType: 'application/x-www-form-urlencoded', status: 200 }]);
    const view = await (await fetch(`${instap.origin}/api/v1/registrations/${reg.json.token}`)).json();
    expect(view.payment).toMatchObject({ status: 'paid', paidCents: due });

    const context = await instap.browser.newContext();
    const page = await context.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: `Betalingen voor ${CAMP}` }).click();
    await page.getByRole('heading', { level: 1, name: `Betalingen voor ${CAMP}` }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(FAMILY) });
    await row.waitFor();
    expect(await row.getByRole('rowheader').innerText()).toContain(CHILD);
    // The status cell says "Betaald", and there is nothing left to record for this family.
    await expect.poll(() => row.getByRole('cell').first().innerText()).toBe('Betaald');
    expect(await row.getByRole('button', { name: /Betaald aan de balie/ }).count()).toBe(0);
    await accessible(page, 'payments of an activity after an online payment');
    await context.close();
  });
});
