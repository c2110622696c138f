import { drawId } from '@instap/core';
/**
 * The screens for fair allocation and for accounts, end to end in Chromium: a service runs the
 * draw (first too early, then for real), follows the waiting list and the offers, reads the
 * interest list; a city admin adds an organisation and changes a person's role and password;
 * everyone changes their own password. axe-core (WCAG 2.2 AA) on every screen, keyboard on forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, axe, PASSWORD, publicPost, signIn, startInstap, type Page } from './harness.js';

let instap: Awaited<ReturnType<typeof startInstap>>;
const TITLE = 'Kookkamp met loting';

async function accessible(page: Page, screen: string) {
  expect({ screen, violations: await axe(page) }).toEqual({ screen, violations: [] });
}

/** Tab from the top of the page until `name` has focus: the control is reachable by keyboard. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    if (text === name) return;
  }
  throw new Error(`"${name}" is not reachable with Tab`);
}

beforeAll(async () => {
  instap = await startInstap();
});
afterAll(() => instap?.close());

describe('allocation and account screens', () => {
  it('a service runs the draw, follows the waiting list and offers, and reads the interest list', async () => {
    const club = await apiAs(instap.origin, 'club@instap.demo');
    const day = 86_400_000;
    const start = new Date(Date.now() + 14 * day);
    const made = await club('POST', '/admin/organisations/demo/activities', {
      title: TITLE,
      summary: 'Samen koken en proeven. Je kind kookt elke dag een gerecht.',
      location: 'Jeugdhuis, Kortrijk',
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString() }],
      capacity: 1,
      priceCents: 2000,
      registration: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString(), mode: 'lottery', drawAt: new Date(Date.now() + 2 * day).toISOString() },
    });
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    const families = [
      { name: 'Gezin Amrani', phone: '0470 10 10 10', email: 'amrani@voorbeeld.be' },
      { name: 'Gezin Peeters', phone: '0470 20 20 20' },
      { name: 'Gezin Yilmaz', phone: '0470 30 30 30' },
    ];
    const ids: string[] = [];
    for (const f of families) {
      const r = await publicPost(instap.origin, `/activities/${id}/registrations`, { children: [{ firstName: `Kind ${f.name}`, birthYear: 2016 }], contact: f, kanspas: false, language: 'nl' });
      expect([r.status, r.json.status]).toEqual([201, 'lottery']);
      ids.push(r.json.id);
    }

    const page = await instap.browser.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: `Loting voor ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: `Loting voor ${TITLE}` }).waitFor();
    // Before the draw the console shows the commitment, never the seed.
    const before = await publicDraw(id);
    expect(before.seed).toBeUndefined();
    expect(await page.locator('.seed').textContent()).toBe(before.commitment);
    expect(await page.getByRole('link', { name: 'Bekijk de openbare pagina van de loting' }).getAttribute('href')).toBe(`/loting/${id}`);
    await accessible(page, 'draw before');

    // Too early: the window is still open. The reason is plain and takes focus.
    await page.getByRole('button', { name: 'Loot nu' }).click();
    await page.getByText('Het inschrijven is nog open.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await accessible(page, 'draw too early');

    const window = { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() - 60_000).toISOString(), mode: 'lottery', drawAt: new Date(Date.now() + 2 * day).toISOString() };
    const closed = await club('PATCH', `/admin/activities/${id}`, { registration: window });
    expect(closed, JSON.stringify(closed.json)).toMatchObject({ status: 200 });
    // By keyboard this time.
    await page.locator('h1').focus();
    await tabTo(page, 'Loot nu');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Uitslag' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(4);
    const short = (await rows.nth(1).getByRole('rowheader').textContent())!.trim();
    expect(ids.map(drawId)).toContain(short);
    expect(await page.locator('.seed').nth(1).textContent()).toBe((await publicDraw(id)).seed);
    expect(await page.getByRole('table').textContent()).toContain('Ingeschreven');
    await expect.poll(() => page.getByRole('button', { name: 'Loot nu' }).count()).toBe(0);
    await accessible(page, 'draw result');

    // Waiting list: the two others, in order. The confirmed family cancels: the first gets the offer.
    const draw = await publicDraw(id);
    // The public list has draw ids; staff know which registration each one is.
    const registrationOf = (drawn: string) => ids.find((x) => drawId(x) === drawn)!;
    const winner = registrationOf(draw.entries.find((e: any) => e.outcome === 'confirmed').id);
    const firstWaiting = registrationOf(draw.entries.find((e: any) => e.waitlistPosition === 1).id);
    expect((await club('POST', `/admin/registrations/${winner}/cancel`)).status).toBe(200);
    await page.goto(`${instap.origin}/admin/#/activities`);
    await page.getByRole('link', { name: `Wachtlijst voor ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: `Wachtlijst voor ${TITLE}` }).waitFor();
    const nameOf = (rid: string) => families[ids.indexOf(rid)]!.name;
    const offered = page.getByRole('table', { name: 'Gezinnen met een aangeboden plaats' });
    await offered.getByRole('rowheader', { name: nameOf(firstWaiting) }).waitFor();
    const offerRow = await offered.getByRole('row').nth(1).textContent();
    // A family with e-mail gets a deadline; one with only a phone waits for a call.
    if (families[ids.indexOf(firstWaiting)]!.email) expect(offerRow).toMatch(/\d{2}:\d{2}/);
    else expect(offerRow).toContain('Wacht op telefoon');
    const waiting = page.getByRole('table', { name: 'Gezinnen op de wachtlijst, in volgorde' });
    expect(await waiting.getByRole('row').count()).toBe(2);
    expect(await waiting.getByRole('row').nth(1).textContent()).toMatch(/^\s*1/);
    await accessible(page, 'waiting list');

    // Interest: before an activity opens, a family asks to hear when it does.
    const later = await club('POST', '/admin/organisations/demo/activities', {
      title: 'Muziekkamp',
      summary: 'Samen muziek maken.',
      location: 'Muziekschool, Kortrijk',
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString() }],
      capacity: 10,
      priceCents: 2000,
      registration: { opensAt: new Date(Date.now() + 7 * day).toISOString() },
    });
    expect((await publicPost(instap.origin, `/activities/${later.json.id}/interest`, { name: 'Gezin Haddad', phone: '0470 40 40 40', language: 'ar' })).status).toBe(201);
    await page.goto(`${instap.origin}/admin/#/activities`);
    await page.getByRole('link', { name: 'Interesse voor Muziekkamp' }).click();
    await page.getByRole('rowheader', { name: 'Gezin Haddad' }).waitFor();
    const row = await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Gezin Haddad' }) }).textContent();
    expect(row).toContain('Arabisch');
    expect(row).toContain('Nee');
    await accessible(page, 'interest list');
    await page.close();
  });

  it('a city admin adds an organisation, and changes a role and a password', async () => {
    const page = await instap.browser.newPage();
    await signIn(page, instap.origin, 'admin@instap.demo');
    await page.getByRole('link', { name: 'Organisaties', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await accessible(page, 'organisations');
    await page.getByRole('button', { name: 'Voeg de organisatie toe' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await accessible(page, 'organisations with errors');
    await page.getByRole('link', { name: /Geef een korte naam/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-slug');
    await page.getByLabel('Naam', { exact: true }).fill('Muziekschool Kortrijk');
    await page.getByLabel('Korte naam').fill('demo');
    await page.getByLabel('Telefoonnummer voor families').fill('056 27 00 00');
    await page.getByLabel(/Websites/).fill('https://www.muziekschool.example');
    await page.getByRole('button', { name: 'Voeg de organisatie toe' }).click();
    // The slug is taken: the server says so, beside the field.
    await page.locator('#f-slug-error').getByText('Deze korte naam is al in gebruik.').waitFor();
    await page.getByLabel('Korte naam').fill('muziekschool');
    await page.getByRole('button', { name: 'Voeg de organisatie toe' }).click();
    await page.getByText('Muziekschool Kortrijk is toegevoegd.').waitFor();
    await page.getByRole('rowheader', { name: 'Muziekschool Kortrijk' }).waitFor();

    const admin = await apiAs(instap.origin, 'admin@instap.demo');
    const made = await admin('POST', '/admin/users', { email: 'docent@muziekschool.example', name: 'Docent Lies', role: 'organisation-staff', organisation: 'muziekschool', password: 'lies-haar-wachtwoord' });
    expect(made.status).toBe(201);
    await page.getByRole('link', { name: 'Gebruikers', exact: true }).click();
    await page.getByRole('link', { name: 'Wijzig rol of wachtwoord van Docent Lies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijzig Docent Lies' }).waitFor();
    await accessible(page, 'edit user');
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Bewaar de wijziging' }).click();
    await page.getByRole('link', { name: 'Een wachtwoord heeft minstens 12 tekens.' }).waitFor();
    await accessible(page, 'edit user with errors');
    await page.getByLabel('Rol').selectOption('organisation-admin');
    await page.getByLabel('Nieuw wachtwoord').fill('lies-nieuw-wachtwoord');
    await page.getByRole('button', { name: 'Bewaar de wijziging' }).click();
    await page.getByText('De wijziging is bewaard.').waitFor();
    const users = (await admin('GET', '/admin/users')).json.users;
    expect(users.find((u: any) => u.email === 'docent@muziekschool.example').role).toBe('organisation-admin');
    await page.close();
  });

  it('a signed-in person changes their own password with the current one', async () => {
    const page = await instap.browser.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.getByRole('link', { name: 'Mijn wachtwoord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijzig je wachtwoord' }).waitFor();
    await accessible(page, 'own password');
    await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('club-nieuw-wachtwoord');
    await page.getByLabel('Nieuw wachtwoord nog eens').fill('club-nieuw-wachtwoord');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Dit is niet je huidige wachtwoord.' }).waitFor();
    expect(await page.locator('#f-currentPassword-error').textContent()).toContain('Dit is niet je huidige wachtwoord.');
    await accessible(page, 'own password with errors');
    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Wijzig je wachtwoord' }).click();
    await page.getByText('Je wachtwoord is gewijzigd.').waitFor();
    const back = await fetch(`${instap.origin}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: instap.origin },
      body: JSON.stringify({ email: 'club@instap.demo', password: 'club-nieuw-wachtwoord' }),
    });
    expect(back.status).toBe(200);
    await page.close();
  });
});

async function publicDraw(id: string) {
  return (await fetch(`${instap.origin}/api/v1/activities/${id}/draw`)).json();
}
