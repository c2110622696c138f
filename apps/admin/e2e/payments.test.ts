/**
 * The money screens, end to end in Chromium: an admin sets how the club takes money (a wrong
 * IBAN is refused beside its field, a Mollie key is kept and never shown back); staff record a
 * desk payment in two clicks and waive one with a note; a bank file books a transfer and leaves
 * the rest to match by hand. axe-core (WCAG 2.2 AA) on every screen.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, signIn, startInstap, type Page } from './harness.js';

let instap: Awaited<ReturnType<typeof startInstap>>;
const DRUMS = 'Muziekatelier: drummen';
const SWIM = 'Zwemlessen voor beginners';
/** A real-shaped statement of the demo club's account (packages/api's test file); FAMILY_REF is replaced by a family's reference. */
const STATEMENT = readFileSync(new URL('../../../packages/api/src/payments/fixtures/camt053-001-02.xml', import.meta.url), 'utf8');
const FAMILY_REF = '090000012376';

async function accessible(page: Page, screen: string) {
  expect({ screen, violations: await axe(page) }).toEqual({ screen, violations: [] });
}

async function activityId(title: string) {
  const res = await fetch(`${instap.origin}/api/v1/organisations/demo/activities`);
  return ((await res.json()).activities as { id: string; title: string }[]).find((a) => a.title === title)!.id;
}

async function register(id: string, name: string) {
  const res = await fetch(`${instap.origin}/api/v1/activities/${id}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), origin: instap.origin },
    body: JSON.stringify({ children: [{ firstName: `Kind van ${name}`, birthYear: 2017 }], contact: { name, phone: '0470 55 66 77' }, kanspas: false, language: 'nl' }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

beforeAll(async () => {
  instap = await startInstap({ secretKey: randomBytes(32) });
});
afterAll(() => instap?.close());

describe('money screens', () => {
  it('payment settings: a wrong IBAN is refused beside its field; the Mollie key is kept and never shown back', async () => {
    const context = await instap.browser.newContext();
    const page = await context.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: 'Betalen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Betalen' }).waitFor();
    await expect.poll(() => page.getByLabel('Rekeningnummer (IBAN)').inputValue()).toBe('BE68 5390 0754 7034');
    await accessible(page, 'payment settings');

    await page.getByLabel('Rekeningnummer (IBAN)').fill('BE68 5390 0754 7035');
    await page.getByRole('button', { name: 'Bewaar de betaalgegevens' }).click();
    await page.locator('.error-summary').getByText('Dit rekeningnummer klopt niet.', { exact: false }).waitFor();
    await expect.poll(() => page.locator('#f-iban-error').textContent()).toContain('Dit rekeningnummer klopt niet.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await accessible(page, 'payment settings with a server error');

    const key = `test_${'A1b2C3d4E5'.repeat(3)}`;
    await page.getByLabel('Rekeningnummer (IBAN)').fill('BE68 5390 0754 7034');
    await page.getByLabel('Online (Mollie)').check();
    await page.getByLabel('Mollie-sleutel').fill(key);
    await page.getByLabel('Aantal dagen om te betalen').fill('10');
    await page.getByRole('button', { name: 'Bewaar de betaalgegevens' }).click();
    await page.getByText('De betaalgegevens zijn bewaard.').waitFor();
    await page.getByText('Er is een Mollie-sleutel ingesteld (test: geen echte betalingen).').waitFor();
    expect(await page.getByLabel('Nieuwe Mollie-sleutel').inputValue()).toBe('');
    await page.reload();
    await page.getByText('Er is een Mollie-sleutel ingesteld (test').waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await page.getByLabel('Aantal dagen om te betalen').inputValue()).toBe('10');
    await context.close();
  });

  it('the payments of an activity: paid at the desk in two clicks, a waiver with a note, and the columns in the list', async () => {
    const context = await instap.browser.newContext();
    const page = await context.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: `Betalingen voor ${DRUMS}` }).click();
    await page.getByRole('heading', { level: 1, name: `Betalingen voor ${DRUMS}` }).waitFor();
    await page.locator('.totals').getByText('Nog open').waitFor();
    await accessible(page, 'payments of an activity');

    // Two clicks: "Betaald aan de balie" (the amount still due is filled in), then "Bevestig".
    const row = page.getByRole('row', { name: /Ouder van Noah/ });
    await row.getByRole('button', { name: 'Betaald aan de balie voor Ouder van Noah' }).click();
    expect(await page.getByLabel('Bedrag in euro').inputValue()).toMatch(/^\d+,\d\d$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pay-confirm');
    await accessible(page, 'recording a payment');
    await page.getByRole('button', { name: 'Bevestig', exact: true }).click();
    await page.getByText(/van Ouder van Noah is geboekt \(aan de balie\)/).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ouder van Noah/ }).innerText()).toContain('Betaald');

    // A waiver needs a reason.
    await page.getByRole('button', { name: 'Kwijtschelden voor Ouder van Sara' }).click();
    await page.getByRole('button', { name: 'Bevestig kwijtschelden' }).click();
    await page.locator('#pay-note-error').getByText('Schrijf waarom, voor je collega’s.').waitFor();
    await page.getByLabel('Waarom?').fill('Afspraak met het OCMW');
    await page.getByRole('button', { name: 'Bevestig kwijtschelden' }).click();
    await page.getByText('De betaling van Ouder van Sara is kwijtgescholden.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ouder van Sara/ }).innerText()).toContain('Kwijtgescholden');

    // In parts: two halves a month apart are filled in; a sum that does not add up is refused.
    await page.getByRole('button', { name: 'In delen voor Ouder van Milan' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-0-amount');
    const first = await page.getByLabel('Bedrag van deel 1 in euro').inputValue();
    await page.getByLabel('Bedrag van deel 1 in euro').fill('0,01');
    await page.getByRole('button', { name: 'Bevestig het plan' }).click();
    await page.locator('#plan-0-amount-error').getByText('De delen moeten samen het bedrag zijn').waitFor();
    await page.getByLabel('Bedrag van deel 1 in euro').fill(first);
    await accessible(page, 'a plan in parts');
    await page.getByRole('button', { name: 'Bevestig het plan' }).click();
    await page.getByText('Ouder van Milan betaalt in 2 delen.', { exact: false }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ouder van Milan/ }).innerText()).toContain('In 2 delen');

    await page.getByLabel('Toon').selectOption('paid');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('row', { name: /Ouder van Milan/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Inschrijvingen', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Betaling' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ouder van Noah/ }).innerText()).toMatch(/Betaald\s[\s\S]*\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/);
    await accessible(page, 'registrations with payment columns');
    await context.close();
  });

  it('the bank file: a transfer with its communication is booked once; the rest is matched by hand', async () => {
    const swim = await activityId(SWIM);
    const paying = await register(swim, 'Gezin Bank');
    const other = await register(swim, 'Gezin Hand');
    const xml = STATEMENT.replaceAll(FAMILY_REF, paying.payment.reference.replace(/\D/g, ''));
    const context = await instap.browser.newContext();
    const page = await context.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: 'Bankbestand' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bankbestand' }).waitFor();
    await accessible(page, 'bank file');

    await page.getByRole('button', { name: 'Laad het bestand op' }).click();
    await page.locator('#bank-file-error').getByText('Kies het bestand dat je bank gaf').waitFor();
    await page.getByLabel('Bestand van je bank').setInputFiles({ name: 'rekening.csv', mimeType: 'text/csv', buffer: Buffer.from('IBAN;Bedrag\nBE68539007547034;8,00') });
    await page.getByRole('button', { name: 'Laad het bestand op' }).click();
    await page.locator('#bank-file-error').getByText('Dit is geen CAMT.053-bestand').waitFor();

    await page.getByLabel('Bestand van je bank').setInputFiles({ name: 'camt053.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByRole('button', { name: 'Laad het bestand op' }).click();
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    await expect.poll(() => page.locator('#bank-result').innerText()).toMatch(/betaling(en)? (is|zijn) geboekt/);
    await expect.poll(() => page.locator('#bank-result').innerText()).toContain('Gezin Bank');
    await accessible(page, 'bank file with its result');

    // A line without a communication: staff pick the family and book it.
    const line = page.getByRole('row').filter({ has: page.getByText('Geen gestructureerde mededeling') }).first();
    const choose = line.getByRole('combobox');
    const option = await choose.locator('option', { hasText: 'Gezin Hand' }).getAttribute('value');
    expect(option).toBe(other.id);
    await choose.selectOption(option!);
    await line.getByRole('button', { name: /^Boek/ }).click();
    await page.getByText(/is geboekt bij Gezin Hand\./).waitFor();
    const view = await (await fetch(`${instap.origin}/api/v1/registrations/${other.token}`)).json();
    expect(['paid', 'partly-paid']).toContain(view.payment.status);

    // The same file again books nothing new.
    await page.getByLabel('Bestand van je bank').setInputFiles({ name: 'camt053.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByRole('button', { name: 'Laad het bestand op' }).click();
    await page.getByText('Dit bestand was al opgeladen: er is niets nieuws geboekt.', { exact: false }).waitFor();
    await context.close();
  });
});
