/**
 * Dutch, the first language: plain words, short sentences, "je". Every other catalogue has the
 * type `Messages`, so a missing key fails the type check. Readability is measured in the tests.
 */
const nl = {
  lang: 'nl',
  locale: 'nl-BE',
  dir: 'ltr' as 'ltr' | 'rtl',

  language: 'Taal',
  readAloud: 'Lees voor',
  stopReading: 'Stop met voorlezen',

  loading: 'We laden de activiteit.',
  notFound: 'We vinden deze activiteit niet.',
  notFoundHint: 'Misschien is ze al voorbij.',
  loadFailed: 'De activiteit laden lukt nu niet.',
  tryAgain: 'Probeer opnieuw',

  step: (n: number, total: number) => `Stap ${n} van ${total}`,
  back: 'Terug',
  next: 'Doorgaan',

  // The activity, before any question.
  ages: (min: number | null, max: number | null) =>
    min != null && max != null
      ? `Voor kinderen van ${min} tot ${max} jaar.`
      : min != null
        ? `Voor kinderen vanaf ${min} jaar.`
        : `Voor kinderen tot ${max} jaar.`,
  when: 'Wanneer?',
  where: 'Waar?',
  bring: 'Wat breng je mee?',
  cost: 'Wat kost het?',
  how: 'Hoe schrijf je in?',
  session: (date: string, from: string, to: string) => `${date}, van ${from} tot ${to}`,
  perChild: (price: string) => `${price} per kind.`,
  free: 'Het is gratis.',
  kanspasPrice: (kanspas: string, standard: string) => `Met kansenpas betaal je ${kanspas} in plaats van ${standard}.`,
  seriesStarted: (n: number) =>
    n === 1
      ? 'De reeks is al begonnen. Je betaalt enkel de les die nog komt.'
      : `De reeks is al begonnen. Je betaalt enkel de ${n} lessen die nog komen.`,
  placesLeft: (n: number) => (n === 1 ? 'Er is nog 1 plaats vrij.' : `Er zijn nog ${n} plaatsen vrij.`),
  reservedLeft: (n: number) =>
    n === 1
      ? 'Er is nog 1 plaats voorbehouden voor gezinnen met een kansenpas.'
      : `Er zijn nog ${n} plaatsen voorbehouden voor gezinnen met een kansenpas.`,
  full: 'Alle plaatsen zijn bezet. Je kan je wel nog inschrijven voor de wachtlijst.',
  firstCome: 'Wie eerst inschrijft, krijgt eerst een plaats.',
  closesAt: (date: string) => `Inschrijven kan tot ${date}.`,
  lottery: (date: string) => `Je hoeft niet de eerste te zijn. Op ${date} loten we.`,
  lotteryFair: 'Wie op tijd inschrijft, heeft evenveel kans.',
  notOpen: (date: string) => `Inschrijven kan nog niet. Het kan vanaf ${date}.`,
  closed: 'Inschrijven is gesloten.',
  awaitingDraw: (date: string) => `Inschrijven is gesloten. Op ${date} loten we wie een plaats krijgt.`,
  callToJoin: (org: string) => `Wil je toch meedoen? Bel ${org}.`,
  callQuestions: (org: string) => `Heb je een vraag? Bel ${org}.`,
  start: 'Schrijf in',
  startWaitlist: 'Schrijf in voor de wachtlijst',
  interestStart: 'Laat me weten wanneer ik kan inschrijven',
  dateAt: (date: string, time: string) => `${date} om ${time}`,

  // Step: the children.
  childrenQ: 'Wie schrijf je in?',
  childrenHint: 'Je kan broers en zussen samen inschrijven.',
  child: (n: number) => `Kind ${n}`,
  childRef: (n: number) => (n === 0 ? 'je kind' : `kind ${n}`),
  firstName: 'Voornaam',
  birthYear: 'Geboortejaar',
  birthYearHint: 'Bijvoorbeeld 2016',
  addChild: 'Nog een kind toevoegen',
  removeChild: (who: string) => `Verwijder ${who}`,
  firstNameRequired: (who: string) => `Vul de voornaam van ${who} in.`,
  firstNameTooLong: 'Een voornaam heeft hoogstens 80 letters.',
  birthYearRequired: (who: string) => `Vul het geboortejaar van ${who} in.`,
  birthYearNotAYear: 'Vul het geboortejaar in met 4 cijfers, zoals 2016.',
  birthYearFuture: 'Dat jaar moet nog komen. Vul het geboortejaar in, zoals 2016.',
  birthYearTooOld: 'Dat jaar is te lang geleden. Vul het geboortejaar in, zoals 2016.',
  ageHint: (min: number | null, max: number | null) =>
    `Deze activiteit is voor kinderen ${min != null && max != null ? `van ${min} tot ${max}` : min != null ? `vanaf ${min}` : `tot ${max}`} jaar. Twijfel je? Bel ons.`,

  // Problems.
  errorTitle: 'Er is een probleem',
  closedNow: 'Inschrijven kan nu niet meer.',
  notOpenNow: 'Inschrijven kan nog niet.',
  callUs: (org: string) => `Bel ${org}. Zij helpen je verder.`,

  // After the first "Doorgaan": how to reach you, kansenpas, check, sending, the result.
  contactQ: 'Hoe kunnen we je bereiken?',
  yourName: 'Je naam',
  reachHint: 'Vul een telefoonnummer of een e-mailadres in. Eén van de twee is genoeg.',
  phone: 'Telefoonnummer',
  phoneHint: 'Bijvoorbeeld 0470 12 34 56',
  email: 'E-mailadres',
  nameRequired: 'Vul je naam in.',
  nameTooLong: 'Een naam heeft hoogstens 80 letters.',
  contactMissing: 'Vul een telefoonnummer of een e-mailadres in.',
  phoneFormat: 'Vul een telefoonnummer in zoals 0470 12 34 56.',
  emailFormat: 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
  networkTitle: 'Het versturen lukt niet',
  networkText: 'Je antwoorden zijn bewaard. Kijk of je internet hebt. Probeer het dan opnieuw.',
  serverProblem: 'Er ging iets mis bij ons. Je antwoorden zijn bewaard.',
  kanspasQ: 'Heb je een kansenpas?',
  kanspasWhat: 'Met een kansenpas betaal je minder. Je krijgt de pas van de stad als je weinig geld hebt.',
  kanspasYes: 'Ja, ik heb een kansenpas',
  kanspasTrust: 'Je hoeft geen nummer of foto te geven. We kijken het later na. Je inschrijving gaat altijd door.',
  youPay: (price: string, children: number) =>
    children === 1 ? `Je betaalt ${price}.` : `Je betaalt ${price} voor ${children} kinderen.`,
  checkQ: 'Kijk je antwoorden na',
  change: 'Wijzig',
  children: 'Kinderen',
  childLine: (name: string, year: string) => `${name}, geboren in ${year}`,
  kanspas: 'Kansenpas',
  price: 'Prijs',
  yes: 'Ja',
  no: 'Nee',
  notGiven: 'Niet ingevuld',
  checkFull: 'Alle plaatsen zijn bezet. Je komt op de wachtlijst.',
  checkLottery: (date: string) => `Op ${date} loten we. Daarna hoor je of je een plaats hebt.`,
  submit: (names: string) => `Schrijf ${names} in`,
  sending: 'We versturen je inschrijving.',
  confirmedTitle: (names: string, n: number) => (n === 1 ? `${names} is ingeschreven` : `${names} zijn ingeschreven`),
  confirmedText: 'Je plaats is zeker.',
  waitlistTitle: 'Je staat op de wachtlijst',
  waitlistPosition: (n: number) => `Je bent nummer ${n} op de wachtlijst.`,
  waitlistNext: 'Komt er een plaats vrij? Dan laten we het je weten.',
  lotteryTitle: 'Je doet mee aan de loting',
  lotteryNext: (date: string) => `Op ${date} loten we. Daarna laten we je weten of je een plaats hebt.`,
  nextTitle: 'Wat gebeurt er nu?',
  firstSession: (when: string) => `De eerste keer is op ${when}.`,
  kanspasLater: 'Neem je kansenpas mee. We kijken hem later na.',
  questions: 'Vragen?',
  addToCalendar: 'Zet in je agenda',
  keepTitle: 'Bewaar deze link',
  keepText: 'Met deze link kan je je inschrijving later bekijken of annuleren.',

  // Help, the same on every step.
  help: 'Hulp nodig? Maak een afspraak',
  helpText: (org: string) => `Bel ${org}. Iemand helpt je graag.`,
};

export type Messages = typeof nl;
export default nl;
