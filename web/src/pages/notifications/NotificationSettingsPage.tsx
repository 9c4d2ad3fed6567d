import { Alert, Button, Checkbox, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../session/session';

type Settings = components['schemas']['NotificationSettingsView'];

/** Which messages someone gets by mail, and in which language; for every signed-in role. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { account, loading } = useSession();
  if (loading) return null;
  if (!account) return <Navigate to="/sign-in" replace state={{ message: t('notifications.signInFirst') }} />;
  return <SettingsForm />;
}

function SettingsForm() {
  const settings = useQuery({
    queryKey: ['notification-settings'],
    queryFn: () => unwrap(api.GET('/api/v1/notification-settings')),
  });
  return settings.data ? <SettingsFields saved={settings.data} /> : null;
}

/** Starts from what is saved; what is changed stays here until it is saved. */
function SettingsFields({ saved }: { saved: Settings }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [draft, setDraft] = useState({ locale: saved.locale, stopped: saved.stopped });
  const save = useMutation({
    mutationFn: (body: Pick<Settings, 'locale' | 'stopped'>) =>
      unwrap(api.PUT('/api/v1/notification-settings', { body })),
    onSuccess: (answer) => queries.setQueryData(['notification-settings'], answer),
  });

  return (
    <Stack maw={640} gap="md">
      <Title order={1}>{t('notifications.title')}</Title>
      <Text>{t('notifications.lead')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft);
        }}
      >
        <Stack gap="lg">
          <Radio.Group
            label={t('notifications.language')}
            value={draft.locale}
            onChange={(locale) => setDraft({ ...draft, locale: locale })}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="ja" label="日本語" />
              <Radio value="en" label="English" />
            </Stack>
          </Radio.Group>
          {saved.kinds.length > 0 && (
            <Checkbox.Group
              label={t('notifications.kinds')}
              description={t('notifications.kindsHint')}
              value={saved.kinds.filter((kind) => !draft.stopped.includes(kind))}
              onChange={(wanted) =>
                setDraft({
                  ...draft,
                  stopped: saved.kinds.filter((kind) => !wanted.includes(kind)),
                })
              }
            >
              <Stack gap="xs" mt="xs">
                {saved.kinds.map((kind) => (
                  <Checkbox key={kind} value={kind} label={t(`notificationKinds.${kind}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          {save.isSuccess && <Alert role="status">{t('notifications.saved')}</Alert>}
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('notifications.save')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
