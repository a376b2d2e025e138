/** Issue 22: sign-in limits count failures only, per account and per real address, behind a proxy too. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignInGuard } from '../../../scorm/lms/signin-limits.js';
import { ADMIN_PASSWORD, Client, addPerson, startLms, testDatabase, type TestLms } from './harness.js';

describe('the sign-in guard', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  beforeEach(async () => {
    database = await testDatabase();
  });
  afterEach(() => database.dispose());

  it('backs an account off, doubling, and forgets after the window; successes clear the account', async () => {
    let now = 0;
    const guard = new SignInGuard(database.db, { perAccount: 3, perAddress: 1000, windowMs: 15 * 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await guard.wait('Sam@example.nhs.uk', `203.0.113.${i}`)).toBe(0);
      await guard.failed('Sam@example.nhs.uk', `203.0.113.${i}`);
    }
    // From any address, in any case: the account waits.
    expect(await guard.wait('sam@example.nhs.uk', '198.51.100.1')).toBe(30_000);
    now += 30_000;
    expect(await guard.wait('sam@example.nhs.uk', '198.51.100.1')).toBe(0);
    await guard.failed('sam@example.nhs.uk', '198.51.100.1');
    expect(await guard.wait('sam@example.nhs.uk', '198.51.100.1')).toBe(60_000);
    now += 60_000;
    await guard.succeeded('sam@example.nhs.uk');
    expect(await guard.wait('sam@example.nhs.uk', '198.51.100.1')).toBe(0);
  });

  it('limits failures per address only, and a success does not reset them', async () => {
    let now = 0;
    const guard = new SignInGuard(database.db, { perAccount: 100, perAddress: 5, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 5; i++) {
      await guard.failed(`guess${i}@example.nhs.uk`, '203.0.113.9');
      await guard.succeeded('own@example.nhs.uk');
    }
    expect(await guard.wait('another@example.nhs.uk', '203.0.113.9')).toBe(60_000);
    expect(await guard.wait('another@example.nhs.uk', '203.0.113.10')).toBe(0);
    now += 60_001;
    expect(await guard.wait('another@example.nhs.uk', '203.0.113.9')).toBe(0);
  });
});

describe('signing in behind a proxy', () => {
  let lms: TestLms;
  let admin: Client;
  const PASSWORD = 'a-long-enough-password';

  beforeAll(async () => {
    lms = await startLms({ trustProxy: 1, signInLimit: { perAccount: 3, perAddress: 6, windowMs: 60_000 } });
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await addPerson(admin, { name: 'Nia Jones', login: 'nia@example.nhs.uk', password: PASSWORD });
  }, 60_000);
  afterAll(async () => lms?.dispose());

  /** A sign-in through the proxy: it appends the address it saw to what the client sent. */
  const signIn = async (login: string, password: string, from: string, claimed?: string) => {
    const c = new Client(lms);
    await c.get('/signin');
    return c.request('POST', '/signin', {
      form: { _csrf: c.csrf, login, password },
      headers: { 'x-forwarded-for': claimed ? `${claimed}, ${from}` : from },
    });
  };

  it('believes only the proxy hop: invented addresses still share their real address quota', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await signIn(`guess${i}@example.nhs.uk`, 'wrong', '203.0.113.50', `10.1.2.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // Another real address is not held back.
    expect((await signIn('guess@example.nhs.uk', 'wrong', '203.0.113.51')).status).toBe(401);
  }, 60_000);

  it('backs an account off after its failures, whichever address they come from', async () => {
    for (let i = 0; i < 3; i++)
      expect((await signIn('nia@example.nhs.uk', `guess-${i}`, `198.51.100.${i}`)).status).toBe(401);
    const held = await signIn('nia@example.nhs.uk', 'guess-6', '198.51.100.99');
    expect(held.status).toBe(429);
    expect(held.headers['retry-after']).toBe('30');
    expect(held.body).toContain('Too many failed sign-ins. Try again in 30 seconds.');
  }, 60_000);

  it('lets a whole organisation behind one NAT address sign in: successes are not counted', async () => {
    await addPerson(admin, { name: 'Owen Price', login: 'owen@example.nhs.uk', password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn('owen@example.nhs.uk', PASSWORD, '192.0.2.1')).status);
    expect(statuses.every((s) => s === 303)).toBe(true);
  }, 60_000);
});
