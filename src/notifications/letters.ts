import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newSecretToken } from '../accounts/secret-token.js';
import type { Role } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { translate, type Locale } from '../common/i18n/i18n.js';
import { formatJapanTime, formatSession, japanDate } from '../common/japan-time.js';
import { AppConfig } from '../config/app-config.js';
import type { MailMessage } from '../mail/mailer.js';
import { AnswerLink } from './answer-link.entity.js';
import type { Notification, NotificationKind } from './notification.entity.js';

/** An answer link lasts a week, and never past the first session. */
const ANSWER_LINK_DAYS = 7;

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  role: Role;
}

/** What a mail says, before it is written out as plain text and as HTML. */
interface Letter {
  subject: string;
  intro: string;
  /** Quoted as it was written (a coordinator's question), kept apart from the service's own words. */
  quote?: string;
  details: [label: string, value: string][];
  actions: { label: string; url: string }[];
  note?: string;
}

interface RequestFacts {
  title: string;
  organisation: string;
  venue: string | null;
  online: boolean;
  deadline: Date;
  need: number;
  committed: number;
  sessions: { startsAt: Date; endsAt: Date }[];
}

/**
 * Writes each kind of notification from the data as it is now, in the recipient's language, as plain
 * text and HTML, with a link that stops that kind of message.
 */
@Injectable()
export class Letters {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async write(
    manager: EntityManager,
    notification: Notification,
    to: Recipient,
    unsubscribeToken: string,
  ): Promise<MailMessage> {
    const t = (key: string, params: Record<string, unknown> = {}) =>
      translate(to.locale, `mail.notices.${key}`, params);
    const letter = await this.compose(manager, notification, to, t);
    const unsubscribeUrl = this.url(`/unsubscribe?token=${unsubscribeToken}`);
    const footer = [
      t('footer'),
      `${t('stopThisKind')}: ${unsubscribeUrl}`,
      `${t('settings')}: ${this.url('/notifications')}`,
    ];
    return {
      to: to.email,
      subject: letter.subject,
      text: plainText(t('greeting', { name: to.name }), letter, footer),
      html: html(to.locale, t('greeting', { name: to.name }), letter, [
        escape(t('footer')),
        link(t('stopThisKind'), unsubscribeUrl),
        link(t('settings'), this.url('/notifications')),
      ]),
      messageId: `<notification-${notification.id}@talent-bank>`,
      headers: { 'X-Talent-Bank-Notification': notification.kind },
      unsubscribeUrl: this.url(`/api/v1/unsubscribe/${unsubscribeToken}`),
    };
  }

  private async compose(
    manager: EntityManager,
    n: Notification,
    to: Recipient,
    t: (key: string, params?: Record<string, unknown>) => string,
  ): Promise<Letter> {
    const locale = to.locale;
    const kind: NotificationKind = n.kind;
    switch (kind) {
      case 'proposalApproved': {
        const request = await this.request(manager, n.requestId!);
        const expiresAt = new Date(
          Math.min(
            this.clock.now().getTime() + ANSWER_LINK_DAYS * 24 * 60 * 60 * 1000,
            request.sessions[0].startsAt.getTime(),
          ),
        );
        const { token, hash } = newSecretToken();
        await manager.insert(AnswerLink, { proposalId: n.proposalId!, tokenHash: hash, expiresAt });
        return {
          subject: t('proposalApproved.subject', { title: request.title }),
          intro: t('proposalApproved.intro'),
          details: this.requestDetails(request, locale, t),
          actions: [
            { label: t('proposalApproved.accept'), url: this.url(`/answer?token=${token}&answer=accept`) },
            { label: t('proposalApproved.decline'), url: this.url(`/answer?token=${token}&answer=decline`) },
          ],
          note: t('proposalApproved.linkNote', { until: formatJapanTime(locale, expiresAt) }),
        };
      }
      case 'proposalAnswered': {
        const request = await this.request(manager, n.requestId!);
        const [resident] = await manager.query<{ name: string }[]>(
          `SELECT v.name FROM proposals p JOIN volunteers v ON v.id = p.volunteer_id WHERE p.id = $1`,
          [n.proposalId],
        );
        const answer = n.facts.answer === 'accepted' ? 'accepted' : 'declined';
        const params = { title: request.title, resident: resident?.name ?? '—' };
        return {
          subject: t(`proposalAnswered.${answer}.subject`, params),
          intro: t(`proposalAnswered.${answer}.intro`, params),
          details: this.requestDetails(request, locale, t),
          actions: [{ label: t('proposalAnswered.open'), url: this.url(`/requests/${n.requestId}`) }],
        };
      }
      case 'informationRequested': {
        const [resident] = await manager.query<{ information_requested: string | null }[]>(
          `SELECT v.information_requested FROM volunteers v JOIN accounts a ON a.volunteer_id = v.id
            WHERE a.id = $1`,
          [n.accountId],
        );
        return {
          subject: t('informationRequested.subject'),
          intro: t('informationRequested.intro'),
          quote: resident?.information_requested ?? undefined,
          details: [],
          actions: [{ label: t('informationRequested.open'), url: this.url('/my/profile') }],
        };
      }
      case 'residentActivated':
        return {
          subject: t('residentActivated.subject'),
          intro: t('residentActivated.intro'),
          details: [],
          actions: [{ label: t('residentActivated.open'), url: this.url('/my') }],
        };
      case 'requestCancelled': {
        const request = await this.request(manager, n.requestId!);
        return {
          subject: t('requestCancelled.subject', { title: request.title }),
          intro: t('requestCancelled.intro'),
          details: this.requestDetails(request, locale, t),
          actions: [{ label: t('requestCancelled.open'), url: this.pageOfRequestFor(n, to) }],
        };
      }
      case 'sessionMoved': {
        const request = await this.request(manager, n.requestId!);
        const session = request.sessions.find(
          (candidate) => candidate.startsAt.toISOString() === n.facts.startsAt,
        )!;
        return {
          subject: t('sessionMoved.subject', { title: request.title }),
          intro: t('sessionMoved.intro', { when: formatSession(locale, session.startsAt, session.endsAt) }),
          details: this.requestDetails(request, locale, t),
          actions: [{ label: t('sessionMoved.open'), url: this.pageOfRequestFor(n, to) }],
        };
      }
      case 'sessionReminder': {
        const request = await this.request(manager, n.requestId!);
        const session = request.sessions.find(
          (candidate) => candidate.startsAt.toISOString() === n.facts.startsAt,
        )!;
        const when = t(`sessionReminder.days.${n.facts.daysBefore}`);
        return {
          subject: t('sessionReminder.subject', { title: request.title, when }),
          intro: t('sessionReminder.intro', { when }),
          details: this.requestDetails({ ...request, sessions: [session] }, locale, t),
          actions: [{ label: t('sessionReminder.open'), url: this.pageOfRequestFor(n, to) }],
        };
      }
      case 'requestShort': {
        const request = await this.request(manager, n.requestId!);
        return {
          subject: t('requestShort.subject', { title: request.title }),
          intro: t('requestShort.intro', { committed: request.committed, need: request.need }),
          details: [
            ...this.requestDetails(request, locale, t),
            [t('labels.deadline'), formatJapanTime(locale, request.deadline)],
          ],
          actions: [{ label: t('requestShort.open'), url: this.url(`/requests/${n.requestId}`) }],
        };
      }
      case 'coordinatorDigest': {
        const counts = JSON.parse(n.facts.counts ?? '{}') as Record<string, number>;
        return {
          subject: t('coordinatorDigest.subject', { date: japanDate(n.sendAt) }),
          intro: t('coordinatorDigest.intro'),
          details: Object.entries(counts)
            .filter(([, count]) => count > 0)
            .map(([what, count]) => ['', t(`coordinatorDigest.${what}`, { count })]),
          actions: [{ label: t('coordinatorDigest.open'), url: this.url('/coordinator') }],
        };
      }
    }
  }

  /** Residents follow their activities on My page; the requester's staff on the request's page. */
  private pageOfRequestFor(n: Notification, to: Recipient): string {
    return this.url(to.role === 'volunteer' ? '/my' : `/requests/${n.requestId}`);
  }

  private requestDetails(
    request: RequestFacts,
    locale: Locale,
    t: (key: string) => string,
  ): [string, string][] {
    const place = [request.venue, request.online ? t('labels.online') : null].filter(Boolean).join(' / ');
    return [
      [t('labels.request'), request.title],
      [t('labels.organisation'), request.organisation],
      [
        t('labels.sessions'),
        request.sessions.map((s) => formatSession(locale, s.startsAt, s.endsAt)).join('\n'),
      ],
      ...(place ? [[t('labels.place'), place] as [string, string]] : []),
    ];
  }

  private async request(manager: EntityManager, requestId: string): Promise<RequestFacts> {
    const [row] = await manager.query<Omit<RequestFacts, 'sessions'>[]>(
      `SELECT r.title, o.name AS organisation, r.venue, r.online, r.deadline, r.need,
              (SELECT count(*)::int FROM proposals p
                WHERE p.request_id = r.id AND p.status IN ('approved', 'accepted')) AS committed
         FROM requests r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1`,
      [requestId],
    );
    const sessions = await manager.query<{ starts_at: Date; ends_at: Date }[]>(
      `SELECT starts_at, ends_at FROM request_slots WHERE request_id = $1 ORDER BY starts_at`,
      [requestId],
    );
    return { ...row, sessions: sessions.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at })) };
  }

  private url(path: string): string {
    return `${this.config.PUBLIC_URL}${path}`;
  }
}

function plainText(greeting: string, letter: Letter, footer: string[]): string {
  const indent = (value: string) => value.replaceAll('\n', '\n    ');
  return [
    greeting,
    letter.intro,
    ...(letter.quote ? [letter.quote.replace(/^/gm, '> ')] : []),
    ...(letter.details.length > 0
      ? [letter.details.map(([label, value]) => (label ? `${label}: ${indent(value)}` : value)).join('\n')]
      : []),
    ...letter.actions.map((action) => `${action.label}:\n${action.url}`),
    ...(letter.note ? [letter.note] : []),
    `--\n${footer.join('\n')}`,
  ].join('\n\n');
}

function html(locale: Locale, greeting: string, letter: Letter, footer: string[]): string {
  const rows = letter.details
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding-right:1em;vertical-align:top">${escape(label)}</th>` +
        `<td>${escape(value).replaceAll('\n', '<br>')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.6">
<p>${escape(greeting)}</p><p>${escape(letter.intro)}</p>
${letter.quote ? `<blockquote>${escape(letter.quote).replaceAll('\n', '<br>')}</blockquote>` : ''}
${rows ? `<table>${rows}</table>` : ''}
${letter.actions.map((action) => `<p>${link(action.label, action.url)}</p>`).join('')}
${letter.note ? `<p><small>${escape(letter.note)}</small></p>` : ''}
<hr><p><small>${footer.join('<br>')}</small></p></body></html>`;
}

/** `text` is the service's own words; `url` one of its links. */
function link(text: string, url: string): string {
  return `<a href="${escape(url)}">${escape(text)}</a>`;
}

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}
