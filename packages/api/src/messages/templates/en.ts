/** English: plain words, short sentences. */
import type { Catalogue } from './types.js';

const is = (n: number) => (n > 1 ? 'are' : 'is');
const has = (n: number) => (n > 1 ? 'have' : 'has');

export const en: Catalogue = {
  language: 'en',
  locale: 'en-GB',
  dir: 'ltr',
  hello: (name) => `Hello ${name},`,
  and: 'and',
  session: (date, start, end) => `${date}, from ${start} to ${end}`,
  at: (date, time) => `${date} at ${time}`,
  moreSessions: (n) => `And ${n} more times. You see all dates on your page.`,
  labels: {
    sessions: 'When:',
    where: 'Where:',
    bring: 'What to bring:',
    price: 'Price:',
    free: 'free',
    yourPage: 'See or stop your registration:',
    calendar: 'The attached file puts the dates in your calendar.',
    register: 'Register here:',
  },
  pay: {
    title: 'Paying:',
    due: (price) => `You pay ${price}.`,
    by: (date) => `Pay by ${date} at the latest.`,
    partly: (paid, left) => `You have already paid ${paid}. You still pay ${left}.`,
    plan: (price, date) => `${price} by ${date} at the latest`,
    paid: 'Paid, thank you.',
    nothing: 'You do not have to pay anything.',
    third: 'Does the OCMW/CPAS or another organisation pay for you? Tell us. Then you do not have to pay anything yourself.',
    wait: 'You pay nothing while you wait.',
    online: 'Pay online: open your page below. Choose "Pay online now" there.',
    transfer: 'By bank transfer:',
    iban: 'Account number',
    name: 'In the name of',
    amount: 'Amount',
    reference: 'Message',
    referenceHint: 'Copy the message exactly. That way we know that you paid.',
    scan: 'Your page also has a code for your banking app. You do not have to use it.',
    desk: 'At the desk:',
    deskText: 'Pay at the desk. Or at the first session.',
    hard: 'Is paying hard? Call us: we will find a solution together. You can pay in parts. Or someone else pays for you.',
  },
  questions: (org, phone) => `Questions? Call ${org} on ${phone}.`,
  bye: (org) => `See you soon!\n${org}`,
  kinds: {
    'registration-confirmed': (v) => ({
      subject: `${v.children} ${is(v.count)} registered for ${v.title}`,
      lines: [`Good news: ${v.children} ${has(v.count)} a place in ${v.title}.`, v.toPay ? 'Below you read how to pay.' : 'You do not need to do anything else.', 'Below you read when and where.'],
    }),
    'registration-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} ${is(v.count)} on the waiting list`,
      lines: [
        `${v.title} is full.`,
        `${v.children} ${is(v.count)} now on the waiting list.`,
        `You are number ${v.position}.`,
        'Is a place free? Then we send you a message.',
        'You pay nothing while you are on the waiting list.',
      ],
    }),
    'registration-lottery': (v) => ({
      subject: `${v.title}: we draw lots on ${v.drawAt}`,
      lines: [
        `We received your registration for ${v.title}.`,
        'There are more children than places.',
        'So we draw lots.',
        `We do that on ${v.drawAt}.`,
        'It does not matter when you registered.',
        'After the draw, we send you a message.',
      ],
    }),
    'draw-confirmed': (v) => ({
      subject: `${v.children} ${has(v.count)} a place in ${v.title}`,
      lines: ['We drew lots.', `Good news: ${v.children} ${has(v.count)} a place.`, v.toPay ? 'Below you read how to pay.' : 'You do not need to do anything else.', 'Below you read when and where.'],
    }),
    'draw-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} ${is(v.count)} on the waiting list`,
      lines: [
        'We drew lots.',
        `There was no place left for ${v.children}.`,
        ...(v.position ? [`You are number ${v.position} on the waiting list.`] : [`${v.children} ${is(v.count)} on the waiting list.`]),
        'Is a place free? Then we send you a message.',
      ],
    }),
    'offer-made': (v) => ({
      subject: `A place is free in ${v.title}`,
      lines: [
        `Good news: there is a place for ${v.children} in ${v.title}.`,
        `Do you want it? Tell us before ${v.expires}.`,
        'Open your page. Choose yes or no there.',
        'No answer? Then the place goes to someone else.',
      ],
      link: 'Say yes or no:',
    }),
    'offer-expired': (v) => ({
      subject: `${v.title}: the time to choose is over`,
      lines: [
        `A place was free in ${v.title}.`,
        'We did not get an answer in time.',
        'So the place went to someone else.',
        'Do you still want to join? Call us. We look for a way together.',
      ],
    }),
    'kanspas-not-valid': (v) => ({
      subject: `${v.title}: a new price`,
      lines: [
        'We checked your kanspas.',
        'We cannot use it for this registration.',
        `${v.children} ${is(v.count)} still registered. The place stays the same.`,
        `You now pay the normal price: ${v.newPrice}.`,
        'Do you have a new kanspas? Or is this not right? Then call us.',
      ],
    }),
    'interest-reopened': (v) => ({
      subject: v.opensAt ? `${v.title}: you can register from ${v.opensAt}` : `You can now register for ${v.title}`,
      lines: [
        `You asked us for a message about ${v.title}.`,
        v.opensAt ? `You can register from ${v.opensAt}.` : 'You can register again now.',
        v.hasLink ? 'Use the link below.' : 'Call us. We register together.',
        'Do not wait too long. There are not many places.',
      ],
    }),
    'appointment-received': (v) => ({
      subject: `${v.org} will contact you`,
      lines: [
        'We received your request for an appointment.',
        `We ${v.byPhone ? 'call' : 'e-mail'} you within ${v.workdays} working ${v.workdays === 1 ? 'day' : 'days'}.`,
        `So at the latest on ${v.by}.`,
        'You do not need to do anything.',
        'Nothing heard after that day? Then call us.',
      ],
    }),
  },
};
