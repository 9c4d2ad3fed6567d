import { signIn } from './factories/account.factory.js';
import { cityOffice, otherSchoolStaff, tairaCoordinator } from './factories/personas.js';
import { familySupportInput, openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

describe('Coordinators limited to districts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('lets the city office limit a coordinator to districts, and only a coordinator', async () => {
    const created = await t
      .as(cityOffice)
      .post('/accounts', {
        email: 'uchigo.centre@example.jp',
        name: '内郷公民館 生涯学習指導者',
        role: 'coordinator',
        password: 'a long first password',
        districtCodes: ['uchigo', 'yoshima'],
      })
      .expect(201);
    expect(created.body.districtCodes).toEqual(['uchigo', 'yoshima']);
    const session = await signIn(t, 'uchigo.centre@example.jp', 'a long first password');
    expect((await t.as(session).get('/auth/me').expect(200)).body.districtCodes).toEqual([
      'uchigo',
      'yoshima',
    ]);

    const admin = await t
      .as(cityOffice)
      .post('/accounts', {
        email: 'office2@example.jp',
        name: '生涯学習課',
        role: 'admin',
        password: 'a long first password',
        districtCodes: ['taira'],
      })
      .expect(400);
    expect(admin.body.details).toEqual([expect.objectContaining({ field: 'districtCodes' })]);
    const unknown = await t
      .as(cityOffice)
      .put(`/accounts/${created.body.id}/districts`, { districtCodes: ['uchigo', 'atlantis'] })
      .expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'districtCodes[1]' })]);
  });

  it('shows a district’s coordinator its residents, requests and organisations, and nothing of others', async () => {
    const tairaResident = await activeVolunteer(t.as, { homeDistrictCode: 'taira' });
    const onahamaResident = await activeVolunteer(t.as, { homeDistrictCode: 'onahama' });
    const tairaRequest = await openRequest(t.as, schoolVisitInput());
    const onlineRequest = await openRequest(t.as, schoolVisitInput({ districtCode: null, online: true }));
    const created = await t.as(otherSchoolStaff).post('/requests', familySupportInput()).expect(201);
    const onahamaRequest = created.body.id as string;

    const residents = await t.as(tairaCoordinator).get('/volunteers?perPage=100').expect(200);
    const residentIds = residents.body.items.map((resident: { id: string }) => resident.id);
    expect(residentIds).toContain(tairaResident.id);
    expect(residentIds).not.toContain(onahamaResident.id);
    await t.as(tairaCoordinator).get(`/volunteers/${tairaResident.id}`).expect(200);
    await t.as(tairaCoordinator).get(`/volunteers/${onahamaResident.id}`).expect(404);
    await t.as(tairaCoordinator).post(`/volunteers/${onahamaResident.id}/suspend`, {}).expect(404);
    await t.as(tairaCoordinator).get(`/volunteers/${onahamaResident.id}/proposals`).expect(404);

    const requests = await t.as(tairaCoordinator).get('/requests?perPage=100').expect(200);
    const requestIds = requests.body.items.map((request: { id: string }) => request.id);
    expect(requestIds).toEqual(expect.arrayContaining([tairaRequest, onlineRequest]));
    expect(requestIds).not.toContain(onahamaRequest);
    await t.as(tairaCoordinator).get(`/requests/${onahamaRequest}`).expect(404);
    await t.as(tairaCoordinator).get(`/requests/${onahamaRequest}/proposals`).expect(404);
    await t.as(tairaCoordinator).post(`/requests/${onahamaRequest}/cancel`, {}).expect(404);

    const organisations = await t.as(tairaCoordinator).get('/organisations').expect(200);
    const districts = organisations.body.map(
      (organisation: { districtCode: string }) => organisation.districtCode,
    );
    expect(districts).toContain('taira');
    expect(districts).not.toContain('onahama');
    const [onahamaSchool] = (await t.as(otherSchoolStaff).get('/organisations').expect(200)).body;
    await t
      .as(tairaCoordinator)
      .post(`/organisations/${onahamaSchool.id}/invitations`, { email: 'x@example.jp', name: '某' })
      .expect(404);
    const outside = await t
      .as(tairaCoordinator)
      .post('/organisations', { kind: 'community_group', name: '小名浜の会', districtCode: 'onahama' })
      .expect(400);
    expect(outside.body.details).toEqual([
      expect.objectContaining({
        field: 'districtCode',
        message: '担当地区の外です。担当地区の中から指定してください。',
      }),
    ]);

    const trail = await t.as(tairaCoordinator).get('/audit?perPage=100').expect(200);
    const subjects = trail.body.items.map((entry: { subjectId: string }) => entry.subjectId);
    expect(subjects).toEqual(expect.arrayContaining([tairaResident.id, tairaRequest]));
    expect(subjects).not.toContain(onahamaResident.id);
    expect(subjects).not.toContain(onahamaRequest);

    // A coordinator covering the whole city sees both.
    await t.as(coordinator).get(`/volunteers/${onahamaResident.id}`).expect(200);
    await t.as(coordinator).get(`/requests/${onahamaRequest}`).expect(200);
  });

  it('widens or narrows a coordinator’s reach at once when the city office changes their districts', async () => {
    const created = await t
      .as(cityOffice)
      .post('/accounts', {
        email: 'iwaki.centre@example.jp',
        name: '生涯学習指導者',
        role: 'coordinator',
        password: 'a long first password',
        districtCodes: ['taira'],
      })
      .expect(201);
    const session = await signIn(t, 'iwaki.centre@example.jp', 'a long first password');
    const onahamaResident = await activeVolunteer(t.as, { homeDistrictCode: 'onahama' });
    await t.as(session).get(`/volunteers/${onahamaResident.id}`).expect(404);

    await t.as(cityOffice).put(`/accounts/${created.body.id}/districts`, { districtCodes: null }).expect(200);
    await t.as(session).get(`/volunteers/${onahamaResident.id}`).expect(200);
  });
});
