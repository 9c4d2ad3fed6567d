import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatDay } from '../../format/time';

/**
 * What needs a coordinator now: residents waiting for review, and open requests still short of people
 * with how many candidates wait for approval and how many declined.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const pending = useQuery({
    queryKey: ['volunteers', 'pending_review'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/volunteers', { params: { query: { status: 'pending_review', perPage: 50 } } })),
  });
  const open = useQuery({
    queryKey: ['requests', 'open'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/requests', { params: { query: { status: 'open', perPage: 100 } } })),
  });
  const activate = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/volunteers/{id}/activate', { params: { path: { id } }, body: {} })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['volunteers'] }),
  });
  const short = (open.data?.items ?? [])
    .map((request) => {
      const counts = request.proposalCounts as Record<string, number>;
      return { request, counts, found: (counts.approved ?? 0) + (counts.accepted ?? 0) };
    })
    .filter(({ request, found }) => found < request.need)
    .sort((a, b) => String(a.request.deadline).localeCompare(String(b.request.deadline)));

  return (
    <Stack gap="xl">
      <Title order={1}>{t('coordinator.dashboard')}</Title>
      <PlanPanel />
      <Stack gap="sm" component="section" aria-labelledby="pending">
        <Title order={2} id="pending">
          {t('coordinator.pendingResidents')}
        </Title>
        {activate.error && (
          <Alert color="red" role="alert">
            {activate.error.message}
          </Alert>
        )}
        {pending.data?.total === 0 && <Text>{t('coordinator.noPending')}</Text>}
        {pending.data?.items.map((resident) => (
          <Card key={resident.id} withBorder padding="sm">
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={700}>
                  {resident.name}({resident.nameKana})
                </Text>
                <Text size="sm">
                  {resident.skills.map((skill) => `${skill.skillCode} (${skill.level})`).join('、')}
                </Text>
              </div>
              <Button loading={activate.isPending} onClick={() => activate.mutate(resident.id)}>
                {t('coordinator.activate')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="short">
        <Title order={2} id="short">
          {t('coordinator.shortRequests')}
        </Title>
        {open.data && short.length === 0 && <Text>{t('coordinator.noShort')}</Text>}
        {short.map(({ request, counts, found }) => (
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
    </Stack>
  );
}

/** The city-wide planner on demand: its dry run first, then applied through the queue. */
function PlanPanel() {
  const { t } = useTranslation();
  const preview = useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/matching/plan-preview')) });
  const apply = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/matching/plan')) });
  const error = preview.error ?? apply.error;
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
      {apply.isSuccess && <Alert role="status">{t('coordinator.applied')}</Alert>}
    </Stack>
  );
}
