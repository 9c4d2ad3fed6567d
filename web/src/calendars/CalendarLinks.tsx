import { Alert, Anchor, Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, sessionToken, unwrap } from '../api/client';
import { formatDay } from '../format/time';

/**
 * "Add to calendar (.ics)" for one confirmed activity. The file needs the sign-in, which a plain link
 * would not send, so it is fetched and handed to the browser as a download.
 */
export function ActivityCalendarLink({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    const response = await fetch(`/api/v1/proposals/${proposalId}/calendar.ics`, {
      headers: { Authorization: `Bearer ${sessionToken.get() ?? ''}` },
    });
    if (!response.ok) {
      setProblem(((await response.json()) as { message?: string }).message ?? t('errors.network'));
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'activity.ics';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Group gap="xs">
      <Anchor component="button" type="button" size="sm" onClick={() => void download()}>
        {t('calendars.addActivity')}
      </Anchor>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Group>
  );
}

/**
 * The private feed URL a calendar app subscribes to: a resident's own activities, or an organisation's.
 * The URL holds a secret, so it is shown once, when made; making it again or revoking it ends the old one.
 */
export function CalendarFeedSection({ owner }: { owner: 'resident' | 'organisation' }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feeds = useQuery({
    queryKey: ['calendar-feeds'],
    queryFn: () => unwrap(api.GET('/api/v1/calendar-feeds')),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['calendar-feeds'] });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calendar-feeds', { body: { owner } })),
    onSuccess: async (feed) => {
      setUrl(feed.url ?? null);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/calendar-feeds/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setUrl(null);
      await refresh();
    },
  });
  const live = (feeds.data ?? []).find((feed) => feed.owner === owner);
  const error = create.error ?? revoke.error;

  return (
    <Stack gap="sm" component="section" aria-labelledby="calendar-feed">
      <Title order={2} id="calendar-feed">
        {t('calendars.feedTitle')}
      </Title>
      <Text size="sm">
        {t(owner === 'resident' ? 'calendars.feedAboutResident' : 'calendars.feedAboutOrganisation')}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {url && (
        <Stack gap="xs">
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={t('calendars.feedUrl')} value={url} readOnly style={{ flex: 1 }} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('calendars.copied') : t('calendars.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">{t('calendars.shownOnce')}</Text>
        </Stack>
      )}
      {live && !url && (
        <Text size="sm">
          {t('calendars.feedExists', { date: formatDay(String(live.createdAt), i18n.language) })}
        </Text>
      )}
      <Group>
        <Button
          variant={live ? 'default' : 'filled'}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          {live ? t('calendars.remakeFeed') : t('calendars.makeFeed')}
        </Button>
        {live && (
          <Button
            variant="outline"
            color="red.9"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(live.id)}
          >
            {t('calendars.revokeFeed')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
