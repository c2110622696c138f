// Activity texts in the family's language: the service writes them in the console, the API serves them.
import { $, $$, activity, click, eq, heading, json, mount, settle, stubFetch, text, until, type Call } from '../testing/helpers.js';
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

  it('a slow answer still comes in the family’s language', async () => {
    const calls = stubFetch({ 'GET /activities/act-zwem': async (c) => (await new Promise((r) => setTimeout(r, 100)), byLanguage(c)) });
    el = await mount({ activity: 'act-zwem', lang: 'fr' });
    await until(el, () => heading(el!) === 'Cours de natation', 'the French title');
    eq(new URL(calls[0]!.url).searchParams.get('lang'), 'fr', 'asked in French at once');
  });

  it('Dutch texts inside an Arabic screen carry their own language and direction', async () => {
    stubFetch({ 'GET /activities/act-zwem': byLanguage });
    el = await mount({ activity: 'act-zwem', lang: 'ar' });
    await until(el, () => $(el!, '.root')!.getAttribute('dir') === 'rtl', 'the Arabic screen');
    const title = $(el, '[data-heading]')!;
    eq(title.getAttribute('lang'), 'nl');
    eq(title.getAttribute('dir'), 'auto');
    eq(getComputedStyle(title).direction, 'ltr');
    for (const e of $$(el, '.content [lang="nl"]')) eq(e.getAttribute('dir'), 'auto');
    eq($$(el, '.content [lang="nl"]').length, 4, 'title, summary, place, what to bring');
    // The back link points the way of the text: right to left.
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    eq(getComputedStyle($(el, '.back')!, '::before').content, '"› "');
  });

  const pick = async (lang: string) => {
    const select = $<HTMLSelectElement>(el!, 'select')!;
    select.value = lang;
    select.dispatchEvent(new Event('change'));
    await settle(el!);
  };

  it('the language picked in the switch stays after a reload, over the page’s lang', async () => {
    stubFetch({ 'GET /activities/act-zwem': byLanguage });
    el = await mount({ activity: 'act-zwem', lang: 'nl' });
    await pick('ar');
    eq($(el, '.root')!.getAttribute('lang'), 'ar');
    el.remove();
    el = await mount({ activity: 'act-zwem', lang: 'nl' });
    await until(el, () => $(el!, '.root')!.getAttribute('lang') === 'ar', 'Arabic again');
    eq($(el, '.root')!.getAttribute('dir'), 'rtl');
    // Moving the element on the page keeps it too.
    document.body.prepend(el);
    await settle(el);
    eq($(el, '.root')!.getAttribute('lang'), 'ar');
  });

  it('errors on show follow the language switch', async () => {
    stubFetch({ 'GET /activities/act-zwem': byLanguage });
    el = await mount();
    await click(el, 'Schrijf in');
    await click(el, 'Doorgaan');
    eq($(el, '.error-summary h2')!.textContent!.trim(), 'Er is een probleem');
    eq($(el, '.error-summary a')!.textContent!.trim(), 'Vul de voornaam van je kind in.');
    await pick('en');
    await until(el, () => $(el!, '.error-summary h2')?.textContent?.trim() === 'There is a problem', 'the English summary');
    eq($(el, '.error-summary a')!.textContent!.trim(), 'Enter the first name of your child.');
    eq($(el, '#child-0-firstName-error')!.textContent!.trim(), 'Enter the first name of your child.');
    eq(text(el).includes('Vul de voornaam'), false);
  });
});
