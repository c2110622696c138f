/** French: plain words, short sentences, "vous" (usual between a service and a parent). */
import type { Catalogue } from './types.js';

const is = (n: number) => (n > 1 ? 'sont' : 'est');
const has = (n: number) => (n > 1 ? 'ont' : 'a');
const s = (n: number) => (n > 1 ? 's' : '');

export const fr: Catalogue = {
  language: 'fr',
  locale: 'fr-BE',
  dir: 'ltr',
  hello: (name) => `Bonjour ${name},`,
  and: 'et',
  session: (date, start, end) => `${date}, de ${start} à ${end}`,
  at: (date, time) => `${date} à ${time}`,
  moreSessions: (n) => `Et encore ${n} fois. Toutes les dates sont sur votre page.`,
  labels: {
    sessions: 'Quand :',
    where: 'Où :',
    bring: 'À apporter :',
    price: 'Prix :',
    free: 'gratuit',
    yourPage: 'Voir ou arrêter votre inscription :',
    calendar: 'Le fichier joint met les dates dans votre agenda.',
    register: 'Inscrivez-vous ici :',
  },
  pay: {
    title: 'Payer :',
    due: (price) => `Vous payez ${price}.`,
    by: (date) => `Payez au plus tard le ${date}.`,
    partly: (paid, left) => `Vous avez déjà payé ${paid}. Il reste ${left} à payer.`,
    plan: (price, date) => `${price} au plus tard le ${date}`,
    paid: 'Payé, merci.',
    nothing: 'Vous n’avez rien à payer.',
    third: 'Le CPAS ou une autre organisation paie pour vous ? Dites-le-nous. Alors vous n’avez rien à payer vous-même.',
    wait: 'Vous ne payez rien tant que vous attendez.',
    online: 'Payer en ligne : ouvrez votre page ci-dessous. Choisissez « Payer maintenant en ligne ».',
    transfer: 'Par virement :',
    iban: 'Numéro de compte',
    name: 'Au nom de',
    amount: 'Montant',
    reference: 'Communication',
    referenceHint: 'Recopiez la communication exactement. Ainsi nous savons que vous avez payé.',
    scan: 'Votre page montre aussi un code pour votre app bancaire. Il n’est pas obligatoire.',
    desk: 'Au guichet :',
    deskText: 'Payez au guichet. Ou à la première séance.',
    hard: 'Payer est difficile ? Appelez-nous : nous cherchons une solution ensemble. Vous pouvez payer en plusieurs fois. Ou quelqu’un d’autre paie pour vous.',
  },
  questions: (org, phone) => `Des questions ? Appelez ${org} au ${phone}.`,
  bye: (org) => `À bientôt !\n${org}`,
  kinds: {
    'registration-confirmed': (v) => ({
      subject: `${v.children} ${is(v.count)} inscrit${s(v.count)} à ${v.title}`,
      lines: [`Bonne nouvelle : ${v.children} ${has(v.count)} une place à ${v.title}.`, v.toPay ? 'Vous lisez ci-dessous comment payer.' : 'Vous ne devez plus rien faire.', 'Vous lisez ci-dessous quand et où.'],
    }),
    'registration-waitlisted': (v) => ({
      subject: `${v.title} : ${v.children} ${is(v.count)} sur la liste d'attente`,
      lines: [
        `${v.title} est complet.`,
        `${v.children} ${is(v.count)} maintenant sur la liste d'attente.`,
        `Vous êtes numéro ${v.position}.`,
        'Une place se libère ? Alors vous recevez un message.',
        "Vous ne payez rien tant que vous êtes sur la liste d'attente.",
      ],
    }),
    'registration-lottery': (v) => ({
      subject: `${v.title} : tirage au sort le ${v.drawAt}`,
      lines: [
        `Nous avons reçu votre inscription à ${v.title}.`,
        "Il y a plus d'enfants que de places.",
        'Nous faisons donc un tirage au sort.',
        `Le tirage a lieu le ${v.drawAt}.`,
        "Le moment de l'inscription ne compte pas.",
        'Après le tirage, vous recevez un message.',
      ],
    }),
    'draw-confirmed': (v) => ({
      subject: `${v.children} ${has(v.count)} une place à ${v.title}`,
      lines: ['Le tirage au sort a eu lieu.', `Bonne nouvelle : ${v.children} ${has(v.count)} une place.`, v.toPay ? 'Vous lisez ci-dessous comment payer.' : 'Vous ne devez plus rien faire.', 'Vous lisez ci-dessous quand et où.'],
    }),
    'draw-waitlisted': (v) => ({
      subject: `${v.title} : ${v.children} ${is(v.count)} sur la liste d'attente`,
      lines: [
        'Le tirage au sort a eu lieu.',
        `Il n'y avait plus de place pour ${v.children}.`,
        ...(v.position ? [`Vous êtes numéro ${v.position} sur la liste d'attente.`] : [`${v.children} ${is(v.count)} sur la liste d'attente.`]),
        'Une place se libère ? Alors vous recevez un message.',
      ],
    }),
    'offer-made': (v) => ({
      subject: `Une place est libre à ${v.title}`,
      lines: [
        `Bonne nouvelle : il y a une place pour ${v.children} à ${v.title}.`,
        `Vous voulez la place ? Dites-le-nous avant le ${v.expires}.`,
        'Ouvrez votre page. Choisissez oui ou non.',
        "Pas de réponse ? Alors la place va à quelqu'un d'autre.",
      ],
      link: 'Dites oui ou non :',
    }),
    'offer-expired': (v) => ({
      subject: `${v.title} : le temps pour choisir est passé`,
      lines: [
        `Une place était libre à ${v.title}.`,
        "Nous n'avons pas reçu de réponse à temps.",
        "La place est donc allée à quelqu'un d'autre.",
        'Vous voulez quand même participer ? Appelez-nous. Nous cherchons une solution ensemble.',
      ],
    }),
    'kanspas-not-valid': (v) => ({
      subject: `${v.title} : un nouveau prix`,
      lines: [
        'Nous avons vérifié votre kanspas.',
        'Nous ne pouvons pas l’utiliser pour cette inscription.',
        `${v.children} ${is(v.count)} toujours inscrit${s(v.count)}. La place ne change pas.`,
        `Vous payez maintenant le prix normal : ${v.newPrice}.`,
        "Vous avez un nouveau kanspas ? Ou ce n'est pas juste ? Appelez-nous.",
      ],
    }),
    'interest-reopened': (v) => ({
      subject: v.opensAt ? `${v.title} : inscription possible dès le ${v.opensAt}` : `Vous pouvez vous inscrire à ${v.title}`,
      lines: [
        `Vous nous avez demandé un message pour ${v.title}.`,
        v.opensAt ? `L'inscription est possible dès le ${v.opensAt}.` : "L'inscription est de nouveau possible.",
        v.hasLink ? 'Utilisez le lien ci-dessous.' : 'Appelez-nous. Nous faisons l’inscription ensemble.',
        "N'attendez pas trop. Il n'y a pas beaucoup de places.",
      ],
    }),
    'appointment-received': (v) => ({
      subject: `${v.org} va vous contacter`,
      lines: [
        'Nous avons reçu votre demande de rendez-vous.',
        `Nous vous ${v.byPhone ? 'appelons' : 'écrivons'} dans les ${v.workdays} jour${s(v.workdays)} ouvrable${s(v.workdays)}.`,
        `Donc au plus tard le ${v.by}.`,
        'Vous ne devez rien faire.',
        'Pas de nouvelles après ce jour ? Appelez-nous.',
      ],
    }),
  },
};
