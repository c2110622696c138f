/** Turkish: plain words, short sentences, the polite "siz". */
import type { Catalogue } from './types.js';

export const tr: Catalogue = {
  language: 'tr',
  locale: 'tr-TR',
  dir: 'ltr',
  hello: (name) => `Merhaba ${name},`,
  and: 've',
  session: (date, start, end) => `${date}, ${start} - ${end}`,
  at: (date, time) => `${date}, saat ${time}`,
  moreSessions: (n) => `Ve ${n} kez daha. Tüm tarihler sayfanızda.`,
  labels: {
    sessions: 'Ne zaman:',
    where: 'Nerede:',
    bring: 'Yanınızda getirin:',
    price: 'Fiyat:',
    free: 'ücretsiz',
    yourPage: 'Kaydınızı görün veya iptal edin:',
    calendar: 'Ekteki dosya tarihleri takviminize ekler.',
    register: 'Buradan kayıt olun:',
  },
  questions: (org, phone) => `Sorunuz mu var? ${org}: ${phone}.`,
  bye: (org) => `Görüşmek üzere!\n${org}`,
  kinds: {
    'registration-confirmed': (v) => ({
      subject: `${v.children}: ${v.title} kaydı tamam`,
      lines: [`İyi haber: ${v.children} için ${v.title} etkinliğinde yer var.`, 'Başka bir şey yapmanız gerekmiyor.', 'Ne zaman ve nerede olduğunu aşağıda okuyabilirsiniz.'],
    }),
    'registration-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} bekleme listesinde`,
      lines: [
        `${v.title} dolu.`,
        `${v.children} şimdi bekleme listesinde.`,
        `Sıra numaranız: ${v.position}.`,
        'Bir yer boşalırsa size mesaj gönderiyoruz.',
        'Bekleme listesindeyken hiçbir şey ödemezsiniz.',
      ],
    }),
    'registration-lottery': (v) => ({
      subject: `${v.title}: kura ${v.drawAt} tarihinde`,
      lines: [
        `${v.title} için kaydınızı aldık.`,
        'Yerden daha fazla çocuk var.',
        'Bu yüzden kura çekiyoruz.',
        `Kura ${v.drawAt} tarihinde.`,
        'Ne zaman kayıt olduğunuz önemli değil.',
        'Kuradan sonra size mesaj gönderiyoruz.',
      ],
    }),
    'draw-confirmed': (v) => ({
      subject: `${v.children}: ${v.title} için yer var`,
      lines: ['Kura çekildi.', `İyi haber: ${v.children} için yer var.`, 'Başka bir şey yapmanız gerekmiyor.', 'Ne zaman ve nerede olduğunu aşağıda okuyabilirsiniz.'],
    }),
    'draw-waitlisted': (v) => ({
      subject: `${v.title}: ${v.children} bekleme listesinde`,
      lines: [
        'Kura çekildi.',
        `${v.children} için yer kalmadı.`,
        ...(v.position ? [`Bekleme listesinde sıra numaranız: ${v.position}.`] : [`${v.children} bekleme listesinde.`]),
        'Bir yer boşalırsa size mesaj gönderiyoruz.',
      ],
    }),
    'offer-made': (v) => ({
      subject: `${v.title}: bir yer boşaldı`,
      lines: [
        `İyi haber: ${v.title} etkinliğinde ${v.children} için yer var.`,
        `Yeri istiyor musunuz? ${v.expires} tarihinden önce bize söyleyin.`,
        'Sayfanızı açın. Orada evet veya hayır seçin.',
        'Cevap vermezseniz yer başka birine gider.',
      ],
      link: 'Evet veya hayır deyin:',
    }),
    'offer-expired': (v) => ({
      subject: `${v.title}: seçim süresi bitti`,
      lines: [
        `${v.title} etkinliğinde bir yer boşalmıştı.`,
        'Zamanında cevap almadık.',
        'Bu yüzden yer başka birine gitti.',
        'Yine de katılmak istiyor musunuz? Bizi arayın. Birlikte bir yol arayalım.',
      ],
    }),
    'kanspas-not-valid': (v) => ({
      subject: `${v.title}: yeni fiyat`,
      lines: [
        'Kanspas kartınızı kontrol ettik.',
        'Bu kayıt için kartı kullanamıyoruz.',
        `${v.children} kayıtlı kalıyor. Yer değişmiyor.`,
        `Şimdi normal fiyatı ödüyorsunuz: ${v.newPrice}.`,
        'Yeni bir kanspas kartınız mı var? Ya da bu doğru değil mi? Bizi arayın.',
      ],
    }),
    'interest-reopened': (v) => ({
      subject: v.opensAt ? `${v.title}: kayıt ${v.opensAt} tarihinde başlıyor` : `${v.title} için şimdi kayıt olabilirsiniz`,
      lines: [
        `${v.title} hakkında mesaj istediniz.`,
        v.opensAt ? `Kayıt ${v.opensAt} tarihinde başlıyor.` : 'Kayıt yeniden açık.',
        v.hasLink ? 'Aşağıdaki bağlantıyı kullanın.' : 'Bizi arayın. Kaydı birlikte yapalım.',
        'Çok beklemeyin. Yer az.',
      ],
    }),
    'appointment-received': (v) => ({
      subject: `${v.org} sizinle iletişime geçecek`,
      lines: [
        'Randevu isteğinizi aldık.',
        `${v.workdays} iş günü içinde size ${v.byPhone ? 'telefon ediyoruz' : 'e-posta yazıyoruz'}.`,
        `En geç ${v.by}.`,
        'Bir şey yapmanız gerekmiyor.',
        'O günden sonra haber almadınız mı? Bizi arayın.',
      ],
    }),
  },
};
