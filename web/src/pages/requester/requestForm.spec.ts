import { EMPTY_REQUEST, formFieldOf, requestBody, weeklyAfter } from './requestForm';

describe('The new-request form', () => {
  it('sends sessions as Japan-time instants and only the fields of the request’s kind', () => {
    const body = requestBody({
      ...EMPTY_REQUEST,
      kind: 'course_instructor',
      title: ' 親子で楽しむ昔遊び ',
      deadline: '2027-04-20',
      sessions: [{ date: '2027-05-10', start: '18:30', end: '20:00' }],
      course: { capacity: 12, participantFeeYen: 500, honorariumYen: 0 },
    });
    expect(body).toMatchObject({
      title: '親子で楽しむ昔遊び',
      venue: null,
      deadline: '2027-04-20T23:59:00+09:00',
      slots: [{ startsAt: '2027-05-10T18:30:00+09:00', endsAt: '2027-05-10T20:00:00+09:00' }],
      course: { capacity: 12, participantFeeYen: 500, honorariumYen: 0 },
    });
    expect(body).not.toHaveProperty('school');
    expect(body).not.toHaveProperty('family');
  });

  it('repeats a session weekly for a course series, across a month’s end', () => {
    expect(weeklyAfter({ date: '2027-05-24', start: '10:00', end: '12:00' }, 2)).toEqual([
      { date: '2027-05-31', start: '10:00', end: '12:00' },
      { date: '2027-06-07', start: '10:00', end: '12:00' },
    ]);
  });

  it('shows the API’s problems with a session next to that session', () => {
    expect(formFieldOf('slots[1].endsAt')).toBe('sessions.1.end');
    expect(formFieldOf('slots[0].startsAt')).toBe('sessions.0.date');
    expect(formFieldOf('requiredSkills[0].minLevel')).toBe('requiredSkills.0.minLevel');
    expect(formFieldOf('school.grade')).toBe('school.grade');
  });
});
