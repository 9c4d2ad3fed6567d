import { Anchor, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FilterSelect, Pages, useSearch } from '../../layout/search';
import type { paths } from '../../api/schema';
import { useDistrictChoices, useFieldChoices } from '../../reference/reference';
import { CourseSessions, useCourseWords, type Course } from './courseParts';

type Filters = Omit<
  NonNullable<paths['/api/v1/directory/courses']['get']['parameters']['query']>,
  'page' | 'perPage'
>;

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
          <FilterSelect
            label={t('courses.field')}
            data={fields}
            value={draft.fieldCode}
            onChange={(value) => set('fieldCode', value)}
          />
          <FilterSelect
            label={t('courses.district')}
            data={districts}
            searchable
            value={draft.districtCode}
            onChange={(value) => set('districtCode', value)}
          />
          <FilterSelect
            label={t('courses.when')}
            data={(['evening', 'weekend'] as const).map((when) => ({
              value: when,
              label: t(`courses.times.${when}`),
            }))}
            value={draft.when}
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
  const { t } = useTranslation();
  const words = useCourseWords();
  // The course's page links back to this search.
  const { search } = useLocation();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/courses/${course.id}`} state={{ search }}>
            {course.title}
          </Anchor>
        </Title>
        <Text size="sm">
          {t('courses.organiser')}: {course.organisationName}
        </Text>
        {course.description && <Text size="sm">{course.description}</Text>}
        <Text size="sm" fw={600}>
          {t('courses.sessions', { count: course.sessions.length })}
        </Text>
        <CourseSessions sessions={course.sessions} size="sm" />
        <Text size="sm">
          {t('courses.place')}: {words.place(course)} / {t('courses.fee')}:{' '}
          {words.fee(course.participantFeeYen)} / {t('courses.capacity', { capacity: course.capacity })}
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
