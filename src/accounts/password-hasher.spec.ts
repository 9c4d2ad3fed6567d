import { hashPassword, verifyPassword } from './password-hasher.js';

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword('いわきの海と山 2027');
    expect(await verifyPassword('いわきの海と山 2027', stored)).toBe(true);
    expect(await verifyPassword('いわきの海と山 2028', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const [first, second] = [await hashPassword('same password'), await hashPassword('same password')];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('treats full-width letters typed with a Japanese input method as their half-width forms', async () => {
    const stored = await hashPassword('password123');
    expect(await verifyPassword('ｐａｓｓｗｏｒｄ１２３', stored)).toBe(true);
  });

  it('refuses a stored value that is not one of its hashes', async () => {
    expect(await verifyPassword('anything', 'plain-text-password')).toBe(false);
  });
});
