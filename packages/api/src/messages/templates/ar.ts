/** Arabic (Modern Standard, simple): right to left; digits stay Latin, like the phone numbers. */
import { arabicCount } from '@instap/core';
import type { Catalogue } from './types.js';

export const ar: Catalogue = {
  language: 'ar',
  locale: 'ar-u-nu-latn',
  dir: 'rtl',
  hello: (name) => `مرحبًا ${name}،`,
  and: 'و',
  session: (date, start, end) => `${date}، من ${start} إلى ${end}`,
  at: (date, time) => `${date} الساعة ${time}`,
  moreSessions: (n) => `و${arabicCount(n, ['مرة أخرى', 'مرتان أخريان', '# مرات أخرى', '# مرة أخرى'])}. كل المواعيد في صفحتك.`,
  labels: {
    sessions: 'متى:',
    where: 'أين:',
    bring: 'ماذا تحضر معك:',
    price: 'السعر:',
    free: 'مجانًا',
    yourPage: 'شاهد تسجيلك أو ألغه:',
    calendar: 'الملف المرفق يضع المواعيد في تقويمك.',
    register: 'سجّل هنا:',
  },
  pay: {
    title: 'الدفع:',
    due: (price) => `تدفع ${price}.`,
    by: (date) => `ادفع قبل ${date} على الأكثر.`,
    partly: (paid, left) => `دفعت ${paid}. بقي عليك ${left}.`,
    plan: (price, date) => `${price} قبل ${date} على الأكثر`,
    paid: 'تم الدفع، شكراً.',
    nothing: 'لا تحتاج إلى دفع أي شيء.',
    third: 'هل يدفع عنك OCMW (مكتب المساعدة الاجتماعية) أو منظمة أخرى؟ أخبرنا. عندها لا تحتاج إلى دفع أي شيء بنفسك.',
    wait: 'لا تدفع شيئاً ما دمت تنتظر.',
    online: 'الدفع عبر الإنترنت: افتح صفحتك في الأسفل. اختر هناك "ادفع الآن عبر الإنترنت".',
    transfer: 'بتحويل بنكي:',
    iban: 'رقم الحساب',
    name: 'باسم',
    amount: 'المبلغ',
    reference: 'البيان',
    referenceHint: 'انقل البيان كما هو تماماً. هكذا نعرف أنك دفعت.',
    scan: 'في صفحتك أيضاً رمز لتطبيق البنك. لا تحتاج إلى استعماله.',
    desk: 'في المكتب:',
    deskText: 'ادفع في المكتب. أو في المرة الأولى.',
    hard: 'هل الدفع صعب عليك؟ اتصل بنا: نبحث معاً عن حل. يمكنك الدفع على أقساط. أو يدفع شخص آخر عنك.',
  },
  questions: (org, phone) => `عندك سؤال؟ اتصل بـ ${org} على ${phone}.`,
  bye: (org) => `إلى اللقاء!\n${org}`,
  kinds: {
    'registration-confirmed': (v) => ({
      subject: `${v.children}: تم التسجيل في ${v.title}`,
      lines: [`خبر جيد: يوجد مكان لـ ${v.children} في ${v.title}.`, v.toPay ? 'تجد في الأسفل كيف تدفع.' : 'لا تحتاج أن تفعل شيئًا آخر.', 'تجد في الأسفل متى وأين.'],
    }),
    'registration-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} في قائمة الانتظار`,
      lines: [
        `${v.title} ممتلئ.`,
        `${v.children} الآن في قائمة الانتظار.`,
        `رقمك هو ${v.position}.`,
        'إذا أصبح مكان فارغًا، نرسل لك رسالة.',
        'لا تدفع شيئًا وأنت في قائمة الانتظار.',
      ],
    }),
    'registration-lottery': (v) => ({
      subject: `${v.title}: القرعة يوم ${v.drawAt}`,
      lines: [
        `وصلنا تسجيلك في ${v.title}.`,
        'عدد الأطفال أكبر من عدد الأماكن.',
        'لذلك نقوم بقرعة.',
        `القرعة يوم ${v.drawAt}.`,
        'وقت التسجيل لا يهم.',
        'بعد القرعة نرسل لك رسالة.',
      ],
    }),
    'draw-confirmed': (v) => ({
      subject: `${v.children}: يوجد مكان في ${v.title}`,
      lines: ['تمت القرعة.', `خبر جيد: يوجد مكان لـ ${v.children}.`, v.toPay ? 'تجد في الأسفل كيف تدفع.' : 'لا تحتاج أن تفعل شيئًا آخر.', 'تجد في الأسفل متى وأين.'],
    }),
    'draw-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} في قائمة الانتظار`,
      lines: [
        'تمت القرعة.',
        `لم يبق مكان لـ ${v.children}.`,
        ...(v.position ? [`رقمك في قائمة الانتظار هو ${v.position}.`] : [`${v.children} في قائمة الانتظار.`]),
        'إذا أصبح مكان فارغًا، نرسل لك رسالة.',
      ],
    }),
    'offer-made': (v) => ({
      subject: `${v.title}: يوجد مكان فارغ`,
      lines: [
        `خبر جيد: يوجد مكان لـ ${v.children} في ${v.title}.`,
        `هل تريد المكان؟ أخبرنا قبل ${v.expires}.`,
        'افتح صفحتك. اختر نعم أو لا.',
        'إذا لم تجب، يذهب المكان إلى شخص آخر.',
      ],
      link: 'قل نعم أو لا:',
    }),
    'offer-expired': (v) => ({
      subject: `${v.title}: انتهى وقت الاختيار`,
      lines: [
        `كان هناك مكان فارغ في ${v.title}.`,
        'لم يصلنا جوابك في الوقت.',
        'لذلك ذهب المكان إلى شخص آخر.',
        'هل ما زلت تريد المشاركة؟ اتصل بنا. نبحث عن حل معًا.',
      ],
    }),
    'kanspas-not-valid': (v) => ({
      subject: `${v.title}: سعر جديد`,
      lines: [
        'فحصنا بطاقة kanspas الخاصة بك.',
        'لا نستطيع استعمالها لهذا التسجيل.',
        `${v.children} ما زال مسجلًا. المكان لا يتغير.`,
        `تدفع الآن السعر العادي: ${v.newPrice}.`,
        'عندك بطاقة جديدة؟ أو هذا غير صحيح؟ اتصل بنا.',
      ],
    }),
    'interest-reopened': (v) => ({
      subject: v.opensAt ? `${v.title}: التسجيل يبدأ ${v.opensAt}` : `${v.title}: التسجيل مفتوح الآن`,
      lines: [
        `طلبت منا رسالة عن ${v.title}.`,
        v.opensAt ? `التسجيل يبدأ ${v.opensAt}.` : 'التسجيل مفتوح من جديد.',
        v.hasLink ? 'استعمل الرابط في الأسفل.' : 'اتصل بنا. نسجل معًا.',
        'لا تنتظر كثيرًا. الأماكن قليلة.',
      ],
    }),
    'appointment-received': (v) => ({
      subject: `${v.org} سيتصل بك`,
      lines: [
        'وصلنا طلبك لموعد.',
        `${v.byPhone ? 'نتصل بك' : 'نكتب لك'} خلال ${arabicCount(v.workdays, ['يوم عمل واحد', 'يومَي عمل', '# أيام عمل', '# يوم عمل'])}.`,
        `يعني في موعد أقصاه ${v.by}.`,
        'لا تحتاج أن تفعل شيئًا.',
        'لم تسمع منا بعد هذا اليوم؟ اتصل بنا.',
      ],
    }),
  },
};
