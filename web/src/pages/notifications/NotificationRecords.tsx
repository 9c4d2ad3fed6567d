import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatDateTime } from '../../format/time';

/** Whether people were told about a request: each message, to whom, and what became of it (coordinators). */
export function NotificationRecords({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const records = useQuery({
    queryKey: ['notifications', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { requestId } } })),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="notification-records">
      <Title order={2} id="notification-records">
        {t('notifications.recordsTitle')}
      </Title>
      {records.data?.length === 0 && <Text>{t('notifications.noRecords')}</Text>}
      {!!records.data?.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notifications.kind')}</Table.Th>
                <Table.Th scope="col">{t('notifications.recipient')}</Table.Th>
                <Table.Th scope="col">{t('notifications.when')}</Table.Th>
                <Table.Th scope="col">{t('notifications.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.data.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{t(`notificationKinds.${record.kind}`)}</Table.Td>
                  <Table.Td>{record.recipientName}</Table.Td>
                  <Table.Td>{formatDateTime(String(record.sentAt ?? record.sendAt), i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`notificationStatuses.${record.status}`)}
                    {record.outcome && record.status !== 'sent' ? ` (${record.outcome})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
