import type { Actor } from '../common/actor/actor.js';
import type { CreateRequestDto, SlotDto } from '../requests/dto/request.dto.js';
import type {
  AvailabilityWindowDto,
  CreateVolunteerDto,
  LearningOutcomeDto,
  UnavailableDateDto,
  VolunteerSkillDto,
} from '../volunteers/dto/volunteer-profile.dto.js';

/**
 * A small, believable Iwaki for `npm run seed`: residents of all thirteen districts and the requests that
 * schools, family-education support and community groups make of them. Everything is written out by
 * hand, so the same day always gives the same city; only the dates move, computed from the day the seed
 * runs, so the requests always lie ahead. The residents' weekly times are chosen so that almost every
 * published request has people who fit it: retirees free on weekday daytimes for the schools, working
 * people free on evenings and weekends for the evening and weekend courses.
 */

export const DEMO_COORDINATOR: Actor = { id: 'demo-coordinator', role: 'coordinator' };

/** The version of the privacy notice the consenting residents agreed to. */
const PRIVACY_NOTICE_VERSION = '2026-04';

export interface DemoResident {
  profile: CreateVolunteerDto;
  /** Whether a coordinator has reviewed and activated them; the others wait in the review queue. */
  activate: boolean;
}

export interface DemoRequest {
  /** The school, group or desk asking, as the actor that creates (and publishes) the request. */
  requester: Actor;
  /** The request, with the name of the organisation asking (the seed registers the organisation). */
  input: CreateRequestDto & { organisationName: string };
  /** Published for matching; the rest stay drafts their organiser has not sent yet. */
  publish: boolean;
}

export interface DemoCity {
  residents: DemoResident[];
  requests: DemoRequest[];
}

type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const [MON, TUE, WED, THU, FRI, SAT, SUN]: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [MON, TUE, WED, THU, FRI];
const WEEKEND = [SAT, SUN];

const DAY_MS = 86_400_000;

/** Inclusive `MM-DD` ranges, possibly across New Year. */
type Period = [from: string, to: string];

/** Public halls (公民館) close over the New Year. */
const NEW_YEAR_CLOSURE: Period = ['12-29', '01-03'];
/** Schools are also out for their seasonal breaks (roughly, as in Iwaki)... */
const SCHOOL_BREAKS: Period[] = [
  ['07-21', '08-24'],
  ['12-24', '01-07'],
  ['03-24', '04-06'],
];
/** ...and on national holidays. The movable ones fall on Mondays, which school visits here avoid. */
const FIXED_HOLIDAYS = [
  '01-01',
  '02-11',
  '02-23',
  '03-20',
  '04-29',
  '05-03',
  '05-04',
  '05-05',
  '09-23',
  '11-03',
  '11-23',
];

function within(date: string, [from, to]: Period): boolean {
  const monthDay = date.slice(5);
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

type ClosedOn = (date: string) => boolean;
const hallsClosed: ClosedOn = (date) => within(date, NEW_YEAR_CLOSURE);
const schoolClosed: ClosedOn = (date) =>
  SCHOOL_BREAKS.some((period) => within(date, period)) || FIXED_HOLIDAYS.includes(date.slice(5));

/** Calendar dates (`YYYY-MM-DD`, Japan) counted from the day the seed runs. */
class Calendar {
  private readonly today: string;

  constructor(today: string) {
    this.today = today;
  }

  /** The `weekday` that falls `weeksAhead` weeks from today: between 7·weeksAhead and 7·weeksAhead + 6 days on. */
  on(weekday: IsoWeekday, weeksAhead: number): string {
    const todayWeekday = ((new Date(`${this.today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    return plusDays(this.today, ((weekday - todayWeekday + 7) % 7) + 7 * weeksAhead);
  }

  /**
   * `count` dates a week apart on `weekday`, from `weeksAhead` weeks on, passing over the weeks the place
   * is closed (as a weekly course skips the New Year holidays).
   */
  weekly(weekday: IsoWeekday, weeksAhead: number, count: number, closed: ClosedOn = hallsClosed): string[] {
    const dates: string[] = [];
    for (let date = this.on(weekday, weeksAhead); dates.length < count; date = plusDays(date, 7)) {
      if (!closed(date)) dates.push(date);
    }
    return dates;
  }

  /**
   * A school day on `weekday` about `weeksAhead` weeks on: when that week is in a break, an earlier week
   * (but at least two weeks on) before a later one, so the visit stays within the next two months.
   */
  schoolDay(weekday: IsoWeekday, weeksAhead: number): string[] {
    const earlier = Array.from({ length: Math.max(0, weeksAhead - 2) }, (_, i) => weeksAhead - 1 - i);
    for (const weeks of [weeksAhead, ...earlier]) {
      const date = this.on(weekday, weeks);
      if (!schoolClosed(date)) return [date];
    }
    return this.weekly(weekday, weeksAhead + 1, 1, schoolClosed);
  }

  /** `count` consecutive days from `date`. */
  days(date: string, count: number): string[] {
    return Array.from({ length: count }, (_, day) => plusDays(date, day));
  }
}

function plusDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** One session per date, from `start` to `end` Japan time. */
function sessions(dates: string[], start: string, end: string): SlotDto[] {
  return dates.map((date) => ({ startsAt: `${date}T${start}:00+09:00`, endsAt: `${date}T${end}:00+09:00` }));
}

/** Applications close at 17:00 Japan time, `days` before the first session. */
function deadlineBefore(firstSession: SlotDto, days: number): string {
  return `${plusDays(firstSession.startsAt.slice(0, 10), -days)}T17:00:00+09:00`;
}

function free(weekdays: IsoWeekday[], startTime: string, endTime: string): AvailabilityWindowDto[] {
  return weekdays.map((weekday) => ({ weekday, startTime, endTime }));
}

function away(dates: string[], reason: string): UnavailableDateDto[] {
  return dates.map((date) => ({ date, reason }));
}

function outcome(
  kind: LearningOutcomeDto['kind'],
  title: string,
  issuer: string | undefined,
  achievedOn: string | undefined,
  skillCodes: string[],
): LearningOutcomeDto {
  return { kind, title, issuer, achievedOn, skillCodes };
}

/** A resident as the table below writes them; {@link profileOf} fills in the rest. */
interface ResidentSketch {
  name: string;
  kana: string;
  /** Local part of their address on example.jp. */
  mail: string;
  phone: string;
  home: string;
  travel: string[];
  online?: boolean;
  languages?: string[];
  monthlyCap: number;
  skills: [skillCode: string, level: number, note?: string][];
  outcomes?: LearningOutcomeDto[];
  free: AvailabilityWindowDto[];
  away?: UnavailableDateDto[];
  /** Has not yet agreed to the privacy notice, so cannot be activated either. */
  noConsentYet?: boolean;
  /** Registered recently: still waiting for a coordinator's review. */
  awaitingReview?: boolean;
}

function profileOf(sketch: ResidentSketch): DemoResident {
  const skills: VolunteerSkillDto[] = sketch.skills.map(([skillCode, level, note]) => ({
    skillCode,
    level,
    note,
  }));
  return {
    profile: {
      name: sketch.name,
      nameKana: sketch.kana,
      email: `${sketch.mail}@example.jp`,
      phone: sketch.phone,
      homeDistrictCode: sketch.home,
      travelDistrictCodes: sketch.travel,
      onlineAvailable: sketch.online ?? false,
      languages: sketch.languages ?? ['ja'],
      monthlyCap: sketch.monthlyCap,
      skills,
      learningOutcomes: sketch.outcomes ?? [],
      availability: sketch.free,
      unavailableDates: sketch.away ?? [],
      consent: sketch.noConsentYet ? undefined : { version: PRIVACY_NOTICE_VERSION, agreed: true },
    },
    activate: !sketch.awaitingReview && !sketch.noConsentYet,
  };
}

function residents(calendar: Calendar): ResidentSketch[] {
  return [
    // Retirees: free on weekday daytimes, the schools' guest teachers and the daytime courses.
    {
      name: '草野 茂',
      kana: 'くさの しげる',
      mail: 'kusano.shigeru',
      phone: '0246-54-3182',
      home: 'onahama',
      travel: ['joban'],
      monthlyCap: 3,
      skills: [
        ['careers.fisheries', 5, '底びき網漁船に40年乗り、魚市場の仕事にも詳しい'],
        ['nature.river-and-sea', 4, '小名浜港で揚がる魚の見分け方'],
      ],
      outcomes: [
        outcome('work_experience', '底びき網漁業 乗組員・漁労長（40年）', undefined, '2019-03-31', [
          'careers.fisheries',
        ]),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '新妻 敏子',
      kana: 'にいつま としこ',
      mail: 'niitsuma.toshiko',
      phone: '0246-58-2047',
      home: 'onahama',
      travel: ['nakoso', 'joban'],
      monthlyCap: 4,
      skills: [
        ['nature.river-and-sea', 5, '磯の生き物観察会を長年担当'],
        ['nature.observation', 4],
        ['careers.fisheries', 3, '漁業と資源管理の展示解説'],
      ],
      outcomes: [
        outcome('work_experience', '水族館 教育普及担当（25年）', undefined, '2021-03-31', [
          'nature.river-and-sea',
          'careers.fisheries',
        ]),
        outcome('certificate', '学芸員', undefined, '1983-03-31', ['nature.observation']),
      ],
      free: free([TUE, WED, THU], '09:00', '15:00'),
    },
    {
      name: '猪狩 正男',
      kana: 'いがり まさお',
      mail: 'igari.masao',
      phone: '0246-32-4410',
      home: 'yotsukura',
      travel: ['hisanohama-oohisa', 'onahama', 'taira'],
      monthlyCap: 4,
      skills: [
        ['disaster.recovery-stories', 5, '四倉で津波を経験。避難と再建の語り部を続けている'],
        ['careers.fisheries', 4, '元漁師（刺し網漁）'],
        ['disaster.earthquake-tsunami', 3],
      ],
      outcomes: [
        outcome('course', '震災語り部 養成講座', 'いわき市', '2014-11-30', ['disaster.recovery-stories']),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '蛭田 ミツ子',
      kana: 'ひるた みつこ',
      mail: 'hiruta.mitsuko',
      phone: '0246-82-3155',
      home: 'hisanohama-oohisa',
      travel: ['yotsukura'],
      monthlyCap: 2,
      skills: [
        ['disaster.recovery-stories', 4, '久之浜を襲った津波と火災の体験を語る'],
        ['history.old-games', 4, 'お手玉・おはじき・あやとり'],
      ],
      free: free([MON, THU], '09:30', '16:00'),
      away: away([calendar.on(MON, 3)], '通院'),
    },
    {
      name: '志賀 健一',
      kana: 'しが けんいち',
      mail: 'shiga.kenichi',
      phone: '0246-25-6618',
      home: 'taira',
      travel: ['uchigo', 'yotsukura', 'yoshima', 'joban'],
      monthlyCap: 6,
      skills: [
        ['disaster.first-aid', 5, '応急手当普及員。AEDと心肺蘇生の指導'],
        ['disaster.evacuation-drills', 5],
        ['disaster.earthquake-tsunami', 4],
        ['disaster.recovery-stories', 3, '救急隊員として見た震災の現場'],
      ],
      outcomes: [
        outcome('work_experience', '消防本部 救急隊員（35年）', undefined, '2018-03-31', [
          'disaster.first-aid',
          'disaster.evacuation-drills',
        ]),
        outcome('certificate', '防災士', '日本防災士機構', '2019-02-10', [
          'disaster.earthquake-tsunami',
          'disaster.evacuation-drills',
        ]),
      ],
      free: [...free(WEEKDAYS, '09:00', '17:00'), ...free([THU], '18:00', '21:00')],
    },
    {
      name: '遠藤 和子',
      kana: 'えんどう かずこ',
      mail: 'endo.kazuko',
      phone: '0246-63-2217',
      home: 'nakoso',
      travel: ['tabito', 'onahama'],
      monthlyCap: 4,
      skills: [
        ['history.local-history', 5, '勿来の関と常磐線の歴史を調べて30年'],
        ['family.home-learning', 4, '元小学校教諭。宿題の見守りと声かけ'],
        ['history.calligraphy', 4],
      ],
      outcomes: [
        outcome('work_experience', '小学校教諭（38年）', undefined, '2016-03-31', [
          'family.home-learning',
          'history.local-history',
        ]),
        outcome('course', '勿来の関 歴史ガイド養成講座', undefined, '2017-10-15', ['history.local-history']),
      ],
      free: free(WEEKDAYS, '09:00', '17:30'),
    },
    {
      name: '吉野 博',
      kana: 'よしの ひろし',
      mail: 'yoshino.hiroshi',
      phone: '0246-23-8841',
      home: 'taira',
      travel: ['nakoso', 'uchigo', 'yoshima', 'joban', 'ogawa'],
      monthlyCap: 3,
      skills: [
        ['history.local-history', 5, '磐城平藩と城下町の歴史'],
        ['history.jangara', 3, '保存会の記録づくりを手伝っている'],
      ],
      outcomes: [
        outcome('other', '郷土史研究会 会員（講演30回以上）', undefined, undefined, [
          'history.local-history',
        ]),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
      away: away([calendar.on(FRI, 4)], '法事'),
    },
    {
      name: '根本 キヨ',
      kana: 'ねもと きよ',
      mail: 'nemoto.kiyo',
      phone: '0246-26-7734',
      home: 'uchigo',
      travel: [],
      monthlyCap: 2,
      skills: [
        ['history.old-games', 5, 'こま回し・おはじき・あやとり・お手玉'],
        ['arts.handicrafts', 4, 'お手玉づくり'],
      ],
      free: free([TUE, FRI], '09:00', '12:30'),
    },
    {
      name: '松本 忠',
      kana: 'まつもと ただし',
      mail: 'matsumoto.tadashi',
      phone: '0246-27-4903',
      home: 'uchigo',
      travel: ['taira', 'joban'],
      monthlyCap: 4,
      skills: [
        ['history.old-games', 4, '竹とんぼ・けん玉・竹馬づくり'],
        ['careers.manufacturing', 4, '炭鉱の機械整備工として働いた'],
      ],
      outcomes: [
        outcome('work_experience', '常磐炭田 機械整備工', undefined, '1976-09-30', ['careers.manufacturing']),
      ],
      free: free(WEEKDAYS, '09:00', '15:00'),
    },
    {
      name: '赤津 節子',
      kana: 'あかつ せつこ',
      mail: 'akatsu.setsuko',
      phone: '0246-36-2208',
      home: 'yoshima',
      travel: ['uchigo', 'taira'],
      monthlyCap: 4,
      skills: [
        ['family.picture-books', 4, '小学校の朝の読み聞かせを10年'],
        ['history.old-games', 3, 'お手玉・羽根つき'],
      ],
      outcomes: [
        outcome('course', '読み聞かせボランティア養成講座', 'いわき市立いわき総合図書館', '2015-06-20', [
          'family.picture-books',
        ]),
      ],
      free: free(WEEKDAYS, '08:00', '13:00'),
    },
    {
      name: '坂本 勝',
      kana: 'さかもと まさる',
      mail: 'sakamoto.masaru',
      phone: '0246-43-5521',
      home: 'joban',
      travel: ['yoshima', 'uchigo', 'taira'],
      monthlyCap: 3,
      skills: [
        ['history.jangara', 5, '保存会で鉦と太鼓を30年。子ども向けの体験指導も'],
        ['arts.music', 3, '太鼓'],
      ],
      outcomes: [
        outcome('other', 'じゃんがら念仏踊り保存会 会員（30年）', undefined, undefined, ['history.jangara']),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '緑川 勇',
      kana: 'みどりかわ いさむ',
      mail: 'midorikawa.isamu',
      phone: '0246-36-4482',
      home: 'yoshima',
      travel: ['ogawa'],
      monthlyCap: 3,
      skills: [
        ['history.jangara', 4, '新盆供養で毎年踊っている'],
        ['nature.agriculture', 4, '米と野菜の農家'],
      ],
      // Farm work takes the mornings.
      free: free([MON, WED, FRI], '13:00', '17:00'),
    },
    {
      name: '箱崎 美智子',
      kana: 'はこざき みちこ',
      mail: 'hakozaki.michiko',
      phone: '0246-83-1129',
      home: 'ogawa',
      travel: ['taira', 'yoshima'],
      monthlyCap: 4,
      skills: [
        ['family.parenting-talk', 5, '元保健師。乳幼児健診と子育て相談を30年'],
        ['sports.health-exercise', 4],
        ['careers.career-talk', 3, '保健師という仕事について'],
      ],
      outcomes: [
        outcome('certificate', '保健師', '厚生労働省', '1984-04-01', [
          'family.parenting-talk',
          'sports.health-exercise',
        ]),
      ],
      free: free([MON, TUE, WED, THU, FRI, SAT], '09:00', '16:00'),
    },
    {
      name: '大平 幸雄',
      kana: 'おおひら ゆきお',
      mail: 'ohira.yukio',
      phone: '0246-83-2671',
      home: 'ogawa',
      travel: ['taira', 'yoshima', 'miwa'],
      monthlyCap: 3,
      skills: [
        ['careers.career-talk', 4, '地元で建設会社を経営してきた。働くことの話'],
        ['careers.entrepreneurship', 4],
      ],
      outcomes: [
        outcome('work_experience', '建設会社 代表取締役（20年）', undefined, '2020-06-30', [
          'careers.entrepreneurship',
          'careers.career-talk',
        ]),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '阿部 隆',
      kana: 'あべ たかし',
      mail: 'abe.takashi',
      phone: '0246-32-7765',
      home: 'yotsukura',
      travel: ['hisanohama-oohisa', 'taira'],
      monthlyCap: 5,
      skills: [
        ['it.smartphone', 4, 'シニア向けスマホ相談会の講師経験'],
        ['it.office-software', 4],
        ['it.internet-safety', 3],
      ],
      outcomes: [
        outcome('work_experience', '通信会社 技術職（37年）', undefined, '2017-03-31', ['it.smartphone']),
        outcome('certificate', '基本情報技術者', '情報処理推進機構', '1995-12-20', ['it.office-software']),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '矢吹 良子',
      kana: 'やぶき よしこ',
      mail: 'yabuki.yoshiko',
      phone: '0246-82-2290',
      home: 'hisanohama-oohisa',
      travel: ['yotsukura'],
      monthlyCap: 3,
      skills: [
        ['it.smartphone', 3, 'スマホ教室のサポーター'],
        ['family.picture-books', 4],
      ],
      free: free([WED, THU], '09:00', '15:30'),
      away: away([calendar.on(THU, 6)], '通院'),
    },
    {
      name: '菅野 俊夫',
      kana: 'かんの としお',
      mail: 'kanno.toshio',
      phone: '0246-86-2117',
      home: 'miwa',
      travel: ['ogawa', 'kawamae'],
      languages: ['ja', 'en'],
      monthlyCap: 3,
      skills: [
        ['international.english', 4, '元中学校英語教諭'],
        ['nature.agriculture', 4, '三和でブルーベリー農園'],
      ],
      outcomes: [
        outcome('work_experience', '中学校 英語教諭（36年）', undefined, '2018-03-31', [
          'international.english',
        ]),
      ],
      free: free(WEEKDAYS, '09:00', '15:00'),
    },
    {
      name: '橋本 千代',
      kana: 'はしもと ちよ',
      mail: 'hashimoto.chiyo',
      phone: '0246-69-2236',
      home: 'tabito',
      travel: ['nakoso'],
      monthlyCap: 2,
      skills: [
        ['arts.handicrafts', 5, 'わら細工・しめ縄づくり'],
        ['history.old-games', 3],
      ],
      free: free([TUE, THU], '10:00', '14:00'),
    },
    {
      name: '鈴木 清',
      kana: 'すずき きよし',
      mail: 'suzuki.kiyoshi',
      phone: '0246-84-2301',
      home: 'kawamae',
      travel: ['ogawa', 'miwa'],
      monthlyCap: 2,
      skills: [
        ['nature.observation', 5, '野鳥と山野草。夏井川渓谷の観察会を案内'],
        ['nature.agriculture', 3],
      ],
      outcomes: [
        outcome('certificate', '自然観察指導員', '日本自然保護協会', '2008-05-18', ['nature.observation']),
      ],
      free: [...free(WEEKDAYS, '09:00', '16:00'), ...free([SAT], '08:00', '12:00')],
    },

    // Working people: free on weekday evenings (18:00–21:00) and at weekends.
    {
      name: '渡辺 美咲',
      kana: 'わたなべ みさき',
      mail: 'watanabe.misaki',
      phone: '090-3128-4471',
      home: 'onahama',
      travel: ['joban'],
      monthlyCap: 2,
      skills: [
        ['family.childcare', 5, '保育園勤務（保育士12年）'],
        ['family.picture-books', 4],
      ],
      outcomes: [outcome('certificate', '保育士', '福島県', '2012-03-31', ['family.childcare'])],
      free: [...free(WEEKDAYS, '18:00', '21:00'), ...free([SAT], '09:00', '17:00')],
    },
    {
      name: '小野 拓海',
      kana: 'おの たくみ',
      mail: 'ono.takumi',
      phone: '080-5521-3306',
      home: 'joban',
      travel: ['taira', 'onahama', 'nakoso', 'uchigo'],
      online: true,
      monthlyCap: 4,
      skills: [
        ['family.home-learning', 3, '教育学部3年。小学生の算数が得意'],
        ['sports.ball-games', 4, 'サッカー少年団のコーチ'],
        ['family.childcare', 2],
      ],
      outcomes: [
        outcome('course', '学童保育ボランティア研修', 'いわき市社会福祉協議会', '2025-05-24', [
          'family.childcare',
          'family.home-learning',
        ]),
      ],
      // A student: free once lectures end.
      free: [...free(WEEKDAYS, '16:00', '21:00'), ...free([SAT], '10:00', '18:00')],
    },
    {
      name: '吉田 真由美',
      kana: 'よしだ まゆみ',
      mail: 'yoshida.mayumi',
      phone: '090-6643-1182',
      home: 'onahama',
      travel: ['joban'],
      monthlyCap: 2,
      skills: [
        ['sports.nutrition', 5, '病院の管理栄養士'],
        ['arts.cooking', 4, '郷土料理と減塩レシピ'],
      ],
      outcomes: [
        outcome('certificate', '管理栄養士', '厚生労働省', '2004-05-01', [
          'sports.nutrition',
          'arts.cooking',
        ]),
      ],
      free: [...free([SAT], '09:00', '13:00'), ...free([SUN], '09:00', '17:00')],
    },
    {
      name: '高木 さくら',
      kana: 'たかぎ さくら',
      mail: 'takagi.sakura',
      phone: '080-2234-9015',
      home: 'joban',
      travel: ['onahama', 'uchigo', 'taira'],
      monthlyCap: 3,
      skills: [
        ['arts.cooking', 5, '料理教室の講師を8年。さんまのポーポー焼きが得意'],
        ['family.childcare', 3],
      ],
      outcomes: [
        outcome('work_experience', '料理教室 講師（8年）', undefined, '2022-03-31', ['arts.cooking']),
      ],
      // Free while the children are at school, and on Saturday mornings.
      free: [...free(WEEKDAYS, '09:30', '14:00'), ...free([SAT], '09:00', '13:00')],
    },
    {
      name: '斎藤 健太',
      kana: 'さいとう けんた',
      mail: 'saito.kenta',
      phone: '090-4471-2258',
      home: 'taira',
      travel: ['uchigo', 'onahama'],
      online: true,
      monthlyCap: 3,
      skills: [
        ['disaster.earthquake-tsunami', 4, '防災士。職場の防災担当'],
        ['disaster.evacuation-drills', 3],
        ['disaster.first-aid', 3],
      ],
      outcomes: [
        outcome('certificate', '防災士', '日本防災士機構', '2021-09-12', [
          'disaster.earthquake-tsunami',
          'disaster.evacuation-drills',
        ]),
        outcome('course', '普通救命講習Ⅰ', 'いわき市消防本部', '2023-06-04', ['disaster.first-aid']),
      ],
      free: [...free(WEEKDAYS, '18:30', '21:00'), ...free(WEEKEND, '09:00', '17:00')],
      away: away([calendar.on(SAT, 6)], '子どもの運動会'),
    },
    {
      name: '荒川 翔',
      kana: 'あらかわ しょう',
      mail: 'arakawa.sho',
      phone: '080-7790-1143',
      home: 'uchigo',
      travel: ['taira', 'joban', 'yoshima'],
      monthlyCap: 2,
      skills: [
        ['disaster.first-aid', 4, '消防団員'],
        ['disaster.evacuation-drills', 4],
        ['disaster.earthquake-tsunami', 3],
        ['sports.athletics', 4, '陸上（中長距離）'],
      ],
      free: [...free(WEEKDAYS, '19:00', '21:00'), ...free([SUN], '08:00', '12:00')],
    },
    {
      name: '江尻 直樹',
      kana: 'えじり なおき',
      mail: 'ejiri.naoki',
      phone: '090-8812-6630',
      home: 'taira',
      travel: ['yoshima', 'uchigo', 'joban', 'onahama'],
      online: true,
      monthlyCap: 3,
      skills: [
        ['it.programming', 5, 'Webアプリ開発。子ども向けScratch・micro:bit講座の経験'],
        ['it.internet-safety', 4],
        ['it.office-software', 4],
      ],
      outcomes: [
        outcome('work_experience', 'Webアプリケーション開発（12年）', undefined, '2025-03-31', [
          'it.programming',
        ]),
        outcome('certificate', '応用情報技術者', '情報処理推進機構', '2015-06-19', [
          'it.programming',
          'it.internet-safety',
        ]),
      ],
      // Works from home: flexible on Tuesday and Thursday afternoons.
      free: [
        ...free([TUE, THU], '13:00', '17:00'),
        ...free(WEEKDAYS, '19:00', '21:00'),
        ...free([SAT], '10:00', '16:00'),
      ],
    },
    {
      name: '山崎 亮',
      kana: 'やまざき りょう',
      mail: 'yamazaki.ryo',
      phone: '0246-36-5519',
      home: 'yoshima',
      travel: ['taira', 'ogawa', 'uchigo'],
      monthlyCap: 4,
      skills: [
        ['it.programming', 4, '電機メーカーで組込みソフトを開発（早期退職）'],
        ['careers.manufacturing', 4],
        ['careers.career-talk', 3, '技術者という仕事'],
        ['it.smartphone', 3],
      ],
      outcomes: [
        outcome('work_experience', '電機メーカー 組込みソフトウェア技術者（33年）', undefined, '2023-03-31', [
          'it.programming',
          'careers.manufacturing',
        ]),
      ],
      free: free(WEEKDAYS, '09:00', '16:00'),
    },
    {
      name: '松崎 由美',
      kana: 'まつざき ゆみ',
      mail: 'matsuzaki.yumi',
      phone: '090-2290-7714',
      home: 'taira',
      travel: ['uchigo', 'onahama', 'joban'],
      online: true,
      monthlyCap: 2,
      skills: [
        ['family.parenting-talk', 5, 'スクールカウンセラー。思春期の親子関係'],
        ['rights.human-rights', 3],
      ],
      outcomes: [
        outcome('certificate', '公認心理師', '文部科学省・厚生労働省', '2019-08-01', [
          'family.parenting-talk',
        ]),
        outcome('work_experience', 'スクールカウンセラー（10年）', undefined, undefined, [
          'family.parenting-talk',
        ]),
      ],
      free: [...free(WEEKDAYS, '19:00', '21:00'), ...free([SAT], '09:00', '12:00')],
    },
    {
      name: '木村 直子',
      kana: 'きむら なおこ',
      mail: 'kimura.naoko',
      phone: '0246-26-3071',
      home: 'uchigo',
      travel: ['taira', 'onahama', 'joban'],
      monthlyCap: 4,
      skills: [
        ['family.parenting-talk', 4, '地域子育て支援センターの職員'],
        ['family.childcare', 4],
        ['family.picture-books', 3],
      ],
      outcomes: [
        outcome('course', '子育て支援員研修（地域子育て支援コース）', '福島県', '2018-11-10', [
          'family.childcare',
          'family.parenting-talk',
        ]),
      ],
      free: [
        ...free(WEEKDAYS, '09:00', '15:00'),
        ...free([WED], '18:00', '21:00'),
        ...free([SAT], '09:00', '12:00'),
      ],
    },

    // Residents who work in other languages, for foreign-born families and the English course.
    {
      name: 'グエン・ティ・ラン',
      kana: 'ぐえん てぃ らん',
      mail: 'nguyen.lan',
      phone: '080-4415-7720',
      home: 'onahama',
      travel: ['joban', 'taira', 'nakoso'],
      online: true,
      languages: ['vi', 'ja'],
      monthlyCap: 3,
      skills: [
        ['international.vietnamese', 5, 'ハイフォン出身。市の窓口で通訳ボランティア'],
        ['international.japanese-teaching', 2, '来日したばかりの人に日本語の基礎を教えている'],
        ['arts.cooking', 3, 'ベトナム家庭料理'],
      ],
      outcomes: [
        outcome('certificate', '日本語能力試験 N1', '国際交流基金・日本国際教育支援協会', '2022-08-26', [
          'international.japanese-teaching',
        ]),
      ],
      free: free(WEEKEND, '09:00', '17:00'),
    },
    {
      name: '佐藤 恵',
      kana: 'さとう めぐみ',
      mail: 'sato.megumi',
      phone: '090-1184-5532',
      home: 'joban',
      travel: ['onahama', 'taira'],
      online: true,
      languages: ['ja', 'vi', 'en'],
      monthlyCap: 2,
      skills: [
        ['international.vietnamese', 4, 'ハノイ駐在5年'],
        ['international.culture-exchange', 4],
        ['international.english', 3],
      ],
      outcomes: [
        outcome('work_experience', '商社 ハノイ駐在（5年）', undefined, '2019-03-31', [
          'international.vietnamese',
          'international.culture-exchange',
        ]),
      ],
      free: [...free(WEEKDAYS, '19:00', '21:00'), ...free([SAT], '13:00', '17:00')],
    },
    {
      name: 'サントス・マリア',
      kana: 'さんとす まりあ',
      mail: 'santos.maria',
      phone: '080-6672-0193',
      home: 'nakoso',
      travel: ['onahama', 'tabito'],
      online: true,
      languages: ['tl', 'en', 'ja'],
      monthlyCap: 3,
      skills: [
        ['international.tagalog', 5, 'ケソン市出身'],
        ['international.english', 5],
        ['international.japanese-teaching', 3, 'フィリピン出身の母親たちの日本語サロンを運営'],
        ['family.childcare', 3],
      ],
      outcomes: [
        outcome('course', '日本語ボランティア養成講座', 'いわき市国際交流協会', '2017-02-25', [
          'international.japanese-teaching',
        ]),
      ],
      free: [...free(WEEKDAYS, '19:00', '21:00'), ...free([SUN], '10:00', '17:00')],
    },
    {
      name: '王 麗華',
      kana: 'わん りーほあ',
      mail: 'wang.lihua',
      phone: '090-7736-2281',
      home: 'taira',
      travel: ['uchigo', 'onahama'],
      online: true,
      languages: ['zh', 'ja', 'en'],
      monthlyCap: 3,
      skills: [
        ['international.chinese', 5, '大連出身。医療通訳の経験'],
        ['international.japanese-teaching', 4],
        ['arts.cooking', 4, '水餃子と中国の家庭料理'],
      ],
      outcomes: [
        outcome('certificate', '日本語教育能力検定試験 合格', '日本国際教育支援協会', '2019-12-20', [
          'international.japanese-teaching',
        ]),
      ],
      free: [
        ...free([TUE], '19:00', '21:00'),
        ...free([SAT], '10:00', '16:00'),
        ...free([SUN], '13:00', '18:00'),
      ],
    },
    {
      name: 'ジョンソン・エミリー',
      kana: 'じょんそん えみりー',
      mail: 'emily.johnson',
      phone: '080-9907-3318',
      home: 'taira',
      travel: ['uchigo', 'yoshima', 'onahama', 'joban'],
      online: true,
      languages: ['en', 'ja'],
      monthlyCap: 4,
      skills: [
        ['international.english', 5, 'オレゴン州出身。元ALT'],
        ['international.culture-exchange', 5],
        ['arts.music', 3, 'ウクレレ'],
      ],
      outcomes: [
        outcome('work_experience', '外国語指導助手（ALT）（5年）', undefined, '2021-03-31', [
          'international.english',
          'international.culture-exchange',
        ]),
      ],
      free: [...free(WEEKDAYS, '18:00', '21:00'), ...free([SAT], '10:00', '16:00')],
      away: away(calendar.days(calendar.on(MON, 5), 14), '一時帰国'),
    },
    {
      name: '國井 智子',
      kana: 'くにい ともこ',
      mail: 'kunii.tomoko',
      phone: '0246-32-6678',
      home: 'yotsukura',
      travel: ['taira', 'hisanohama-oohisa'],
      online: true,
      languages: ['ja', 'en'],
      monthlyCap: 3,
      skills: [
        ['international.english', 4, '在宅で翻訳業。ロンドンに6年'],
        ['international.culture-exchange', 3],
        ['it.office-software', 3],
      ],
      outcomes: [
        outcome('certificate', '実用英語技能検定 1級', '日本英語検定協会', '2009-07-10', [
          'international.english',
        ]),
      ],
      free: [...free(WEEKDAYS, '10:00', '15:00'), ...free(WEEKDAYS, '19:00', '21:00')],
    },
    {
      name: '大和田 誠',
      kana: 'おおわだ まこと',
      mail: 'owada.makoto',
      phone: '090-5530-2219',
      home: 'joban',
      travel: ['taira', 'uchigo', 'onahama'],
      online: true,
      monthlyCap: 2,
      skills: [
        ['safety.household-finance', 5, 'ファイナンシャル・プランナー。家計相談の事務所を開業'],
        ['safety.consumer-education', 4],
        ['careers.entrepreneurship', 3],
      ],
      outcomes: [
        outcome('certificate', '1級ファイナンシャル・プランニング技能士', '厚生労働省', '2016-03-11', [
          'safety.household-finance',
        ]),
      ],
      free: [...free(WEEKEND, '09:00', '12:00'), ...free(WEEKDAYS, '19:00', '21:00')],
    },

    // Registered recently: waiting for a coordinator's review.
    {
      name: '高橋 陽菜',
      kana: 'たかはし はるな',
      mail: 'takahashi.haruna',
      phone: '080-3367-4402',
      home: 'taira',
      travel: ['uchigo', 'yoshima'],
      monthlyCap: 3,
      skills: [
        ['sports.ball-games', 4, '大学のバレーボール部'],
        ['family.home-learning', 3, '家庭教師の経験'],
      ],
      free: [...free(WEEKDAYS, '16:30', '20:00'), ...free([SAT], '09:00', '17:00')],
      awaitingReview: true,
    },
    {
      name: '伊藤 大輔',
      kana: 'いとう だいすけ',
      mail: 'ito.daisuke',
      phone: '0246-83-5547',
      home: 'ogawa',
      travel: ['miwa', 'yoshima'],
      monthlyCap: 2,
      skills: [
        ['nature.agriculture', 5, '米とトマトの農家。農業体験の受け入れ'],
        ['careers.career-talk', 3],
      ],
      free: free(WEEKDAYS, '13:00', '16:00'),
      awaitingReview: true,
    },
    {
      name: '長谷川 修',
      kana: 'はせがわ おさむ',
      mail: 'hasegawa.osamu',
      phone: '0246-89-2035',
      home: 'toono',
      travel: ['joban', 'tabito'],
      monthlyCap: 3,
      skills: [
        ['history.calligraphy', 5, '書道師範。公民館の書道サークル講師'],
        ['arts.handicrafts', 4, '遠野和紙の紙すき'],
      ],
      free: free(WEEKDAYS, '09:00', '15:00'),
      awaitingReview: true,
    },
    {
      name: '井上 静香',
      kana: 'いのうえ しずか',
      mail: 'inoue.shizuka',
      phone: '0246-84-2610',
      home: 'kawamae',
      travel: ['ogawa'],
      monthlyCap: 2,
      skills: [
        ['arts.painting', 4, '水彩画の教室を主宰'],
        ['arts.handicrafts', 3],
      ],
      free: free([TUE, THU], '10:00', '15:00'),
      noConsentYet: true,
    },
  ];
}

function requester(id: string): Actor {
  return { id, role: 'requester' };
}

function schoolRequests(calendar: Calendar): DemoRequest[] {
  const fisheries = sessions(calendar.schoolDay(TUE, 2), '10:40', '12:15');
  const disasterStories = sessions(calendar.schoolDay(THU, 3), '13:45', '15:35');
  const localHistory = sessions(calendar.schoolDay(WED, 3), '10:40', '12:15');
  const oldGames = sessions(calendar.schoolDay(FRI, 2), '10:40', '12:15');
  const jangara = sessions(calendar.schoolDay(FRI, 4), '13:45', '15:20');
  const careerTalks = sessions(calendar.schoolDay(WED, 2), '13:45', '15:35');
  const programming = sessions(calendar.schoolDay(TUE, 4), '13:45', '15:35');
  const english = sessions(calendar.schoolDay(THU, 3), '10:45', '11:30');
  return [
    {
      requester: requester('onahama-daini-elementary'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '3年 総合「小名浜の海と漁業のしごと」',
        description:
          '小名浜港で水揚げされる魚や、漁師の一日について子どもたちに話していただける方を探しています。' +
          '漁具や写真など実物があると助かります。',
        organisationName: 'いわき市立小名浜第二小学校',
        districtCode: 'onahama',
        venue: '多目的室（3年生2クラス合同）',
        need: 1,
        deadline: deadlineBefore(fisheries[0], 7),
        slots: fisheries,
        requiredSkills: [{ skillCode: 'careers.fisheries', minLevel: 3 }],
        preferredSkillCodes: ['nature.river-and-sea'],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'elementary',
          grade: 3,
          subject: '総合的な学習の時間',
          topic: '小名浜港の漁業と海の生き物',
          pupils: 58,
        },
      },
    },
    {
      requester: requester('yotsukura-junior-high'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '2年 総合「震災の経験から学ぶ防災」',
        description: '東日本大震災の津波と避難の体験を語っていただき、地域の防災マップづくりにつなげます。',
        organisationName: 'いわき市立四倉中学校',
        districtCode: 'yotsukura',
        venue: '体育館',
        need: 1,
        deadline: deadlineBefore(disasterStories[0], 7),
        slots: disasterStories,
        requiredSkills: [{ skillCode: 'disaster.recovery-stories', minLevel: 3 }],
        preferredSkillCodes: ['disaster.earthquake-tsunami'],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'junior_high',
          grade: 2,
          subject: '総合的な学習の時間',
          topic: '東日本大震災の津波と避難の経験',
          pupils: 74,
        },
      },
    },
    {
      requester: requester('nakoso-daiichi-elementary'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '6年 社会「勿来の関と地域の歴史」',
        description: '教科書の歴史と地域の歴史をつなげる授業です。勿来の関にまつわる話をお願いします。',
        organisationName: 'いわき市立勿来第一小学校',
        districtCode: 'nakoso',
        venue: '6年1組教室',
        need: 1,
        deadline: deadlineBefore(localHistory[0], 7),
        slots: localHistory,
        requiredSkills: [{ skillCode: 'history.local-history', minLevel: 3 }],
        preferredSkillCodes: [],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'elementary',
          grade: 6,
          subject: '社会',
          topic: '勿来の関と地域の歴史',
          pupils: 45,
        },
      },
    },
    {
      requester: requester('uchigo-daiichi-elementary'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '1年 生活科「むかしあそびをたのしもう」',
        description:
          'こま・けん玉・お手玉・おはじきのコーナーを回ります。各コーナーで遊び方を教えてくださる方を3名募集します。',
        organisationName: 'いわき市立内郷第一小学校',
        districtCode: 'uchigo',
        venue: '多目的ホール',
        need: 3,
        deadline: deadlineBefore(oldGames[0], 7),
        slots: oldGames,
        requiredSkills: [{ skillCode: 'history.old-games', minLevel: 2 }],
        preferredSkillCodes: ['arts.handicrafts'],
        school: {
          role: 'school_support',
          schoolLevel: 'elementary',
          grade: 1,
          subject: '生活科',
          topic: 'こま・けん玉・お手玉・おはじき',
          pupils: 66,
        },
      },
    },
    {
      requester: requester('yoshima-daiichi-elementary'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '4年 総合「じゃんがら念仏踊りを知ろう」',
        description: 'じゃんがら念仏踊りの由来を聞き、鉦と太鼓を実際にたたいてみる体験学習です。',
        organisationName: 'いわき市立好間第一小学校',
        districtCode: 'yoshima',
        venue: '体育館',
        need: 1,
        deadline: deadlineBefore(jangara[0], 7),
        slots: jangara,
        requiredSkills: [{ skillCode: 'history.jangara', minLevel: 3 }],
        preferredSkillCodes: ['arts.music'],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'elementary',
          grade: 4,
          subject: '総合的な学習の時間',
          topic: 'じゃんがら念仏踊りの由来と鉦・太鼓の体験',
          pupils: 52,
        },
      },
    },
    {
      requester: requester('ogawa-junior-high'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '2年 職業講話「働くってどういうこと？」',
        description:
          '職場体験の前に、地域で働く大人から仕事のやりがいや苦労を聞きます。2名の方に、クラスごとにお話しいただきます。',
        organisationName: 'いわき市立小川中学校',
        districtCode: 'ogawa',
        venue: '2年各教室',
        need: 2,
        deadline: deadlineBefore(careerTalks[0], 7),
        slots: careerTalks,
        requiredSkills: [{ skillCode: 'careers.career-talk', minLevel: 3 }],
        preferredSkillCodes: ['careers.entrepreneurship'],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'junior_high',
          grade: 2,
          subject: '総合的な学習の時間',
          topic: '職場体験に向けた職業講話',
          pupils: 48,
        },
      },
    },
    {
      requester: requester('yoshima-junior-high'),
      publish: true,
      input: {
        kind: 'school_visit',
        title: '1年 技術「プログラミングで計測・制御」',
        description:
          'センサーを使ったプログラミングの授業で、教員と一緒に生徒のつまずきを支えていただける方を探しています。',
        organisationName: 'いわき市立好間中学校',
        districtCode: 'yoshima',
        venue: 'コンピュータ室',
        need: 1,
        deadline: deadlineBefore(programming[0], 7),
        slots: programming,
        requiredSkills: [{ skillCode: 'it.programming', minLevel: 3 }],
        preferredSkillCodes: ['it.internet-safety'],
        school: {
          role: 'school_support',
          schoolLevel: 'junior_high',
          grade: 1,
          subject: '技術・家庭（技術分野）',
          topic: 'センサーを使った計測・制御のプログラミング',
          pupils: 35,
        },
      },
    },
    {
      // Still waiting for the principal's go-ahead, so not yet published.
      requester: requester('miwa-elementary'),
      publish: false,
      input: {
        kind: 'school_visit',
        title: '5年 外国語「英語でふるさと自慢」',
        description: '三和のよいところを英語で紹介する発表の練習相手をお願いします。',
        organisationName: 'いわき市立三和小学校',
        districtCode: 'miwa',
        venue: '5年教室',
        need: 1,
        deadline: deadlineBefore(english[0], 7),
        slots: english,
        requiredSkills: [{ skillCode: 'international.english', minLevel: 3 }],
        preferredSkillCodes: ['international.culture-exchange'],
        school: {
          role: 'guest_teacher',
          schoolLevel: 'elementary',
          grade: 5,
          subject: '外国語',
          topic: '英語で三和のよいところを紹介しよう',
          pupils: 14,
        },
      },
    },
  ];
}

function familySupportRequests(calendar: Calendar): DemoRequest[] {
  const talk = sessions(calendar.weekly(SAT, 3, 1), '10:00', '11:30');
  const childcare = sessions(calendar.weekly(WED, 4, 1), '18:30', '20:30');
  const homeLearning = sessions(calendar.weekly(TUE, 2, 2), '16:00', '17:30');
  const vietnamese = sessions(calendar.weekly(SAT, 3, 1), '13:30', '15:30');
  const consultation = sessions(calendar.weekly(SUN, 4, 1), '14:00', '15:30');
  const familySupportDesk = requester('family-education-support-centre');
  return [
    {
      requester: requester('taira-daisan-elementary-pta'),
      publish: true,
      input: {
        kind: 'family_support',
        title: '家庭教育学級「思春期の子どもとの向き合い方」',
        description:
          '高学年の保護者向けの講話です。反抗期の子どもとの会話のこつを、具体例を交えてお話しください。',
        organisationName: '平第三小学校PTA',
        districtCode: 'taira',
        venue: '平第三小学校 図書室',
        need: 1,
        deadline: deadlineBefore(talk[0], 7),
        slots: talk,
        requiredSkills: [{ skillCode: 'family.parenting-talk', minLevel: 4 }],
        preferredSkillCodes: ['rights.human-rights'],
        family: {
          supportType: 'parenting_talk',
          organiserType: 'pta',
          childrenAges: [9, 10, 11, 12],
          languageNeeds: [],
          childcareNeeded: false,
        },
      },
    },
    {
      requester: requester('onahama-hidamari-circle'),
      publish: true,
      input: {
        kind: 'family_support',
        title: '子育て講座（夜の部）の託児',
        description:
          '仕事帰りの保護者が参加できる夜の子育て講座です。講座の間、別室で未就学児をお預かりいただける方を2名募集します。',
        organisationName: '小名浜子育てサークル「ひだまり」',
        districtCode: 'onahama',
        venue: '小名浜公民館 和室',
        need: 2,
        deadline: deadlineBefore(childcare[0], 7),
        slots: childcare,
        requiredSkills: [{ skillCode: 'family.childcare', minLevel: 2 }],
        preferredSkillCodes: ['family.picture-books'],
        family: {
          supportType: 'childcare',
          organiserType: 'child_rearing_circle',
          childrenAges: [1, 2, 3, 4, 5],
          languageNeeds: [],
          childcareNeeded: true,
        },
      },
    },
    {
      requester: requester('nakoso-family-support-team'),
      publish: true,
      input: {
        kind: 'family_support',
        title: '放課後の家庭学習サポート（全2回）',
        description: '共働き家庭の小学生が宿題に取り組む時間を見守り、声をかけていただける方を募集します。',
        organisationName: '勿来地区家庭教育支援チーム',
        districtCode: 'nakoso',
        venue: '勿来公民館 学習室',
        need: 2,
        deadline: deadlineBefore(homeLearning[0], 7),
        slots: homeLearning,
        requiredSkills: [{ skillCode: 'family.home-learning', minLevel: 3 }],
        preferredSkillCodes: [],
        family: {
          supportType: 'home_learning',
          organiserType: 'family_support_desk',
          childrenAges: [7, 8, 9, 10],
          languageNeeds: [],
          childcareNeeded: false,
        },
      },
    },
    {
      requester: familySupportDesk,
      publish: true,
      input: {
        kind: 'family_support',
        title: 'ベトナム出身の保護者向け 小学校入学説明会の通訳',
        description:
          '来春小学校に入学する子どもの保護者に、入学準備（持ち物・給食・連絡帳）をベトナム語で説明し、相談に乗っていただける方を探しています。',
        organisationName: 'いわき市家庭教育支援センター',
        districtCode: 'onahama',
        venue: '小名浜公民館 第2研修室',
        need: 1,
        deadline: deadlineBefore(vietnamese[0], 7),
        slots: vietnamese,
        requiredSkills: [{ skillCode: 'international.vietnamese', minLevel: 4 }],
        preferredSkillCodes: ['family.parenting-talk'],
        family: {
          supportType: 'foreign_parent_support',
          organiserType: 'family_support_desk',
          childrenAges: [5, 6],
          languageNeeds: ['vi'],
          childcareNeeded: true,
        },
      },
    },
    {
      requester: familySupportDesk,
      publish: true,
      input: {
        kind: 'family_support',
        title: '外国出身の保護者のための学校生活相談会（オンライン）',
        description:
          '学校からのお便りの読み方や行事について、やさしい日本語とタガログ語・中国語で相談に乗っていただける方を2名募集します。',
        organisationName: 'いわき市家庭教育支援センター',
        online: true,
        need: 2,
        deadline: deadlineBefore(consultation[0], 7),
        slots: consultation,
        requiredSkills: [{ skillCode: 'international.japanese-teaching', minLevel: 2 }],
        preferredSkillCodes: ['international.tagalog', 'international.chinese'],
        family: {
          supportType: 'foreign_parent_support',
          organiserType: 'family_support_desk',
          childrenAges: [6, 7, 8, 9, 10, 11, 12],
          languageNeeds: ['tl', 'zh'],
          childcareNeeded: false,
        },
      },
    },
  ];
}

function courseRequests(calendar: Calendar): DemoRequest[] {
  const smartphone = sessions(calendar.weekly(WED, 2, 4), '13:30', '15:00');
  const disaster = sessions(calendar.weekly(THU, 3, 3), '19:00', '20:30');
  const cooking = sessions(calendar.weekly(SAT, 3, 3), '10:00', '12:30');
  const english = sessions(calendar.weekly(TUE, 2, 6), '19:30', '20:30');
  const money = sessions(calendar.weekly(SUN, 3, 4), '10:00', '11:30');
  return [
    {
      requester: requester('yotsukura-senior-club'),
      publish: true,
      input: {
        kind: 'course_instructor',
        title: 'シニアのためのスマホ教室（全4回）',
        description: '電話・写真・LINE・詐欺メールの見分け方まで、ゆっくり進めます。',
        organisationName: '四倉地区シニアクラブ',
        districtCode: 'yotsukura',
        venue: '四倉公民館 会議室',
        need: 1,
        deadline: deadlineBefore(smartphone[0], 10),
        slots: smartphone,
        requiredSkills: [{ skillCode: 'it.smartphone', minLevel: 3 }],
        preferredSkillCodes: ['it.internet-safety'],
        course: { capacity: 16, participantFeeYen: 500, honorariumYen: 3000 },
      },
    },
    {
      requester: requester('taira-bousai-group'),
      publish: true,
      input: {
        kind: 'course_instructor',
        title: '働く世代のための防災講座（夜間・全3回）',
        description: '地震・津波への備え、職場と家庭の避難計画、応急手当の基本を仕事帰りに学びます。',
        organisationName: '平 防災を考える会',
        districtCode: 'taira',
        venue: 'いわき市生涯学習プラザ 大会議室',
        need: 1,
        deadline: deadlineBefore(disaster[0], 10),
        slots: disaster,
        requiredSkills: [{ skillCode: 'disaster.earthquake-tsunami', minLevel: 3 }],
        preferredSkillCodes: ['disaster.first-aid', 'disaster.evacuation-drills'],
        course: { capacity: 30, participantFeeYen: 0, honorariumYen: 5000 },
      },
    },
    {
      requester: requester('onahama-shokuseikatsu'),
      publish: true,
      input: {
        kind: 'course_instructor',
        title: '親子で楽しむ郷土料理教室（全3回）',
        description: 'さんまのポーポー焼き、ほっき飯など、いわきの郷土料理を親子で作ります。',
        organisationName: '小名浜食生活改善推進員会',
        districtCode: 'onahama',
        venue: '小名浜公民館 調理室',
        need: 1,
        deadline: deadlineBefore(cooking[0], 10),
        slots: cooking,
        requiredSkills: [{ skillCode: 'arts.cooking', minLevel: 4 }],
        preferredSkillCodes: ['sports.nutrition'],
        course: { capacity: 12, participantFeeYen: 800, honorariumYen: 5000 },
      },
    },
    {
      requester: requester('bridge-international-circle'),
      publish: true,
      input: {
        kind: 'course_instructor',
        title: 'はじめての英会話（オンライン・全6回）',
        description:
          '仕事帰りに自宅から参加できる初心者向けの英会話講座です。あいさつから道案内までを練習します。',
        organisationName: 'いわき国際交流サークル「Bridge」',
        online: true,
        need: 1,
        deadline: deadlineBefore(english[0], 7),
        slots: english,
        requiredSkills: [{ skillCode: 'international.english', minLevel: 4 }],
        preferredSkillCodes: ['international.culture-exchange'],
        course: { capacity: 15, participantFeeYen: 3000, honorariumYen: 3000 },
      },
    },
    {
      // The group is still settling the programme with the consumer centre.
      requester: requester('joban-consumer-study-group'),
      publish: false,
      input: {
        kind: 'course_instructor',
        title: 'くらしのお金講座 ― 家計管理と消費者トラブル（オンライン・全4回）',
        description: '家計の見直し、キャッシュレス決済、よくある契約トラブルと相談先を学びます。',
        organisationName: '常磐地区消費生活研究会',
        online: true,
        need: 1,
        deadline: deadlineBefore(money[0], 10),
        slots: money,
        requiredSkills: [{ skillCode: 'safety.household-finance', minLevel: 3 }],
        preferredSkillCodes: ['safety.consumer-education'],
        course: { capacity: 25, participantFeeYen: 0, honorariumYen: 4000 },
      },
    },
  ];
}

/** The demo city as of `today` (a date in Japan, `YYYY-MM-DD`). */
export function demoCity(today: string): DemoCity {
  const calendar = new Calendar(today);
  return {
    residents: residents(calendar).map(profileOf),
    requests: [...schoolRequests(calendar), ...familySupportRequests(calendar), ...courseRequests(calendar)],
  };
}
