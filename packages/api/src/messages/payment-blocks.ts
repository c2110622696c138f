/**
 * How to pay, as blocks of a message about a place: the amount and by when, each way the club
 * takes (online through the family's page, the transfer details, the desk) and what to do when
 * paying is hard. A waiting family reads that it pays nothing while it waits.
 */
import type { Payment } from '@instap/core';
import { formatCents } from '@instap/core';
import { dayText, priceText } from './format.js';
import type { Block } from './render.js';
import type { Catalogue } from './templates/index.js';

/** IBANs, amounts and the structured communication stay left to right inside Arabic text (LRI … PDI). */
const ltr = (cat: Catalogue, s: string) => (cat.dir === 'rtl' ? `\u2066${s}\u2069` : s);
const money = (cat: Catalogue, cents: number) => ltr(cat, formatCents(cents, cat.locale));
/** "BE68539007547034" → "BE68 5390 0754 7034", as printed on a bank card. */
const groups = (iban: string) => iban.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** Something is still to pay: the message must not say "nothing more to do". */
export const toPay = (p: Payment | undefined, priceCents: number) =>
  p ? p.status === 'open' || p.status === 'partly-paid' : priceCents > 0;

/** The payment part of a confirmation; without a payment (an old record) the price as before. */
export function paymentBlocks(p: Payment | undefined, cat: Catalogue, priceCents: number): Block[] {
  const c = cat.pay;
  if (!p) return [{ title: cat.labels.price, items: [priceText(priceCents, cat)] }];
  if (p.status === 'paid') return [{ title: c.title, items: [c.paid] }];
  // A confirmation with nothing due: it is free.
  if (p.status !== 'open' && p.status !== 'partly-paid') return [{ title: c.title, items: [c.nothing] }];
  const left = p.amountCents - p.paidCents;
  const blocks: Block[] = [
    {
      title: c.title,
      items: [
        [p.paidCents > 0 ? c.partly(money(cat, p.paidCents), money(cat, left)) : c.due(money(cat, p.amountCents)), p.dueAt ? c.by(dayText(p.dueAt, cat)) : ''].filter(Boolean).join(' '),
        ...(p.instalments ?? []).map((i) => c.plan(money(cat, i.amountCents), dayText(i.dueAt, cat))),
      ],
    },
  ];
  for (const way of p.methods) {
    if (way === 'online' && p.onlineUrl) blocks.push({ p: c.online });
    if (way === 'third-party') blocks.push({ p: c.third });
    if (way === 'desk') blocks.push({ title: c.desk, items: [c.deskText, ...(p.desk?.text ? [p.desk.text] : [])] });
    const t = p.transfer;
    if (way === 'transfer' && t)
      blocks.push(
        {
          title: c.transfer,
          items: [`${c.iban}: ${ltr(cat, groups(t.iban))}`, `${c.name}: ${t.beneficiary}`, `${c.amount}: ${money(cat, t.amountCents)}`, `${c.reference}: ${ltr(cat, t.reference)}`],
        },
        { p: [c.referenceHint, ...(t.epc ? [c.scan] : [])].join(' ') },
      );
  }
  blocks.push({ p: c.hard });
  return blocks;
}
