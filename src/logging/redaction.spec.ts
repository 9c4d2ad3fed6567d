import { QueryFailedError } from 'typeorm';
import { redact, REDACTED, scrubText } from './redaction.js';

describe('Log redaction', () => {
  it('masks email addresses and Japanese phone numbers inside any text', () => {
    expect(scrubText('sent to Hanako.Suzuki+bank@example.co.jp, tel 0246-22-1111 / 09012345678')).toBe(
      'sent to [email], tel [phone] / [phone]',
    );
    expect(scrubText('call +81 90 1234 5678')).toBe('call [phone]');
  });

  it('leaves ids, times and counts alone', () => {
    const line = 'proposal 00000000-0000-4000-8000-000000000000 at 2027-05-10T09:00:00+09:00 took 1200 ms';
    expect(scrubText(line)).toBe(line);
  });

  it('replaces secret and personal fields at any depth, whatever they hold', () => {
    expect(
      redact({
        body: {
          name: '鈴木 花子',
          nameKana: 'すずき はなこ',
          password: 'x',
          skills: [{ note: 'tel 090-1111-2222' }],
        },
        Authorization: 'Bearer abc',
        status: 201,
      }),
    ).toEqual({
      body: { name: REDACTED, nameKana: REDACTED, password: REDACTED, skills: [{ note: 'tel [phone]' }] },
      Authorization: REDACTED,
      status: 201,
    });
  });

  it('keeps of a failed query its type and constraint, never its parameters', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'volunteers_email_key',
      detail: 'Key (lower(email))=(hanako@example.jp) already exists.',
    });
    const logged = redact({
      err: new QueryFailedError('INSERT … VALUES ($1, $2)', ['鈴木 花子', 'hanako@example.jp'], driverError),
    });
    expect(JSON.stringify(logged)).not.toMatch(/hanako|鈴木/);
    expect(logged).toEqual({
      err: expect.objectContaining({
        type: 'QueryFailedError',
        code: '23505',
        constraint: 'volunteers_email_key',
      }),
    });
  });
});
