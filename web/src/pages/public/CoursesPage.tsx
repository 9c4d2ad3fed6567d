import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Pages, useSearch } from '../../layout/search';
import type { components, paths } from '../../api/schema';
import { formatSlot } from '../../format/time';
import { useDistrictChoices, useFieldChoices } from '../../reference/reference';

type Filters = Omit<
  NonNullable<paths['/api/v1/directory/courses']['get']['parameters']['query']>,
  'page' | 'perPage'
>;
type Course = components['schemas']['PublicCourseView'];

const PER_PAGE = 10;

/** Learning information (学習情報): upcoming courses with a talent-bank instructor, searchable. */
export function CoursesPage() {
  const { t } = useTranslation();
  const fields = useFieldChoices();
  const districts = useDistrictChoices();
  const { draft, set, filters, page, setPage, submit } = useSearch<Filters>();
  const courses = useQuery({
    queryKey: ['courses', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/directory/courses', { params: { query: { ...filters, page, perPage: PER_PAGE } } }),
      ),
  });
  const check = (key: 'online' | 'childcare' | 'stepFree') => ({
    checked: draft[key] === true,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      set(key, event.currentTarget.checked || undefined),
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('courses.title')}</Title>
      <Text>{t('courses.lead')}</Text>
      <form role="search" onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('courses.field')}
            data={fields}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.fieldCode ?? null}
            onChange={(value) => set('fieldCode', value)}
          />
          <Select
            label={t('courses.district')}
            data={districts}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.districtCode ?? null}
            onChange={(value) => set('districtCode', value)}
          />
          <Select
            label={t('courses.when')}
            data={(['evening', 'weekend'] as const).map((when) => ({
              value: when,
              label: t(`courses.times.${when}`),
            }))}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            value={draft.when ?? null}
            onChange={(value) => set('when', value as Filters['when'])}
          />
        </SimpleGrid>
        <Group mt="sm" gap="lg">
          <Checkbox label={t('courses.online')} {...check('online')} />
          <Checkbox label={t('courses.childcare')} {...check('childcare')} />
          <Checkbox label={t('courses.stepFree')} {...check('stepFree')} />
          <Button type="submit">{t('courses.search')}</Button>
        </Group>
      </form>
      <Text role="status" fw={700}>
        {courses.data &&
          (courses.data.total === 0 ? t('courses.none') : t('courses.found', { total: courses.data.total }))}
      </Text>
      {courses.data?.items.map((course) => (
        <CourseCard key={course.id} course={course} />
      ))}
      <Pages total={courses.data?.total ?? 0} perPage={PER_PAGE} page={page} onChange={setPage} />
    </Stack>
  );
}

function CourseCard({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const districts = new Map(useDistrictChoices().map((district) => [district.value, district.label]));
  const place = course.online
    ? t('courses.online')
    : [course.districtCode && districts.get(course.districtCode), course.venue].filter(Boolean).join(' ');
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          {course.title}
        </Title>
        <Text size="sm">
          {t('courses.organiser')}: {course.organisationName}
        </Text>
        {course.description && <Text size="sm">{course.description}</Text>}
        <Text size="sm" fw={600}>
          {t('courses.sessions', { count: course.sessions.length })}
        </Text>
        <List size="sm" spacing={2}>
          {course.sessions.map((session) => (
            <List.Item key={String(session.startsAt)}>
              {formatSlot(String(session.startsAt), String(session.endsAt), i18n.language)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {t('courses.place')}: {place} / {t('courses.fee')}:{' '}
          {course.participantFeeYen === 0
            ? t('courses.free')
            : t('courses.yen', { amount: course.participantFeeYen.toLocaleString() })}{' '}
          / {t('courses.capacity', { capacity: course.capacity })}
        </Text>
        <Group gap={4}>
          {course.childcareAvailable && (
            <Badge variant="outline" color="gray.8">
              {t('courses.childcare')}
            </Badge>
          )}
          {course.accessibility.map((feature) => (
            <Badge key={feature} variant="outline" color="gray.8">
              {t(`courses.access.${feature}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
