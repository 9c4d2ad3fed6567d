import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fields of learning named in the city's lifelong-learning plan, the skills under each, and the
 * city's districts with their approximate centres. Reference data: later changes get migrations of their own.
 */
const CATEGORIES: [code: string, ja: string, en: string, skills: [code: string, ja: string, en: string][]][] =
  [
    [
      'nature',
      '自然・環境',
      'Nature and environment',
      [
        ['nature.observation', '自然観察', 'Nature observation'],
        ['nature.river-and-sea', '川・海の生き物', 'River and sea life'],
        ['nature.recycling', 'リサイクル・ごみ減量', 'Recycling and waste reduction'],
        ['nature.agriculture', '農業体験', 'Farming experience'],
      ],
    ],
    [
      'history',
      '郷土史・伝統文化',
      'Local history and traditional culture',
      [
        ['history.local-history', '郷土の歴史', 'Local history'],
        ['history.jangara', 'じゃんがら念仏踊り', 'Jangara nenbutsu dance'],
        ['history.tea-ceremony', '茶道', 'Tea ceremony'],
        ['history.calligraphy', '書道', 'Calligraphy'],
        ['history.old-games', '昔遊び', 'Traditional games'],
      ],
    ],
    [
      'careers',
      '産業・仕事・キャリア',
      'Industry, jobs and careers',
      [
        ['careers.career-talk', '職業講話', 'Career talks'],
        ['careers.manufacturing', 'ものづくり', 'Manufacturing and crafts'],
        ['careers.fisheries', '水産業', 'Fisheries'],
        ['careers.entrepreneurship', '起業・経営', 'Starting and running a business'],
      ],
    ],
    [
      'disaster',
      '防災',
      'Disaster prevention',
      [
        ['disaster.earthquake-tsunami', '地震・津波への備え', 'Earthquake and tsunami preparedness'],
        ['disaster.first-aid', '応急手当', 'First aid'],
        ['disaster.evacuation-drills', '避難訓練', 'Evacuation drills'],
        ['disaster.recovery-stories', '震災の語り部', 'Disaster recovery storytelling'],
      ],
    ],
    [
      'sports',
      'スポーツ・健康',
      'Sports and health',
      [
        ['sports.ball-games', '球技', 'Ball games'],
        ['sports.athletics', '陸上競技', 'Athletics'],
        ['sports.swimming', '水泳', 'Swimming'],
        ['sports.health-exercise', '健康体操', 'Health exercise'],
        ['sports.nutrition', '食育・栄養', 'Food education and nutrition'],
      ],
    ],
    [
      'arts',
      '文化・芸術',
      'Culture and arts',
      [
        ['arts.music', '音楽', 'Music'],
        ['arts.painting', '絵画', 'Painting'],
        ['arts.theatre', '演劇・朗読', 'Theatre and reading aloud'],
        ['arts.handicrafts', '手芸・工作', 'Handicrafts'],
        ['arts.cooking', '料理', 'Cooking'],
      ],
    ],
    [
      'international',
      '国際理解・日本語支援',
      'International understanding and Japanese-language support',
      [
        ['international.english', '英語', 'English'],
        ['international.chinese', '中国語', 'Chinese'],
        ['international.vietnamese', 'ベトナム語', 'Vietnamese'],
        ['international.tagalog', 'タガログ語', 'Tagalog'],
        ['international.japanese-teaching', '日本語指導', 'Teaching Japanese'],
        ['international.culture-exchange', '異文化交流', 'Cultural exchange'],
      ],
    ],
    [
      'family',
      '子育て・家庭教育',
      'Child-rearing and family education',
      [
        ['family.parenting-talk', '子育て講話', 'Parenting talks'],
        ['family.childcare', '託児・保育', 'Childcare'],
        ['family.home-learning', '家庭学習支援', 'Home-learning support'],
        ['family.picture-books', '読み聞かせ', 'Reading picture books aloud'],
      ],
    ],
    [
      'it',
      '情報・IT',
      'IT',
      [
        ['it.programming', 'プログラミング', 'Programming'],
        ['it.smartphone', 'スマートフォン活用', 'Using smartphones'],
        ['it.office-software', 'パソコン・事務ソフト', 'Computers and office software'],
        ['it.internet-safety', '情報モラル・ネット安全', 'Internet safety'],
      ],
    ],
    [
      'safety',
      '安全・暮らし',
      'Safety and daily life',
      [
        ['safety.traffic-safety', '交通安全', 'Traffic safety'],
        ['safety.crime-prevention', '防犯', 'Crime prevention'],
        ['safety.consumer-education', '消費者教育', 'Consumer education'],
        ['safety.household-finance', '家計・金融', 'Household finance'],
      ],
    ],
    [
      'rights',
      '人権・平和・男女共同参画',
      'Human rights, peace and gender equality',
      [
        ['rights.human-rights', '人権教育', 'Human rights education'],
        ['rights.peace', '平和学習', 'Peace education'],
        ['rights.gender-equality', '男女共同参画', 'Gender equality'],
        ['rights.welfare', '福祉・バリアフリー', 'Welfare and accessibility'],
      ],
    ],
  ];

const DISTRICTS: [code: string, ja: string, kana: string, en: string, lat: number, lon: number][] = [
  ['taira', '平', 'たいら', 'Taira', 37.0505, 140.8877],
  ['onahama', '小名浜', 'おなはま', 'Onahama', 36.9466, 140.9033],
  ['nakoso', '勿来', 'なこそ', 'Nakoso', 36.8683, 140.7863],
  ['joban', '常磐', 'じょうばん', 'Joban', 37.0029, 140.8386],
  ['uchigo', '内郷', 'うちごう', 'Uchigo', 37.034, 140.854],
  ['yotsukura', '四倉', 'よつくら', 'Yotsukura', 37.108, 140.964],
  ['toono', '遠野', 'とおの', 'Toono', 36.992, 140.739],
  ['ogawa', '小川', 'おがわ', 'Ogawa', 37.113, 140.844],
  ['yoshima', '好間', 'よしま', 'Yoshima', 37.076, 140.84],
  ['miwa', '三和', 'みわ', 'Miwa', 37.135, 140.738],
  ['tabito', '田人', 'たびと', 'Tabito', 36.954, 140.67],
  ['kawamae', '川前', 'かわまえ', 'Kawamae', 37.236, 140.756],
  ['hisanohama-oohisa', '久之浜・大久', 'ひさのはま・おおひさ', 'Hisanohama-Oohisa', 37.147, 140.991],
];

export class SeedTaxonomyAndDistricts1795697500000 implements MigrationInterface {
  name = 'SeedTaxonomyAndDistricts1795697500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [order, [code, nameJa, nameEn, skills]] of CATEGORIES.entries()) {
      await queryRunner.query(
        `INSERT INTO skill_categories (code, name_ja, name_en, sort_order) VALUES ($1, $2, $3, $4)`,
        [code, nameJa, nameEn, order + 1],
      );
      for (const [skillOrder, [skillCode, skillJa, skillEn]] of skills.entries()) {
        await queryRunner.query(
          `INSERT INTO skills (code, category_code, name_ja, name_en, sort_order) VALUES ($1, $2, $3, $4, $5)`,
          [skillCode, code, skillJa, skillEn, skillOrder + 1],
        );
      }
    }
    for (const [order, [code, nameJa, nameKana, nameEn, latitude, longitude]] of DISTRICTS.entries()) {
      await queryRunner.query(
        `INSERT INTO districts (code, name_ja, name_kana, name_en, latitude, longitude, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [code, nameJa, nameKana, nameEn, latitude, longitude, order + 1],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM districts WHERE code = ANY($1)`, [DISTRICTS.map(([code]) => code)]);
    await queryRunner.query(`DELETE FROM skills WHERE category_code = ANY($1)`, [
      CATEGORIES.map(([code]) => code),
    ]);
    await queryRunner.query(`DELETE FROM skill_categories WHERE code = ANY($1)`, [
      CATEGORIES.map(([code]) => code),
    ]);
  }
}
