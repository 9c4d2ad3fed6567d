import { Anchor, PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { AccountForm, useServerSubmit } from '../../layout/AccountForm';
import { homeOf, useSession } from '../../session/session';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  // Sent here from a page that needs an account, with a word on why.
  const reason = (useLocation().state as { message?: string } | null)?.message;
  const form = useForm({ initialValues: { email: '', password: '' } });
  const { problem, submit } = useServerSubmit(form, async ({ email, password }) => {
    const account = await signIn(email, password);
    await navigate(homeOf(account.role));
  });

  return (
    <AccountForm
      title={t('signIn.title')}
      status={reason}
      problem={problem}
      submitLabel={t('signIn.submit')}
      submitting={form.submitting}
      onSubmit={submit}
      footer={
        <Anchor component={Link} to="/password-reset" size="sm">
          {t('signIn.forgot')}
        </Anchor>
      }
    >
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
    </AccountForm>
  );
}
