import type { Locale } from '../common/i18n/i18n.js';

/** One part of the privacy notice: a heading and its paragraphs. */
export interface NoticeSection {
  heading: string;
  paragraphs: string[];
}

/**
 * The privacy notice residents agree to when they sign up, in full. It is the notice of the version in
 * `PRIVACY_NOTICE_VERSION`: whoever changes this text raises that version, and every resident is then
 * asked to agree again before they are matched.
 */
export const PRIVACY_NOTICE: Record<Locale, { title: string; sections: NoticeSection[] }> = {
  ja: {
    title: '人材バンクにおける個人情報の取り扱い',
    sections: [
      {
        heading: '1. 利用の目的',
        paragraphs: [
          'いわき市(生涯学習課)は、人材バンクに登録された個人情報を、学校・家庭教育支援・地域の団体からの依頼とあなたをつなぐため、及び活動の記録と年次の集計のためにだけ利用します。',
        ],
      },
      {
        heading: '2. 登録していただく情報',
        paragraphs: [
          '氏名とふりがな、メールアドレス、電話番号、お住まいの地区と出向ける地区、使える言語、技能と学習の成果、活動できる曜日と時間、活動できない日、1か月に引き受けられる回数です。',
        ],
      },
      {
        heading: '3. 情報を見る人',
        paragraphs: [
          '生涯学習の担当者(生涯学習指導者)と市の担当課が見ます。依頼した学校や団体には、はじめは表示名(例:鈴木さん)と依頼に合う技能だけを示し、氏名と連絡先はあなたが依頼を引き受けた後にだけ示します。',
          '公開の人材バンク登録者一覧には、あなたが掲載を希望した場合に限り、表示名・分野と技能・地区・オンライン可否を載せます。連絡先は載せません。',
        ],
      },
      {
        heading: '4. 保存と削除',
        paragraphs: [
          '登録をやめると、氏名、ふりがな、連絡先、技能、学習の成果、都合、コメントはすぐに消去します。市の年次報告のため、お住まいの地区と活動の回数・時間・評価だけは、個人が分からない形で残します。',
        ],
      },
      {
        heading: '5. あなたができること',
        paragraphs: [
          'マイページから、いつでも登録内容の確認・訂正、すべての情報のダウンロード、登録の取りやめができます。',
        ],
      },
      {
        heading: '6. お問い合わせ',
        paragraphs: ['いわき市 生涯学習課 人材バンク担当'],
      },
    ],
  },
  en: {
    title: 'How the talent bank handles your personal information',
    sections: [
      {
        heading: '1. Purpose',
        paragraphs: [
          "Iwaki City (Lifelong Learning Division) uses the personal information registered in the talent bank only to connect you with requests from schools, family-education support and community groups, and to keep records of activities and the city's yearly figures.",
        ],
      },
      {
        heading: '2. What you register',
        paragraphs: [
          'Your name and its reading, email address, phone number, home district and the districts you can travel to, languages, skills and learning outcomes, the weekdays and times you are free, days you are not, and how many activities a month you can take on.',
        ],
      },
      {
        heading: '3. Who sees it',
        paragraphs: [
          'The lifelong-learning advisers and the city division see it. A school or group that asked for someone first sees only a display name (e.g. Suzuki-san) and the skills that fit their request; your full name and contact details only once you have accepted.',
          'The public register of instructors lists you only if you ask to be listed: display name, fields and skills, districts, and whether you work online. Never contact details.',
        ],
      },
      {
        heading: '4. Keeping and erasing',
        paragraphs: [
          "When you withdraw, your name, reading, contact details, skills, learning outcomes, availability and comments are erased at once. For the city's yearly report only your home district and the number, hours and ratings of your activities are kept, in a form that no longer identifies you.",
        ],
      },
      {
        heading: '5. Your rights',
        paragraphs: [
          'On My page you can check and correct what you registered, download all of it, and withdraw at any time.',
        ],
      },
      {
        heading: '6. Contact',
        paragraphs: ['Iwaki City Lifelong Learning Division, Talent Bank desk'],
      },
    ],
  },
};
