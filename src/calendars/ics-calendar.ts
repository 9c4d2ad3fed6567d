import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';

/** One session as a calendar shows it; the texts are already in the reader's language. */
export interface CalendarEvent {
  /** Stable for the same session of the same activity, so a calendar updates it instead of adding one. */
  uid: string;
  /** RFC 5545 SEQUENCE: goes up whenever the session moves (or is cancelled). */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url: string;
  cancelled: boolean;
  /** When the session (or its cancellation) last changed: LAST-MODIFIED. */
  changedAt: Date;
}

/**
 * An iCalendar (RFC 5545) document: every event in Japan time, TZID=Asia/Tokyo with its VTIMEZONE, so a
 * calendar anywhere shows 18:30 for a session at 18:30 in Japan.
 */
export function icsCalendar(name: string, events: CalendarEvent[], now: Date): string {
  const calendar = ical({ name, prodId: { company: 'talent-bank', product: 'calendars', language: 'JA' } });
  // No calendar-wide zone: that would write DTSTAMP without its Z. Each event names its zone instead,
  // and the generator adds one VTIMEZONE for it.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: now,
      lastModified: event.changedAt,
      start: DateTime.fromJSDate(event.startsAt),
      end: DateTime.fromJSDate(event.endsAt),
      timezone: JAPAN_TIME_ZONE,
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: event.url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
