import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { homeOf, useSession } from '../../session/session';

/** Asks for a link to set a new password; the answer is the same whether the address is registered or not. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' } });
  const submit = form.onSubmit(async ({ email }) => {
    setProblem(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } }));
      setSent(true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      form.setErrors(error.fieldErrors());
      setProblem(error.message);
    }
  });

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{t('password.requestTitle')}</Title>
      <Text>{t('password.requestLead')}</Text>
      {sent && <Alert role="status">{t('password.sent')}</Alert>}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('password.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** From the link in a password-reset mail. */
export function ResetPasswordPage() {
  return <SetPasswordPage purpose="reset" />;
}

/** From the link in the mail inviting a member of a school, group or desk. */
export function InvitationPage() {
  return <SetPasswordPage purpose="invitation" />;
}

/**
 * Sets a password with the one-time token from a mailed link, then signs the person in and takes them to
 * their role's page. A used or expired link says so and points to asking for a new one.
 */
function SetPasswordPage({ purpose }: { purpose: 'reset' | 'invitation' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { adopt } = useSession();
  const token = useSearchParams()[0].get('token') ?? '';
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '' } });
  const submit = form.onSubmit(async ({ password }) => {
    setProblem(null);
    try {
      const session =
        purpose === 'reset'
          ? await unwrap(
              api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword: password } }),
            )
          : await unwrap(api.POST('/api/v1/invitations/accept', { body: { token, password } }));
      const account = await adopt(session.token);
      await navigate(homeOf(account.role));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const { newPassword, ...others } = error.fieldErrors();
      form.setErrors({ password: newPassword, ...others });
      setProblem(error.message);
    }
  });

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{t(purpose === 'reset' ? 'password.resetTitle' : 'password.invitationTitle')}</Title>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('password.new')}
            description={t('password.rule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('password.save')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
