import { Badge, Checkbox, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { FilterSelect } from '../../layout/search';
import {
  LANGUAGE_CHOICES,
  useDistrictChoices,
  useFieldChoices,
  useSkillChoices,
  useSkillList,
} from '../../reference/reference';

/** The public register's filters; a coordinator's search by hand has these and more. */
export type RegisterFilters = Omit<
  NonNullable<paths['/api/v1/directory/instructors']['get']['parameters']['query']>,
  'page' | 'perPage'
>;

/** The register's search fields: field, skill, district, language, free time, online. */
export function ResidentFilterFields(props: {
  draft: RegisterFilters;
  set: <K extends keyof RegisterFilters>(key: K, value: RegisterFilters[K] | null | undefined) => void;
}) {
  const { t } = useTranslation();
  const fields = useFieldChoices();
  const skills = useSkillChoices();
  const districts = useDistrictChoices();
  const { draft, set } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <FilterSelect
        label={t('directory.field')}
        data={fields}
        value={draft.fieldCode}
        onChange={(value) => set('fieldCode', value)}
      />
      <FilterSelect
        label={t('directory.skill')}
        data={skills}
        searchable
        value={draft.skillCode}
        onChange={(value) => set('skillCode', value)}
      />
      <FilterSelect
        label={t('directory.district')}
        data={districts}
        searchable
        value={draft.districtCode}
        onChange={(value) => set('districtCode', value)}
      />
      <FilterSelect
        label={t('directory.language')}
        data={LANGUAGE_CHOICES}
        value={draft.language}
        onChange={(value) => set('language', value)}
      />
      <FilterSelect
        label={t('directory.freeAt')}
        data={(['weekdayDaytime', 'evening', 'weekend'] as const).map((when) => ({
          value: when,
          label: t(`directory.times.${when}`),
        }))}
        value={draft.freeAt}
        onChange={(value) => set('freeAt', value as RegisterFilters['freeAt'])}
      />
      <Checkbox
        mt="xl"
        label={t('directory.onlineOnly')}
        checked={draft.online === true}
        onChange={(event) => set('online', event.currentTarget.checked || undefined)}
      />
    </SimpleGrid>
  );
}

/** What the register shows of a resident besides their name: districts, skills, online, free times. */
export function ResidentSummary({
  resident,
}: {
  resident: {
    homeDistrictCode: string;
    travelDistrictCodes: string[];
    skills: { skillCode: string; level: number }[];
    online: boolean;
    freeAt: NonNullable<RegisterFilters['freeAt']>[];
  };
}) {
  const { t } = useTranslation();
  const skillList = useSkillList();
  const districts = new Map(useDistrictChoices().map((district) => [district.value, district.label]));
  return (
    <>
      <Text size="sm">
        {[resident.homeDistrictCode, ...resident.travelDistrictCodes]
          .map((code) => districts.get(code) ?? code)
          .join(t('app.listSeparator'))}
      </Text>
      <Text size="sm">
        {skillList(resident.skills.map((skill) => ({ code: skill.skillCode, level: skill.level })))}
      </Text>
      <Group gap={4}>
        {resident.online && (
          <Badge variant="outline" color="gray.8">
            {t('directory.online')}
          </Badge>
        )}
        {resident.freeAt.map((when) => (
          <Badge key={when} variant="outline" color="gray.8">
            {t(`directory.times.${when}`)}
          </Badge>
        ))}
      </Group>
    </>
  );
}
