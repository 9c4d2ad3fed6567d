import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Pages, useSearch } from '../../layout/search';
import type { components, paths } from '../../api/schema';
import {
  LANGUAGE_CHOICES,
  useDistrictChoices,
  useFieldChoices,
  useSkillChoices,
  useSkillName,
} from '../../reference/reference';

type Filters = Omit<
  NonNullable<paths['/api/v1/directory/instructors']['get']['parameters']['query']>,
  'page' | 'perPage'
>;
type Instructor = components['schemas']['PublicInstructorView'];

const PER_PAGE = 12;

/** The public register of instructors: who is listed, searchable by field, skill, place, language and time. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const fields = useFieldChoices();
  const skills = useSkillChoices();
  const districts = useDistrictChoices();
  const { draft, set, filters, page, setPage, submit } = useSearch<Filters>();
  const instructors = useQuery({
    queryKey: ['directory', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/directory/instructors', {
          params: { query: { ...filters, page, perPage: PER_PAGE } },
        }),
      ),
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('directory.title')}</Title>
      <Text>{t('directory.lead')}</Text>
      <form role="search" onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('directory.field')}
            data={fields}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.fieldCode ?? null}
            onChange={(value) => set('fieldCode', value)}
          />
          <Select
            label={t('directory.skill')}
            data={skills}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.skillCode ?? null}
            onChange={(value) => set('skillCode', value)}
          />
          <Select
            label={t('directory.district')}
            data={districts}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.districtCode ?? null}
            onChange={(value) => set('districtCode', value)}
          />
          <Select
            label={t('directory.language')}
            data={LANGUAGE_CHOICES}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.language ?? null}
            onChange={(value) => set('language', value)}
          />
          <Select
            label={t('directory.freeAt')}
            data={(['weekdayDaytime', 'evening', 'weekend'] as const).map((when) => ({
              value: when,
              label: t(`directory.times.${when}`),
            }))}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.freeAt ?? null}
            onChange={(value) => set('freeAt', value as Filters['freeAt'])}
          />
          <Checkbox
            mt="xl"
            label={t('directory.onlineOnly')}
            checked={draft.online === true}
            onChange={(event) => set('online', event.currentTarget.checked || undefined)}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('directory.search')}</Button>
        </Group>
      </form>
      <Text role="status" fw={700}>
        {instructors.data &&
          (instructors.data.total === 0
            ? t('directory.none')
            : t('directory.found', { total: instructors.data.total }))}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {instructors.data?.items.map((instructor, index) => (
          <InstructorCard key={`${page}-${index}`} instructor={instructor} />
        ))}
      </SimpleGrid>
      <Pages total={instructors.data?.total ?? 0} perPage={PER_PAGE} page={page} onChange={setPage} />
    </Stack>
  );
}

function InstructorCard({ instructor }: { instructor: Instructor }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  const districts = new Map(useDistrictChoices().map((district) => [district.value, district.label]));
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          {instructor.displayName}
        </Title>
        <Text size="sm">
          {[instructor.homeDistrictCode, ...instructor.travelDistrictCodes]
            .map((code) => districts.get(code) ?? code)
            .join('・')}
        </Text>
        <Text size="sm">
          {instructor.skills
            .map((skill) => `${skillName(skill.skillCode)}(${t('directory.level', { level: skill.level })})`)
            .join('、')}
        </Text>
        <Group gap={4}>
          {instructor.online && (
            <Badge variant="outline" color="gray.8">
              {t('directory.online')}
            </Badge>
          )}
          {instructor.freeAt.map((when) => (
            <Badge key={when} variant="outline" color="gray.8">
              {t(`directory.times.${when}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
