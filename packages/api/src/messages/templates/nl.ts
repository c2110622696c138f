/** Dutch: short sentences, everyday words, "je". The tests measure every message (Flesch–Douma ≥ 70). */
import type { Catalogue } from './types.js';

const is = (n: number) => (n > 1 ? 'zijn' : 'is');
const has = (n: number) => (n > 1 ? 'hebben' : 'heeft');
const stands = (n: number) => (n > 1 ? 'staan' : 'staat');
const stays = (n: number) => (n > 1 ? 'blijven' : 'blijft');

export const nl: Catalogue = {
  language: 'nl',
  locale: 'nl-BE',
  dir: 'ltr',
  hello: (name) => `Dag ${name},`,
  and: 'en',
  session: (date, start, end) => `${date}, van ${start} tot ${end}`,
  at: (date, time) => `${date} om ${time}`,
  moreSessions: (n) => `En nog ${n} keer. Je ziet alle dagen op je pagina.`,
  labels: {
    sessions: 'Wanneer:',
    where: 'Waar:',
    bring: 'Wat breng je mee:',
    price: 'Prijs:',
    free: 'gratis',
    yourPage: 'Je inschrijving bekijken of stoppen:',
    calendar: 'In de bijlage zit een bestand voor je agenda.',
    register: 'Hier kun je inschrijven:',
  },
  pay: {
    title: 'Betalen:',
    due: (price) => `Je betaalt ${price}.`,
    by: (date) => `Betaal ten laatste op ${date}.`,
    partly: (paid, left) => `Je betaalde al ${paid}. Je betaalt nog ${left}.`,
    plan: (price, date) => `${price} ten laatste op ${date}`,
    paid: 'Betaald, dank je.',
    nothing: 'Je hoeft niets te betalen.',
    third: 'Betaalt het OCMW of een andere organisatie voor jou? Zeg het ons. Dan hoef je zelf niets te betalen.',
    wait: 'Je betaalt niets zolang je wacht.',
    online: 'Online betalen: open je pagina hieronder. Kies daar "Betaal nu online".',
    transfer: 'Met een overschrijving:',
    iban: 'Rekeningnummer',
    name: 'Op naam van',
    amount: 'Bedrag',
    reference: 'Mededeling',
    referenceHint: 'Neem de mededeling precies over. Zo weten we dat jij betaalde.',
    scan: 'Op je pagina staat ook een code voor je bank-app. Die hoef je niet te gebruiken.',
    desk: 'Aan de balie:',
    deskText: 'Betaal aan de balie. Of bij de eerste keer.',
    hard: 'Is betalen moeilijk? Bel ons: we zoeken samen een oplossing. Je kan in delen betalen. Of iemand anders betaalt voor jou.',
  },
  questions: (org, phone) => `Vragen? Bel ${org} op ${phone}.`,
  bye: (org) => `Tot snel!\n${org}`,
  kinds: {
    'registration-confirmed': (v) => ({
      subject: `${v.children} ${is(v.count)} ingeschreven voor ${v.title}`,
      lines: [`Goed nieuws: ${v.children} ${has(v.count)} een plaats in ${v.title}.`, v.toPay ? 'Kies hieronder hoe je betaalt.' : 'Je hoeft niets meer te doen.', 'Hieronder lees je wanneer en waar.'],
    }),
    'registration-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} ${stands(v.count)} op de wachtlijst`,
      lines: [
        `${v.title} is vol.`,
        `${v.children} ${stands(v.count)} nu op de wachtlijst.`,
        `Jullie zijn nummer ${v.position}.`,
        'Komt er een plaats vrij? Dan krijg je een bericht.',
        'Je betaalt niets zolang je op de wachtlijst staat.',
      ],
    }),
    'registration-lottery': (v) => ({
      subject: `${v.title}: we loten op ${v.drawAt}`,
      lines: [
        `We kregen je inschrijving voor ${v.title}.`,
        'Er zijn meer kinderen dan plaatsen.',
        'Daarom trekken we lot.',
        `Dat doen we op ${v.drawAt}.`,
        'Het maakt niet uit wanneer je je inschreef.',
        'Na de loting krijg je een bericht.',
      ],
    }),
    'draw-confirmed': (v) => ({
      subject: `${v.children} ${has(v.count)} een plaats in ${v.title}`,
      lines: ['We hebben lot getrokken.', `Goed nieuws: ${v.children} ${has(v.count)} een plaats.`, v.toPay ? 'Kies hieronder hoe je betaalt.' : 'Je hoeft niets meer te doen.', 'Hieronder lees je wanneer en waar.'],
    }),
    'draw-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} ${stands(v.count)} op de wachtlijst`,
      lines: [
        'We hebben lot getrokken.',
        `Er was geen plaats meer voor ${v.children}.`,
        ...(v.position ? [`Jullie zijn nummer ${v.position} op de wachtlijst.`] : [`${v.children} ${stands(v.count)} op de wachtlijst.`]),
        'Komt er een plaats vrij? Dan krijg je een bericht.',
      ],
    }),
    'offer-made': (v) => ({
      subject: `Er is een plaats vrij in ${v.title}`,
      lines: [
        `Goed nieuws: er is plaats voor ${v.children} in ${v.title}.`,
        `Wil je de plaats? Zeg het ons voor ${v.expires}.`,
        'Open je pagina. Kies daar ja of nee.',
        'Zeg je niets? Dan gaat de plaats naar iemand anders.',
      ],
      link: 'Zeg ja of nee:',
    }),
    'offer-expired': (v) => ({
      subject: `${v.title}: de tijd om te kiezen is voorbij`,
      lines: [
        `Er was een plaats vrij in ${v.title}.`,
        'We kregen geen antwoord op tijd.',
        'Daarom ging de plaats naar iemand anders.',
        'Wil je toch nog meedoen? Bel ons. We zoeken samen wat kan.',
      ],
    }),
    'kanspas-not-valid': (v) => ({
      subject: `${v.title}: een nieuwe prijs`,
      lines: [
        'We hebben je kanspas nagekeken.',
        'We kunnen hem niet gebruiken voor deze inschrijving.',
        `${v.children} ${stays(v.count)} ingeschreven. Er verandert niets aan de plaats.`,
        `Je betaalt nu de gewone prijs: ${v.newPrice}.`,
        'Heb je een nieuwe kanspas? Of klopt dit niet? Bel ons dan.',
      ],
    }),
    'interest-reopened': (v) => ({
      subject: v.opensAt ? `${v.title}: inschrijven kan vanaf ${v.opensAt}` : `Je kunt nu inschrijven voor ${v.title}`,
      lines: [
        `Je vroeg ons om een bericht over ${v.title}.`,
        v.opensAt ? `Inschrijven kan vanaf ${v.opensAt}.` : 'Inschrijven kan nu weer.',
        v.hasLink ? 'Gebruik de link hieronder.' : 'Bel ons. Dan schrijven we je samen in.',
        'Wacht niet te lang. Er zijn niet veel plaatsen.',
      ],
    }),
    'appointment-received': (v) => ({
      subject: `${v.org} neemt contact met je op`,
      lines: [
        'We kregen je vraag voor een afspraak.',
        `We ${v.byPhone ? 'bellen' : 'mailen'} je binnen ${v.workdays} ${v.workdays === 1 ? 'werkdag' : 'werkdagen'}.`,
        `Dus ten laatste op ${v.by}.`,
        'Je hoeft niets te doen.',
        'Nog niets gehoord na die dag? Bel ons dan zelf.',
      ],
    }),
  },
};
