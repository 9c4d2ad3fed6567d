import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api, ApiError, sessionToken, unwrap } from '../../api/client';
import { saveFile } from '../../api/download';
import { ActivityCalendarLink, CalendarFeedSection } from '../../calendars/CalendarLinks';
import { isHandPicked, matchFactsOf, type Proposal } from '../../api/proposals';
import { fiscalYearOf, formatDay, formatSlot } from '../../format/time';
import { useSkillName } from '../../reference/reference';
import { useSession } from '../../session/session';

/**
 * A resident's own page: requests waiting for their answer (accept or decline in one tap), what they
 * have agreed to do, what they have done and their hours this fiscal year, their data, and leaving.
 */
export function MyPage() {
  const { t } = useTranslation();
  const { account, loading } = useSession();
  if (loading) return null;
  if (!account?.volunteerId)
    return <Navigate to="/sign-in" replace state={{ message: t('myPage.signInFirst') }} />;
  return <ResidentPage volunteerId={account.volunteerId} />;
}

function useMyProposals(volunteerId: string, status: Proposal['status']) {
  return useQuery({
    queryKey: ['my-proposals', volunteerId, status],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/volunteers/{id}/proposals', {
          params: { path: { id: volunteerId }, query: { status, perPage: 50 } },
        }),
      ),
  });
}

function ResidentPage({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const waiting = useMyProposals(volunteerId, 'approved');
  const upcoming = useMyProposals(volunteerId, 'accepted');
  const done = useMyProposals(volunteerId, 'completed');
  const year = fiscalYearOf(new Date());
  const thisYear = (done.data?.items ?? []).filter(
    (proposal) => fiscalYearOf(proposal.request.slots?.[0]?.startsAt ?? proposal.updatedAt) === year,
  );
  const hours = thisYear.reduce((sum, proposal) => sum + (proposal.hours ?? 0), 0);

  return (
    <Stack gap="xl">
      <Title order={1}>{t('myPage.title')}</Title>
      <ReviewNotice volunteerId={volunteerId} />
      <ProposalSection
        id="waiting"
        title={t('myPage.waiting')}
        empty={t('myPage.noneWaiting')}
        proposals={waiting.data?.items}
        render={(proposal) => <WaitingProposal key={proposal.id} proposal={proposal} />}
      />
      <ProposalSection
        id="schedule"
        title={t('myPage.schedule')}
        empty={t('myPage.noneScheduled')}
        proposals={upcoming.data?.items}
        render={(proposal) => (
          <ActivityCard key={proposal.id} proposal={proposal}>
            <ActivityCalendarLink proposalId={proposal.id} />
          </ActivityCard>
        )}
      />
      <ProposalSection
        id="history"
        title={t('myPage.history')}
        empty={t('myPage.noneYet')}
        proposals={done.data?.items}
        render={(proposal) => <ActivityCard key={proposal.id} proposal={proposal} />}
        summary={<Text fw={700}>{t('myPage.hoursThisYear', { year, hours, count: thisYear.length })}</Text>}
      />
      <CalendarFeedSection owner="resident" />
      <Certificate volunteerId={volunteerId} year={year} />
      <YourData volunteerId={volunteerId} />
    </Stack>
  );
}

/**
 * While a coordinator reviews the sign-up, the resident is told so, and sees any question the coordinator
 * asked with the way to answer it (changing the profile).
 */
function ReviewNotice({ volunteerId }: { volunteerId: string }) {
  const { t, i18n } = useTranslation();
  const profile = useQuery({
    queryKey: ['volunteer', volunteerId],
    queryFn: () => unwrap(api.GET('/api/v1/volunteers/{id}', { params: { path: { id: volunteerId } } })),
  });
  if (profile.data?.status !== 'pending_review') return null;
  const question = profile.data.informationRequest;
  if (!question) return <Alert role="status">{t('myPage.underReview')}</Alert>;
  return (
    <Alert
      role="status"
      color="orange.9"
      variant="outline"
      title={t('myPage.question', { date: formatDay(String(question.requestedAt), i18n.language) })}
    >
      <Stack gap="xs">
        <Text>{question.message}</Text>
        <Anchor component={Link} to="/my/profile">
          {t('myPage.answerInProfile')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** A titled part of the page listing proposals, or saying there are none. */
function ProposalSection(props: {
  id: string;
  title: string;
  empty: string;
  proposals: Proposal[] | undefined;
  render: (proposal: Proposal) => React.ReactNode;
  summary?: React.ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={props.id}>
      <Title order={2} id={props.id}>
        {props.title}
      </Title>
      {props.summary}
      {props.proposals?.length === 0 && <Text>{props.empty}</Text>}
      {props.proposals?.map(props.render)}
    </Stack>
  );
}

function ActivityCard({ proposal, children }: { proposal: Proposal; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const { request } = proposal;
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {request.title}
          </Title>
          {proposal.hours !== null && (
            <Badge variant="outline" color="gray.8">
              {t('myPage.hours', { hours: proposal.hours })}
            </Badge>
          )}
        </Group>
        <Text size="sm">{request.organisation.name}</Text>
        <List size="sm" spacing={2}>
          {(request.slots ?? []).map((slot) => (
            <List.Item key={String(slot.startsAt)}>
              {formatSlot(String(slot.startsAt), String(slot.endsAt), i18n.language)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {t('myPage.place')}: {request.online ? t('myPage.online') : (request.venue ?? '')}
        </Text>
        {request.description && <Text size="sm">{request.description}</Text>}
        {children}
      </Stack>
    </Card>
  );
}

/** How a resident's answer reaches the server: signed in (My page), or by the link in the approval mail. */
export type SendAnswer = (choice: 'accept' | 'decline', reason: string | undefined) => Promise<unknown>;

const sendSignedIn =
  (proposalId: string): SendAnswer =>
  (choice, reason) =>
    choice === 'accept'
      ? unwrap(api.POST('/api/v1/proposals/{id}/accept', { params: { path: { id: proposalId } } }))
      : unwrap(
          api.POST('/api/v1/proposals/{id}/decline', {
            params: { path: { id: proposalId } },
            body: reason ? { reason } : {},
          }),
        );

/** A proposal waiting for the resident's answer: why them, and accept or decline (with a reason). */
export function WaitingProposal({
  proposal,
  send = sendSignedIn(proposal.id),
  onAnswered,
  startDeclining = false,
}: {
  proposal: Proposal;
  send?: SendAnswer;
  onAnswered?: () => void;
  startDeclining?: boolean;
}) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const skillName = useSkillName();
  const [declining, setDeclining] = useState(startDeclining);
  const [reason, setReason] = useState('');
  const facts = matchFactsOf(proposal);
  const answer = useMutation({
    mutationFn: (choice: 'accept' | 'decline') => send(choice, reason.trim() || undefined),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['my-proposals'] });
      onAnswered?.();
    },
  });

  return (
    <ActivityCard proposal={proposal}>
      {isHandPicked(proposal) && <Text size="sm">{t('myPage.chosenByCoordinator')}</Text>}
      {facts && (
        <>
          <Text fw={700} size="sm">
            {t('myPage.whyYou')}
          </Text>
          <List size="sm" spacing={2}>
            {facts.requiredSkills.map((skill) => (
              <List.Item key={skill.code}>
                {t('myPage.skillMatch', {
                  skill: skillName(skill.code),
                  level: skill.level,
                })}
              </List.Item>
            ))}
            {facts.relevantOutcomes.map((title) => (
              <List.Item key={title}>{t('myPage.outcome', { title })}</List.Item>
            ))}
            {facts.distanceKm !== null && (
              <List.Item>
                {facts.distanceKm < 1
                  ? t('myPage.sameDistrict')
                  : t('myPage.distance', { km: Math.round(facts.distanceKm) })}
              </List.Item>
            )}
          </List>
        </>
      )}
      {answer.error && (
        <Alert color="red" role="alert">
          {answer.error.message}
        </Alert>
      )}
      <Group grow>
        <Button size="md" loading={answer.isPending} onClick={() => answer.mutate('accept')}>
          {t('myPage.accept')}
        </Button>
        <Button size="md" variant="default" onClick={() => setDeclining(true)}>
          {t('myPage.decline')}
        </Button>
      </Group>
      <Modal
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t('myPage.decline')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Textarea
            label={t('myPage.declineReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              {t('myPage.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={answer.isPending}
              onClick={() => answer.mutate('decline', { onSuccess: () => setDeclining(false) })}
            >
              {t('myPage.confirmDecline')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ActivityCard>
  );
}

/** The participation certificate (活動証明書) for a period, the current fiscal year unless changed. */
function Certificate({ volunteerId, year }: { volunteerId: string; year: number }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${year}-04-01`);
  const [to, setTo] = useState(`${year + 1}-03-31`);
  const download = useMutation({
    mutationFn: async () => {
      const file = await unwrap(
        api.GET('/api/v1/volunteers/{id}/certificate.pdf', {
          params: { path: { id: volunteerId }, query: { from, to } },
          parseAs: 'blob',
        }),
      );
      saveFile(file, `talent-bank-certificate-${from}-${to}.pdf`);
    },
  });
  const problems = download.error instanceof ApiError ? download.error.fieldErrors() : {};
  return (
    <Stack gap="sm" component="section" aria-labelledby="certificate">
      <Title order={2} id="certificate">
        {t('myPage.certificate')}
      </Title>
      <Text>{t('myPage.certificateLead')}</Text>
      <Group align="flex-start">
        <TextInput
          type="date"
          label={t('myPage.certificateFrom')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={problems.from}
        />
        <TextInput
          type="date"
          label={t('myPage.certificateTo')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={problems.to}
        />
      </Group>
      {download.error && Object.keys(problems).length === 0 && (
        <Alert color="red" role="alert">
          {download.error.message}
        </Alert>
      )}
      <Group>
        <Button variant="outline" loading={download.isPending} onClick={() => download.mutate()}>
          {t('myPage.certificateDownload')}
        </Button>
      </Group>
    </Stack>
  );
}

function YourData({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [left, setLeft] = useState(false);
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/volunteers/{id}/withdraw', { params: { path: { id: volunteerId } }, body: {} }),
      ),
    onSuccess: async () => {
      setLeft(true);
      await signOut();
    },
  });

  const download = async () => {
    const response = await fetch(`/api/v1/volunteers/${volunteerId}/export`, {
      headers: { Authorization: `Bearer ${sessionToken.get() ?? ''}` },
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'talent-bank-my-data.json';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  if (left) return <Alert role="status">{t('myPage.withdrawn')}</Alert>;
  return (
    <Stack gap="sm" component="section" aria-labelledby="your-data">
      <Title order={2} id="your-data">
        {t('myPage.yourData')}
      </Title>
      <Group>
        <Anchor component={Link} to="/my/profile">
          {t('myPage.editProfile')}
        </Anchor>
      </Group>
      <Group>
        <Anchor component="button" type="button" onClick={() => void download()}>
          {t('myPage.download')}
        </Anchor>
      </Group>
      <Group>
        <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
          {t('myPage.withdraw')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('myPage.withdrawTitle')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Text>{t('myPage.withdrawText')}</Text>
          {withdraw.error && (
            <Alert color="red" role="alert">
              {withdraw.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('myPage.cancel')}
            </Button>
            <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t('myPage.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
