import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';

/** From the link at the foot of a mail: stops that kind of message, after one button (not on opening). */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const stop = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/unsubscribe/{token}', { params: { path: { token } } })),
  });

  return (
    <Stack maw={560} gap="md">
      <Title order={1}>{t('unsubscribe.title')}</Title>
      {stop.data ? (
        <Alert role="status">
          {t('unsubscribe.done', { kind: t(`notificationKinds.${stop.data.kind}`) })}
        </Alert>
      ) : (
        <>
          <Text>{t('unsubscribe.lead')}</Text>
          {stop.error && (
            <Alert color="red" role="alert">
              {stop.error.message}
            </Alert>
          )}
          <Button onClick={() => stop.mutate()} loading={stop.isPending} w="fit-content">
            {t('unsubscribe.stop')}
          </Button>
        </>
      )}
      <Anchor component={Link} to="/notifications">
        {t('unsubscribe.settings')}
      </Anchor>
    </Stack>
  );
}
