import { Alert, Button, Checkbox, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../session/session';
import { AvailabilityGrid } from './AvailabilityGrid';
import { WhereFields } from './WhereFields';
import { cellsOf, windowsOf, type Cell } from './availability';
import { formFieldOf } from './signUpForm';

type Volunteer = components['schemas']['VolunteerView'];

interface ProfileValues {
  email: string;
  phone: string;
  homeDistrictCode: string;
  travelDistrictCodes: string[];
  onlineAvailable: boolean;
  languages: string[];
  availability: Cell[];
  monthlyCap: number;
  listedPublicly: boolean;
}

const valuesOf = (volunteer: Volunteer): ProfileValues => ({
  email: volunteer.email,
  phone: volunteer.phone,
  homeDistrictCode: volunteer.homeDistrictCode,
  travelDistrictCodes: volunteer.travelDistrictCodes,
  onlineAvailable: volunteer.onlineAvailable,
  languages: volunteer.languages,
  availability: cellsOf(volunteer.availability),
  monthlyCap: volunteer.monthlyCap,
  listedPublicly: volunteer.listedPublicly,
});

/** A resident changes what changes most: contact, districts, languages, free times, monthly cap, listing. */
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
  return volunteer.data ? <ProfileForm volunteerId={volunteerId} initial={valuesOf(volunteer.data)} /> : null;
}

function ProfileForm({ volunteerId, initial }: { volunteerId: string; initial: ProfileValues }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<ProfileValues>({ initialValues: initial });

  const save = form.onSubmit(async ({ availability, ...values }) => {
    setMessage(null);
    try {
      await unwrap(
        api.PATCH('/api/v1/volunteers/{id}', {
          params: { path: { id: volunteerId } },
          body: {
            ...values,
            email: values.email.trim(),
            phone: values.phone.trim(),
            availability: windowsOf(availability),
          },
        }),
      );
      await queries.invalidateQueries({ queryKey: ['volunteer', volunteerId] });
      setMessage({ ok: true, text: t('myPage.saved') });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      form.setErrors(
        Object.fromEntries(error.details.map((detail) => [formFieldOf(detail.field), detail.message])),
      );
      setMessage({ ok: false, text: error.message });
    }
  });

  return (
    <Stack maw={720} gap="md">
      <Title order={1}>{t('myPage.profileTitle')}</Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <form noValidate onSubmit={save}>
        <Stack gap="sm">
          <TextInput label={t('signUp.email')} type="email" required {...form.getInputProps('email')} />
          <TextInput label={t('signUp.phone')} type="tel" required {...form.getInputProps('phone')} />
          <WhereFields form={form} />
          <AvailabilityGrid
            value={form.getValues().availability}
            onChange={(cells) => form.setFieldValue('availability', cells)}
            error={form.errors.availability as string | undefined}
          />
          <NumberInput
            label={t('signUp.monthlyCap')}
            min={1}
            max={31}
            {...form.getInputProps('monthlyCap')}
          />
          <Checkbox
            label={t('signUp.listedPublicly')}
            description={t('signUp.listedPubliclyHint')}
            {...form.getInputProps('listedPublicly', { type: 'checkbox' })}
          />
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
