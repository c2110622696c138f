/**
 * Dutch, the first language: plain words, short sentences, "je". Every other catalogue has the
 * type `Messages`, so a missing key fails the type check. Readability is measured in the tests.
 */
const nl = {
  lang: 'nl',
  locale: 'nl-BE',
  dir: 'ltr' as 'ltr' | 'rtl',

  languageText: 'Taal',
  readAloudText: 'Lees voor',
  stopReading: 'Stop met voorlezen',

  loadingText: 'We laden de activiteit.',
  notFound: 'We vinden deze activiteit niet.',
  notFoundHint: 'Misschien is ze al voorbij.',
  loadFailed: 'De activiteit laden lukt nu niet.',
  tryAgain: 'Probeer opnieuw',

  stepText: (n: number, total: number) => `Stap ${n} van ${total}`,
  backText: 'Terug',
  nextText: 'Doorgaan',

  // The activity, before any question.
  agesText: (min: number | null, max: number | null) =>
    min != null && max != null
      ? `Voor kinderen van ${min} tot ${max} jaar.`
      : min != null
        ? `Voor kinderen vanaf ${min} jaar.`
        : `Voor kinderen tot ${max} jaar.`,
  whenText: 'Wanneer?',
  whereText: 'Waar?',
  bringText: 'Wat breng je mee?',
  cost: 'Wat kost het?',
  howText: 'Hoe schrijf je in?',
  sessionText: (date: string, from: string, to: string) => `${date}, van ${from} tot ${to}`,
  perChild: (price: string) => `${price} per kind.`,
  free: 'Het is gratis.',
  kanspasPrice: (kanspas: string, standard: string) => `Met kansenpas betaal je ${kanspas} in plaats van ${standard}.`,
  seriesStarted: (n: number) =>
    n === 1
      ? 'De reeks is al begonnen. Je betaalt enkel de les die nog komt.'
      : `De reeks is al begonnen. Je betaalt enkel de ${n} lessen die nog komen.`,
  placesLeftText: (n: number) => (n === 1 ? 'Er is nog 1 plaats vrij.' : `Er zijn nog ${n} plaatsen vrij.`),
  reservedLeft: (n: number) =>
    n === 1
      ? 'Er is nog 1 plaats voorbehouden voor gezinnen met een kansenpas.'
      : `Er zijn nog ${n} plaatsen voorbehouden voor gezinnen met een kansenpas.`,
  othersWaitlist: 'Heb je geen kansenpas? Dan kom je op de wachtlijst.',
  fullText: 'Alle plaatsen zijn bezet. Je kan je wel nog inschrijven voor de wachtlijst.',
  firstCome: 'Wie eerst inschrijft, krijgt eerst een plaats.',
  closesAtText: (date: string) => `Inschrijven kan tot ${date}.`,
  lotteryText: (date: string) => `Je hoeft niet de eerste te zijn. Op ${date} loten we.`,
  lotteryFair: 'Wie op tijd inschrijft, heeft evenveel kans.',
  startText: 'Schrijf in',
  startWaitlist: 'Schrijf in voor de wachtlijst',
  dateAt: (date: string, time: string) => `${date} om ${time}`,

  // Step: the children.
  childrenQ: 'Wie schrijf je in?',
  childrenHint: 'Je kan broers en zussen samen inschrijven.',
  childText: (n: number) => `Kind ${n}`,
  childRef: (n: number) => (n === 0 ? 'je kind' : `kind ${n}`),
  firstNameText: 'Voornaam',
  birthYearText: 'Geboortejaar',
  birthYearHint: 'Bijvoorbeeld 2016',
  addChild: 'Nog een kind toevoegen',
  removeChild: (who: string, n: number) => `Verwijder ${who || `kind ${n}`}`,
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
  callUs: (org: string) => `Bel ${org}. Zij helpen je verder.`,

  // After the first "Doorgaan": how to reach you, kansenpas, check, sending, the result.
  contactQ: 'Hoe kunnen we je bereiken?',
  yourName: 'Je naam',
  reachHint: 'Vul een telefoonnummer of een e-mailadres in. Eén van de twee is genoeg.',
  phoneText: 'Telefoonnummer',
  phoneHint: 'Bijvoorbeeld 0470 12 34 56',
  emailText: 'E-mailadres',
  nameRequired: 'Vul je naam in.',
  nameTooLong: 'Een naam heeft hoogstens 80 letters.',
  contactMissing: 'Vul een telefoonnummer of een e-mailadres in.',
  phoneFormat: 'Vul een telefoonnummer in zoals 0470 12 34 56.',
  emailFormat: 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
  networkTitle: 'Het versturen lukt niet',
  networkText: 'Je antwoorden zijn bewaard. Kijk of je internet hebt. Probeer het dan opnieuw.',
  serverProblem: 'Er ging iets mis bij ons. Je antwoorden zijn bewaard.',
  alreadyText: 'Dit kind is al ingeschreven. Je kreeg een bericht met je link. Ben je die kwijt?',
  kanspasQ: 'Heb je een kansenpas?',
  kanspasWhat: 'Met een kansenpas betaal je minder. Je krijgt de pas van de stad als je weinig geld hebt.',
  kanspasYes: 'Ja, ik heb een kansenpas',
  kanspasTrust: 'Je hoeft geen nummer of foto te geven. We kijken het later na. Je inschrijving gaat altijd door.',
  // Only when the organisation checks kansenpas numbers with UiTPAS (organisation.uitpas).
  uitpasLabel: 'Nummer van je UiTPAS (niet verplicht)',
  uitpasHint: 'Staat op je pas. 13 cijfers. Zo kunnen we je kansenpas sneller nakijken.',
  uitpasFormat: 'Vul de 13 cijfers van je UiTPAS in, of laat het leeg.',
  uitpasText: 'Nummer van je pas',
  youPay: (price: string, children: number) =>
    children === 1 ? `Je betaalt ${price}.` : `Je betaalt ${price} voor ${children} kinderen.`,
  checkQ: 'Kijk je antwoorden na',
  changeText: 'Wijzig',
  childrenText: 'Kinderen',
  childLine: (name: string, year: string) => `${name}, geboren in ${year}`,
  kanspasText: 'Kansenpas',
  priceText: 'Prijs',
  yes: 'Ja',
  noText: 'Nee',
  notGiven: 'Niet ingevuld',
  checkFull: 'Alle plaatsen zijn bezet. Je komt op de wachtlijst.',
  /** Also on the check when the family will wait (here, not in nl-more: the check is in the main flow). */
  payWait: 'Je betaalt niets zolang je wacht.',
  submitText: (names: string) => `Schrijf ${names} in`,
  sendingText: 'We versturen je inschrijving.',
  confirmedTitle: (names: string, n: number) => (n === 1 ? `${names} is ingeschreven` : `${names} zijn ingeschreven`),
  confirmedText: 'Je plaats is zeker.',
  waitlistTitle: 'Je staat op de wachtlijst',
  waitlistPositionText: (n: number) => `Je bent nummer ${n} op de wachtlijst.`,
  waitlistNext: 'Komt er een plaats vrij? Dan laten we het je weten.',
  lotteryTitle: 'Je doet mee aan de loting',
  lotteryNext: (date: string) => `Op ${date} loten we. Daarna laten we je weten of je een plaats hebt.`,
  nextTitle: 'Wat gebeurt er nu?',
  firstSession: (when: string) => `De eerste keer is op ${when}.`,
  kanspasLater: 'Neem je kansenpas mee. We kijken hem later na.',
  questions: 'Vragen?',
  addToCalendar: 'Zet in je agenda',
  registerAgain: 'Schrijf nog iemand in',
  unsentText: 'Je eerste inschrijving was al bij ons. Je wijziging is dus niet verstuurd.',
  keepTitle: 'Bewaar deze link',
  keepText: 'Met deze link kan je je inschrijving later bekijken of annuleren.',

  // Help, the same on every step.
  helpText: 'Hulp nodig? Maak een afspraak',
};

export type Messages = typeof nl;
export default nl;
