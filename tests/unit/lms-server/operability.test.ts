/** Operable: weak passwords refused with a reason, a health check that writes, plain start errors, audit, backups, refusals. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupInto, closeDatabase, LmsStartError, openDatabase } from '../../../scorm/lms/db.js';
import { passwordProblem } from '../../../scorm/lms/passwords.js';
import { ADMIN_PASSWORD, Client, launch, learner, ON_POSTGRES, startLms, type TestLms } from './harness.js';

describe('passwords', () => {
  it('refuses weak passwords with a reason', () => {
    expect(passwordProblem('a', 'admin')).toBe('Use at least 10 characters.');
    expect(passwordProblem('password123', 'ann@example.nhs.uk')).toMatch(/^This password is too easy to guess\./);
    expect(passwordProblem('          ', 'ann@example.nhs.uk')).toBe('A password cannot be only spaces.');
    expect(passwordProblem('qwertyuiop12', 'ann@example.nhs.uk', 'Ann Bell')).toMatch(/too easy to guess/);
    expect(passwordProblem('lantern-otter-parcel', 'ann@example.nhs.uk', 'Ann Bell')).toBeNull();
  });

  it('will not start with a weak first admin password, and says so in one sentence', async () => {
    await expect(startLms({ adminPassword: 'a' })).rejects.toThrow(
      'FRONTLINE_ADMIN_PASSWORD is not strong enough: Use at least 10 characters.',
    );
  });
});

describe('the data folder', () => {
  it('a folder that cannot be written gives one plain sentence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-ro-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    try {
      await expect(openDatabase(join(file, 'data'))).rejects.toThrow(LmsStartError);
      await expect(openDatabase(join(file, 'data'))).rejects.toThrow(/cannot be created or written/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the newest scheduled backups, each a whole database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-backup-'));
    const db = await openDatabase(join(dir, 'data'));
    try {
      for (let i = 0; i < 3; i++) await backupInto(db, join(dir, 'backups'), 2);
      const kept = readdirSync(join(dir, 'backups'));
      expect(kept).toHaveLength(2);
      const copy = await openDatabase(join(dir, 'restore'));
      await closeDatabase(copy);
      expect(kept.every((f) => f.endsWith('.sqlite'))).toBe(true);
    } finally {
      await closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the running LMS', () => {
  let lms: TestLms;
  let admin: Client;
  let ann: Client;

  beforeAll(async () => {
    lms = await startLms();
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    ann = await learner(lms, admin, { name: 'Ann Bell', login: 'ann@example.nhs.uk', group: 'Nursing' });
  }, 60_000);
  afterAll(() => lms.dispose());

  // PostgreSQL cannot be made read-only for one pool's connections from here: SQLite stands for both.
  it.skipIf(ON_POSTGRES)('/healthz answers 503 when the database cannot be written', async () => {
    expect((await lms.app.inject('/healthz')).json()).toEqual({ ok: true });
    lms.db.sqlite!.exec('PRAGMA query_only = ON');
    try {
      const res = await lms.app.inject('/healthz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ ok: false, error: 'The database cannot be written.' });
    } finally {
      lms.db.sqlite!.exec('PRAGMA query_only = OFF');
    }
  });

  it('refuses a weak password when a learner chooses one', async () => {
    await ann.get('/account/password');
    const res = await ann.post('/account/password', {
      current: 'ann@example.nhs.uk-own-password',
      password: 'password123',
      confirm: 'password123',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('This password is too easy to guess.');
  });

  it("audits sign-ins and HR views of a learner's record, pages the log and exports it", async () => {
    const id = (await lms.store.userByLogin('ann@example.nhs.uk'))!.id;
    await admin.get(`/hr/learners/${id}`);
    for (let i = 0; i < 60; i++) await lms.store.audit(null, 'test entry', String(i));
    const first = await admin.get('/admin/audit');
    expect(first.body).toContain('Page 1 of 2.');
    expect(first.body).toContain('href="/admin/audit?page=2">Older entries');
    const second = await admin.get('/admin/audit?page=2');
    expect(second.body).toContain('signed in');
    expect(second.body).toContain('viewed a learner&#39;s record</td><td>ann@example.nhs.uk');
    const csv = await admin.get('/admin/audit.csv');
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(csv.body).toMatch(/Ann Bell,ann@example\.nhs\.uk,signed in,/);
    expect(csv.body.split('\r\n').length).toBeGreaterThan(60);
  });

  it("answers a superseded window's commit with its own documented reason", async () => {
    const older = await launch(ann);
    await ann.get('/learn');
    const again = await ann.post('/learn/sample/launch', { action: 'continue' });
    expect(again.status).toBe(303);
    const res = await ann.request('POST', older.commitUrl, {
      json: { 'cmi.location': 'x', commitSequence: 1 },
      headers: { 'x-csrf-token': older.csrf, accept: '*/*' },
    });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ result: false, errorCode: 391, reason: 'superseded' });
  });
});
