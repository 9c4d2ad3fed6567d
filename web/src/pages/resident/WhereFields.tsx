import { Checkbox, MultiSelect, Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, useDistrictChoices } from '../../reference/reference';

interface Where {
  homeDistrictCode: string;
  travelDistrictCodes: string[];
  onlineAvailable: boolean;
  languages: string[];
}

/** Where a resident lives and will go, whether they work online, and their languages (sign-up and profile). */
export function WhereFields<Values extends Where>({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const districts = useDistrictChoices();
  return (
    <>
      <Select
        label={t('signUp.homeDistrict')}
        data={districts}
        required
        searchable
        {...form.getInputProps('homeDistrictCode')}
      />
      <MultiSelect
        label={t('signUp.travelDistricts')}
        data={districts}
        searchable
        {...form.getInputProps('travelDistrictCodes')}
      />
      <Checkbox label={t('signUp.online')} {...form.getInputProps('onlineAvailable', { type: 'checkbox' })} />
      <MultiSelect
        label={t('signUp.languages')}
        data={LANGUAGE_CHOICES}
        searchable
        {...form.getInputProps('languages')}
      />
    </>
  );
}
