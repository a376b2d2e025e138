/**
 * Issue 23: a data folder written before the LMS served PostgreSQL too (SQLite, schema 3, made
 * here with that schema's own SQL) opens with the new database layer, keeps every row, and its
 * people carry on: signed in, resuming, with the key that signed their cookies.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, schemaVersion } from '../../../scorm/lms/db.js';
import { hashPassword } from '../../../scorm/lms/passwords.js';
import { Client, launch, ON_POSTGRES, startLms, type TestLms } from './harness.js';
import { LEGACY_MIGRATIONS } from './legacy-schema.js';

const AT = '2026-03-02T09:00:00.000Z';
const TOKEN = 'an-old-session-token-from-the-cookie';
const SECRET = 'the-old-secret-key-from-secret.key';

/** Every table of schema 3, with rows in each, as the old code wrote them. */
function writeOldFolder(dir: string, hash: string): Record<string, number> {
  const old = new Database(join(dir, 'lms.sqlite'));
  for (const m of LEGACY_MIGRATIONS) old.exec(m);
  old.pragma(`user_version = ${LEGACY_MIGRATIONS.length}`);
  const run = (statement: string, ...params: unknown[]) => old.prepare(statement).run(...params);
  run(
    `INSERT INTO users (id, login, name, staff_group, role, password_hash, created_at, updated_at) VALUES
    (1, 'admin', 'Administrator', '', 'admin', ?, ?, ?), (2, 'Dana@Example.nhs.uk', 'Dana Davies', 'Nursing', 'learner', ?, ?, ?),
    (3, 'E0042', 'Eli Evans', 'Estates', 'learner', ?, ?, ?)`,
    ...[hash, AT, AT, hash, AT, AT, hash, AT, AT],
  );
  const expires = new Date(Date.now() + 3600_000).toISOString();
  const seen = new Date().toISOString();
  run(
    'INSERT INTO sessions VALUES (?, 2, ?, ?, ?)',
    createHash('sha256').update(TOKEN).digest('hex'),
    seen,
    seen,
    expires,
  );
  run(
    `INSERT INTO attempts (id, user_id, module_id, module_version, scorm_version, number, status, score_raw, cmi, total_seconds, commits, created_at, last_access_at, completed_at, build)
    VALUES (1, 2, 'sample', '1.0.0', '2004', 1, 'failed', 40, '{"cmi.location":"a"}', 120.5, 3, ?, ?, ?, NULL),
           (2, 2, 'sample', '1.0.0', '2004', 2, 'incomplete', NULL, '{"cmi.location":"b","cmi.suspend_data":"v1.keep"}', 60, 1, ?, ?, NULL, NULL)`,
    ...[AT, AT, AT, AT, AT],
  );
  // Two launches of attempt 2 in the same millisecond: only the row order said which is newer.
  run(
    `INSERT INTO launches (id, attempt_id, mode, started_at, last_commit_at, last_sequence, session_seconds) VALUES
    ('l-one', 1, 'normal', ?, ?, 3, 120.5), ('l-older', 2, 'normal', ?, NULL, 0, 0), ('l-newer', 2, 'normal', ?, NULL, 0, 0)`,
    ...[AT, AT, AT, AT],
  );
  run(
    `INSERT INTO interactions (attempt_id, n, interaction_id, response, result, recorded_at) VALUES
    (1, 0, 'ward-selfie', 'post_it_anyway', 'incorrect', ?), (2, 0, 'ward-selfie', 'delete_and_report', 'correct', ?)`,
    ...[AT, AT],
  );
  run("INSERT INTO audit (at, actor_id, action, detail) VALUES (?, 1, 'added a person', 'Dana@Example.nhs.uk')", AT);
  run("INSERT INTO builds VALUES ('abc123', 'sample', '0.9.0', '{}', ?)", AT);
  run("INSERT INTO module_settings VALUES ('sample', 1, '2004', ?)", AT);
  run('INSERT INTO health VALUES (1, ?)', AT);
  const counts = Object.fromEntries(
    ['users', 'sessions', 'attempts', 'launches', 'interactions', 'audit', 'builds', 'module_settings', 'health'].map(
      (t) => [t, (old.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n],
    ),
  );
  old.close();
  writeFileSync(join(dir, 'secret.key'), SECRET);
  return counts;
}

describe.skipIf(ON_POSTGRES)('a SQLite data folder from before PostgreSQL', () => {
  let lms: TestLms;
  let dir: string;
  let before: Record<string, number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontline-old-folder-'));
    before = writeOldFolder(dir, await hashPassword('dana-own-password'));
    lms = await startLms({ dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await lms?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is brought up to date with every row kept', async () => {
    expect(await schemaVersion(lms.db)).toBe(MIGRATIONS.length);
    for (const [table, n] of Object.entries(before)) {
      const rows = (lms.db.sqlite!.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      // On start the LMS keeps today's build of the sample beside the old one; nothing else is added.
      expect(rows, table).toBe(table === 'builds' ? n + 1 : n);
    }
    expect(await lms.store.attempt(1)).toMatchObject({ status: 'failed', score_raw: 40, total_seconds: 120.5 });
    expect(await lms.store.interactionsOf(2)).toEqual([
      expect.objectContaining({ interaction_id: 'ward-selfie', response: 'delete_and_report' }),
    ]);
    expect(await lms.store.buildData('abc123')).toBe('{}');
  });

  it('keeps the signing key, the newest launch, and logins in any case', async () => {
    const secret = await lms.db.k.selectFrom('secrets').select('value').executeTakeFirst();
    expect(secret?.value).toBe(SECRET);
    expect((await lms.store.latestLaunch(2))?.id).toBe('l-newer');
    expect((await lms.store.userByLogin('dana@example.NHS.uk'))?.id).toBe(2);
  });

  it('lets a learner signed in before the upgrade carry on where they were', async () => {
    const dana = new Client(lms);
    dana.cookies.set('fl_session', TOKEN);
    const resumed = await launch(dana);
    expect(resumed.attempt).toBe(2);
    expect(resumed.cmi['cmi.suspend_data']).toBe('v1.keep');
    const again = new Client(lms);
    expect((await again.signIn('DANA@example.nhs.uk', 'dana-own-password')).status).toBe(303);
  });
});
