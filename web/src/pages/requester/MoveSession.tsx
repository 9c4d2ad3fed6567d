import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { LocalisedDates, useCalendarLabels } from '../../layout/LocalisedDates';

/** `2027-06-10` and `18:30` of an instant, in Japan, as the date and time inputs hold them. */
function inJapan(instant: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * Moving one session to another day or time, from the request's page: the people booked for it keep it,
 * at the new time, and their calendars follow. The API says if one of them is busy then.
 */
export function MoveSession(props: {
  requestId: string;
  slot: { id: string; startsAt: string; endsAt: string };
  label: string;
}) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const calendarLabels = useCalendarLabels();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState<string | null>(inJapan(props.slot.startsAt).date);
  const [start, setStart] = useState(inJapan(props.slot.startsAt).time);
  const [end, setEnd] = useState(inJapan(props.slot.endsAt).time);
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/requests/{id}/sessions/{slotId}', {
          params: { path: { id: props.requestId, slotId: props.slot.id } },
          body: { startsAt: `${date ?? ''}T${start}:00+09:00`, endsAt: `${date ?? ''}T${end}:00+09:00` },
        }),
      ),
    onSuccess: async () => {
      setOpened(false);
      await queries.invalidateQueries({ queryKey: ['request', props.requestId] });
    },
  });
  const fields = move.error instanceof ApiError ? move.error.fieldErrors() : {};
  const general = move.error && Object.keys(fields).length === 0 ? move.error.message : null;

  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => setOpened(true)}
        aria-label={`${t('calendars.move')}: ${props.label}`}
      >
        {t('calendars.move')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`${t('calendars.moveTitle')}: ${props.label}`}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <LocalisedDates>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <DatePickerInput
              ariaLabels={calendarLabels}
              label={t('requests.sessionDate')}
              required
              valueFormat="YYYY/MM/DD (dd)"
              value={date}
              onChange={setDate}
              error={fields.startsAt}
            />
            <Group grow align="flex-start">
              <TimeInput
                label={t('requests.start')}
                required
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
              />
              <TimeInput
                label={t('requests.end')}
                required
                value={end}
                onChange={(e) => setEnd(e.currentTarget.value)}
                error={fields.endsAt}
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('myPage.cancel')}
              </Button>
              <Button loading={move.isPending} onClick={() => move.mutate()}>
                {t('calendars.moveConfirm')}
              </Button>
            </Group>
          </Stack>
        </LocalisedDates>
      </Modal>
    </>
  );
}
