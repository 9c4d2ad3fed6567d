import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../session/session';

/**
 * The queue board is a page of its own (bull-board) that a plain link cannot open with the web app's
 * sign-in: the button first lets this browser in, then opens it. For admins only.
 */
export function QueueBoardLink() {
  const { t } = useTranslation();
  const { account } = useSession();
  const open = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/queue-board/session')),
    onSuccess: () => window.location.assign('/api/v1/queues'),
  });
  if (account?.role !== 'admin') return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="queue-board">
      <Title order={2} id="queue-board">
        {t('office.queuesTitle')}
      </Title>
      <Text>{t('office.queuesAbout')}</Text>
      {open.error && (
        <Alert color="red" role="alert">
          {open.error.message}
        </Alert>
      )}
      <Button variant="default" w="fit-content" loading={open.isPending} onClick={() => open.mutate()}>
        {t('office.queuesOpen')}
      </Button>
    </Stack>
  );
}
