import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDay } from '../../format/time';
import { ResidentCard } from './ResidentCard';

type OpenRequest = components['schemas']['RequestView'];
interface ShortRequest {
  request: OpenRequest;
  counts: Record<string, number>;
  found: number;
}

const PENDING_SHOWN = 10;
/** A plan can change hundreds of pairs; the dashboard lists the first of them and counts the rest. */
const CHANGES_SHOWN = 50;

/**
 * What needs a coordinator now: residents waiting for review; open requests still short of people,
 * soonest deadline first; requests whose candidates wait for approval; and requests where someone
 * declined and a replacement is needed.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const pending = useQuery({
    queryKey: ['volunteers', 'pending_review'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/volunteers', {
          params: { query: { status: 'pending_review', perPage: PENDING_SHOWN } },
        }),
      ),
  });
  const open = useQuery({
    queryKey: ['requests', 'open'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/requests', { params: { query: { status: 'open', perPage: 100 } } })),
  });
  const short: ShortRequest[] = (open.data?.items ?? [])
    .map((request) => {
      const counts = request.proposalCounts as Record<string, number>;
      return { request, counts, found: (counts.approved ?? 0) + (counts.accepted ?? 0) };
    })
    .filter(({ request, found }) => found < request.need)
    .sort((a, b) => String(a.request.deadline).localeCompare(String(b.request.deadline)));

  return (
    <Stack gap="xl">
      <Title order={1}>{t('coordinator.dashboard')}</Title>
      <Stack gap="sm" component="section" aria-labelledby="pending">
        <Title order={2} id="pending">
          {t('coordinator.pendingResidents')}
        </Title>
        {pending.data?.total === 0 && <Text>{t('coordinator.noPending')}</Text>}
        {pending.data?.items.map((resident) => (
          <ResidentCard key={resident.id} resident={resident} />
        ))}
        {(pending.data?.total ?? 0) > PENDING_SHOWN && (
          <Anchor component={Link} to="/coordinator/residents">
            {t('coordinator.allPending', { total: pending.data?.total })}
          </Anchor>
        )}
      </Stack>
      {open.data && (
        <>
          <RequestsSection
            id="short"
            title={t('coordinator.shortRequests')}
            empty={t('coordinator.noShort')}
            requests={short}
          />
          <RequestsSection
            id="approval"
            title={t('coordinator.awaitingApproval')}
            empty={t('coordinator.noneAwaitingApproval')}
            requests={short.filter(({ counts }) => (counts.proposed ?? 0) > 0)}
          />
          <RequestsSection
            id="declined"
            title={t('coordinator.toReplace')}
            empty={t('coordinator.noneToReplace')}
            requests={short.filter(({ counts }) => (counts.declined ?? 0) > 0)}
          />
        </>
      )}
      <PlanPanel />
    </Stack>
  );
}

/** A titled list of requests still short of people, each with where it stands. */
function RequestsSection(props: { id: string; title: string; empty: string; requests: ShortRequest[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby={props.id}>
      <Title order={2} id={props.id}>
        {props.title}
      </Title>
      {props.requests.length === 0 && <Text>{props.empty}</Text>}
      {props.requests.map(({ request, counts, found }) => (
        <Card key={request.id} withBorder padding="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/requests/${request.id}`} fw={700}>
              {request.title}
            </Anchor>
            <Text size="sm">
              {request.organisation.name} · {t('coordinator.deadline')}:{' '}
              {formatDay(String(request.deadline), i18n.language)}
            </Text>
            <Group gap="xs">
              <Badge variant="outline" color="gray.8">
                {t('coordinator.found', { found, need: request.need })}
              </Badge>
              {(counts.proposed ?? 0) > 0 && (
                <Badge variant="outline" color="gray.8">
                  {t('coordinator.waitingApproval', { count: counts.proposed })}
                </Badge>
              )}
              {(counts.declined ?? 0) > 0 && (
                <Badge variant="outline" color="red.9">
                  {t('coordinator.declined', { count: counts.declined })}
                </Badge>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** The city-wide planner on demand: its dry run first, pair by pair, then applied through the queue. */
function PlanPanel() {
  const { t } = useTranslation();
  const preview = useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/matching/plan-preview')) });
  const apply = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/matching/plan')) });
  const error = preview.error ?? apply.error;
  const titles = new Map(preview.data?.requests.map((request) => [request.id, request.title]));
  const names = new Map(preview.data?.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
  const changes = [
    ...(preview.data?.added ?? []).map((pair) => ({ ...pair, change: 'added' as const })),
    ...(preview.data?.withdrawn ?? []).map((pair) => ({ ...pair, change: 'withdrawn' as const })),
  ];
  return (
    <Stack gap="sm" component="section" aria-labelledby="plan">
      <Title order={2} id="plan">
        {t('coordinator.plan')}
      </Title>
      <Text>{t('coordinator.planLead')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Group>
        <Button variant="default" loading={preview.isPending} onClick={() => preview.mutate()}>
          {t('coordinator.preview')}
        </Button>
        {preview.data && !apply.isSuccess && (
          <Button loading={apply.isPending} onClick={() => apply.mutate()}>
            {t('coordinator.apply')}
          </Button>
        )}
      </Group>
      {preview.data && (
        <Text role="status">
          {t('coordinator.previewSummary', {
            planned: preview.data.seats.planned,
            open: preview.data.seats.open,
            added: preview.data.added.length,
            withdrawn: preview.data.withdrawn.length,
            kept: preview.data.kept,
          })}
        </Text>
      )}
      {changes.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped captionSide="top">
            <Table.Caption>{t('coordinator.changesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('coordinator.change')}</Table.Th>
                <Table.Th scope="col">{t('coordinator.request')}</Table.Th>
                <Table.Th scope="col">{t('coordinator.resident')}</Table.Th>
                <Table.Th scope="col">{t('coordinator.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.slice(0, CHANGES_SHOWN).map((pair) => (
                <Table.Tr key={`${pair.change}/${pair.requestId}/${pair.volunteerId}`}>
                  <Table.Td>{t(`coordinator.changes.${pair.change}`)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/requests/${pair.requestId}`}>
                      {titles.get(pair.requestId)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{names.get(pair.volunteerId)}</Table.Td>
                  <Table.Td>{'score' in pair ? pair.score.toFixed(2) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {changes.length > CHANGES_SHOWN && (
        <Text size="sm">{t('coordinator.moreChanges', { count: changes.length - CHANGES_SHOWN })}</Text>
      )}
      {apply.isSuccess && <Alert role="status">{t('coordinator.applied')}</Alert>}
    </Stack>
  );
}
