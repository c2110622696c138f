import type { Messages } from './nl.js';

/**
 * Arabic (Modern Standard, simple words), right to left. Digits stay Latin (nu-latn): they match
 * the phone numbers, prices and passes families see in Belgium.
 */
const ar: Messages = {
  lang: 'ar',
  locale: 'ar-u-nu-latn',
  dir: 'rtl',

  language: 'اللغة',
  readAloud: 'اقرأ بصوت عالٍ',
  stopReading: 'أوقف القراءة',

  loading: 'نحمّل النشاط الآن.',
  notFound: 'لا نجد هذا النشاط.',
  notFoundHint: 'ربما انتهى النشاط.',
  loadFailed: 'لا يمكن تحميل النشاط الآن.',
  tryAgain: 'حاول مرة أخرى',

  step: (n, total) => `الخطوة ${n} من ${total}`,
  back: 'رجوع',
  next: 'متابعة',

  ages: (min, max) =>
    min != null && max != null
      ? `للأطفال من عمر ${min} إلى ${max} سنة.`
      : min != null
        ? `للأطفال من عمر ${min} سنة وأكثر.`
        : `للأطفال حتى عمر ${max} سنة.`,
  when: 'متى؟',
  where: 'أين؟',
  bring: 'ماذا تحضر معك؟',
  cost: 'كم السعر؟',
  how: 'كيف تسجّل؟',
  session: (date, from, to) => `${date}، من ${from} إلى ${to}`,
  perChild: (price) => `${price} لكل طفل.`,
  free: 'النشاط مجاني.',
  kanspasPrice: (kanspas, standard) => `مع بطاقة kansenpas تدفع ${kanspas} بدلاً من ${standard}.`,
  seriesStarted: (n) =>
    n === 1
      ? 'بدأت الدروس من قبل. تدفع فقط ثمن الدرس الأخير.'
      : `بدأت الدروس من قبل. تدفع فقط ثمن الدروس الباقية وعددها ${n}.`,
  placesLeft: (n) => (n === 1 ? 'بقي مكان واحد.' : `بقي ${n} أماكن.`),
  reservedLeft: (n) =>
    n === 1
      ? 'بقي مكان واحد محجوز للعائلات التي لديها بطاقة kansenpas.'
      : `بقي ${n} أماكن محجوزة للعائلات التي لديها بطاقة kansenpas.`,
  full: 'كل الأماكن ممتلئة. يمكنك التسجيل في قائمة الانتظار.',
  firstCome: 'من يسجّل أولاً يحصل على مكان أولاً.',
  closesAt: (date) => `يمكنك التسجيل حتى ${date}.`,
  lottery: (date) => `لا داعي أن تكون الأول. في ${date} نقوم بالقرعة.`,
  lotteryFair: 'كل من يسجّل في الوقت له نفس الفرصة.',
  notOpen: (date) => `التسجيل لم يبدأ بعد. يبدأ في ${date}.`,
  closed: 'التسجيل مغلق.',
  awaitingDraw: (date) => `التسجيل مغلق. في ${date} نقوم بالقرعة على الأماكن.`,
  callToJoin: (org) => `هل تريد المشاركة رغم ذلك؟ اتصل بـ ${org}.`,
  callQuestions: (org) => `عندك سؤال؟ اتصل بـ ${org}.`,
  start: 'سجّل',
  startWaitlist: 'سجّل في قائمة الانتظار',
  dateAt: (date, time) => `${date} الساعة ${time}`,

  childrenQ: 'من تريد أن تسجّل؟',
  childrenHint: 'يمكنك تسجيل الإخوة والأخوات معاً.',
  child: (n) => `الطفل ${n}`,
  childRef: (n) => (n === 0 ? 'طفلك' : `الطفل ${n}`),
  firstName: 'الاسم الأول',
  birthYear: 'سنة الميلاد',
  birthYearHint: 'مثلاً 2016',
  addChild: 'أضف طفلاً آخر',
  removeChild: (who) => `احذف ${who}`,
  firstNameRequired: (who) => `اكتب الاسم الأول لـ ${who}.`,
  firstNameTooLong: 'الاسم الأول فيه 80 حرفاً على الأكثر.',
  birthYearRequired: (who) => `اكتب سنة ميلاد ${who}.`,
  birthYearNotAYear: 'اكتب السنة بأربعة أرقام، مثلاً 2016.',
  birthYearFuture: 'هذه السنة لم تأتِ بعد. اكتب سنة الميلاد، مثلاً 2016.',
  birthYearTooOld: 'هذه السنة قديمة جداً. اكتب سنة الميلاد، مثلاً 2016.',

  contactQ: 'كيف نتواصل معك؟',
  yourName: 'اسمك',
  reachHint: 'اكتب رقم هاتف أو بريداً إلكترونياً. واحد منهما يكفي.',
  phone: 'رقم الهاتف',
  phoneHint: 'مثلاً 0470 12 34 56',
  email: 'البريد الإلكتروني',
  optional: '(غير إجباري)',
  nameRequired: 'اكتب اسمك.',
  nameTooLong: 'الاسم فيه 80 حرفاً على الأكثر.',
  contactMissing: 'اكتب رقم هاتف أو بريداً إلكترونياً.',
  phoneFormat: 'اكتب رقم هاتف مثل 0470 12 34 56.',
  emailFormat: 'اكتب بريداً إلكترونياً مثل name@example.be.',

  kanspasQ: 'هل عندك بطاقة kansenpas؟',
  kanspasWhat: 'مع بطاقة kansenpas تدفع أقل. تعطي البلدية هذه البطاقة للعائلات ذات الدخل القليل.',
  kanspasYes: 'نعم، عندي بطاقة kansenpas',
  kanspasTrust: 'لا تحتاج إلى رقم أو صورة. نتحقق لاحقاً. تسجيلك مقبول دائماً.',
  youPay: (price, children) => (children === 1 ? `تدفع ${price}.` : `تدفع ${price} مقابل ${children} أطفال.`),

  checkQ: 'راجع أجوبتك',
  change: 'غيّر',
  children: 'الأطفال',
  childLine: (name, year) => `${name}، مولود سنة ${year}`,
  kanspas: 'بطاقة kansenpas',
  price: 'السعر',
  yes: 'نعم',
  no: 'لا',
  notGiven: 'غير مكتوب',
  checkFull: 'كل الأماكن ممتلئة. ستكون في قائمة الانتظار.',
  checkLottery: (date) => `في ${date} نقوم بالقرعة. بعدها تعرف إن كان لك مكان.`,
  submit: (names) => `سجّل ${names}`,
  sending: 'نرسل تسجيلك الآن.',

  errorTitle: 'هناك مشكلة',
  networkTitle: 'الإرسال لم ينجح',
  networkText: 'أجوبتك محفوظة. تأكد أن الإنترنت يعمل. ثم حاول مرة أخرى.',
  serverProblem: 'حدث خطأ عندنا. أجوبتك محفوظة.',
  closedNow: 'لم يعد التسجيل ممكناً الآن.',
  notOpenNow: 'التسجيل لم يبدأ بعد.',
  callUs: (org) => `اتصل بـ ${org}. سيساعدونك.`,

  confirmedTitle: (names) => `تم تسجيل ${names}`,
  confirmedText: 'مكانك مضمون.',
  waitlistTitle: 'أنت في قائمة الانتظار',
  waitlistPosition: (n) => `رقمك ${n} في قائمة الانتظار.`,
  waitlistNext: 'إذا صار هناك مكان فارغ، نخبرك.',
  lotteryTitle: 'أنت مشارك في القرعة',
  lotteryNext: (date) => `في ${date} نقوم بالقرعة. بعدها نخبرك إن كان لك مكان.`,
  nextTitle: 'ماذا يحدث الآن؟',
  firstSession: (when) => `المرة الأولى يوم ${when}.`,
  kanspasLater: 'أحضر بطاقة kansenpas معك. نتحقق منها لاحقاً.',
  questions: 'أسئلة؟',
  addToCalendar: 'أضف إلى التقويم',
  keepTitle: 'احتفظ بهذا الرابط',
  keepText: 'بهذا الرابط يمكنك لاحقاً أن ترى تسجيلك أو تلغيه.',

  viewTitle: (title) => `تسجيلك في ${title}`,
  viewNotFound: 'لا نجد هذا التسجيل.',
  statusOffered: 'هناك مكان فارغ لك. اتصل بنا لتأخذه.',
  statusCancelled: 'تم إلغاء هذا التسجيل.',
  cancel: 'ألغِ التسجيل',
  cancelQ: (names) => `هل تريد إلغاء تسجيل ${names}؟`,
  cancelText: 'سيذهب مكانك إلى عائلة أخرى.',
  cancelYes: 'نعم، ألغِ',
  cancelNo: 'لا، ارجع',
  cancelledTitle: 'تم إلغاء تسجيلك',
  cancelledText: 'يذهب مكانك إلى عائلة أخرى.',

  help: 'تحتاج مساعدة؟ احجز موعداً',
  helpText: (org) => `اتصل بـ ${org}. سيساعدك شخص بكل سرور.`,
};

export default ar;
