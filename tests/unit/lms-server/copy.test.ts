/** Issue 23: moving a SQLite installation to PostgreSQL with `npm run lms -- --copy-to` (scorm/lms/copy.ts). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyError, copyToPostgres } from '../../../scorm/lms/copy.js';
import { closeDatabase, openDatabase, TABLES } from '../../../scorm/lms/db.js';
import {
  addPerson,
  ADMIN_PASSWORD,
  Client,
  freshPostgres,
  launch,
  learner,
  ON_POSTGRES,
  PG_SERVER,
  startLms,
  type TestLms,
} from './harness.js';

// Runs once, in the SQLite project: the source is SQLite, the target a database of its own.
describe.skipIf(!PG_SERVER || ON_POSTGRES)('copying a SQLite installation to PostgreSQL', () => {
  let source: TestLms;
  let target: Awaited<ReturnType<typeof freshPostgres>>;
  let alice: Client;

  beforeAll(async () => {
    source = await startLms();
    const admin = new Client(source);
    await admin.signIn('admin', ADMIN_PASSWORD);
    alice = await learner(source, admin, { name: 'Alice Adams', login: 'alice@example.nhs.uk', group: 'Nursing' });
    const l = await launch(alice);
    const res = await alice.request('POST', l.commitUrl, {
      json: {
        'cmi.location': 'ward-selfie',
        'cmi.suspend_data': 'kept-across-the-move',
        'cmi.interactions.0.id': 'ward-selfie',
        'cmi.interactions.0.type': 'choice',
        'cmi.interactions.0.learner_response': 'delete_and_report',
        'cmi.interactions.0.result': 'correct',
        'cmi.session_time': 'PT1M',
        commitSequence: 1,
      },
      headers: { 'x-csrf-token': l.csrf, accept: '*/*' },
    });
    expect(res.status, res.body).toBe(200);
    await source.close();
    target = await freshPostgres();
  }, 60_000);
  afterAll(async () => {
    await target?.drop();
    if (source) rmSync(source.dir, { recursive: true, force: true });
  });

  it('copies every table with its counts, and the LMS on PostgreSQL carries on where SQLite stopped', async () => {
    const from = await openDatabase(join(source.dir, 'data'));
    const to = await openDatabase(source.dir, target.url);
    try {
      const counts = await copyToPostgres(from, to);
      expect(counts.map((c) => c.table)).toEqual([...TABLES]);
      for (const c of counts) expect(c.target, c.table).toBe(c.source);
      const of = (table: string) => counts.find((c) => c.table === table)!.source;
      expect(of('users')).toBe(2);
      expect(of('attempts')).toBe(1);
      expect(of('interactions')).toBe(1);
      expect(of('sessions')).toBeGreaterThan(0);

      // A second copy into the same database is refused, and writes nothing.
      await expect(copyToPostgres(from, to)).rejects.toThrow(CopyError);
      expect((await to.k.selectFrom('users').select('id').execute()).length).toBe(2);
    } finally {
      await closeDatabase(from);
      await closeDatabase(to);
    }

    const moved = await startLms({ databaseUrl: target.url });
    try {
      // Alice is still signed in (sessions and the signing key moved), and her attempt resumes where it was.
      const same = new Client(moved);
      same.cookies = new Map(alice.cookies);
      expect((await same.get('/learn')).status).toBe(200);
      const resumed = await launch(same, 'sample', { action: 'resume' });
      expect(resumed.cmi['cmi.suspend_data']).toBe('kept-across-the-move');
      expect(resumed.cmi['cmi.location']).toBe('ward-selfie');
      // New people get new ids after the copied ones (the sequences moved past them).
      const admin = new Client(moved);
      await admin.signIn('admin', ADMIN_PASSWORD);
      await addPerson(admin, { name: 'Bo Berg', login: 'bo@example.nhs.uk' });
      const records = await admin.get('/hr/records');
      expect(records.body).toContain('alice@example.nhs.uk');
      expect(records.body).toContain('bo@example.nhs.uk');
    } finally {
      await moved.dispose();
    }
  }, 60_000);
});
