import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Pages, useSearch } from '../../layout/search';
import type { components } from '../../api/schema';
import { ResidentFilterFields, ResidentSummary, type RegisterFilters } from './ResidentFilters';

type Instructor = components['schemas']['PublicInstructorView'];

const PER_PAGE = 12;

/** The public register of instructors: who is listed, searchable by field, skill, place, language and time. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { draft, set, filters, page, setPage, submit } = useSearch<RegisterFilters>();
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
        <ResidentFilterFields draft={draft} set={set} />
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
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          {instructor.displayName}
        </Title>
        <ResidentSummary resident={instructor} />
      </Stack>
    </Card>
  );
}
