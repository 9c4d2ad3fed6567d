import { List, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { formatSlot } from '../../format/time';
import { useDistrictChoices } from '../../reference/reference';

/** A course of learning information, as the list and the course's own page both show it. */
export type Course = components['schemas']['PublicCourseView'];

/** Where a course is held (district and venue) or that it is online, and its fee, in the reader's words. */
export function useCourseWords() {
  const { t } = useTranslation();
  const districts = new Map(useDistrictChoices().map((district) => [district.value, district.label]));
  return {
    place: (course: Course) =>
      course.online
        ? t('courses.online')
        : [course.districtCode && districts.get(course.districtCode), course.venue].filter(Boolean).join(' '),
    // Yen are grouped the Japanese way (1,500) whatever the reader's language.
    fee: (yen: number) =>
      yen === 0 ? t('courses.free') : t('courses.yen', { amount: yen.toLocaleString('ja-JP') }),
  };
}

/** Every session of a course, with its date and times in Japan. */
export function CourseSessions({ sessions, size }: { sessions: Course['sessions']; size?: MantineSize }) {
  const { i18n } = useTranslation();
  return (
    <List size={size} spacing={2}>
      {sessions.map((session) => (
        <List.Item key={String(session.startsAt)}>
          {formatSlot(String(session.startsAt), String(session.endsAt), i18n.language)}
        </List.Item>
      ))}
    </List>
  );
}
