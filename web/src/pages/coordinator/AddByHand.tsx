import { Alert, Badge, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { Pages, useSearch } from '../../layout/search';
import { ResidentFilterFields, ResidentSummary, type RegisterFilters } from '../public/ResidentFilters';
import { ResidentArticle } from './ResidentCard';

type Found = components['schemas']['ResidentMatchView'];
type Filters = RegisterFilters & { q?: string; freeForSessions?: boolean };

const PER_PAGE = 10;
/** Where a resident already stands with a request that still lets a coordinator add them. */
const ADDABLE: (Found['proposalStatus'] | null)[] = [null, 'proposed', 'withdrawn'];

/**
 * A coordinator's search for someone to add to a request by hand, when the worker found too few: the
 * public register's filters, a name, and whether they are free for every session (those first).
 */
export function AddByHand({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { draft, set, filters, page, setPage, submit } = useSearch<Filters>();
  const found = useQuery({
    queryKey: ['resident-search', requestId, filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/requests/{id}/resident-search', {
          params: { path: { id: requestId }, query: { ...filters, page, perPage: PER_PAGE } },
        }),
      ),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="add-by-hand">
      <Title order={2} id="add-by-hand">
        {t('coordinator.addByHand')}
      </Title>
      <Text>{t('coordinator.addByHandLead')}</Text>
      <form role="search" aria-labelledby="add-by-hand" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('coordinator.residentName')}
            maw={360}
            value={draft.q ?? ''}
            onChange={(event) => set('q', event.currentTarget.value || undefined)}
          />
          <ResidentFilterFields draft={draft} set={set} />
          <Checkbox
            label={t('coordinator.freeForSessionsOnly')}
            checked={draft.freeForSessions === true}
            onChange={(event) => set('freeForSessions', event.currentTarget.checked || undefined)}
          />
          <Group>
            <Button type="submit">{t('directory.search')}</Button>
          </Group>
        </Stack>
      </form>
      <Text role="status" fw={700}>
        {found.data &&
          (found.data.total === 0
            ? t('directory.none')
            : t('coordinator.residentsFound', { total: found.data.total }))}
      </Text>
      {found.data?.items.map((resident) => (
        <FoundResident key={resident.id} requestId={requestId} resident={resident} />
      ))}
      <Pages total={found.data?.total ?? 0} perPage={PER_PAGE} page={page} onChange={setPage} />
    </Stack>
  );
}

function FoundResident({ requestId, resident }: { requestId: string; resident: Found }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/requests/{id}/proposals', {
          params: { path: { id: requestId } },
          body: { volunteerId: resident.id },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['request-proposals'] }),
        queries.invalidateQueries({ queryKey: ['resident-search'] }),
      ]),
  });
  return (
    <ResidentArticle
      resident={resident}
      badges={
        <>
          <Badge variant="outline" color={resident.freeForSessions ? 'teal.9' : 'red.9'}>
            {t(resident.freeForSessions ? 'coordinator.freeForSessions' : 'coordinator.notFreeForSessions')}
          </Badge>
          {resident.proposalStatus && (
            <Badge variant="outline" color="gray.8">
              {t(`requests.proposalStatus.${resident.proposalStatus}`)}
            </Badge>
          )}
        </>
      }
    >
      <ResidentSummary resident={resident} />
      {add.error && (
        <Alert color="red" role="alert">
          {add.error.message}
        </Alert>
      )}
      {ADDABLE.includes(resident.proposalStatus) && (
        <Group>
          <Button size="xs" loading={add.isPending} onClick={() => add.mutate()}>
            {t('coordinator.add')}
          </Button>
        </Group>
      )}
    </ResidentArticle>
  );
}
