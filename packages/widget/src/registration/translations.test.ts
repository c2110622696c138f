// Activity texts in the family's language: the service writes them in the console, the API serves them.
import { activity, eq, heading, json, mount, settle, stubFetch, until, type Call } from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;
const byLanguage = (c: Call) =>
  new URL(c.url).searchParams.get('lang') === 'fr'
    ? json(200, activity({ language: 'fr', title: 'Cours de natation', summary: 'Apprendre à nager en petits groupes.' }))
    : json(200, activity());

describe('activity texts per language', () => {
  it('asks for the texts in the family’s language, and follows the language switch', async () => {
    const calls = stubFetch({ 'GET /activities/act-zwem': byLanguage });
    el = await mount({ activity: 'act-zwem', lang: 'fr' });
    await until(el, () => heading(el!) === 'Cours de natation', 'the French title');
    eq(calls.some((c) => new URL(c.url).searchParams.get('lang') === 'fr'), true);
    await el.setLanguage('nl');
    await settle(el);
    await until(el, () => heading(el!) === 'Zwemles voor kinderen', 'the Dutch title');
  });

  it('asks nothing extra in Dutch', async () => {
    const calls = stubFetch({ 'GET /activities/act-zwem': byLanguage });
    el = await mount();
    eq(heading(el), 'Zwemles voor kinderen');
    eq(calls.length, 1);
    eq(new URL(calls[0]!.url).search, '');
  });
});
