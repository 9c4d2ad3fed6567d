import type { EntityManager } from 'typeorm';
import { District } from '../districts/district.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Skill } from '../taxonomy/skill.entity.js';
import { SkillCategory } from '../taxonomy/skill-category.entity.js';
import { folded } from './normalise.js';

/** Languages as a city office writes them, besides ISO 639-1 codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  日本語: 'ja',
  英語: 'en',
  中国語: 'zh',
  韓国語: 'ko',
  朝鮮語: 'ko',
  ベトナム語: 'vi',
  ポルトガル語: 'pt',
  スペイン語: 'es',
  タガログ語: 'tl',
  フィリピノ語: 'tl',
  ネパール語: 'ne',
  インドネシア語: 'id',
  タイ語: 'th',
  フランス語: 'fr',
  ドイツ語: 'de',
  ロシア語: 'ru',
  手話: 'sgn',
};

function key(name: string): string {
  return folded(name).toLowerCase().replace(/\s/g, '');
}

/**
 * The names a spreadsheet uses for the city's districts, skills, languages and organisations, and the
 * codes they stand for: read once per import, so rows are checked without a query each.
 */
export class Vocabulary {
  private constructor(
    private readonly districts: Map<string, string>,
    private readonly skills: Map<string, string>,
    private readonly categories: Set<string>,
    private readonly organisationsByName: Map<string, { id: string; districtCode: string | null }[]>,
  ) {}

  static async load(manager: EntityManager): Promise<Vocabulary> {
    const [districts, skills, categories, organisations] = await Promise.all([
      manager.find(District),
      manager.find(Skill),
      manager.find(SkillCategory),
      manager.find(Organisation, { select: { id: true, name: true, districtCode: true } }),
    ]);
    const districtNames = new Map<string, string>();
    for (const d of districts) {
      for (const name of [d.code, d.nameJa, `${d.nameJa}地区`, d.nameKana, d.nameEn]) {
        districtNames.set(key(name), d.code);
      }
    }
    const skillNames = new Map<string, string>();
    for (const s of skills)
      for (const name of [s.code, s.nameJa, s.nameEn]) skillNames.set(key(name), s.code);
    const categoryNames = new Set(categories.flatMap((c) => [c.code, c.nameJa, c.nameEn].map(key)));
    const organisationNames = new Map<string, { id: string; districtCode: string | null }[]>();
    for (const o of organisations) {
      const list = organisationNames.get(key(o.name)) ?? [];
      list.push({ id: o.id, districtCode: o.districtCode });
      organisationNames.set(key(o.name), list);
    }
    return new Vocabulary(districtNames, skillNames, categoryNames, organisationNames);
  }

  /** `平`, `平地区`, `たいら`, `Taira` or `taira` → `taira`. */
  district(name: string): string | undefined {
    return this.districts.get(key(name));
  }

  skill(name: string): string | undefined {
    return this.skills.get(key(name));
  }

  /** A field of learning (分野) rather than one of its skills: worth saying so when a row names one. */
  isCategory(name: string): boolean {
    return this.categories.has(key(name));
  }

  /** `英語` or `en` → `en`; an unknown name is returned as written, for the validator to refuse. */
  language(name: string): string {
    return LANGUAGE_NAMES[folded(name)] ?? folded(name).toLowerCase();
  }

  /** Organisations with this name (full-width and half-width written alike); more than one is ambiguous. */
  organisations(name: string): { id: string; districtCode: string | null }[] {
    return this.organisationsByName.get(key(name)) ?? [];
  }
}
