import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
  Input,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useRequired } from '../../layout/forms';
import { LocalisedDates, useCalendarLabels } from '../../layout/LocalisedDates';
import {
  LANGUAGE_CHOICES,
  useDistrictChoices,
  useSkillChoices,
  useSkillName,
} from '../../reference/reference';
import {
  EMPTY_REQUEST,
  formFieldOf,
  requestBody,
  weeklyAfter,
  type RequestKind,
  type RequestValues,
} from './requestForm';

const KINDS: RequestKind[] = ['school_visit', 'family_support', 'course_instructor'];

/**
 * A school, a family-support desk or a community group asks for people: one form, with the kind's own
 * fields, several sessions for a course series, the skills needed. Saved as a draft or opened at once;
 * whatever the API refuses is shown at its field and nothing typed is lost.
 */
export function NewRequestPage() {
  const { t } = useTranslation();
  const calendarLabels = useCalendarLabels();
  const navigate = useNavigate();
  const districts = useDistrictChoices();
  const skills = useSkillChoices();
  const skillName = useSkillName();
  const [problem, setProblem] = useState<string | null>(null);
  const required = useRequired();
  // What a person can leave empty by mistake is said in plain words before anything is sent.
  const form = useForm<RequestValues>({
    initialValues: EMPTY_REQUEST,
    validate: {
      title: required,
      deadline: required,
      districtCode: (value, values) => (values.online ? null : required(value)),
      sessions: { date: required },
    },
  });
  const values = form.getValues();

  const save = async (open: boolean) => {
    setProblem(null);
    if (form.validate().hasErrors) return;
    let created: { id: string } | undefined;
    try {
      created = await unwrap(api.POST('/api/v1/requests', { body: requestBody(form.getValues()) }));
      if (open)
        await unwrap(api.POST('/api/v1/requests/{id}/open', { params: { path: { id: created.id } } }));
      await navigate(`/requests/${created.id}`, {
        state: { message: t(open ? 'requests.opened' : 'requests.saved') },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Saved but not opened: the draft's own page says why, and opens it once that is put right.
      if (created) return navigate(`/requests/${created.id}`, { state: { problem: error.message } });
      form.setErrors(
        Object.fromEntries(error.details.map((detail) => [formFieldOf(detail.field), detail.message])),
      );
      setProblem(error.message);
    }
  };

  const choices = (group: string, keys: string[]) =>
    keys.map((key) => ({ value: key, label: t(`${group}.${key}`) }));

  return (
    <LocalisedDates>
      <Stack maw={760} gap="md">
        <Title order={1}>{t('requests.new')}</Title>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save(true);
          }}
        >
          <Stack gap="sm">
            <Input.Wrapper label={t('requests.kind')}>
              <SegmentedControl
                fullWidth
                orientation="vertical"
                data={KINDS.map((kind) => ({ value: kind, label: t(`requests.kinds.${kind}`) }))}
                {...form.getInputProps('kind')}
              />
            </Input.Wrapper>
            <TextInput label={t('requests.requestTitle')} required {...form.getInputProps('title')} />
            <Textarea
              label={t('requests.description')}
              autosize
              minRows={3}
              {...form.getInputProps('description')}
            />

            {values.kind === 'school_visit' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('requests.school.role')}
                  data={choices('requests.school.roles', ['guest_teacher', 'school_support'])}
                  {...form.getInputProps('school.role')}
                />
                <Select
                  label={t('requests.school.schoolLevel')}
                  data={choices('requests.school.levels', [
                    'elementary',
                    'junior_high',
                    'high',
                    'special_needs',
                  ])}
                  {...form.getInputProps('school.schoolLevel')}
                />
                <NumberInput
                  label={t('requests.school.grade')}
                  min={1}
                  max={6}
                  {...form.getInputProps('school.grade')}
                />
                <TextInput
                  label={t('requests.school.subject')}
                  required
                  {...form.getInputProps('school.subject')}
                />
                <TextInput
                  label={t('requests.school.topic')}
                  required
                  {...form.getInputProps('school.topic')}
                />
                <NumberInput
                  label={t('requests.school.pupils')}
                  min={1}
                  {...form.getInputProps('school.pupils')}
                />
              </SimpleGrid>
            )}
            {values.kind === 'family_support' && (
              <Stack gap="sm">
                <Select
                  label={t('requests.family.supportType')}
                  data={choices('requests.family.types', [
                    'parenting_talk',
                    'childcare',
                    'home_learning',
                    'foreign_parent_support',
                  ])}
                  {...form.getInputProps('family.supportType')}
                />
                <Select
                  label={t('requests.family.organiserType')}
                  data={choices('requests.family.organisers', [
                    'pta',
                    'child_rearing_circle',
                    'family_support_desk',
                  ])}
                  {...form.getInputProps('family.organiserType')}
                />
                <TextInput
                  label={t('requests.family.childrenAges')}
                  defaultValue={values.family.childrenAges.join(', ')}
                  error={form.errors['family.childrenAges']}
                  onChange={(event) =>
                    form.setFieldValue(
                      'family.childrenAges',
                      event.currentTarget.value
                        .split(/[,、\s]+/)
                        .filter(Boolean)
                        .map(Number),
                    )
                  }
                />
                <MultiSelect
                  label={t('requests.family.languageNeeds')}
                  data={LANGUAGE_CHOICES}
                  {...form.getInputProps('family.languageNeeds')}
                />
                <Checkbox
                  label={t('requests.family.childcareNeeded')}
                  {...form.getInputProps('family.childcareNeeded', { type: 'checkbox' })}
                />
              </Stack>
            )}
            {values.kind === 'course_instructor' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={t('requests.course.capacity')}
                  min={1}
                  {...form.getInputProps('course.capacity')}
                />
                <NumberInput
                  label={t('requests.course.participantFeeYen')}
                  min={0}
                  thousandSeparator=","
                  {...form.getInputProps('course.participantFeeYen')}
                />
                <NumberInput
                  label={t('requests.course.honorariumYen')}
                  min={0}
                  thousandSeparator=","
                  {...form.getInputProps('course.honorariumYen')}
                />
                <Checkbox
                  mt="xl"
                  label={t('requests.course.childcareAvailable')}
                  {...form.getInputProps('course.childcareAvailable', { type: 'checkbox' })}
                />
                <MultiSelect
                  label={t('requests.course.accessibility')}
                  data={(['step_free', 'accessible_toilet', 'hearing_loop', 'sign_language'] as const).map(
                    (feature) => ({
                      value: feature,
                      label: t(`courses.access.${feature}`),
                    }),
                  )}
                  {...form.getInputProps('course.accessibility')}
                />
              </SimpleGrid>
            )}

            <Checkbox label={t('requests.online')} {...form.getInputProps('online', { type: 'checkbox' })} />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('requests.district')}
                data={districts}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': t('app.clear') }}
                required={!values.online}
                {...form.getInputProps('districtCode')}
              />
              <TextInput label={t('requests.venue')} {...form.getInputProps('venue')} />
            </Group>
            <Group grow align="flex-start" wrap="wrap">
              <NumberInput
                label={t('requests.need')}
                min={1}
                max={100}
                required
                {...form.getInputProps('need')}
              />
              <DatePickerInput
                ariaLabels={calendarLabels}
                label={t('requests.deadline')}
                required
                clearable
                clearButtonProps={{ 'aria-label': t('app.clear') }}
                valueFormat="YYYY/MM/DD"
                {...form.getInputProps('deadline')}
              />
            </Group>

            <Title order={2} size="h4" mt="sm">
              {t('requests.sessions')}
            </Title>
            {values.sessions.map((_, index) => (
              <Card key={index} withBorder padding="sm">
                <Group grow align="flex-end" wrap="wrap">
                  <DatePickerInput
                    ariaLabels={calendarLabels}
                    label={`${t('requests.sessionDate')} (${index + 1})`}
                    required
                    valueFormat="YYYY/MM/DD (dd)"
                    {...form.getInputProps(`sessions.${index}.date`)}
                  />
                  <TimeInput
                    label={t('requests.start')}
                    required
                    {...form.getInputProps(`sessions.${index}.start`)}
                  />
                  <TimeInput
                    label={t('requests.end')}
                    required
                    {...form.getInputProps(`sessions.${index}.end`)}
                  />
                  {values.sessions.length > 1 && (
                    <Button variant="default" onClick={() => form.removeListItem('sessions', index)}>
                      {t('requests.removeSession')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  form.insertListItem('sessions', { ...values.sessions[values.sessions.length - 1] })
                }
              >
                {t('requests.addSession')}
              </Button>
              <Button
                variant="default"
                disabled={!values.sessions[values.sessions.length - 1]?.date}
                onClick={() => {
                  for (const session of weeklyAfter(values.sessions[values.sessions.length - 1], 3)) {
                    form.insertListItem('sessions', session);
                  }
                }}
              >
                {t('requests.repeatWeekly', { weeks: 3 })}
              </Button>
            </Group>

            <Title order={2} size="h4" mt="sm">
              {t('requests.requiredSkills')}
            </Title>
            <Select
              label={t('requests.addRequired')}
              data={skills}
              searchable
              value={null}
              error={form.errors.requiredSkills}
              onChange={(skillCode) => {
                if (skillCode && !values.requiredSkills.some((skill) => skill.skillCode === skillCode)) {
                  form.insertListItem('requiredSkills', { skillCode, minLevel: 2 });
                }
              }}
            />
            {values.requiredSkills.map((skill, index) => (
              <Group key={skill.skillCode} align="flex-end" wrap="wrap">
                <Input.Wrapper
                  label={`${skillName(skill.skillCode)}: ${t('requests.minLevel')}`}
                  error={form.errors[`requiredSkills.${index}.minLevel`]}
                >
                  <SegmentedControl
                    data={['1', '2', '3', '4', '5']}
                    value={String(skill.minLevel)}
                    onChange={(level) =>
                      form.setFieldValue(`requiredSkills.${index}.minLevel`, Number(level))
                    }
                  />
                </Input.Wrapper>
                <Button variant="default" onClick={() => form.removeListItem('requiredSkills', index)}>
                  {t('signUp.remove')}
                </Button>
              </Group>
            ))}
            <MultiSelect
              label={t('requests.preferredSkills')}
              data={skills}
              searchable
              {...form.getInputProps('preferredSkillCodes')}
            />

            <Group justify="space-between" mt="md">
              <Button variant="default" onClick={() => void save(false)}>
                {t('requests.saveDraft')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('requests.open')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </LocalisedDates>
  );
}
