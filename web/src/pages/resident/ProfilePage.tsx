import { Alert, Button, Checkbox, Group, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LocalisedDates } from '../../layout/LocalisedDates';
import { useSession } from '../../session/session';
import { profileBody, profileValuesOf, type ProfileValues } from './profileForm';
import { SkillFields } from './SkillFields';
import { formFieldOf } from './signUpForm';
import { WhenFields } from './WhenFields';
import { WhereFields } from './WhereFields';

type Volunteer = components['schemas']['VolunteerView'];

/**
 * A resident changes their profile after sign-up: contact, districts, languages, skills and what they
 * have learned, free times and days off, monthly cap, listing.
 */
export function ProfilePage() {
  const { account, loading } = useSession();
  if (loading) return null;
  if (!account?.volunteerId) return <Navigate to="/sign-in" replace />;
  return <LoadedProfile volunteerId={account.volunteerId} />;
}

function LoadedProfile({ volunteerId }: { volunteerId: string }) {
  const volunteer = useQuery({
    queryKey: ['volunteer', volunteerId],
    queryFn: () => unwrap(api.GET('/api/v1/volunteers/{id}', { params: { path: { id: volunteerId } } })),
  });
  if (!volunteer.data) return null;
  return (
    <LocalisedDates>
      <ProfileForm volunteer={volunteer.data} />
    </LocalisedDates>
  );
}

/** One part of the profile under its own heading. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3" mt="md">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** `volunteer` is the profile as last read: the form starts from it and never resets to it. */
function ProfileForm({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<ProfileValues>({ initialValues: profileValuesOf(volunteer) });

  const save = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await unwrap(
        api.PATCH('/api/v1/volunteers/{id}', {
          params: { path: { id: volunteer.id } },
          body: profileBody(values, volunteer.unavailableDates),
        }),
      );
      await queries.invalidateQueries({ queryKey: ['volunteer', volunteer.id] });
      setMessage({ ok: true, text: t('myPage.saved') });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      form.setErrors(
        Object.fromEntries(error.details.map((detail) => [formFieldOf(detail.field), detail.message])),
      );
      setMessage({ ok: false, text: error.message });
      // The page is long: the first field the server refused takes focus, its message read out with it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
    }
  });

  return (
    <Stack maw={720} gap="md">
      <Title order={1}>{t('myPage.profileTitle')}</Title>
      <form noValidate onSubmit={save}>
        <Stack gap="sm">
          <Section title={t('myPage.contactTitle')}>
            <TextInput label={t('signUp.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('signUp.phone')} type="tel" required {...form.getInputProps('phone')} />
          </Section>
          <Section title={t('signUp.steps.where')}>
            <WhereFields form={form} />
          </Section>
          <Section title={t('signUp.steps.skills')}>
            <SkillFields form={form} />
          </Section>
          <Section title={t('signUp.steps.when')}>
            <WhenFields form={form} />
          </Section>
          <Section title={t('myPage.listingTitle')}>
            <Checkbox
              label={t('signUp.listedPublicly')}
              description={t('signUp.listedPubliclyHint')}
              {...form.getInputProps('listedPublicly', { type: 'checkbox' })}
            />
          </Section>
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} mt="md">
              {message.text}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('myPage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
