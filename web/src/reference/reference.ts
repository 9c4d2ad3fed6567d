import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

/** The city's districts, as choices named in the reader's language. */
export function useDistrictChoices() {
  const { i18n } = useTranslation();
  const districts = useQuery({
    queryKey: ['districts'],
    queryFn: () => unwrap(api.GET('/api/v1/districts')),
    staleTime: Infinity,
  });
  return (districts.data ?? []).map((district) => ({
    value: district.code,
    label: i18n.language === 'en' ? district.nameEn : district.nameJa,
  }));
}

function useSkillCategories() {
  const { i18n } = useTranslation();
  const categories = useQuery({
    queryKey: ['skill-categories'],
    queryFn: () => unwrap(api.GET('/api/v1/skill-categories')),
    staleTime: Infinity,
  });
  const name = (named: { nameJa: string; nameEn: string }) =>
    i18n.language === 'en' ? named.nameEn : named.nameJa;
  return { categories: categories.data ?? [], name };
}

/** Skills grouped by field, as choices named in the reader's language (searchable by either). */
export function useSkillChoices() {
  const { categories, name } = useSkillCategories();
  return categories.map((category) => ({
    group: name(category),
    items: category.skills.map((skill) => ({ value: skill.code, label: name(skill) })),
  }));
}

/** Fields (skill categories), as choices named in the reader's language. */
export function useFieldChoices() {
  const { categories, name } = useSkillCategories();
  return categories.map((category) => ({ value: category.code, label: name(category) }));
}

/** A skill's name in the reader's language, from its code. */
export function useSkillName(): (code: string) => string {
  const names = new Map(
    useSkillChoices().flatMap((group) => group.items.map((item) => [item.value, item.label])),
  );
  return (code) => names.get(code) ?? code;
}

/** Skills with their levels as one line in the reader's language: 応急手当(レベル4)、昔遊び(レベル5). */
export function useSkillList(): (skills: { code: string; level: number }[]) => string {
  const { t } = useTranslation();
  const skillName = useSkillName();
  return (skills) =>
    skills
      .map((skill) => t('app.skillWithLevel', { skill: skillName(skill.code), level: skill.level }))
      .join(t('app.listSeparator'));
}

/** Languages residents most often offer in Iwaki, each named in its own language. */
export const LANGUAGE_CHOICES = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
  { value: 'zh', label: '中文' },
  { value: 'ko', label: '한국어' },
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'tl', label: 'Tagalog' },
  { value: 'pt', label: 'Português' },
  { value: 'es', label: 'Español' },
  { value: 'ne', label: 'नेपाली' },
  { value: 'id', label: 'Bahasa Indonesia' },
];
