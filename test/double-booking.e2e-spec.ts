import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { otherCoordinator } from './factories/personas.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('No resident is ever booked twice at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function proposalFor(requestId: string, volunteerId: string): Promise<string> {
    const { body } = await t.as(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
    return body.items.find((p: { volunteer: { id: string } }) => p.volunteer.id === volunteerId).id;
  }

  it('lets exactly one of two coordinators approving overlapping activities at the same instant win', async () => {
    const date = upcoming(2, 3);
    const hanako = await activeVolunteer(t.as);
    const morning = await openRequest(t.as, schoolVisitInput({ slots: [slot(date, '09:00', '10:30')] }));
    const overlapping = await openRequest(t.as, schoolVisitInput({ slots: [slot(date, '10:00', '11:30')] }));
    await t.drainQueue();
    const [first, second] = [
      await proposalFor(morning, hanako.id),
      await proposalFor(overlapping, hanako.id),
    ];

    const results = await Promise.all([
      t.as(coordinator).post(`/proposals/${first}/approve`),
      t.as(otherCoordinator).post(`/proposals/${second}/approve`),
    ]);

    expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
    const loser = results.find((response) => response.status === 409)!;
    expect(loser.body).toMatchObject({ statusCode: 409, error: 'ConflictError' });
    const statuses = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM proposals WHERE id = ANY($1) GROUP BY status ORDER BY status`,
      [[first, second]],
    );
    expect(statuses).toEqual([
      { status: 'approved', n: 1 },
      { status: 'proposed', n: 1 },
    ]);
    const bookings = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings WHERE volunteer_id = $1`,
      [hanako.id],
    );
    expect(bookings[0].n).toBe(1);
    const approvals = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'proposal.approved' AND subject_id = ANY($1)`,
      [[first, second]],
    );
    expect(approvals[0].n).toBe(1);
  });

  it('holds in the database itself, whatever the code does', async () => {
    const date = upcoming(2, 4);
    const jiro = await activeVolunteer(t.as);
    const requestId = await openRequest(t.as, schoolVisitInput({ slots: [slot(date, '09:00', '10:30')] }));
    await t.drainQueue();
    const proposalId = await proposalFor(requestId, jiro.id);
    await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);
    const [{ slot_id: slotId }] = await t.dataSource.query(
      `SELECT slot_id FROM bookings WHERE proposal_id = $1`,
      [proposalId],
    );

    await expect(
      t.dataSource.query(
        `INSERT INTO bookings (proposal_id, volunteer_id, slot_id, during)
         SELECT gen_random_uuid(), $1, $2, tstzrange($3, $4)`,
        [jiro.id, slotId, `${date}T10:00:00+09:00`, `${date}T10:15:00+09:00`],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23P01', constraint: 'bookings_no_overlap' } });
  });

  it('allows back-to-back activities that touch but do not overlap', async () => {
    const date = upcoming(2, 5);
    const saburo = await activeVolunteer(t.as);
    const early = await openRequest(t.as, schoolVisitInput({ slots: [slot(date, '09:00', '10:00')] }));
    const late = await openRequest(t.as, schoolVisitInput({ slots: [slot(date, '10:00', '11:00')] }));
    await t.drainQueue();

    await t
      .as(coordinator)
      .post(`/proposals/${await proposalFor(early, saburo.id)}/approve`)
      .expect(200);
    await t
      .as(coordinator)
      .post(`/proposals/${await proposalFor(late, saburo.id)}/approve`)
      .expect(200);
  });

  it('never leaves a booking behind when an approval races the cancellation of its request', async () => {
    // Five rounds, each with a skill of its own so that only that round's resident is proposed.
    const skills = [
      'safety.crime-prevention',
      'safety.consumer-education',
      'rights.welfare',
      'it.smartphone',
      'arts.music',
    ];
    for (const [round, skillCode] of skills.entries()) {
      const shiro = await activeVolunteer(t.as, { skills: [{ skillCode, level: 4 }] });
      const requestId = await openRequest(
        t.as,
        schoolVisitInput({
          requiredSkills: [{ skillCode, minLevel: 3 }],
          slots: [slot(upcoming(1, 6 + round), '09:00', '10:00')],
        }),
      );
      await t.drainQueue();
      const proposalId = await proposalFor(requestId, shiro.id);

      const [approval, cancellation] = await Promise.all([
        t.as(coordinator).post(`/proposals/${proposalId}/approve`),
        t.as(otherCoordinator).post(`/requests/${requestId}/cancel`, { reason: '学校行事の変更' }),
      ]);

      expect(cancellation.status).toBe(200);
      expect([200, 409]).toContain(approval.status);
      const [proposal] = await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [proposalId]);
      expect(proposal.status).toBe('withdrawn');
      const bookings = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM bookings WHERE proposal_id = $1`,
        [proposalId],
      );
      expect(bookings[0].n).toBe(0);
    }
  });
});
