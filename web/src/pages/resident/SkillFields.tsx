import {
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Select,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCalendarLabels } from '../../layout/LocalisedDates';
import { useSkillChoices, useSkillName } from '../../reference/reference';
import { skillOrFieldFilter } from '../../reference/skillSearch';
import { ItemCard } from './ItemCard';
import { OUTCOME_KINDS, type OutcomeValue, type ProfileValues } from './profileForm';

type CanDo = Pick<ProfileValues, 'skills' | 'learningOutcomes'>;

/**
 * What a resident can do (できること), in sign-up and on the profile: their skills, each with its level
 * and a note, found by field or name; and what they have learned (courses finished, certificates, work
 * experience) with the skills each shows. Needs {@link LocalisedDates} around it.
 */
export function SkillFields({ form }: { form: UseFormReturnType<CanDo> }) {
  return (
    <>
      <SkillList form={form} />
      <OutcomeList form={form} />
    </>
  );
}

function SkillList({ form }: { form: UseFormReturnType<CanDo> }) {
  const { t } = useTranslation();
  const skills = useSkillChoices();
  const skillName = useSkillName();
  return (
    <>
      <Select
        label={t('signUp.addSkill')}
        description={t('signUp.skillsHint')}
        data={skills}
        filter={skillOrFieldFilter}
        searchable
        value={null}
        error={form.errors.skills}
        onChange={(skillCode) => {
          if (skillCode && !form.getValues().skills.some((skill) => skill.skillCode === skillCode)) {
            form.insertListItem('skills', { skillCode, level: 3, note: '' });
          }
        }}
      />
      {form.getValues().skills.map((skill, index) => (
        <ItemCard
          key={skill.skillCode}
          name={skillName(skill.skillCode)}
          onRemove={() => form.removeListItem('skills', index)}
        >
          <Text fw={700}>{skillName(skill.skillCode)}</Text>
          {form.errors[`skills.${index}.skillCode`] && (
            <Input.Error>{form.errors[`skills.${index}.skillCode`]}</Input.Error>
          )}
          <Input.Wrapper
            label={t('signUp.level')}
            description={t('signUp.levelHint')}
            error={form.errors[`skills.${index}.level`]}
          >
            <SegmentedControl
              fullWidth
              data={['1', '2', '3', '4', '5']}
              value={String(skill.level)}
              onChange={(level) => form.setFieldValue(`skills.${index}.level`, Number(level))}
            />
          </Input.Wrapper>
          <TextInput label={t('signUp.note')} {...form.getInputProps(`skills.${index}.note`)} />
        </ItemCard>
      ))}
    </>
  );
}

function OutcomeList({ form }: { form: UseFormReturnType<CanDo> }) {
  const { t } = useTranslation();
  const calendarLabels = useCalendarLabels();
  const skills = useSkillChoices();
  const kinds = OUTCOME_KINDS.map((kind) => ({ value: kind, label: t(`signUp.outcomeKinds.${kind}`) }));
  const added: OutcomeValue = { kind: 'course', title: '', issuer: '', achievedOn: null, skillCodes: [] };
  return (
    <>
      <Title order={3} size="h4" mt="md">
        {t('signUp.outcomesTitle')}
      </Title>
      <Text size="sm">{t('signUp.outcomesHint')}</Text>
      {form.getValues().learningOutcomes.map((_, index) => (
        <ItemCard
          key={index}
          name={t('signUp.outcomeNumber', { number: index + 1 })}
          onRemove={() => form.removeListItem('learningOutcomes', index)}
        >
          <Select
            label={t('signUp.outcomeKind')}
            data={kinds}
            allowDeselect={false}
            {...form.getInputProps(`learningOutcomes.${index}.kind`)}
          />
          <TextInput
            label={t('signUp.outcomeTitle')}
            required
            {...form.getInputProps(`learningOutcomes.${index}.title`)}
          />
          <TextInput
            label={t('signUp.outcomeIssuer')}
            {...form.getInputProps(`learningOutcomes.${index}.issuer`)}
          />
          <DatePickerInput
            ariaLabels={calendarLabels}
            label={t('signUp.outcomeDate')}
            clearable
            clearButtonProps={{ 'aria-label': t('app.clear') }}
            {...form.getInputProps(`learningOutcomes.${index}.achievedOn`)}
          />
          <MultiSelect
            label={t('signUp.outcomeSkills')}
            data={skills}
            filter={skillOrFieldFilter}
            searchable
            {...form.getInputProps(`learningOutcomes.${index}.skillCodes`)}
          />
        </ItemCard>
      ))}
      <Group>
        <Button variant="default" onClick={() => form.insertListItem('learningOutcomes', added)}>
          {t('signUp.addOutcome')}
        </Button>
      </Group>
    </>
  );
}
