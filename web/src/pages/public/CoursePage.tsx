import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useFieldChoices } from '../../reference/reference';
import { CourseSessions, useCourseWords } from './courseParts';

/**
 * One course of learning information (学習情報), with what a resident needs to decide to go: every
 * session, the place, fee, capacity, childcare, the venue's access, the organising group and who teaches.
 */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Back to the list as it was searched, when the reader came from it.
  const search = (useLocation().state as { search?: string } | null)?.search ?? '';
  const words = useCourseWords();
  const fields = new Map(useFieldChoices().map((field) => [field.value, field.label]));
  const course = useQuery({
    queryKey: ['course', id],
    queryFn: () => unwrap(api.GET('/api/v1/directory/courses/{id}', { params: { path: { id } } })),
    // A course that is not there stays not there; asking again would only delay saying so.
    retry: (count, error) => !isNotFound(error) && count < 3,
  });
  const back = (
    <Anchor component={Link} to={`/courses${search}`}>
      {t('course.back')}
    </Anchor>
  );

  if (course.error) {
    return (
      <Stack gap="md" maw={860}>
        {isNotFound(course.error) ? (
          <>
            <Title order={1}>{t('course.notFound')}</Title>
            <Text>{t('course.notFoundText')}</Text>
          </>
        ) : (
          <Alert color="red" role="alert">
            {course.error.message}
          </Alert>
        )}
        {back}
      </Stack>
    );
  }
  if (!course.data) return null;
  const data = course.data;

  return (
    <Stack gap="md" maw={860}>
      {back}
      <Title order={1}>{data.title}</Title>
      {data.description && <Text>{data.description}</Text>}

      <Title order={2}>{t('courses.sessions', { count: data.sessions.length })}</Title>
      <CourseSessions sessions={data.sessions} />

      <Title order={2}>{t('course.about')}</Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Fact label={t('course.place')}>{words.place(data)}</Fact>
          <Fact label={t('course.fee')}>{words.fee(data.participantFeeYen)}</Fact>
          <Fact label={t('course.capacity')}>{t('course.people', { count: data.capacity })}</Fact>
          <Fact label={t('course.childcare')}>
            {data.childcareAvailable ? t('course.childcareYes') : t('course.childcareNo')}
          </Fact>
          <Fact label={t('course.access')}>
            {data.accessibility.length === 0
              ? t('course.accessUnknown')
              : data.accessibility
                  .map((feature) => t(`courses.access.${feature}`))
                  .join(t('app.listSeparator'))}
          </Fact>
          {data.fieldCodes.length > 0 && (
            <Fact label={t('course.field')}>
              {data.fieldCodes.map((code) => fields.get(code) ?? code).join(t('app.listSeparator'))}
            </Fact>
          )}
          {data.instructorNames.length > 0 && (
            <Fact label={t('course.instructor')}>{data.instructorNames.join(t('app.listSeparator'))}</Fact>
          )}
          <Fact label={t('courses.organiser')}>{data.organisationName}</Fact>
        </Table.Tbody>
      </Table>
      <Text>{t('course.apply')}</Text>
    </Stack>
  );
}

/** A row of the course's facts: what it is, then its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The API says 404 for a course it does not show, and 400 for an address that cannot be one. */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}
