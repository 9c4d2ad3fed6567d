import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { WaitingProposal, type SendAnswer } from '../resident/MyPage';

/**
 * From the link in an approval mail: the request, why the resident was chosen, and accept or decline,
 * without signing in. Opening the page changes nothing (mail programs open links to check them); only
 * the button does, once.
 */
export function AnswerPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [answered, setAnswered] = useState<'accepted' | 'declined' | null>(null);
  const link = useQuery({
    queryKey: ['answer-link', token],
    queryFn: () => unwrap(api.GET('/api/v1/answer-links/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const send: SendAnswer = async (choice, reason) => {
    const { proposal } = await unwrap(
      api.POST('/api/v1/answer-links/{token}', {
        params: { path: { token } },
        body: { answer: choice, ...(reason ? { reason } : {}) },
      }),
    );
    setAnswered(proposal.status === 'accepted' ? 'accepted' : 'declined');
  };

  return (
    <Stack maw={640} gap="md">
      <Title order={1}>{t('answer.title')}</Title>
      {link.error && (
        <Alert color="red" role="alert">
          {link.error.message}
        </Alert>
      )}
      {answered ? (
        <Alert role="status">{t(answered === 'accepted' ? 'answer.accepted' : 'answer.declined')}</Alert>
      ) : (
        link.data && (
          <>
            <Text>{t('answer.lead')}</Text>
            <WaitingProposal
              proposal={link.data.proposal}
              send={send}
              startDeclining={params.get('answer') === 'decline'}
            />
          </>
        )
      )}
      <Anchor component={Link} to="/my">
        {t('answer.myPage')}
      </Anchor>
    </Stack>
  );
}
