/**
 * Turns a MessageInput into the words that go out: subject, plain text, simple HTML and, for a
 * confirmed place, the sessions as an .ics file. Pure (the clock and origin are passed in), so the
 * mailbox, the call list and the tests see exactly what a family receives.
 */
import { calendarIcs } from '@instap/core/calendar';
import type { Language } from '@instap/core';
import { calendarDayText, joinNames, momentText, priceText, sessionText } from './format.js';
import type { FamilyMessage, MessageInput } from './kinds.js';
import { paymentBlocks, toPay } from './payment-blocks.js';
import { catalogueFor, type Catalogue, type Texts, type Vars } from './templates/index.js';
import { appointmentRequestedNl, signInLinkNl } from './templates/staff-nl.js';

export type Block = { p: string } | { title: string; items: string[] } | { label: string; url: string };

export interface Rendered {
  language: Language;
  subject: string;
  text: string;
  html: string;
  ics: string | null;
  icsName: string | null;
}

export interface RenderContext {
  now: Date;
  publicOrigin: string;
}

/** At most this many sessions are listed; a long series points to the family's page for the rest. */
const MAX_LISTED_SESSIONS = 12;

export const familyLink = (publicOrigin: string, token: string) => `${publicOrigin.replace(/\/$/, '')}/r/${encodeURIComponent(token)}`;

export function renderMessage(m: MessageInput, language: Language, ctx: RenderContext): Rendered {
  if (m.kind === 'appointment-requested') return renderStaff(m, ctx);
  if (m.kind === 'sign-in-link') return renderSignInLink(m);
  const cat = catalogueFor(language);
  const { texts, blocks, ics } = familyParts(m, cat, ctx);
  const organisation = m.kind === 'appointment-received' ? m.organisation : m.activity.organisation;
  const all: Block[] = [
    { p: cat.hello(m.to.name) },
    ...texts.lines.map((p) => ({ p })),
    ...blocks,
    { p: cat.questions(organisation.name, organisation.phone) },
    { p: cat.bye(organisation.name) },
  ];
  return {
    language: cat.language,
    subject: texts.subject,
    text: toText(all),
    html: toHtml(all, texts.subject, cat.language, cat.dir),
    ics: ics?.text ?? null,
    icsName: ics?.name ?? null,
  };
}

function familyParts(m: FamilyMessage, cat: Catalogue, ctx: RenderContext): { texts: Texts; blocks: Block[]; ics?: { text: string; name: string } } {
  const k = cat.kinds;
  if (m.kind === 'appointment-received') {
    const byPhone = Boolean(m.to.phone);
    return { texts: k['appointment-received']({ org: m.organisation.name, phone: m.organisation.phone, workdays: m.contactWithinWorkdays, by: calendarDayText(m.contactBy, cat), byPhone }), blocks: [] };
  }
  const a = m.activity;
  const sessions = sessionBlock(a.sessions, cat);
  const where: Block = { title: cat.labels.where, items: [a.location] };
  const bring: Block[] = a.whatToBring.length ? [{ title: cat.labels.bring, items: [...a.whatToBring] }] : [];
  if (m.kind === 'interest-reopened') {
    const texts = k['interest-reopened']({ title: a.title, org: a.organisation.name, phone: a.organisation.phone, opensAt: m.opensAt ? momentText(m.opensAt, cat) : null, hasLink: Boolean(m.registerUrl) });
    return { texts, blocks: [sessions, where, ...(m.registerUrl ? [{ label: cat.labels.register, url: m.registerUrl }] : [])] };
  }
  const r = m.registration;
  const v: Vars = { children: joinNames(r.children, cat.and), count: r.children.length, title: a.title, org: a.organisation.name, phone: a.organisation.phone, price: priceText(r.priceCents, cat) };
  const price: Block = { title: cat.labels.price, items: [v.price] };
  // A place: how to pay. Waiting (list or draw): nothing to pay while waiting.
  const pay = paymentBlocks(r.payment, cat, r.priceCents);
  const waiting: Block = { p: cat.pay.wait };
  const owing = toPay(r.payment, r.priceCents);
  let texts: Texts;
  let details: Block[];
  let withCalendar = false;
  switch (m.kind) {
    case 'registration-confirmed':
      [texts, details, withCalendar] = [k['registration-confirmed']({ ...v, toPay: owing }), [sessions, where, ...bring, ...pay], true];
      break;
    case 'registration-waitlisted':
      [texts, details] = [k['registration-waitlisted']({ ...v, position: m.waitlistPosition }), [sessions, where, price]];
      break;
    case 'registration-lottery':
      [texts, details] = [k['registration-lottery']({ ...v, drawAt: momentText(m.drawAt, cat) }), [waiting, sessions, where, price]];
      break;
    case 'draw-result':
      withCalendar = m.status === 'confirmed';
      texts = withCalendar ? k['draw-confirmed']({ ...v, toPay: owing }) : k['draw-waitlisted']({ ...v, position: m.waitlistPosition ?? null });
      details = withCalendar ? [sessions, where, ...bring, ...pay] : [waiting];
      break;
    case 'offer-made':
      [texts, details] = [k['offer-made']({ ...v, expires: momentText(m.offerExpiresAt, cat) }), [sessions, where, price]];
      break;
    case 'offer-expired':
      [texts, details] = [k['offer-expired'](v), []];
      break;
    case 'kanspas-not-valid':
      [texts, details] = [k['kanspas-not-valid']({ ...v, newPrice: priceText(m.newPriceCents, cat) }), []];
      break;
  }
  const blocks: Block[] = [...details, ...(withCalendar ? [{ p: cat.labels.calendar }] : []), { label: texts.link ?? cat.labels.yourPage, url: familyLink(ctx.publicOrigin, r.token) }];
  const ics = withCalendar
    ? {
        name: `${fileName(a.title)}.ics`,
        text: calendarIcs({
          uid: r.id,
          title: a.title,
          location: a.location,
          description: `${a.organisation.name}, ${a.organisation.phone}\n${familyLink(ctx.publicOrigin, r.token)}`,
          sessions: a.sessions,
          domain: hostOf(ctx.publicOrigin),
          now: ctx.now,
        }),
      }
    : undefined;
  return { texts, blocks, ics };
}

function sessionBlock(sessions: readonly { startsAt: string; endsAt: string }[], cat: Catalogue): Block {
  const items = sessions.slice(0, MAX_LISTED_SESSIONS).map((s) => sessionText(s, cat));
  if (sessions.length > MAX_LISTED_SESSIONS) items.push(cat.moreSessions(sessions.length - MAX_LISTED_SESSIONS));
  return { title: cat.labels.sessions, items };
}

function renderStaff(m: Extract<MessageInput, { kind: 'appointment-requested' }>, ctx: RenderContext): Rendered {
  const nl = catalogueFor('nl');
  const t = appointmentRequestedNl(m, { slotMoment: m.slot ? momentText(m.slot.startsAt, nl) : null, by: calendarDayText(m.contactBy, nl) });
  const blocks: Block[] = [
    ...t.intro.map((p) => ({ p })),
    { title: 'Gegevens:', items: t.facts },
    ...t.outro.map((p) => ({ p })),
    { label: 'Alle afspraken:', url: `${ctx.publicOrigin.replace(/\/$/, '')}/admin` },
  ];
  return { language: 'nl', subject: t.subject, text: toText(blocks), html: toHtml(blocks, t.subject, 'nl', 'ltr'), ics: null, icsName: null };
}

function renderSignInLink(m: Extract<MessageInput, { kind: 'sign-in-link' }>): Rendered {
  const nl = catalogueFor('nl');
  const until = new Intl.DateTimeFormat(nl.locale, { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(m.expiresAt));
  const t = signInLinkNl(m, { until });
  const blocks: Block[] = [...t.intro.map((p) => ({ p })), { label: 'Meld aan:', url: m.url }, ...t.outro.map((p) => ({ p }))];
  return { language: 'nl', subject: t.subject, text: toText(blocks), html: toHtml(blocks, t.subject, 'nl', 'ltr'), ics: null, icsName: null };
}

export function toText(blocks: Block[]): string {
  return (
    blocks
      .map((b) => ('p' in b ? b.p : 'items' in b ? [b.title, ...b.items.map((i) => `- ${i}`)].join('\n') : `${b.label}\n${b.url}`))
      .join('\n\n') + '\n'
  );
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Simple, inline-styled HTML: mail clients drop style sheets, and big text helps on a phone. */
export function toHtml(blocks: Block[], subject: string, lang: string, dir: 'ltr' | 'rtl'): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p).replace(/\n/g, '<br>')}</p>`;
      if ('items' in b) return `<p style="margin-bottom:0"><strong>${escapeHtml(b.title)}</strong></p><ul style="margin-top:4px">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
      return `<p>${escapeHtml(b.label)}<br><a href="${escapeHtml(b.url)}" style="font-size:18px">${escapeHtml(b.url)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>\n<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:Arial,sans-serif;font-size:17px;line-height:1.5;max-width:36em;margin:0 auto;padding:16px">\n${body}\n</body></html>\n`;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host || 'instap';
  } catch {
    return 'instap';
  }
}

/** "Zwemlessen voor beginners" → "zwemlessen-voor-beginners", safe in every mail client. */
function fileName(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii.slice(0, 60) || 'agenda';
}
