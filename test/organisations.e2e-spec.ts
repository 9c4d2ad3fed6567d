import { signIn } from './factories/account.factory.js';
import { tokenMailedTo } from './factories/mailbox.js';
import { otherSchoolStaff } from './factories/personas.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Organisations and what their requesters see', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets a coordinator register a circle and invite its staff, who then ask in its name', async () => {
    const circle = await t
      .as(coordinator)
      .post('/organisations', {
        kind: 'community_group',
        name: '好間ふれあいサークル',
        districtCode: 'yoshima',
      })
      .expect(201);
    await t
      .as(coordinator)
      .post(`/organisations/${circle.body.id}/invitations`, {
        email: 'yoshima.circle@example.jp',
        name: '好間ふれあいサークル 代表',
      })
      .expect(201);
    const token = await tokenMailedTo(t, 'yoshima.circle@example.jp');
    await t.as().post('/invitations/accept', { token, password: 'first password 1' }).expect(200);
    const member = await signIn(t, 'yoshima.circle@example.jp', 'first password 1');

    const mine = await t.as(member).get('/organisations').expect(200);
    expect(mine.body.map((organisation: { name: string }) => organisation.name)).toEqual([
      '好間ふれあいサークル',
    ]);
    const created = await t
      .as(member)
      .post('/requests', schoolVisitInput({ districtCode: 'yoshima' }))
      .expect(201);
    expect(created.body.organisation).toMatchObject({ id: circle.body.id, name: '好間ふれあいサークル' });
  });

  it('refuses a requester asking in the name of an organisation they do not act for', async () => {
    const [theirs] = (await t.as(schoolStaff).get('/organisations').expect(200)).body;
    const refused = await t
      .as(otherSchoolStaff)
      .post('/requests', { ...schoolVisitInput(), organisationId: theirs.id })
      .expect(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'validation.notYourOrganisation' }),
    ]);
  });

  it('keeps school A’s requests out of school B’s sight: not listed, not readable, not changeable', async () => {
    await activeVolunteer(t.as);
    const requestId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    const proposalId = body.items[0].id as string;
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);

    const listed = await t.as(otherSchoolStaff).get('/requests').expect(200);
    expect(listed.body.items.map((request: { id: string }) => request.id)).not.toContain(requestId);
    const notFound = await t.as(otherSchoolStaff).get(`/requests/${requestId}`).expect(404);
    const unknown = await t
      .as(otherSchoolStaff)
      .get('/requests/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(notFound.body.error).toBe(unknown.body.error);
    await t.as(otherSchoolStaff).patch(`/requests/${requestId}`, { title: '乗っ取り' }).expect(404);
    await t.as(otherSchoolStaff).post(`/requests/${requestId}/cancel`).expect(404);
    await t.as(otherSchoolStaff).get(`/requests/${requestId}/proposals`).expect(404);
    await t.as(otherSchoolStaff).get(`/proposals/${proposalId}`).expect(404);

    expect((await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200)).body.status).toBe('open');
    const own = await t.as(schoolStaff).get(`/requests/${requestId}/proposals`).expect(200);
    expect(own.body.items.map((proposal: { id: string }) => proposal.id)).toEqual([proposalId]);
  });

  it('shows the school a display name and the matching skills, the full name and contact details only once the resident accepts, and audits every reading', async () => {
    const resident = await activeVolunteer(t.as, {
      skills: [{ skillCode: 'careers.career-talk', level: 4 }],
      phone: '090-1234-5678',
    });
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({ requiredSkills: [{ skillCode: 'careers.career-talk', minLevel: 3 }] }),
    );
    await t.drainQueue();
    const [proposal] = (await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200)).body
      .items;
    expect(proposal.volunteer.contact).toBeNull();
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    const approved = await t.as(schoolStaff).get(`/proposals/${proposal.id}`).expect(200);
    expect(approved.body.volunteer).toMatchObject({
      displayName: '鈴木さん',
      name: null,
      nameKana: null,
      contact: null,
    });
    expect(approved.body.explanation.facts.requiredSkills).toEqual([
      expect.objectContaining({ code: 'careers.career-talk', level: 4 }),
    ]);

    await t.as(resident).post(`/proposals/${proposal.id}/accept`).expect(200);
    const accepted = await t.as(schoolStaff).get(`/proposals/${proposal.id}`).expect(200);
    expect(accepted.body.volunteer.name).toBe('鈴木 花子');
    expect(accepted.body.volunteer.contact).toEqual({
      email: expect.stringMatching(/@example\.jp$/),
      phone: '090-1234-5678',
    });

    const [{ id: schoolAccount }] = await t.dataSource.query(
      `SELECT actor_id AS id FROM audit_entries WHERE action = 'request.created' AND subject_id = $1`,
      [requestId],
    );
    const readings = await t.dataSource.query(
      `SELECT actor_id FROM audit_entries WHERE action = 'volunteer.contactRead' AND subject_id = $1`,
      [resident.id],
    );
    expect(readings).toContainEqual({ actor_id: schoolAccount });
  });
});
