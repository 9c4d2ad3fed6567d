import '@mantine/dates/styles.css';
import { DatesProvider, type CalendarAriaLabels } from '@mantine/dates';
import 'dayjs/locale/ja';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Date pickers in the reader's language: Japanese months and weekdays, weeks from Sunday as in Japan.
 * Only the pages with a date picker load it, so the first page stays small.
 */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 0, weekendDays: [0, 6] }}>
      {children}
    </DatesProvider>
  );
}

/** Names for the calendar's own buttons (previous and next month…), which are icons only. */
export function useCalendarLabels(): CalendarAriaLabels {
  const { t } = useTranslation();
  return t('calendar', { returnObjects: true }) as CalendarAriaLabels;
}
