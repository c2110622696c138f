/**
 * Dutch texts of the screens that load later (the family's own view, the interest list, the
 * appointment). They travel in a chunk of their own, so the script-tag file stays small. Every
 * other language has these keys in its one catalogue (type `Messages & More`).
 */
const more = {
  // The activity when registering is not possible (not open yet, closed, waiting for the draw).
  notOpen: (date: string) => `Inschrijven kan nog niet. Het kan vanaf ${date}.`,
  closedText: 'Inschrijven is gesloten.',
  awaitingDraw: (date: string) => `Inschrijven is gesloten. Op ${date} loten we wie een plaats krijgt.`,
  callToJoin: (org: string) => `Wil je toch meedoen? Bel ${org}.`,
  callQuestions: (org: string) => `Heb je een vraag? Bel ${org}.`,
  interestStart: 'Laat me weten wanneer ik kan inschrijven',
  closedNow: 'Inschrijven kan nu niet meer.',
  notOpenNow: 'Inschrijven kan nog niet.',

  // The family's own view (token).
  viewTitle: (title: string) => `Je inschrijving voor ${title}`,
  viewNotFound: 'We vinden deze inschrijving niet.',
  statusOffered: 'Er is een plaats vrij voor jou. Bel ons om die plaats te nemen.',
  cancelLabel: 'Annuleer de inschrijving',
  cancelQ: (names: string) => `Wil je de inschrijving van ${names} annuleren?`,
  cancelText: 'Je plaats gaat dan naar een ander gezin.',
  cancelYes: 'Ja, annuleer',
  cancelNo: 'Nee, ga terug',
  cancelledTitle: 'Je inschrijving is geannuleerd',
  cancelledText: 'Je plaats gaat naar een ander gezin.',
  drawLink: 'Bekijk hoe we loten',
  /** Before the code that finds the family's line on the public draw page. */
  drawCode: 'Je code in de loting:',
  kanspasNotValid: (price: string) =>
    `We konden je kansenpas niet bevestigen. Je inschrijving blijft. Je betaalt vanaf nu het gewone tarief: ${price}.`,
  questionsCall: (org: string) => `Vragen? Bel ${org}.`,
  /** UiTPAS's own social tariff for one child, where it differs from the club's. */
  uitpasPrice: (name: string, price: string) => `Met de UiTPAS van ${name} betaal je ${price}.`,
  /** Before UiTPAS's own message for the passholder (always in Dutch, as UiTPAS wrote it). */
  uitpasSays: 'UiTPAS zegt:',

  // A place from the waiting list.
  offerTitle: (names: string) => `Er is een plaats vrij voor ${names}!`,
  // "18:00" → "18 uur", "18:30" → "18.30 uur": how people in Flanders say it.
  offerBy: (date: string, time: string) => `Zeg ja voor ${date} om ${time.replace(/^0?(\d+)[:.](\d\d)$/, (_, h, mm) => (mm === '00' ? h : `${h}.${mm}`))} uur.`,
  offerCall: 'We bellen je hierover.',
  offerAccept: 'Ja, ik neem de plaats',
  offerDecline: 'Nee, geef de plaats door',
  declineQ: 'Wil je de plaats doorgeven?',
  declineText: 'Een ander gezin krijgt dan deze plaats.',
  declineYes: 'Ja, geef de plaats door',
  declinedTitle: 'Je hebt de plaats doorgegeven',
  acceptedTitle: 'De plaats is voor jou',
  offerExpired: 'Deze plaats is niet meer vrij. Bel ons als je nog een plaats wil.',
  offerUsed: 'Je hebt al geantwoord op deze plaats. Bel ons als je iets wil veranderen.',
  offerNotFound: 'We vinden deze plaats niet meer. Bel ons als je nog een plaats wil.',

  // "Tell me when I can register".
  interestText: 'We laten je weten wanneer je kan inschrijven.',
  interestSend: 'Laat het me weten',
  interestDoneTitle: 'Je staat op de lijst',
  interestDone: 'We laten het je weten zodra je kan inschrijven.',

  // "Make an appointment": a person calls the family.
  apIntro: (org: string) => `Iemand van ${org} neemt contact met je op. Samen zoeken jullie een oplossing.`,
  apNameQ: 'Hoe heet je?',
  apWhenQ: 'Wanneer kunnen we je best bereiken?',
  apMorning: 'In de voormiddag',
  apAfternoon: 'In de namiddag',
  apEvening: 'In de avond',
  apWhenRequired: 'Kies wanneer we je best bereiken.',
  apSlotGone: 'Dat moment is niet meer vrij. Kies een ander moment.',
  apLangQ: 'Welke taal spreek je het liefst?',
  apQuestionQ: 'Wat wil je vragen?',
  apQuestion: 'Je vraag (niet verplicht)',
  apQuestionHint: 'Bijvoorbeeld: ik wil hulp bij het inschrijven.',
  apSend: 'Vraag een afspraak',
  apSending: 'We versturen je vraag.',
  apDoneTitle: 'We hebben je vraag',
  apDone: (org: string, days: number, mail: boolean) =>
    `${org} ${mail ? 'mailt' : 'belt'} je binnen ${days === 1 ? '1 werkdag' : `${days} werkdagen`}.`,
  apBy: (date: string) => `Dat is ten laatste op ${date}.`,
  apCall: (org: string) => `Liever meteen praten? Bel ${org}.`,
  apTooMany: 'Je hebt al een paar keer gevraagd. We nemen contact op. Of bel ons:',
  apNotFound: 'We vinden deze organisatie niet.',
  apBookingTitle: 'Kies zelf een moment',
  apBookingText: (org: string) => `Je kiest een moment op de pagina van ${org}. Die opent in een nieuw venster.`,
  apBookingLink: 'Open de pagina om een afspraak te maken',
  // How to pay: on the confirmation and the family's own page (a chunk of its own: payment/).
  payTitle: 'Betalen',
  payBy: (date: string) => `Betaal ten laatste op ${date}.`,
  payPartly: (paid: string, left: string) => `Je betaalde al ${paid}. Je betaalt nog ${left}.`,
  payWaitLater: 'Krijg je een plaats? Dan lees je hier hoe je betaalt.',
  payNothing: 'Je hoeft niets te betalen.',
  payPaid: 'Betaald, dank je.',
  payThirdTitle: 'Iemand anders betaalt',
  payThirdText: 'Betaalt het OCMW of een andere organisatie voor jou? Zeg het ons. Dan hoef je zelf niets te betalen.',
  payRefundDue: (price: string) => `Je krijgt ${price} terug. We storten het op je rekening.`,
  payRefunded: (price: string) => `We hebben je ${price} terugbetaald.`,
  payPlan: 'Je betaalt in delen:',
  payPlanPart: (price: string, date: string) => `${price} ten laatste op ${date}`,
  payHow: 'Hoe kan je betalen?',
  payChoose: 'Kies wat voor jou past.',
  payOnlineTitle: 'Online betalen',
  payOnline: 'Betaal nu online',
  payOnlineHint: 'Met Bancontact, Payconiq of je bankkaart.',
  payOnlineBusy: 'We openen de pagina om te betalen.',
  payOnlineFailed: 'Online betalen lukt nu niet. Kies een andere manier hieronder.',
  payDesk: 'Aan de balie',
  payDeskText: 'Betaal aan de balie. Of bij de eerste keer.',
  payTransfer: 'Met een overschrijving',
  payTransferText: 'Schrijf het bedrag over met je bank. Neem deze gegevens over:',
  payIban: 'Rekeningnummer',
  payName: 'Op naam van',
  payAmount: 'Bedrag',
  payReference: 'Mededeling',
  payReferenceHint: 'Neem de mededeling precies over. Zo weten we dat jij betaalde.',
  copyText: 'Kopieer',
  copied: 'Gekopieerd',
  copySelected: 'De tekst is aangeduid. Kopieer hem nu.',
  payScan: 'Of scan deze code met je bank-app.',
  payScanOptional: 'Dat hoeft niet. De gegevens hierboven zijn genoeg.',
  payScanAlt: 'Code om te scannen met je bank-app',
  payHardTitle: 'Is betalen moeilijk?',
  payHard: 'Bel ons: we zoeken samen een oplossing.',
  payHardWays: 'Je kan in delen betalen. Of iemand anders betaalt voor jou, zoals het OCMW.',
};

export type More = typeof more;
export default more;
