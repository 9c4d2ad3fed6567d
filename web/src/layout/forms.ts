import { useTranslation } from 'react-i18next';

/** A form validator for a field that must not be left empty, saying so in the reader's language. */
export function useRequired(): (value: unknown) => string | null {
  const { t } = useTranslation();
  return (value) => (value === '' || value === null ? t('signUp.required') : null);
}
