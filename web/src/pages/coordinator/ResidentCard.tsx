import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDay } from '../../format/time';
import { useDistrictChoices, useSkillList } from '../../reference/reference';

type Resident = components['schemas']['VolunteerView'];
/** The review steps that need the coordinator to write something: a question, or why they suspend. */
type WrittenStep = 'requestInformation' | 'suspend';

/**
 * A resident as a coordinator reviews them: what they offer, any question already asked, and the steps
 * their status allows (activate, ask for more information, suspend).
 */
export function ResidentCard({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const skillList = useSkillList();
  const districts = useDistrictChoices();
  const [writing, setWriting] = useState<WrittenStep | null>(null);
  const [text, setText] = useState('');
  const path = { params: { path: { id: resident.id } } };
  const step = useMutation({
    mutationFn: (change: 'activate' | WrittenStep) => {
      switch (change) {
        case 'activate':
          return unwrap(api.POST('/api/v1/volunteers/{id}/activate', { ...path, body: {} }));
        case 'suspend':
          return unwrap(api.POST('/api/v1/volunteers/{id}/suspend', { ...path, body: { reason: text } }));
        case 'requestInformation':
          return unwrap(
            api.POST('/api/v1/volunteers/{id}/request-information', { ...path, body: { message: text } }),
          );
      }
    },
    onSuccess: () => {
      setWriting(null);
      setText('');
      return queries.invalidateQueries({ queryKey: ['volunteers'] });
    },
  });
  // The field at fault is the only one the dialog has: its message goes under it, anything else above.
  const fieldProblem =
    step.error instanceof ApiError ? Object.values(step.error.fieldErrors()).at(0) : undefined;
  const district = districts.find((choice) => choice.value === resident.homeDistrictCode)?.label;
  const pending = resident.status === 'pending_review';

  return (
    <ResidentArticle
      resident={resident}
      badges={
        <Badge variant="outline" color="gray.8">
          {t(`coordinator.residentStatus.${resident.status}`)}
        </Badge>
      }
    >
      <Text size="sm">
        {district} · {resident.onlineAvailable ? t('coordinator.online') : t('coordinator.notOnline')} ·{' '}
        {t('coordinator.signedUpOn', { date: formatDay(String(resident.createdAt), i18n.language) })}
      </Text>
      <Text size="sm">
        {skillList(resident.skills.map((skill) => ({ code: skill.skillCode, level: skill.level })))}
      </Text>
      {resident.learningOutcomes.length > 0 && (
        <Text size="sm">
          {t('coordinator.outcomes')}:{' '}
          {resident.learningOutcomes.map((outcome) => outcome.title).join(t('app.listSeparator'))}
        </Text>
      )}
      {resident.informationRequest && (
        <Alert
          variant="outline"
          color="gray.8"
          title={t('coordinator.askedOn', {
            date: formatDay(String(resident.informationRequest.requestedAt), i18n.language),
          })}
        >
          {resident.informationRequest.message}
        </Alert>
      )}
      {step.error && !writing && (
        <Alert color="red" role="alert">
          {step.error.message}
        </Alert>
      )}
      <Group gap="xs">
        {resident.status !== 'active' && (
          <Button size="xs" loading={step.isPending} onClick={() => step.mutate('activate')}>
            {t('coordinator.activate')}
          </Button>
        )}
        {pending && (
          <Button size="xs" variant="default" onClick={() => setWriting('requestInformation')}>
            {t('coordinator.requestInformation')}
          </Button>
        )}
        {resident.status !== 'suspended' && (
          <Button size="xs" variant="default" onClick={() => setWriting('suspend')}>
            {t('coordinator.suspend')}
          </Button>
        )}
      </Group>
      <Modal
        opened={writing !== null}
        onClose={() => setWriting(null)}
        title={writing && t(`coordinator.${writing}`)}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack>
          <Textarea
            label={writing && t(`coordinator.${writing}Text`, { name: resident.name })}
            required
            autosize
            minRows={3}
            value={text}
            error={fieldProblem}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          {step.error && !fieldProblem && (
            <Alert color="red" role="alert">
              {step.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              color={writing === 'suspend' ? 'red.9' : undefined}
              disabled={!text.trim()}
              loading={step.isPending}
              onClick={() => writing && step.mutate(writing)}
            >
              {writing && t(`coordinator.${writing}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ResidentArticle>
  );
}

/** A card about one resident, named by their full name and its reading, with badges beside the name. */
export function ResidentArticle(props: {
  resident: { id: string; name: string; nameKana: string };
  badges: ReactNode;
  children: ReactNode;
}) {
  const titleId = `resident-${props.resident.id}`;
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={titleId}>
            {props.resident.name}({props.resident.nameKana})
          </Title>
          <Group gap={4}>{props.badges}</Group>
        </Group>
        {props.children}
      </Stack>
    </Card>
  );
}
