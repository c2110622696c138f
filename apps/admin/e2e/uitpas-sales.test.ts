/**
 * The UiTPAS screen end to end, in Chromium against a real server and a local server that
 * answers like UiTPAS API v4: staff give an activity its UiTdatabank event id, two kanspas
 * families register, staff see what is open, register the sales with one button, see the refused
 * pass in plain Dutch and correct it, and after a family cancels, cancel its sale at UiTPAS too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_EVENTS, FAKE_PASSES, startFakeUitpas, type FakeUitpas } from '../../../packages/api/src/uitpas/fake-uitpas.js';
import { apiAs, axe, publicPost, signIn, startInstap, type Page } from './harness.js';

let instap: Awaited<ReturnType<typeof startInstap>>;
let fake: FakeUitpas;
const TITLE = 'Zomerkamp met UiTPAS';

async function accessible(page: Page, screen: string) {
  expect({ screen, violations: await axe(page) }).toEqual({ screen, violations: [] });
}

beforeAll(async () => {
  instap = await startInstap();
  fake = await startFakeUitpas();
});
afterAll(async () => {
  await fake?.close();
  await instap?.close();
});

describe('the UiTPAS screen', () => {
  it('staff register the kanspas sales with UiTPAS, correct a refused pass, and cancel a sale after a cancellation', async () => {
    const admin = await apiAs(instap.origin, 'admin@instap.demo');
    const connect = await admin('PUT', '/admin/organisations/demo/uitpas', { clientId: fake.clientId, clientSecret: fake.clientSecret, environment: 'test', apiBase: fake.apiBase, tokenUrl: fake.tokenUrl });
    expect(connect.status).toBe(200);
    const club = await apiAs(instap.origin, 'club@instap.demo');
    const day = 86_400_000;
    const start = new Date(Date.now() + 20 * day);
    const made = await club('POST', '/admin/organisations/demo/activities', {
      title: TITLE,
      summary: 'Een week spelen, knutselen en zwemmen.',
      location: 'Jeugdhuis, Kortrijk',
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 6 * 3600_000).toISOString() }],
      capacity: 10,
      priceCents: 6000,
      registration: { opensAt: new Date(Date.now() - day).toISOString() },
    });
    expect(made.status).toBe(201);
    const id = made.json.id as string;

    // The event id goes in the activity form; a wrong shape is said plainly, by field.
    const page = await instap.browser.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.goto(`${instap.origin}/admin/#/activities/${id}`);
    const field = page.getByLabel(/^Event-id in UiTdatabank/);
    await field.waitFor();
    await field.fill('zomerkamp-2026');
    await page.getByRole('button', { name: 'Bewaar de wijzigingen' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Geef het event-id zoals UiTdatabank het toont');
    await accessible(page, 'activity form with a wrong event id');
    await field.fill(FAKE_EVENTS.swimming);
    await page.getByRole('button', { name: 'Bewaar de wijzigingen' }).click();
    await expect.poll(async () => (await club('GET', `/admin/activities/${id}`)).json.uitdatabankEventId).toBe(FAKE_EVENTS.swimming);

    const amrani = await publicPost(instap.origin, `/activities/${id}/registrations`, {
      children: [{ firstName: 'Amira', birthYear: 2016, uitpasNumber: FAKE_PASSES.active }],
      contact: { name: 'Gezin Amrani', phone: '0470 10 10 10' },
      kanspas: true,
      language: 'nl',
    });
    const peeters = await publicPost(instap.origin, `/activities/${id}/registrations`, {
      children: [{ firstName: 'Noor', birthYear: 2017, uitpasNumber: FAKE_PASSES.invalid }],
      contact: { name: 'Gezin Peeters', phone: '0470 20 20 20' },
      kanspas: true,
      language: 'nl',
    });
    expect([amrani.json.status, peeters.json.status]).toEqual(['confirmed', 'confirmed']);

    await page.goto(`${instap.origin}/admin/#/activities`);
    await page.getByRole('link', { name: `UiTPAS voor ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: `UiTPAS voor ${TITLE}` }).waitFor();
    await page.getByText('2 verkopen nog te registreren').waitFor();
    await accessible(page, 'uitpas open');

    await page.getByRole('button', { name: 'Probeer opnieuw' }).click();
    await page.getByText('Gelukt: 1 verkoop bijgewerkt bij UiTPAS.').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Geregistreerd');
    expect(await rows.nth(2).textContent()).toContain('Dit UiTPAS-nummer bestaat niet.');
    await page.getByText('1 verkoop geweigerd door UiTPAS').waitFor();
    expect([...fake.sales.values()].map((s) => [s.uitpasNumber, s.regularPrice])).toEqual([[FAKE_PASSES.active, 60]]);
    await accessible(page, 'uitpas registered');

    // Staff call the family, correct the number, and register the sale after all.
    await page.getByLabel('UiTPAS-nummer van Noor').fill('12345');
    await page.getByRole('button', { name: 'Bewaar het nummer van Noor' }).click();
    await page.getByText('Een UiTPAS-nummer heeft 13 cijfers.').waitFor();
    await accessible(page, 'uitpas number with an error');
    await page.getByLabel('UiTPAS-nummer van Noor').fill(FAKE_PASSES.activeSibling);
    await page.getByRole('button', { name: 'Bewaar het nummer van Noor' }).click();
    await page.getByText('1 verkoop nog te registreren').waitFor();
    await page.getByRole('button', { name: 'Probeer opnieuw' }).click();
    await page.getByText('Niets: elke verkoop is bijgewerkt bij UiTPAS.').waitFor();
    expect(fake.sales.size).toBe(2);

    // The family cancels: the sale is cancelled at UiTPAS as well.
    expect((await publicPost(instap.origin, `/registrations/${amrani.json.token}/cancel`)).json.status).toBe('cancelled');
    await page.reload();
    await page.getByText('1 verkoop nog te annuleren').waitFor();
    await page.getByRole('button', { name: 'Probeer opnieuw' }).click();
    await expect.poll(() => rows.nth(1).textContent()).toContain('Geannuleerd');
    expect([...fake.sales.values()].map((x) => x.uitpasNumber)).toEqual([FAKE_PASSES.activeSibling]);
    await accessible(page, 'uitpas cancelled');

    // The list of registrations says the same per child.
    await page.goto(`${instap.origin}/admin/#/activities/${id}/registrations`);
    await page.getByText('UiTPAS: geannuleerd').waitFor();
    await page.getByText('UiTPAS: geregistreerd').waitFor();
    await page.close();
  });
});
