import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { alternativesOf, scorePartsOf, type Proposal, type ScorePart } from '../../api/proposals';

const PART_COLOURS: Record<ScorePart['name'], string> = {
  skillLevel: 'teal.9',
  preferredSkills: 'blue.9',
  learningOutcomes: 'grape.9',
  distance: 'orange.9',
  fairness: 'gray.8',
};

/** A request's candidates waiting for a coordinator: each score as a bar of its parts, approve or turn down. */
export function Candidates({ proposals }: { proposals: Proposal[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="candidates">
      <Title order={2} id="candidates">
        {t('coordinator.candidates')}
      </Title>
      {proposals.length === 0 && <Text>{t('coordinator.noCandidates')}</Text>}
      {proposals.map((proposal) => (
        <Candidate key={proposal.id} proposal={proposal} />
      ))}
    </Stack>
  );
}

function Candidate({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const parts = scorePartsOf(proposal);
  const alternatives = alternativesOf(proposal);
  const decide = useMutation({
    mutationFn: (choice: 'approve' | 'reject') =>
      choice === 'approve'
        ? unwrap(api.POST('/api/v1/proposals/{id}/approve', { params: { path: { id: proposal.id } } }))
        : unwrap(
            api.POST('/api/v1/proposals/{id}/reject', {
              params: { path: { id: proposal.id } },
              body: { reason },
            }),
          ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['request-proposals'] }),
  });
  const summary = parts
    .map((part) => `${t(`coordinator.parts.${part.name}`)} ${part.points.toFixed(2)}`)
    .join(t('app.listSeparator'));

  return (
    <Card withBorder padding="sm" component="article">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {proposal.volunteer.name ?? proposal.volunteer.displayName}
          </Title>
          <Text size="sm">
            {t('coordinator.score')} {proposal.score.toFixed(2)}
          </Text>
        </Group>
        <Progress.Root size="lg">
          {parts.map((part) => (
            <Tooltip
              key={part.name}
              label={`${t(`coordinator.parts.${part.name}`)} ${part.points.toFixed(2)}`}
            >
              <Progress.Section
                value={part.points * 100}
                color={PART_COLOURS[part.name]}
                aria-label={`${t(`coordinator.parts.${part.name}`)} ${part.points.toFixed(2)}`}
              />
            </Tooltip>
          ))}
        </Progress.Root>
        {/* The bar's numbers, for anyone who cannot tell its colours apart. */}
        <Text size="xs">{summary}</Text>
        {alternatives.length > 0 && (
          <Text size="xs">
            {t('coordinator.alternatives')}:{' '}
            {alternatives
              .map((other) =>
                t('coordinator.alternative', {
                  name: other.name,
                  score: other.score.toFixed(2),
                  reason: t(`coordinator.alternativeReasons.${other.reason}`),
                }),
              )
              .join(t('app.listSeparator'))}
          </Text>
        )}
        {decide.error && (
          <Alert color="red" role="alert">
            {decide.error.message}
          </Alert>
        )}
        <Group>
          <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate('approve')}>
            {t('coordinator.approve')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setRejecting(true)}>
            {t('coordinator.reject')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t('coordinator.reject')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Textarea
            label={t('coordinator.rejectReason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              color="red.9"
              disabled={!reason.trim()}
              loading={decide.isPending}
              onClick={() => decide.mutate('reject', { onSuccess: () => setRejecting(false) })}
            >
              {t('coordinator.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
