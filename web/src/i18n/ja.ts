/** The web app's Japanese texts: the source of truth (en.ts has the same keys). */
export const ja = {
  app: {
    name: '人材バンク',
    city: 'いわき市 生涯学習',
    skipToContent: '本文へ移動',
    language: '言語',
    footer: 'いわき市 生涯学習課 人材バンク',
  },
  nav: {
    main: 'メインメニュー',
    home: 'ホーム',
    signIn: 'ログイン',
    signOut: 'ログアウト',
    signedInAs: '{{name}} さん',
  },
  home: {
    title: '人材バンク',
    lead: 'あなたの知識や経験を、学校や地域で活かしませんか。',
    what: 'いわき市の人材バンクは、知識や技能、学んだ成果を持つ市民と、それを必要とする学校・家庭教育支援・地域のサークルをつなぎます。',
    joinTitle: '登録するには',
    joinSteps: [
      'あなたの できることと 都合の よい 時間を 登録します(10分ほど)。',
      '生涯学習の 担当者が 内容を 確認します。',
      '学校や 地域から 依頼が あると、メールで お知らせします。引き受けるか どうかは あなたが 決めます。',
    ],
    askTitle: '人を探している方へ',
    askText:
      '学校の先生、家庭教育支援の窓口、地域の団体の方は、生涯学習課から届く招待メールで登録し、依頼を出せます。',
    signUp: '登録する',
  },
  signIn: {
    title: 'ログイン',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    forgot: 'パスワードを忘れた方',
  },
  notFound: { title: 'ページが見つかりません', back: 'ホームへ戻る' },
  errors: {
    network: 'サーバーに接続できませんでした。時間をおいてもう一度お試しください。',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? string[]
    : { [K in keyof T]: Widen<T[K]> };
export type WebCatalogue = Widen<typeof ja>;
