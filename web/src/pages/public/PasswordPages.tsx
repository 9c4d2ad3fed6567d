import { PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { AccountForm, useServerSubmit } from '../../layout/AccountForm';
import { homeOf, useSession } from '../../session/session';

/** Asks for a link to set a new password; the answer is the same whether the address is registered or not. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' } });
  const { problem, submit } = useServerSubmit(form, async ({ email }) => {
    await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } }));
    setSent(true);
  });

  return (
    <AccountForm
      title={t('password.requestTitle')}
      lead={t('password.requestLead')}
      status={sent ? t('password.sent') : null}
      problem={problem}
      submitLabel={t('password.send')}
      submitting={form.submitting}
      onSubmit={submit}
    >
      <TextInput
        label={t('signIn.email')}
        type="email"
        autoComplete="email"
        required
        {...form.getInputProps('email')}
      />
    </AccountForm>
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
  const form = useForm({ initialValues: { password: '' } });
  const { problem, submit } = useServerSubmit(
    form,
    async ({ password }) => {
      const session =
        purpose === 'reset'
          ? await unwrap(
              api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword: password } }),
            )
          : await unwrap(api.POST('/api/v1/invitations/accept', { body: { token, password } }));
      const account = await adopt(session.token);
      await navigate(homeOf(account.role));
    },
    { newPassword: 'password' },
  );

  return (
    <AccountForm
      title={t(purpose === 'reset' ? 'password.resetTitle' : 'password.invitationTitle')}
      problem={problem}
      submitLabel={t('password.save')}
      submitting={form.submitting}
      onSubmit={submit}
    >
      <PasswordInput
        label={t('password.new')}
        description={t('password.rule')}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
    </AccountForm>
  );
}
