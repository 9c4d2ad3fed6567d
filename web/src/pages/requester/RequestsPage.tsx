import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CalendarFeedSection } from '../../calendars/CalendarLinks';
import { useSession } from '../../session/session';
import { Pages } from '../../layout/search';
import { formatSlot } from '../../format/time';

const PER_PAGE = 20;

/** The requests of the requester's organisations (a coordinator's: those of their districts), newest first. */
export function RequestsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const { account } = useSession();
  const requests = useQuery({
    queryKey: ['requests', page],
    queryFn: () => unwrap(api.GET('/api/v1/requests', { params: { query: { page, perPage: PER_PAGE } } })),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('requests.title')}</Title>
        <Button component={Link} to="/requests/new">
          {t('requests.new')}
        </Button>
      </Group>
      {requests.data?.total === 0 && <Text>{t('requests.none')}</Text>}
      {!!requests.data?.total && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.requestTitle')}</Table.Th>
                <Table.Th scope="col">{t('requests.sessions')}</Table.Th>
                <Table.Th scope="col">{t('requests.need')}</Table.Th>
                <Table.Th scope="col">{t('requests.kind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.items.map((request) => {
                const first = request.slots?.[0];
                return (
                  <Table.Tr key={request.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/requests/${request.id}`}>
                        {request.title}
                      </Anchor>{' '}
                      <Badge variant="outline" color="gray.8">
                        {t(`requests.status.${request.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {first ? formatSlot(String(first.startsAt), String(first.endsAt), i18n.language) : ''}
                      {(request.slots?.length ?? 0) > 1 ? ` (+${(request.slots?.length ?? 1) - 1})` : ''}
                    </Table.Td>
                    <Table.Td>{request.need}</Table.Td>
                    <Table.Td>{t(`requests.kinds.${request.kind}`)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pages total={requests.data?.total ?? 0} perPage={PER_PAGE} page={page} onChange={setPage} />
      {account?.role === 'requester' && <CalendarFeedSection owner="organisation" />}
    </Stack>
  );
}
