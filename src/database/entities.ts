import { Account } from '../accounts/account.entity.js';
import { PasswordReset } from '../accounts/password-reset.entity.js';
import { Session } from '../accounts/session.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CalendarFeed } from '../calendars/calendar-feed.entity.js';
import { District } from '../districts/district.entity.js';
import { AnswerLink } from '../notifications/answer-link.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { NotificationOptOut } from '../notifications/notification-opt-out.entity.js';
import { Invitation } from '../organisations/invitation.entity.js';
import { Membership } from '../organisations/membership.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ImportedRequestRef } from '../registers/imported-request-ref.entity.js';
import { ImportRun, ImportRunRow } from '../registers/import-run.entity.js';
import { Booking } from '../proposals/booking.entity.js';
import { Feedback } from '../proposals/feedback.entity.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import { RequestExclusion } from '../requests/request-exclusion.entity.js';
import { RequestSkill } from '../requests/request-skill.entity.js';
import { RequestSlot } from '../requests/request-slot.entity.js';
import { Skill } from '../taxonomy/skill.entity.js';
import { SkillCategory } from '../taxonomy/skill-category.entity.js';
import { AvailabilityWindow } from '../volunteers/availability-window.entity.js';
import { LearningOutcome } from '../volunteers/learning-outcome.entity.js';
import { UnavailableDate } from '../volunteers/unavailable-date.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { VolunteerSkill } from '../volunteers/volunteer-skill.entity.js';

export const entities = [
  Account,
  Session,
  PasswordReset,
  Organisation,
  Membership,
  Invitation,
  AuditEntry,
  District,
  SkillCategory,
  Skill,
  Volunteer,
  VolunteerSkill,
  LearningOutcome,
  AvailabilityWindow,
  UnavailableDate,
  ActivityRequest,
  RequestSlot,
  RequestSkill,
  RequestExclusion,
  Proposal,
  Booking,
  Feedback,
  Notification,
  NotificationOptOut,
  AnswerLink,
  CalendarFeed,
  ImportRun,
  ImportRunRow,
  ImportedRequestRef,
];
