import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { ParsedMail } from 'mailparser';
import { NOTIFICATIONS_QUEUE } from '../src/notifications/notifications.jobs.js';
import { NotificationRounds } from '../src/notifications/notification-rounds.service.js';
import { makeAccount, PASSWORD, signIn } from './factories/account.factory.js';
import { otherCoordinator, tairaCoordinator } from './factories/personas.js';
import { japanDate } from '../src/common/japan-time.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { addDays, slot, upcoming } from './factories/time.js';
import {
  activeVolunteer,
  coordinator,
  volunteerInput,
  type SignedInResident,
} from './factories/volunteer.factory.js';
import { TestSmtpServer } from './setup/smtp-server.js';
import { personaEmail, startTestApp, type TestApp } from './setup/test-app.js';

describe('Notifications by mail', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let mailQueue: Queue;
  let schoolStaffEmail: string;
  /** The coordinator of Onahama only: Taira's requests are not theirs. */
  let onahamaCoordinator: { token: string };

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtpUrl, MAIL_RETRY_DELAY_MS: '200' } });
    mailQueue = t.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    schoolStaffEmail = personaEmail(schoolStaff, t.databaseName);
    const onahama = await makeAccount(t, {
      email: 'onahama.centre@example.jp',
      name: '小名浜公民館 生涯学習指導者',
      role: 'coordinator',
      districtCodes: ['onahama'],
    });
    onahamaCoordinator = await signIn(t, onahama.email);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function residentWithEmail(email: string, locale: 'ja' | 'en'): Promise<SignedInResident> {
    const resident = await activeVolunteer(t.as, { email });
    await t.as(resident).put('/notification-settings', { locale, stopped: [] }).expect(200);
    return resident;
  }

  /** A coordinator picks the resident for a new request (by hand: the worker may prefer others). */
  async function approvedFor(resident: SignedInResident, input = schoolVisitInput()) {
    const requestId = await openRequest(t.as, input);
    await t.drainQueue();
    const { body } = await t
      .as(coordinator)
      .post(`/requests/${requestId}/proposals`, { volunteerId: resident.id })
      .expect(201);
    return { requestId, proposalId: body.id as string };
  }

  function answerToken(mail: ParsedMail, answer: 'accept' | 'decline'): string {
    const token = new RegExp(`/answer\\?token=([\\w-]+)&answer=${answer}`).exec(mail.text ?? '')?.[1];
    if (!token) throw new Error(`No ${answer} link in: ${mail.text}`);
    return token;
  }

  it('mails the resident once when approved, in their language, with an accept link that works once', async () => {
    const email = `anna.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'en');
    const { proposalId } = await approvedFor(resident);

    const [mail] = await smtp.waitFor(email, 'proposalApproved');
    expect(smtp.to(email, 'proposalApproved')).toHaveLength(1);
    expect(mail.subject).toBe('[Talent bank] Would you help with 5年生 応急手当教室?');
    expect(mail.text).toContain('Dear ');
    expect(mail.html).toContain('lang="en"');
    // Mail programs offer their own one-click "unsubscribe" for it.
    expect(mail.headers.get('list')).toMatchObject({
      unsubscribe: { url: expect.stringContaining('/api/v1/unsubscribe/') },
    });

    const token = answerToken(mail, 'accept');
    const page = await t.as().get(`/answer-links/${token}`).expect(200);
    expect(page.body.proposal).toMatchObject({ id: proposalId, status: 'approved' });

    const answered = await t.as().post(`/answer-links/${token}`, { answer: 'accept' }).expect(200);
    expect(answered.body.proposal.status).toBe('accepted');
    const again = await t.as().post(`/answer-links/${token}`, { answer: 'decline' }).expect(409);
    expect(again.body.message).toMatch(/すでに使われています/);
    const { body } = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
    expect(body.status).toBe('accepted');
  });

  it('tells the school in Japanese when the resident accepts', async () => {
    const email = `taro.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'ja');
    const { proposalId } = await approvedFor(resident);
    const before = smtp.to(schoolStaffEmail, 'proposalAnswered').length;
    await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);

    const mails = await smtp.waitFor(schoolStaffEmail, 'proposalAnswered', before + 1);
    expect(mails.at(-1)!.subject).toMatch(/^【人材バンク】.+ さんが「5年生 応急手当教室」を引き受けました$/);
    expect(mails.at(-1)!.text).toContain('様');
  });

  it('tries again after the SMTP server refuses, and the mail arrives once', async () => {
    const email = `retry.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'ja');
    await smtp.waitFor(email, 'residentActivated');
    smtp.refuseNext = 2;
    const { proposalId } = await approvedFor(resident);

    await smtp.waitFor(email, 'proposalApproved');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.to(email, 'proposalApproved')).toHaveLength(1);
    const records = await t.as(coordinator).get(`/notifications?volunteerId=${resident.id}`).expect(200);
    const approval = records.body.find((record: { kind: string }) => record.kind === 'proposalApproved');
    expect(approval).toMatchObject({ status: 'sent', attempts: 3, outcome: null });
    const { body } = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
    expect(body.status).toBe('approved');
  });

  it('a link at the foot of a mail stops that kind of message', async () => {
    const email = `stop.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'ja');
    await approvedFor(resident);
    const [mail] = await smtp.waitFor(email, 'proposalApproved');
    const token = /\/unsubscribe\?token=([\w-]+)/.exec(mail.text ?? '')![1];

    const stopped = await t.as().post(`/unsubscribe/${token}`).expect(200);
    expect(stopped.body).toEqual({ kind: 'proposalApproved' });
    const settings = await t.as(resident).get('/notification-settings').expect(200);
    expect(settings.body.stopped).toEqual(['proposalApproved']);

    const second = schoolVisitInput({ slots: [slot(upcoming(4, 3), '10:00', '12:00')] });
    await approvedFor(resident, { ...second, deadline: `${upcoming(4, 2)}T17:00:00+09:00` });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.to(email, 'proposalApproved')).toHaveLength(1);
  });

  it('declines through the link with a reason, and the school hears of it', async () => {
    const email = `decline.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'ja');
    const { proposalId } = await approvedFor(resident);
    const [mail] = await smtp.waitFor(email, 'proposalApproved');
    const before = smtp.to(schoolStaffEmail, 'proposalAnswered').length;

    const token = answerToken(mail, 'decline');
    const declined = await t
      .as()
      .post(`/answer-links/${token}`, { answer: 'decline', reason: '介護の予定が入りました' })
      .expect(200);
    expect(declined.body.proposal.status).toBe('declined');
    const mails = await smtp.waitFor(schoolStaffEmail, 'proposalAnswered', before + 1);
    expect(mails.at(-1)!.subject).toMatch(/を辞退しました$/);
    const { body } = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
    expect(body.reason).toBe('介護の予定が入りました');
  });

  it('refuses an answer link after it expired, and a made-up one, saying so at the token', async () => {
    const email = `late.${Date.now()}@example.jp`;
    const resident = await residentWithEmail(email, 'ja');
    await approvedFor(resident);
    const token = answerToken((await smtp.waitFor(email, 'proposalApproved'))[0], 'accept');

    t.clock.travelTo(new Date(Date.now() + 8 * 86_400_000));
    try {
      const late = await t.as().post(`/answer-links/${token}`, { answer: 'accept' }).expect(400);
      expect(late.body.details).toEqual([expect.objectContaining({ field: 'token' })]);
    } finally {
      t.clock.backToNow();
    }
    await t.as().get('/answer-links/not-a-real-token').expect(400);
    const bad = await t.as().post(`/answer-links/${token}`, { answer: 'maybe' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'answer' })]);
  });

  it("quotes the coordinator's question to a resident waiting for review", async () => {
    const email = `question.${Date.now()}@example.jp`;
    const signedUp = await t
      .as()
      .post('/volunteers/signup', { ...volunteerInput({ email }), password: PASSWORD })
      .expect(201);
    const id = signedUp.body.account.volunteerId as string;
    await t
      .as(coordinator)
      .post(`/volunteers/${id}/request-information`, { message: '応急手当の資格の取得年を教えてください。' })
      .expect(200);

    const [mail] = await smtp.waitFor(email, 'informationRequested');
    expect(mail.text).toContain('> 応急手当の資格の取得年を教えてください。');
    expect(mail.text).toContain('/my/profile');
  });

  it('takes settings only of kinds that exist, in a language it speaks', async () => {
    const resident = await activeVolunteer(t.as);
    const { body } = await t
      .as(resident)
      .put('/notification-settings', { locale: 'fr', stopped: ['everything'] })
      .expect(400);
    expect(body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'locale',
      'stopped',
    ]);
    const settings = await t.as(resident).get('/notification-settings').expect(200);
    expect(settings.body).toMatchObject({ locale: 'ja', stopped: [] });
    expect(settings.body.kinds).toContain('proposalApproved');
  });

  it('shows who was told to coordinators of the district only', async () => {
    const resident = await residentWithEmail(`records.${Date.now()}@example.jp`, 'ja');
    const { requestId } = await approvedFor(resident);
    await t.as(schoolStaff).get(`/notifications?requestId=${requestId}`).expect(403);
    await t.as(onahamaCoordinator).get(`/notifications?requestId=${requestId}`).expect(404);
    await t.as(coordinator).get('/notifications').expect(400);
    const { body } = await t.as(tairaCoordinator).get(`/notifications?requestId=${requestId}`).expect(200);
    expect(body).toEqual([expect.objectContaining({ kind: 'proposalApproved', recipientRole: 'volunteer' })]);
  });

  describe('for coordinators', () => {
    it('tells the coordinators of its district once when a request nears its deadline without enough people', async () => {
      const tomorrow = japanDate(new Date(Date.now() + 86_400_000));
      const requestId = await openRequest(
        t.as,
        schoolVisitInput({
          title: '締切間近の依頼',
          deadline: `${tomorrow}T23:00:00+09:00`,
        }),
      );
      await t.drainQueue();
      const rounds = t.app.get(NotificationRounds);
      await rounds.sweep();
      await rounds.sweep();

      const { body } = await t.as(coordinator).get(`/notifications?requestId=${requestId}`).expect(200);
      const told = body
        .filter((record: { kind: string }) => record.kind === 'requestShort')
        .map((record: { recipientName: string }) => record.recipientName)
        .sort();
      // Everyone covering the whole city, and Taira's own coordinator; not Onahama's.
      expect(told).toEqual([coordinator.name, otherCoordinator.name, tairaCoordinator.name].sort());
      const [mail] = await smtp.waitFor(personaEmail(tairaCoordinator, t.databaseName), 'requestShort');
      expect(mail.subject).toBe('【人材バンク】締切が近いのに人数が足りません：締切間近の依頼');
    });

    it('sends each coordinator one morning digest a day, of what waits in their districts', async () => {
      await residentWithEmail(`digest.${Date.now()}@example.jp`, 'ja');
      await t
        .as()
        .post('/volunteers/signup', { ...volunteerInput(), password: PASSWORD })
        .expect(201);
      const rounds = t.app.get(NotificationRounds);
      await rounds.digest();
      await rounds.digest();

      const [mail] = await smtp.waitFor(personaEmail(coordinator, t.databaseName), 'coordinatorDigest');
      expect(smtp.to(personaEmail(coordinator, t.databaseName), 'coordinatorDigest')).toHaveLength(1);
      expect(mail.text).toMatch(/登録の確認待ち: \d+ 人/);
    });
  });

  describe('reminders', () => {
    /** When the delayed jobs of a request's queued reminders are due, earliest first. */
    async function remindersDue(requestId: string): Promise<number[]> {
      const { body } = await t.as(coordinator).get(`/notifications?requestId=${requestId}`).expect(200);
      const queued = new Set(
        body
          .filter((record: { kind: string; status: string }) => record.kind === 'sessionReminder')
          .filter((record: { status: string }) => record.status === 'queued')
          .map((record: { id: string }) => record.id),
      );
      return (await mailQueue.getDelayed())
        .filter((job) => queued.has(job.id))
        .map((job) => job.timestamp + job.opts.delay!)
        .sort();
    }

    /** Due 3 days and 1 day before each start, once for the resident and once for the school. */
    function expectRemindersFor(due: number[], starts: string[]) {
      const expected = starts
        .map((start) => new Date(start).getTime())
        .flatMap((start) => [start - 3 * 86_400_000, start - 86_400_000]);
      expect(due).toHaveLength(expected.length * 2);
      for (const at of expected) expect(due.filter((time) => Math.abs(time - at) < 5_000)).toHaveLength(2);
    }

    it('are set 3 days and 1 day before each session and never go out once the request is cancelled', async () => {
      const email = `remind.${Date.now()}@example.jp`;
      const resident = await residentWithEmail(email, 'ja');
      const first = upcoming(3, 3);
      const input = schoolVisitInput({
        slots: [slot(first, '10:00', '12:00'), slot(addDays(first, 7), '10:00', '12:00')],
      });
      const { requestId, proposalId } = await approvedFor(resident, input);
      await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);

      expectRemindersFor(
        await remindersDue(requestId),
        input.slots.map((s) => s.startsAt),
      );

      await t.as(schoolStaff).post(`/requests/${requestId}/cancel`, { reason: '学級閉鎖' }).expect(200);
      expect(await remindersDue(requestId)).toEqual([]);
      const { body } = await t.as(coordinator).get(`/notifications?requestId=${requestId}`).expect(200);
      const reminderRecords = body.filter((record: { kind: string }) => record.kind === 'sessionReminder');
      expect(reminderRecords).toHaveLength(8);
      expect(reminderRecords.every((record: { status: string }) => record.status === 'cancelled')).toBe(true);
      // The resident hears of the cancellation instead.
      const [mail] = await smtp.waitFor(email, 'requestCancelled');
      expect(mail.subject).toBe('【人材バンク】「5年生 応急手当教室」は中止になりました');
    });

    it('move with their session, and those concerned hear of the new time', async () => {
      const email = `moved.${Date.now()}@example.jp`;
      const resident = await residentWithEmail(email, 'ja');
      const first = upcoming(3, 3);
      const input = schoolVisitInput({
        slots: [slot(first, '10:00', '12:00'), slot(addDays(first, 7), '10:00', '12:00')],
      });
      const { requestId, proposalId } = await approvedFor(resident, input);
      await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);
      const { body: request } = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
      const moved = slot(addDays(first, 1), '13:00', '15:00');

      await t
        .as(schoolStaff)
        .patch(`/requests/${requestId}/sessions/${request.slots[0].id}`, moved)
        .expect(200);

      expectRemindersFor(await remindersDue(requestId), [moved.startsAt, input.slots[1].startsAt]);
      const [mail] = await smtp.waitFor(email, 'sessionMoved');
      expect(mail.subject).toBe('【人材バンク】「5年生 応急手当教室」の日時が変わりました');
      expect(mail.text).toContain('13:00〜15:00');
      // The school moved it: its staff are not told what they did themselves.
      expect(smtp.to(schoolStaffEmail, 'sessionMoved')).toHaveLength(0);
    });
  });
});
