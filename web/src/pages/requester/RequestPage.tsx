import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Rating,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ActivityCalendarLink } from '../../calendars/CalendarLinks';
import { isHandPicked, matchFactsOf, type Proposal } from '../../api/proposals';
import { formatSlot } from '../../format/time';
import { useSkillList } from '../../reference/reference';
import { useSession } from '../../session/session';
import { AddByHand } from '../coordinator/AddByHand';
import { Candidates } from '../coordinator/Candidates';
import { NotificationRecords } from '../notifications/NotificationRecords';
import { MoveSession } from './MoveSession';

/**
 * One request as its requester follows it: the sessions, the people found for it with the skills that
 * matched, their contact details once they accepted, and after the day, the record of what happened and
 * feedback.
 */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const state = useLocation().state as { message?: string; problem?: string } | null;
  const queries = useQueryClient();
  const { account } = useSession();
  const coordinates = account?.role === 'coordinator' || account?.role === 'admin';
  const request = useQuery({
    queryKey: ['request', id],
    queryFn: () => unwrap(api.GET('/api/v1/requests/{id}', { params: { path: { id } } })),
  });
  const people = useQuery({
    queryKey: ['request-proposals', id],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/requests/{id}/proposals', { params: { path: { id }, query: { perPage: 100 } } }),
      ),
  });
  const open = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/requests/{id}/open', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request', id] }),
  });
  if (!request.data) return null;
  const data = request.data;
  const shown = (people.data?.items ?? []).filter((proposal) =>
    ['approved', 'accepted', 'completed', 'declined'].includes(proposal.status),
  );

  return (
    <Stack gap="md" maw={860}>
      <Group gap="sm" align="center">
        <Title order={1}>{data.title}</Title>
        <Badge variant="outline" color="gray.8">
          {t(`requests.status.${data.status}`)}
        </Badge>
      </Group>
      {state?.message && <Alert role="status">{state.message}</Alert>}
      {(state?.problem ?? open.error?.message) && (
        <Alert color="red" role="alert">
          {state?.problem ?? open.error?.message}
        </Alert>
      )}
      <Text>{t(`requests.kinds.${data.kind}`)}</Text>
      {data.description && <Text>{data.description}</Text>}
      <List>
        {(data.slots ?? []).map((slot) => (
          <List.Item key={slot.id}>
            <Group gap="sm">
              {formatSlot(String(slot.startsAt), String(slot.endsAt), i18n.language)}
              {['draft', 'open', 'matched', 'expired'].includes(data.status) && (
                <MoveSession
                  requestId={id}
                  slot={{ id: slot.id, startsAt: String(slot.startsAt), endsAt: String(slot.endsAt) }}
                  label={formatSlot(String(slot.startsAt), String(slot.endsAt), i18n.language)}
                />
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <Text>
        {t('requests.venue')}: {data.online ? t('myPage.online') : (data.venue ?? '')} / {t('requests.need')}:{' '}
        {data.need}
      </Text>
      {data.status === 'draft' && (
        <Group>
          <Button loading={open.isPending} onClick={() => open.mutate()}>
            {t('requests.open')}
          </Button>
        </Group>
      )}

      {coordinates && (
        <Candidates
          proposals={(people.data?.items ?? []).filter((proposal) => proposal.status === 'proposed')}
        />
      )}
      {coordinates && data.status === 'open' && <AddByHand requestId={id} />}
      {coordinates && <NotificationRecords requestId={id} />}
      <Title order={2}>{t('requests.people')}</Title>
      {shown.length === 0 && <Text>{t('requests.noPeople')}</Text>}
      {shown.map((proposal) => (
        <Person key={proposal.id} proposal={proposal} lastSessionEnd={data.slots?.at(-1)?.endsAt} />
      ))}
    </Stack>
  );
}

function Person({ proposal, lastSessionEnd }: { proposal: Proposal; lastSessionEnd?: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const skillList = useSkillList();
  const [hours, setHours] = useState<number | string>(1);
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const refresh = () => queries.invalidateQueries({ queryKey: ['request-proposals'] });
  const complete = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/proposals/{id}/complete', {
          params: { path: { id: proposal.id } },
          body: { hours: Number(hours) },
        }),
      ),
    onSuccess: refresh,
  });
  const feedback = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/proposals/{id}/feedback', {
          params: { path: { id: proposal.id } },
          body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  const facts = matchFactsOf(proposal);
  const over = lastSessionEnd !== undefined && new Date(lastSessionEnd) < new Date();
  const ourFeedback = proposal.feedback.find((given) => given.side === 'requester');
  const volunteer = proposal.volunteer;

  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {volunteer.name ?? volunteer.displayName}
            {volunteer.nameKana && (
              <Text span size="sm" ml="xs">
                ({volunteer.nameKana})
              </Text>
            )}
          </Title>
          <Badge variant="outline" color="gray.8">
            {t(`requests.proposalStatus.${proposal.status}`)}
          </Badge>
        </Group>
        {isHandPicked(proposal) && <Text size="sm">{t('coordinator.addedByHand')}</Text>}
        {['accepted', 'completed'].includes(proposal.status) && (
          <ActivityCalendarLink proposalId={proposal.id} />
        )}
        {facts && (
          <Text size="sm">
            {t('requests.matchedSkills')}: {skillList(facts.requiredSkills)}
          </Text>
        )}
        {volunteer.contact && (
          <Text size="sm">
            {t('requests.contact')}: {volunteer.contact.email} / {volunteer.contact.phone}
          </Text>
        )}
        {proposal.status === 'accepted' && over && (
          <Group align="flex-end">
            <NumberInput
              label={t('requests.hours')}
              min={0.25}
              step={0.25}
              decimalScale={2}
              value={hours}
              onChange={setHours}
              error={complete.error?.message}
            />
            <Button loading={complete.isPending} onClick={() => complete.mutate()}>
              {t('requests.record')}
            </Button>
          </Group>
        )}
        {proposal.status === 'completed' && !ourFeedback && (
          <Stack gap="xs">
            <Text fw={700}>{t('requests.feedback')}</Text>
            <div>
              <Text size="sm" id={`rating-${proposal.id}`}>
                {t('requests.rating')}
              </Text>
              <Rating value={rating} onChange={setRating} aria-labelledby={`rating-${proposal.id}`} />
            </div>
            <Textarea
              label={t('requests.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {feedback.error && (
              <Alert color="red" role="alert">
                {feedback.error.message}
              </Alert>
            )}
            <Group>
              <Button loading={feedback.isPending} onClick={() => feedback.mutate()}>
                {t('requests.sendFeedback')}
              </Button>
            </Group>
          </Stack>
        )}
        {ourFeedback && (
          <Text size="sm">
            {t('requests.feedbackSent')} {'★'.repeat(ourFeedback.rating)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
