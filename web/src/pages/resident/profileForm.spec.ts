import type { components } from '../../api/schema';
import { profileBody, profileValuesOf } from './profileForm';

type Volunteer = components['schemas']['VolunteerView'];

/** A resident's profile as `GET /volunteers/{id}` gives it. */
const held: Volunteer = {
  id: '5f0c1c1e-0000-4000-8000-000000000001',
  name: '鈴木 花子',
  nameKana: 'すずき はなこ',
  email: 'hanako@example.jp',
  phone: '0246-22-1111',
  homeDistrictCode: 'taira',
  travelDistrictCodes: ['uchigo'],
  onlineAvailable: false,
  listedPublicly: true,
  languages: ['ja'],
  monthlyCap: 4,
  status: 'active',
  consent: { version: '2026-04', consentedAt: '2026-04-01T00:00:00.000Z' },
  skills: [
    { skillCode: 'disaster.first-aid', level: 4, note: '日本赤十字社 救急法指導員' },
    { skillCode: 'history.calligraphy', level: 2, note: null },
  ],
  learningOutcomes: [
    {
      id: '5f0c1c1e-0000-4000-8000-000000000002',
      kind: 'certificate',
      title: '救急法指導員',
      issuer: null,
      achievedOn: '2019-06-01',
      skillCodes: ['disaster.first-aid'],
    },
  ],
  availability: [{ weekday: 6, startTime: '09:00', endTime: '17:00' }],
  unavailableDates: [
    { date: '2027-01-02', reason: '帰省' },
    { date: '2027-01-03', reason: null },
  ],
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
} as unknown as Volunteer;

describe('The profile form', () => {
  it('starts from the profile held: absent texts as empty ones, the windows as grid cells', () => {
    const values = profileValuesOf(held);
    expect(values.skills).toEqual([
      { skillCode: 'disaster.first-aid', level: 4, note: '日本赤十字社 救急法指導員' },
      { skillCode: 'history.calligraphy', level: 2, note: '' },
    ]);
    expect(values.learningOutcomes).toEqual([
      {
        kind: 'certificate',
        title: '救急法指導員',
        issuer: '',
        achievedOn: '2019-06-01',
        skillCodes: ['disaster.first-aid'],
      },
    ]);
    expect(values.availability).toEqual(['6-morning', '6-afternoon']);
    expect(values.unavailableDates).toEqual(['2027-01-02', '2027-01-03']);
  });

  it('sends back unchanged what it was given unchanged', () => {
    const body = profileBody(profileValuesOf(held), held.unavailableDates);
    expect(body).toEqual({
      email: held.email,
      phone: held.phone,
      homeDistrictCode: 'taira',
      travelDistrictCodes: ['uchigo'],
      onlineAvailable: false,
      languages: ['ja'],
      monthlyCap: 4,
      skills: [
        { skillCode: 'disaster.first-aid', level: 4, note: '日本赤十字社 救急法指導員' },
        { skillCode: 'history.calligraphy', level: 2 },
      ],
      learningOutcomes: [
        {
          kind: 'certificate',
          title: '救急法指導員',
          achievedOn: '2019-06-01',
          skillCodes: ['disaster.first-aid'],
        },
      ],
      availability: held.availability,
      unavailableDates: held.unavailableDates.map(({ date, reason }) =>
        reason ? { date, reason } : { date },
      ),
      listedPublicly: true,
    });
  });

  it('sends the changes: a note cleared, an outcome added with empty texts left out, a day off added', () => {
    const values = profileValuesOf(held);
    values.skills[0].note = '  ';
    values.learningOutcomes.push({
      kind: 'work_experience',
      title: ' 高校の書道教員 ',
      issuer: ' ',
      achievedOn: null,
      skillCodes: ['history.calligraphy'],
    });
    values.unavailableDates = ['2027-01-02', '2027-02-11'];
    const body = profileBody(values, held.unavailableDates);
    expect(body.skills[0]).toEqual({ skillCode: 'disaster.first-aid', level: 4 });
    expect(body.learningOutcomes[1]).toEqual({
      kind: 'work_experience',
      title: '高校の書道教員',
      skillCodes: ['history.calligraphy'],
    });
    // The reason held for a day kept stays; a day taken away goes with its reason.
    expect(body.unavailableDates).toEqual([{ date: '2027-01-02', reason: '帰省' }, { date: '2027-02-11' }]);
  });

  it('reads an outcome of a kind it does not know as "other"', () => {
    const values = profileValuesOf({
      ...held,
      learningOutcomes: [{ ...held.learningOutcomes[0], kind: 'apprenticeship' }],
    });
    expect(values.learningOutcomes[0].kind).toBe('other');
  });
});
