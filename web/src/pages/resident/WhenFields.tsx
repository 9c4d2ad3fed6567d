import { NumberInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCalendarLabels } from '../../layout/LocalisedDates';
import { AvailabilityGrid } from './AvailabilityGrid';
import type { ProfileValues } from './profileForm';

type When = Pick<ProfileValues, 'availability' | 'unavailableDates' | 'monthlyCap'>;

/**
 * When a resident is free: the weekly grid, the days they are not, and how often a month (sign-up and
 * profile). Needs {@link LocalisedDates} around it.
 */
export function WhenFields({ form }: { form: UseFormReturnType<When> }) {
  const { t } = useTranslation();
  const calendarLabels = useCalendarLabels();
  return (
    <>
      <AvailabilityGrid
        value={form.getValues().availability}
        onChange={(cells) => form.setFieldValue('availability', cells)}
        error={form.errors.availability as string | undefined}
      />
      <DatePickerInput
        ariaLabels={calendarLabels}
        type="multiple"
        label={t('signUp.unavailableDates')}
        clearable
        clearButtonProps={{ 'aria-label': t('app.clear') }}
        {...form.getInputProps('unavailableDates')}
      />
      <NumberInput label={t('signUp.monthlyCap')} min={1} max={31} {...form.getInputProps('monthlyCap')} />
    </>
  );
}
