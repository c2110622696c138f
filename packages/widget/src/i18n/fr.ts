import type { Messages } from './nl.js';

/** French: simple words, short sentences, "vous" as usual in public services in Belgium. */
const fr: Messages = {
  lang: 'fr',
  locale: 'fr-BE',
  dir: 'ltr',

  language: 'Langue',
  readAloud: 'Lire à voix haute',
  stopReading: 'Arrêter la lecture',

  loading: 'Nous chargeons l’activité.',
  notFound: 'Nous ne trouvons pas cette activité.',
  notFoundHint: 'Elle est peut-être déjà passée.',
  loadFailed: 'Impossible de charger l’activité pour le moment.',
  tryAgain: 'Réessayer',

  step: (n, total) => `Étape ${n} sur ${total}`,
  back: 'Retour',
  next: 'Continuer',

  ages: (min, max) =>
    min != null && max != null
      ? `Pour les enfants de ${min} à ${max} ans.`
      : min != null
        ? `Pour les enfants à partir de ${min} ans.`
        : `Pour les enfants jusqu’à ${max} ans.`,
  when: 'Quand ?',
  where: 'Où ?',
  bring: 'Qu’est-ce qu’il faut apporter ?',
  cost: 'Combien ça coûte ?',
  how: 'Comment s’inscrire ?',
  session: (date, from, to) => `${date}, de ${from} à ${to}`,
  perChild: (price) => `${price} par enfant.`,
  free: 'C’est gratuit.',
  kanspasPrice: (kanspas, standard) => `Avec la carte kansenpas, vous payez ${kanspas} au lieu de ${standard}.`,
  seriesStarted: (n) =>
    n === 1
      ? 'La série a déjà commencé. Vous payez seulement la dernière séance.'
      : `La série a déjà commencé. Vous payez seulement les ${n} séances qui restent.`,
  placesLeft: (n) => (n === 1 ? 'Il reste 1 place.' : `Il reste ${n} places.`),
  reservedLeft: (n) =>
    n === 1
      ? 'Il reste 1 place réservée aux familles avec une carte kansenpas.'
      : `Il reste ${n} places réservées aux familles avec une carte kansenpas.`,
  full: 'Toutes les places sont prises. Vous pouvez encore vous inscrire sur la liste d’attente.',
  firstCome: 'Les premiers inscrits reçoivent les premières places.',
  closesAt: (date) => `Vous pouvez vous inscrire jusqu’au ${date}.`,
  lottery: (date) => `Pas besoin d’être le premier. Le ${date}, nous faisons un tirage au sort.`,
  lotteryFair: 'Chaque famille inscrite à temps a la même chance.',
  notOpen: (date) => `Les inscriptions ne sont pas encore ouvertes. Elles ouvrent le ${date}.`,
  closed: 'Les inscriptions sont fermées.',
  awaitingDraw: (date) => `Les inscriptions sont fermées. Le ${date}, le tirage au sort dira qui reçoit une place.`,
  callToJoin: (org) => `Vous voulez quand même participer ? Appelez ${org}.`,
  callQuestions: (org) => `Une question ? Appelez ${org}.`,
  start: 'S’inscrire',
  startWaitlist: 'S’inscrire sur la liste d’attente',
  dateAt: (date, time) => `${date} à ${time}`,

  childrenQ: 'Qui inscrivez-vous ?',
  childrenHint: 'Vous pouvez inscrire des frères et sœurs ensemble.',
  child: (n) => `Enfant ${n}`,
  childRef: (n) => (n === 0 ? 'votre enfant' : `l’enfant ${n}`),
  firstName: 'Prénom',
  birthYear: 'Année de naissance',
  birthYearHint: 'Par exemple 2016',
  addChild: 'Ajouter un autre enfant',
  removeChild: (who) => `Retirer ${who}`,
  firstNameRequired: (who) => `Écrivez le prénom de ${who}.`,
  firstNameTooLong: 'Un prénom a 80 lettres au maximum.',
  birthYearRequired: (who) => `Écrivez l’année de naissance de ${who}.`,
  birthYearNotAYear: 'Écrivez l’année avec 4 chiffres, par exemple 2016.',
  birthYearFuture: 'Cette année n’est pas encore là. Écrivez l’année de naissance, par exemple 2016.',
  birthYearTooOld: 'Cette année est trop ancienne. Écrivez l’année de naissance, par exemple 2016.',

  contactQ: 'Comment pouvons-nous vous joindre ?',
  yourName: 'Votre nom',
  reachHint: 'Donnez un numéro de téléphone ou une adresse e-mail. Un des deux suffit.',
  phone: 'Numéro de téléphone',
  phoneHint: 'Par exemple 0470 12 34 56',
  email: 'Adresse e-mail',
  optional: '(pas obligatoire)',
  nameRequired: 'Écrivez votre nom.',
  nameTooLong: 'Un nom a 80 lettres au maximum.',
  contactMissing: 'Donnez un numéro de téléphone ou une adresse e-mail.',
  phoneFormat: 'Écrivez un numéro de téléphone comme 0470 12 34 56.',
  emailFormat: 'Écrivez une adresse e-mail comme nom@exemple.be.',

  kanspasQ: 'Avez-vous une carte kansenpas ?',
  kanspasWhat: 'Avec la carte kansenpas, vous payez moins. La ville donne cette carte aux familles qui ont peu d’argent.',
  kanspasYes: 'Oui, j’ai une carte kansenpas',
  kanspasTrust: 'Pas de numéro ni de photo à donner. Nous vérifions plus tard. Votre inscription est toujours valable.',
  youPay: (price, children) => (children === 1 ? `Vous payez ${price}.` : `Vous payez ${price} pour ${children} enfants.`),

  checkQ: 'Vérifiez vos réponses',
  change: 'Modifier',
  children: 'Enfants',
  childLine: (name, year) => `${name}, né(e) en ${year}`,
  kanspas: 'Carte kansenpas',
  price: 'Prix',
  yes: 'Oui',
  no: 'Non',
  notGiven: 'Pas rempli',
  checkFull: 'Toutes les places sont prises. Vous serez sur la liste d’attente.',
  checkLottery: (date) => `Le ${date}, nous faisons le tirage au sort. Ensuite, vous saurez si vous avez une place.`,
  submit: (names) => `Inscrire ${names}`,
  sending: 'Nous envoyons votre inscription.',

  errorTitle: 'Il y a un problème',
  networkTitle: 'L’envoi n’a pas marché',
  networkText: 'Vos réponses sont gardées. Vérifiez votre connexion internet. Puis réessayez.',
  serverProblem: 'Quelque chose n’a pas marché chez nous. Vos réponses sont gardées.',
  closedNow: 'Les inscriptions sont fermées maintenant.',
  notOpenNow: 'Les inscriptions ne sont pas encore ouvertes.',
  callUs: (org) => `Appelez ${org}. On vous aidera.`,

  confirmedTitle: (names, n) => (n === 1 ? `${names} est inscrit(e)` : `${names} sont inscrits`),
  confirmedText: 'Votre place est sûre.',
  waitlistTitle: 'Vous êtes sur la liste d’attente',
  waitlistPosition: (n) => `Vous êtes numéro ${n} sur la liste d’attente.`,
  waitlistNext: 'Si une place se libère, nous vous prévenons.',
  lotteryTitle: 'Vous participez au tirage au sort',
  lotteryNext: (date) => `Le ${date}, nous faisons le tirage au sort. Ensuite, nous vous disons si vous avez une place.`,
  nextTitle: 'Et maintenant ?',
  firstSession: (when) => `La première séance est le ${when}.`,
  kanspasLater: 'Prenez votre carte kansenpas avec vous. Nous la vérifions plus tard.',
  questions: 'Des questions ?',
  addToCalendar: 'Ajouter à mon agenda',
  keepTitle: 'Gardez ce lien',
  keepText: 'Avec ce lien, vous pouvez revoir ou annuler votre inscription plus tard.',

  viewTitle: (title) => `Votre inscription pour ${title}`,
  viewNotFound: 'Nous ne trouvons pas cette inscription.',
  statusOffered: 'Une place est libre pour vous. Appelez-nous pour la prendre.',
  statusCancelled: 'Cette inscription est annulée.',
  cancel: 'Annuler l’inscription',
  cancelQ: (names) => `Voulez-vous annuler l’inscription de ${names} ?`,
  cancelText: 'Votre place ira alors à une autre famille.',
  cancelYes: 'Oui, annuler',
  cancelNo: 'Non, retour',
  cancelledTitle: 'Votre inscription est annulée',
  cancelledText: 'Votre place va à une autre famille.',

  help: 'Besoin d’aide ? Prenez rendez-vous',
  helpText: (org) => `Appelez ${org}. Quelqu’un vous aidera avec plaisir.`,
};

export default fr;
