/**
 * Staff see registrations that look like a script's flagged, choose them and cancel them at
 * once; the freed place goes to the waiting family. End to end in Chromium, axe-core clean.
 * The "script" pays every proof-of-work the server asks for, from one address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeOf, solveProof } from '../../../packages/api/src/testing/proof.js';
import { axe, PASSWORD, signIn, startInstap } from './harness.js';

let instap: Awaited<ReturnType<typeof startInstap>>;
const TITLE = 'Voetbalkamp met veel inschrijvingen';

beforeAll(async () => {
  instap = await startInstap();
});
afterAll(() => instap?.close());

async function staffApi(email: string) {
  const res = await fetch(`${instap.origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: instap.origin },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await res.json();
  return async (method: string, path: string, body?: unknown) =>
    (
      await fetch(`${instap.origin}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, origin: instap.origin, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json();
}

/** A registration as a script sends it from this machine: it pays the proof when asked. */
async function scripted(activityId: string, body: unknown) {
  const send = (proof?: string) =>
    fetch(`${instap.origin}/api/v1/activities/${activityId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...(proof ? { 'instap-proof': proof } : {}) },
      body: JSON.stringify(body),
    });
  let res = await send();
  if (res.status === 428) res = await send(await solveProof(challengeOf(res.headers)!));
  return res.json();
}

describe('suspicious registrations', () => {
  it('are flagged, chosen together and cancelled at once; the waiting family gets the place', async () => {
    const club = await staffApi('club@instap.demo');
    const start = new Date(Date.now() + 14 * 86_400_000);
    const { id } = await club('POST', '/admin/organisations/demo/activities', {
      title: TITLE,
      location: 'Sporthal, Kortrijk',
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString() }],
      capacity: 6,
      priceCents: 2000,
      registration: { opensAt: new Date(Date.now() - 86_400_000).toISOString() },
    });
    for (let i = 0; i < 6; i++)
      expect((await scripted(id, { children: [{ firstName: `Bot ${i}`, birthYear: 2016 }], contact: { name: `Script ${i}`, email: `bot${i}@example.be` }, kanspas: false, language: 'nl' })).status).toBe('confirmed');
    // A family registered at the desk, on the waiting list (the console is never limited).
    const fatima = { children: [{ firstName: 'Amira', birthYear: 2017 }], contact: { name: 'Fatima', phone: '0470 12 34 56' }, kanspas: false, language: 'nl', familyAgreed: true };
    expect((await club('POST', `/admin/activities/${id}/registrations`, fatima)).status).toBe('waitlisted');

    const page = await instap.browser.newPage();
    await signIn(page, instap.origin, 'club@instap.demo');
    await page.goto(`${instap.origin}/admin/#/activities/${id}/registrations`);
    await page.getByRole('rowheader', { name: /Script 0/ }).waitFor();
    expect(await page.getByRole('rowheader', { name: /Script 0/ }).textContent()).toContain('6 inschrijvingen vanaf één adres');
    expect({ violations: await axe(page) }).toEqual({ violations: [] });

    await page.getByLabel('Toon').selectOption('flagged');
    await page.getByRole('button', { name: /Kies alle 6 die opvallen/ }).click();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Annuleer de gekozen inschrijvingen (6)' }).click();
    await page.getByText('6 inschrijvingen geannuleerd. 1 gezin van de wachtlijst kreeg een plaats aangeboden.').waitFor();
    expect({ violations: await axe(page) }).toEqual({ violations: [] });

    const list = (await club('GET', `/admin/activities/${id}/registrations`)).registrations as { status: string; contact: { name: string } }[];
    expect(list.filter((r) => r.status === 'cancelled')).toHaveLength(6);
    expect(list.find((r) => r.contact.name === 'Fatima')!.status).toBe('offered');
    await page.close();
  });
});
