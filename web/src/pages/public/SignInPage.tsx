import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { homeOf, useSession } from '../../session/session';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  // Sent here from a page that needs an account, with a word on why.
  const reason = (useLocation().state as { message?: string } | null)?.message;
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });

  const submit = form.onSubmit(async ({ email, password }) => {
    setProblem(null);
    try {
      const account = await signIn(email, password);
      await navigate(homeOf(account.role));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      form.setErrors(error.fieldErrors());
      setProblem(error.message);
    }
  });

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{t('signIn.title')}</Title>
      {reason && !problem && <Alert role="status">{reason}</Alert>}
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
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm">
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </Stack>
  );
}
