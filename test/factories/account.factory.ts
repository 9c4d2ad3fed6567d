import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService, type NewAccount } from '../../src/accounts/accounts.service.js';
import type { TestApp } from '../setup/test-app.js';

export const PASSWORD = 'correct horse battery';

/** An account made directly (as `npm run admin:create` does), with a known password. */
export async function makeAccount(t: TestApp, overrides: Partial<NewAccount> = {}) {
  const input: NewAccount = {
    email: `staff.${randomUUID().slice(0, 8)}@example.jp`,
    name: '佐藤 一郎',
    role: 'coordinator',
    password: PASSWORD,
    ...overrides,
  };
  return t.app.get(DataSource).transaction((manager) => t.app.get(AccountsService).create(manager, input));
}

/** Signs in through the API; returns the session's bearer token as a caller. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<{ token: string }> {
  const { body } = await t.as().post('/auth/login', { email, password }).expect(200);
  return { token: body.token as string };
}
