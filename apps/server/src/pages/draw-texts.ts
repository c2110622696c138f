/**
 * The words of the public draw page, in the six languages of Instap. Plain words first; the
 * algorithm names live only in the part "for whoever wants to check" (`check`).
 */
import type { Language } from '@instap/core';

export interface DrawTexts {
  dir: 'ltr' | 'rtl';
  /** For dates: the family's language, times in Europe/Brussels. */
  locale: string;
  /** The language's own name, for the language links. */
  name: string;
  languages: string;
  heading: (title: string) => string;
  intro: string[];
  when: string;
  drawnAt: string;
  notPlanned: string;
  secretHeading: string;
  beforeLead: string;
  before: string[];
  notYet: string;
  afterLead: string;
  afterMatches: string;
  afterCheck: string;
  orderHeading: string;
  order: string[];
  reserved: string;
  noEntries: string;
  columns: { rank: string; code: string; children: string; result: string };
  placed: string;
  waiting: (position: number) => string;
  tableScroll: string;
  checkSummary: string;
  check: {
    commitment: string;
    code: string;
    closing: string;
    ticket: string;
    allocation: string;
    data: string;
    tool: string;
    rule: string;
  };
}

const nl: DrawTexts = {
  dir: 'ltr',
  locale: 'nl-BE',
  name: 'Nederlands',
  languages: 'Andere taal',
  heading: (t) => `Loting: ${t}`,
  intro: ['Bij deze activiteit telt niet wie eerst is.', 'Iedereen die zich op tijd inschrijft, doet mee aan de loting. Elk gezin heeft dezelfde kans.'],
  when: 'Loting',
  drawnAt: 'gedaan op',
  notPlanned: 'nog niet gekozen',
  secretHeading: 'Het geheime getal',
  beforeLead: 'Voor de loting hebben we een geheim getal vastgelegd. Je ziet nu alleen de vingerafdruk ervan:',
  before: [
    'Na de loting tonen we het geheime getal. Dan kan iedereen zien dat het bij deze vingerafdruk past. Zo weet je dat niemand het getal achteraf veranderd heeft.',
    'Niemand kan de volgorde nu al kennen. Ze hangt af van het geheime getal en van alle inschrijvingen samen. Die liggen pas vast als het inschrijven sluit.',
    'Annuleren en opnieuw inschrijven helpt dus niet. Je krijgt dan gewoon een nieuwe kans, geen betere.',
  ],
  notYet: 'De loting is nog niet gebeurd.',
  afterLead: 'Het geheime getal was:',
  afterMatches: 'Het past bij de vingerafdruk die we voor de loting toonden:',
  afterCheck: 'Iedereen kan nagaan dat de volgorde klopt.',
  orderHeading: 'De volgorde',
  order: ['Namen staan hier niet. Elk gezin heeft een code van 12 tekens.', 'Je vindt je code bij je inschrijving. Open daarvoor de link in je bevestiging.'],
  reserved:
    'Wie een kansenpas heeft, zie je hier niet. Sommige plaatsen zijn voorbehouden voor gezinnen met een kansenpas of een doorverwijzing. Alleen de organisatie kan nakijken wie recht had op zo’n plaats.',
  noEntries: 'Er deden geen gezinnen mee.',
  columns: { rank: 'Plaats in de loting', code: 'Code', children: 'Kinderen', result: 'Resultaat' },
  placed: 'plaats',
  waiting: (n) => `wachtlijst ${n}`,
  tableScroll: 'De volgorde van de loting',
  checkSummary: 'Voor wie het wil nagaan',
  check: {
    commitment: 'De vingerafdruk is de SHA-256 van het geheime getal (UTF-8), in hexadecimale tekens.',
    code: 'De code van een gezin: de eerste 12 tekens van SHA-256(nummer van de inschrijving).',
    closing: 'De slotwaarde: SHA-256 van alle codes van de loting, gesorteerd, één per regel.',
    ticket: 'Het lot van een gezin: HMAC-SHA256 met het geheime getal als sleutel, over slotwaarde ":" code. Het laagste lot komt eerst.',
    allocation: 'In die volgorde krijgt elk gezin een gewone plaats zolang er zijn. Daarna gaan de voorbehouden plaatsen naar gezinnen met voorrang. De anderen komen op de wachtlijst.',
    data: 'Alle gegevens van deze loting:',
    tool: 'Zelf narekenen met Instap:',
    rule: 'De regel, zoals de computer hem toepast (in het Engels):',
  },
};

const fr: DrawTexts = {
  dir: 'ltr',
  locale: 'fr-BE',
  name: 'Français',
  languages: 'Autre langue',
  heading: (t) => `Tirage au sort : ${t}`,
  intro: ['Pour cette activité, arriver le premier ne compte pas.', 'Toute personne inscrite à temps participe au tirage. Chaque famille a la même chance.'],
  when: 'Tirage',
  drawnAt: 'fait le',
  notPlanned: 'pas encore fixé',
  secretHeading: 'Le nombre secret',
  beforeLead: 'Avant le tirage, nous avons fixé un nombre secret. Pour l’instant, vous voyez seulement son empreinte :',
  before: [
    'Après le tirage, nous montrons le nombre secret. Chacun peut alors voir qu’il correspond à cette empreinte. Ainsi, vous savez que personne ne l’a changé après coup.',
    'Personne ne peut déjà connaître l’ordre. Il dépend du nombre secret et de toutes les inscriptions ensemble. Elles sont fixées seulement à la fin des inscriptions.',
    'Annuler puis vous réinscrire n’aide donc pas. Vous recevez simplement une nouvelle chance, pas une meilleure.',
  ],
  notYet: 'Le tirage n’a pas encore eu lieu.',
  afterLead: 'Le nombre secret était :',
  afterMatches: 'Il correspond à l’empreinte montrée avant le tirage :',
  afterCheck: 'Chacun peut vérifier que l’ordre est correct.',
  orderHeading: 'L’ordre',
  order: ['Les noms ne sont pas affichés. Chaque famille a un code de 12 signes.', 'Vous trouvez votre code avec votre inscription. Ouvrez le lien de votre confirmation.'],
  reserved:
    'Qui a une carte de réduction (kansenpas) n’est pas affiché ici. Certaines places sont réservées aux familles avec kansenpas ou envoyées par un service. Seul l’organisateur peut vérifier qui avait droit à une telle place.',
  noEntries: 'Aucune famille n’a participé.',
  columns: { rank: 'Place dans le tirage', code: 'Code', children: 'Enfants', result: 'Résultat' },
  placed: 'place',
  waiting: (n) => `liste d’attente ${n}`,
  tableScroll: 'L’ordre du tirage',
  checkSummary: 'Pour qui veut vérifier',
  check: {
    commitment: 'L’empreinte est le SHA-256 du nombre secret (UTF-8), en hexadécimal.',
    code: 'Le code d’une famille : les 12 premiers signes de SHA-256(numéro d’inscription).',
    closing: 'La valeur de clôture : SHA-256 de tous les codes du tirage, triés, un par ligne.',
    ticket: 'Le billet d’une famille : HMAC-SHA256 avec le nombre secret comme clé, sur valeur de clôture ":" code. Le plus petit billet passe en premier.',
    allocation: 'Dans cet ordre, chaque famille reçoit une place ordinaire tant qu’il y en a. Ensuite, les places réservées vont aux familles prioritaires. Les autres vont sur la liste d’attente.',
    data: 'Toutes les données de ce tirage :',
    tool: 'Recalculer soi-même avec Instap :',
    rule: 'La règle, telle que l’ordinateur l’applique (en anglais) :',
  },
};

const en: DrawTexts = {
  dir: 'ltr',
  locale: 'en-GB',
  name: 'English',
  languages: 'Other language',
  heading: (t) => `Draw: ${t}`,
  intro: ['For this activity, being first does not count.', 'Everyone who registers in time takes part in the draw. Every family has the same chance.'],
  when: 'Draw',
  drawnAt: 'done on',
  notPlanned: 'not chosen yet',
  secretHeading: 'The secret number',
  beforeLead: 'Before the draw, we fixed a secret number. For now you only see its fingerprint:',
  before: [
    'After the draw, we show the secret number. Then anyone can see that it matches this fingerprint. So you know nobody changed the number afterwards.',
    'Nobody can know the order yet. It depends on the secret number and on all registrations together. Those are only fixed when registration closes.',
    'So cancelling and registering again does not help. You just get a new chance, not a better one.',
  ],
  notYet: 'The draw has not happened yet.',
  afterLead: 'The secret number was:',
  afterMatches: 'It matches the fingerprint we showed before the draw:',
  afterCheck: 'Anyone can check that the order is right.',
  orderHeading: 'The order',
  order: ['Names are not shown here. Each family has a code of 12 characters.', 'You find your code with your registration. Open the link in your confirmation.'],
  reserved:
    'Who has a kanspas (discount pass) is not shown here. Some places are kept for families with a kanspas or a referral. Only the organisation can check who had a right to such a place.',
  noEntries: 'No families took part.',
  columns: { rank: 'Place in the draw', code: 'Code', children: 'Children', result: 'Result' },
  placed: 'place',
  waiting: (n) => `waiting list ${n}`,
  tableScroll: 'The order of the draw',
  checkSummary: 'For whoever wants to check',
  check: {
    commitment: 'The fingerprint is the SHA-256 of the secret number (UTF-8), in hexadecimal.',
    code: 'A family’s code: the first 12 characters of SHA-256(registration id).',
    closing: 'The closing value: SHA-256 of all codes of the draw, sorted, one per line.',
    ticket: 'A family’s ticket: HMAC-SHA256 with the secret number as key, over closing value ":" code. The lowest ticket comes first.',
    allocation: 'In that order, each family gets a general place while there are any. Then the reserved places go to families with priority. The others go on the waiting list.',
    data: 'All data of this draw:',
    tool: 'Recompute it yourself with Instap:',
    rule: 'The rule as the computer applies it:',
  },
};

const tr: DrawTexts = {
  dir: 'ltr',
  locale: 'tr-TR',
  name: 'Türkçe',
  languages: 'Başka dil',
  heading: (t) => `Kura: ${t}`,
  intro: ['Bu etkinlikte ilk gelen olmak önemli değil.', 'Zamanında kayıt olan herkes kuraya katılır. Her ailenin şansı aynıdır.'],
  when: 'Kura',
  drawnAt: 'yapıldı',
  notPlanned: 'henüz belli değil',
  secretHeading: 'Gizli sayı',
  beforeLead: 'Kuradan önce gizli bir sayı belirledik. Şimdi sadece onun parmak izini görüyorsunuz:',
  before: [
    'Kuradan sonra gizli sayıyı gösteriyoruz. O zaman herkes onun bu parmak izine uyduğunu görebilir. Böylece kimsenin sayıyı sonradan değiştirmediğini bilirsiniz.',
    'Sıralamayı şimdiden kimse bilemez. Sıralama gizli sayıya ve bütün kayıtlara birlikte bağlıdır. Kayıtlar ancak kayıt süresi bitince kesinleşir.',
    'Bu yüzden iptal edip yeniden kayıt olmak işe yaramaz. Sadece yeni bir şans alırsınız, daha iyisini değil.',
  ],
  notYet: 'Kura henüz yapılmadı.',
  afterLead: 'Gizli sayı şuydu:',
  afterMatches: 'Kuradan önce gösterdiğimiz parmak izine uyuyor:',
  afterCheck: 'Sıralamanın doğru olduğunu herkes kontrol edebilir.',
  orderHeading: 'Sıralama',
  order: ['Burada isim yok. Her ailenin 12 karakterlik bir kodu var.', 'Kodunuzu kaydınızda bulursunuz. Onay mesajınızdaki bağlantıyı açın.'],
  reserved:
    'Kimin kansenpas (indirim kartı) sahibi olduğu burada görünmez. Bazı yerler kansenpas sahibi ya da yönlendirilen aileler için ayrılmıştır. Böyle bir yere kimin hakkı olduğunu sadece kurum kontrol edebilir.',
  noEntries: 'Hiç aile katılmadı.',
  columns: { rank: 'Kuradaki sıra', code: 'Kod', children: 'Çocuk', result: 'Sonuç' },
  placed: 'yer var',
  waiting: (n) => `bekleme listesi ${n}`,
  tableScroll: 'Kuranın sıralaması',
  checkSummary: 'Kontrol etmek isteyenler için',
  check: {
    commitment: 'Parmak izi, gizli sayının (UTF-8) onaltılık SHA-256 değeridir.',
    code: 'Bir ailenin kodu: SHA-256(kayıt numarası) değerinin ilk 12 karakteri.',
    closing: 'Kapanış değeri: kuradaki bütün kodların, sıralanmış ve satır satır yazılmış hâlinin SHA-256 değeri.',
    ticket: 'Bir ailenin bileti: anahtar olarak gizli sayı ile, kapanış değeri ":" kod üzerinde HMAC-SHA256. En küçük bilet önce gelir.',
    allocation: 'Bu sırayla her aile, yer oldukça normal bir yer alır. Sonra ayrılmış yerler öncelikli ailelere gider. Diğerleri bekleme listesine girer.',
    data: 'Bu kuranın bütün verileri:',
    tool: 'Instap ile kendiniz hesaplayın:',
    rule: 'Bilgisayarın uyguladığı kural (İngilizce):',
  },
};

const uk: DrawTexts = {
  dir: 'ltr',
  locale: 'uk-UA',
  name: 'Українська',
  languages: 'Інша мова',
  heading: (t) => `Жеребкування: ${t}`,
  intro: ['Для цього заняття не важливо, хто перший.', 'Кожен, хто зареєструвався вчасно, бере участь у жеребкуванні. Кожна родина має однаковий шанс.'],
  when: 'Жеребкування',
  drawnAt: 'проведено',
  notPlanned: 'ще не визначено',
  secretHeading: 'Таємне число',
  beforeLead: 'Перед жеребкуванням ми зафіксували таємне число. Зараз ви бачите лише його відбиток:',
  before: [
    'Після жеребкування ми покажемо таємне число. Тоді кожен побачить, що воно відповідає цьому відбитку. Так ви знаєте, що ніхто не змінив число потім.',
    'Ніхто не може знати порядок заздалегідь. Він залежить від таємного числа і від усіх реєстрацій разом. Вони остаточні лише після закінчення реєстрації.',
    'Тож скасувати і зареєструватися знову не допоможе. Ви просто отримаєте новий шанс, а не кращий.',
  ],
  notYet: 'Жеребкування ще не відбулося.',
  afterLead: 'Таємне число було:',
  afterMatches: 'Воно відповідає відбитку, який ми показали до жеребкування:',
  afterCheck: 'Кожен може перевірити, що порядок правильний.',
  orderHeading: 'Порядок',
  order: ['Імен тут немає. Кожна родина має код із 12 знаків.', 'Свій код ви знайдете у своїй реєстрації. Відкрийте посилання з підтвердження.'],
  reserved:
    'Тут не видно, хто має kanspas (картку знижок). Деякі місця зарезервовані для родин із kanspas або з направленням. Лише організація може перевірити, хто мав право на таке місце.',
  noEntries: 'Жодна родина не брала участі.',
  columns: { rank: 'Місце в жеребкуванні', code: 'Код', children: 'Діти', result: 'Результат' },
  placed: 'місце',
  waiting: (n) => `список очікування ${n}`,
  tableScroll: 'Порядок жеребкування',
  checkSummary: 'Для тих, хто хоче перевірити',
  check: {
    commitment: 'Відбиток — це SHA-256 таємного числа (UTF-8) у шістнадцятковому записі.',
    code: 'Код родини: перші 12 знаків SHA-256(номер реєстрації).',
    closing: 'Значення закриття: SHA-256 усіх кодів жеребкування, відсортованих, по одному в рядку.',
    ticket: 'Квиток родини: HMAC-SHA256 з таємним числом як ключем, від значення закриття ":" код. Найменший квиток іде першим.',
    allocation: 'У цьому порядку кожна родина отримує звичайне місце, поки вони є. Потім зарезервовані місця йдуть родинам із пріоритетом. Інші потрапляють до списку очікування.',
    data: 'Усі дані цього жеребкування:',
    tool: 'Перерахуйте самі за допомогою Instap:',
    rule: 'Правило, як його застосовує комп’ютер (англійською):',
  },
};

const ar: DrawTexts = {
  dir: 'rtl',
  locale: 'ar-u-nu-latn',
  name: 'العربية',
  languages: 'لغة أخرى',
  heading: (t) => `القرعة: ${t}`,
  intro: ['في هذا النشاط، لا يهم من يأتي أولاً.', 'كل من يسجل في الوقت يشارك في القرعة. لكل عائلة الفرصة نفسها.'],
  when: 'القرعة',
  drawnAt: 'أُجريت في',
  notPlanned: 'لم يُحدد بعد',
  secretHeading: 'الرقم السري',
  beforeLead: 'قبل القرعة حددنا رقماً سرياً. الآن ترى بصمته فقط:',
  before: [
    'بعد القرعة نعرض الرقم السري. عندها يستطيع الجميع أن يروا أنه يطابق هذه البصمة. هكذا تعرف أن أحداً لم يغيّر الرقم بعد ذلك.',
    'لا أحد يستطيع أن يعرف الترتيب الآن. الترتيب يعتمد على الرقم السري وعلى كل التسجيلات معاً. وهي لا تُثبت إلا عند انتهاء التسجيل.',
    'لذلك لا يفيد الإلغاء والتسجيل من جديد. تحصل فقط على فرصة جديدة، لا على فرصة أفضل.',
  ],
  notYet: 'لم تُجرَ القرعة بعد.',
  afterLead: 'كان الرقم السري:',
  afterMatches: 'وهو يطابق البصمة التي عرضناها قبل القرعة:',
  afterCheck: 'يستطيع الجميع التحقق من أن الترتيب صحيح.',
  orderHeading: 'الترتيب',
  order: ['لا توجد أسماء هنا. لكل عائلة رمز من 12 حرفاً.', 'تجد رمزك مع تسجيلك. افتح الرابط في رسالة التأكيد.'],
  reserved:
    'لا يظهر هنا من لديه بطاقة kanspas (بطاقة التخفيض). بعض الأماكن محجوزة للعائلات التي لديها kanspas أو إحالة. الجهة المنظمة وحدها تستطيع التحقق من صاحب الحق في هذا المكان.',
  noEntries: 'لم تشارك أي عائلة.',
  columns: { rank: 'الترتيب في القرعة', code: 'الرمز', children: 'الأطفال', result: 'النتيجة' },
  placed: 'مكان',
  waiting: (n) => `قائمة الانتظار ${n}`,
  tableScroll: 'ترتيب القرعة',
  checkSummary: 'لمن يريد التحقق',
  check: {
    commitment: 'البصمة هي SHA-256 للرقم السري (UTF-8) بالنظام الست عشري.',
    code: 'رمز العائلة: أول 12 حرفاً من SHA-256(رقم التسجيل).',
    closing: 'قيمة الإغلاق: SHA-256 لكل رموز القرعة، مرتبة، رمز في كل سطر.',
    ticket: 'ورقة العائلة: HMAC-SHA256 بالرقم السري كمفتاح، على قيمة الإغلاق ":" الرمز. الورقة الأصغر تأتي أولاً.',
    allocation: 'بهذا الترتيب تحصل كل عائلة على مكان عادي ما دامت هناك أماكن. ثم تذهب الأماكن المحجوزة إلى العائلات ذات الأولوية. والباقون على قائمة الانتظار.',
    data: 'كل بيانات هذه القرعة:',
    tool: 'أعد الحساب بنفسك باستخدام Instap:',
    rule: 'القاعدة كما يطبقها الحاسوب (بالإنجليزية):',
  },
};

export const DRAW_TEXTS: Record<Language, DrawTexts> = { nl, fr, en, tr, uk, ar };
