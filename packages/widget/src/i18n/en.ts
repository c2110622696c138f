import type { Messages } from './nl.js';

/** English: plain words, short sentences. */
const en: Messages = {
  lang: 'en',
  locale: 'en-BE',
  dir: 'ltr',

  language: 'Language',
  readAloud: 'Read aloud',
  stopReading: 'Stop reading',

  loading: 'We are loading the activity.',
  notFound: 'We cannot find this activity.',
  notFoundHint: 'Maybe it is already over.',
  loadFailed: 'We cannot load the activity right now.',
  tryAgain: 'Try again',

  step: (n, total) => `Step ${n} of ${total}`,
  back: 'Back',
  next: 'Continue',

  ages: (min, max) =>
    min != null && max != null
      ? `For children from ${min} to ${max} years old.`
      : min != null
        ? `For children from ${min} years old.`
        : `For children up to ${max} years old.`,
  when: 'When?',
  where: 'Where?',
  bring: 'What to bring?',
  cost: 'What does it cost?',
  how: 'How do you sign up?',
  session: (date, from, to) => `${date}, from ${from} to ${to}`,
  perChild: (price) => `${price} per child.`,
  free: 'It is free.',
  kanspasPrice: (kanspas, standard) => `With a kansenpas (discount card) you pay ${kanspas} instead of ${standard}.`,
  seriesStarted: (n) =>
    n === 1
      ? 'The series has already started. You only pay for the last session.'
      : `The series has already started. You only pay for the ${n} sessions still to come.`,
  placesLeft: (n) => (n === 1 ? 'There is 1 place left.' : `There are ${n} places left.`),
  reservedLeft: (n) =>
    n === 1
      ? 'There is 1 place kept for families with a kansenpas.'
      : `There are ${n} places kept for families with a kansenpas.`,
  full: 'All places are taken. You can still sign up for the waiting list.',
  firstCome: 'The first to sign up get the first places.',
  closesAt: (date) => `You can sign up until ${date}.`,
  lottery: (date) => `You do not have to be first. On ${date} we draw lots.`,
  lotteryFair: 'Everyone who signs up in time has the same chance.',
  notOpen: (date) => `You cannot sign up yet. You can from ${date}.`,
  closed: 'Sign-up is closed.',
  awaitingDraw: (date) => `Sign-up is closed. On ${date} we draw lots for the places.`,
  callToJoin: (org) => `Do you still want to join? Call ${org}.`,
  callQuestions: (org) => `A question? Call ${org}.`,
  start: 'Sign up',
  startWaitlist: 'Sign up for the waiting list',
  dateAt: (date, time) => `${date} at ${time}`,

  childrenQ: 'Who are you signing up?',
  childrenHint: 'You can sign up brothers and sisters together.',
  child: (n) => `Child ${n}`,
  childRef: (n) => (n === 0 ? 'your child' : `child ${n}`),
  firstName: 'First name',
  birthYear: 'Year of birth',
  birthYearHint: 'For example 2016',
  addChild: 'Add another child',
  removeChild: (who) => `Remove ${who}`,
  firstNameRequired: (who) => `Enter the first name of ${who}.`,
  firstNameTooLong: 'A first name has 80 letters at most.',
  birthYearRequired: (who) => `Enter the year of birth of ${who}.`,
  birthYearNotAYear: 'Enter the year with 4 numbers, like 2016.',
  birthYearFuture: 'That year has not come yet. Enter the year of birth, like 2016.',
  birthYearTooOld: 'That year is too long ago. Enter the year of birth, like 2016.',

  contactQ: 'How can we reach you?',
  yourName: 'Your name',
  reachHint: 'Enter a phone number or an email address. One of the two is enough.',
  phone: 'Phone number',
  phoneHint: 'For example 0470 12 34 56',
  email: 'Email address',
  optional: '(optional)',
  nameRequired: 'Enter your name.',
  nameTooLong: 'A name has 80 letters at most.',
  contactMissing: 'Enter a phone number or an email address.',
  phoneFormat: 'Enter a phone number like 0470 12 34 56.',
  emailFormat: 'Enter an email address like name@example.be.',

  kanspasQ: 'Do you have a kansenpas?',
  kanspasWhat: 'With a kansenpas you pay less. The city gives this card to families with little money.',
  kanspasYes: 'Yes, I have a kansenpas',
  kanspasTrust: 'You do not need to give a number or a photo. We check it later. Your sign-up always goes ahead.',
  youPay: (price, children) => (children === 1 ? `You pay ${price}.` : `You pay ${price} for ${children} children.`),

  checkQ: 'Check your answers',
  change: 'Change',
  children: 'Children',
  childLine: (name, year) => `${name}, born in ${year}`,
  kanspas: 'Kansenpas',
  price: 'Price',
  yes: 'Yes',
  no: 'No',
  notGiven: 'Not filled in',
  checkFull: 'All places are taken. You will be on the waiting list.',
  checkLottery: (date) => `On ${date} we draw lots. Then you hear if you have a place.`,
  submit: (names) => `Sign up ${names}`,
  sending: 'We are sending your sign-up.',

  errorTitle: 'There is a problem',
  networkTitle: 'Sending did not work',
  networkText: 'Your answers are saved. Check that you are online. Then try again.',
  serverProblem: 'Something went wrong on our side. Your answers are saved.',
  closedNow: 'You cannot sign up any more.',
  notOpenNow: 'You cannot sign up yet.',
  callUs: (org) => `Call ${org}. They will help you.`,

  confirmedTitle: (names, n) => (n === 1 ? `${names} is signed up` : `${names} are signed up`),
  confirmedText: 'Your place is certain.',
  waitlistTitle: 'You are on the waiting list',
  waitlistPosition: (n) => `You are number ${n} on the waiting list.`,
  waitlistNext: 'If a place comes free, we will let you know.',
  lotteryTitle: 'You are in the draw',
  lotteryNext: (date) => `On ${date} we draw lots. Then we let you know if you have a place.`,
  nextTitle: 'What happens now?',
  firstSession: (when) => `The first session is on ${when}.`,
  kanspasLater: 'Bring your kansenpas. We check it later.',
  questions: 'Questions?',
  addToCalendar: 'Add to my calendar',
  keepTitle: 'Keep this link',
  keepText: 'With this link you can see or cancel your sign-up later.',

  viewTitle: (title) => `Your sign-up for ${title}`,
  viewNotFound: 'We cannot find this sign-up.',
  statusOffered: 'There is a place free for you. Call us to take it.',
  statusCancelled: 'This sign-up is cancelled.',
  cancel: 'Cancel the sign-up',
  cancelQ: (names) => `Do you want to cancel the sign-up of ${names}?`,
  cancelText: 'Your place then goes to another family.',
  cancelYes: 'Yes, cancel',
  cancelNo: 'No, go back',
  cancelledTitle: 'Your sign-up is cancelled',
  cancelledText: 'Your place goes to another family.',

  help: 'Need help? Make an appointment',
  helpText: (org) => `Call ${org}. Someone will gladly help you.`,
};

export default en;
