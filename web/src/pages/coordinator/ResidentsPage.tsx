import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Pages, useSearch } from '../../layout/search';
import { ResidentCard } from './ResidentCard';

const REVIEWED_STATUSES = ['pending_review', 'active', 'suspended'] as const;
const PER_PAGE = 20;

/** Resident review: the residents of the coordinator's districts by status, found by name or kana. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof REVIEWED_STATUSES)[number]>('pending_review');
  const { draft, set, filters, page, setPage, submit } = useSearch<{ q?: string }>();
  const residents = useQuery({
    queryKey: ['volunteers', status, filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/volunteers', {
          params: { query: { status, q: filters.q?.trim() || undefined, page, perPage: PER_PAGE } },
        }),
      ),
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('coordinator.residents')}</Title>
      <SegmentedControl
        aria-label={t('coordinator.residentStatusFilter')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        data={REVIEWED_STATUSES.map((value) => ({
          value,
          label: t(`coordinator.residentStatus.${value}`),
        }))}
      />
      <form role="search" onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('coordinator.residentName')}
            value={draft.q ?? ''}
            onChange={(event) => set('q', event.currentTarget.value)}
          />
          <Button type="submit">{t('directory.search')}</Button>
        </Group>
      </form>
      {residents.data && (
        <Text role="status">{t('coordinator.residentsFound', { total: residents.data.total })}</Text>
      )}
      {residents.data?.items.map((resident) => (
        <ResidentCard key={resident.id} resident={resident} />
      ))}
      {residents.data && (
        <Pages page={page} total={residents.data.total} perPage={PER_PAGE} onChange={setPage} />
      )}
    </Stack>
  );
}
