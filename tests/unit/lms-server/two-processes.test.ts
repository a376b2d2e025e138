/**
 * Issue 23: two LMS processes (scripts/lms.ts, as an organisation runs it behind its proxy) on one
 * PostgreSQL database keep the guarantees of one: a learner signed in on one is signed in on the
 * other, commits sent alternately through both are all kept in order, an older commit sent last
 * changes nothing, HR on either sees the result, and a sign-in lockout made on one holds on the
 * other. Runs when FRONTLINE_TEST_DATABASE_URL names a PostgreSQL server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../scripts/free-port.js';
import { ADMIN_PASSWORD, Client, freshPostgres, learner, ON_POSTGRES, PG_SERVER, ROOT, writeDist } from './harness.js';

interface Running {
  base: string;
  child: ChildProcess;
  output: string;
}

/** Starts scripts/lms.ts on a port of its own, on the given database. */
async function startProcess(databaseUrl: string, dist: string, dataDir: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lms.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      FRONTLINE_DATA: dataDir,
      FRONTLINE_DIST: dist,
      FRONTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      FRONTLINE_LOG_FILE: '-',
    },
    stdio: 'pipe',
  });
  const running = { base: `http://127.0.0.1:${port}`, child, output: '' };
  const keep = (d: Buffer) => (running.output += d.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return running;
}

async function healthy(p: Running): Promise<void> {
  await vi.waitFor(
    async () => {
      if (p.child.exitCode !== null) throw new Error(`the LMS stopped:\n${p.output}`);
      expect((await fetch(`${p.base}/healthz`)).status).toBe(200);
    },
    { timeout: 60_000, interval: 200 },
  );
}

/** The same browser (its cookies) talking to the other process, as a proxy without sticky sessions would send it. */
function via(c: Client, base: string): Client {
  const other = new Client(base);
  other.cookies = c.cookies;
  other.csrf = c.csrf;
  return other;
}

/** A commit as a SCO sends it: everything so far, with one decision per commit. */
const commit = (sequence: number, location: string, passed = false) => ({
  'cmi.location': location,
  'cmi.suspend_data': `v1.${location}`,
  'cmi.completion_status': passed ? 'completed' : 'incomplete',
  'cmi.success_status': passed ? 'passed' : 'unknown',
  'cmi.score.raw': passed ? '100' : '0',
  'cmi.score.scaled': passed ? '1' : '0',
  'cmi.score.min': '0',
  'cmi.score.max': '100',
  'cmi.session_time': 'PT1S',
  ...Object.fromEntries(
    Array.from({ length: sequence }, (_, n) => [
      [`cmi.interactions.${n}.id`, 'ward-selfie'],
      [`cmi.interactions.${n}.type`, 'choice'],
      [`cmi.interactions.${n}.learner_response`, 'delete_and_report'],
      [`cmi.interactions.${n}.result`, 'correct'],
    ]).flat(),
  ),
  commitSequence: sequence,
});

describe.skipIf(!PG_SERVER || ON_POSTGRES)('two LMS processes on one PostgreSQL database', () => {
  let dir = '';
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let a: Running;
  let b: Running;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontline-two-'));
    database = await freshPostgres();
    const dist = writeDist(dir);
    // Both start at once on an empty database: one applies the migrations and makes the admin.
    [a, b] = await Promise.all([
      startProcess(database.url, dist, join(dir, 'a')),
      startProcess(database.url, dist, join(dir, 'b')),
    ]);
    await Promise.all([healthy(a), healthy(b)]);
  }, 90_000);
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill();
    await Promise.all([a, b].map((p) => p && p.child.exitCode === null && new Promise((r) => p.child.once('exit', r))));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every commit in order whichever process takes it, and HR on the other sees the result', async () => {
    const admin = new Client(a.base);
    expect((await admin.signIn('admin', ADMIN_PASSWORD)).status).toBe(303);
    await admin.get('/admin/modules');
    expect((await admin.post('/admin/modules/sample', { live: '1', scorm_version: '2004' })).status).toBe(200);
    const onA = await learner(a.base, admin, { name: 'Rhys Morgan', login: 'rhys@example.nhs.uk' });
    const onB = via(onA, b.base);
    // Signed in on A, known on B; launched on B.
    expect((await onB.get('/learn')).status).toBe(200);
    const launched = await onB.post('/learn/sample/launch', { action: 'new' });
    const page = await onB.get(String(launched.headers.location));
    const { commitUrl, csrf } = JSON.parse(
      /<script type="application\/json" id="launch-config">(.*?)<\/script>/s.exec(page.body)![1]!,
    ) as { commitUrl: string; csrf: string };
    const send = (c: Client, body: object) =>
      c.request('POST', commitUrl, { json: body, headers: { 'x-csrf-token': csrf, accept: '*/*' } });

    for (let seq = 1; seq <= 4; seq++)
      expect((await send(seq % 2 ? onA : onB, commit(seq, `page-${seq}`))).status).toBe(200);
    const attempt = (await onA.get('/api/me/attempts')).json<{ id: number }[]>()[0]!;
    const stored = async () =>
      (await onA.get(`/api/attempts/${attempt.id}`)).json<{
        status: string;
        commits: number;
        cmi: Record<string, string>;
        interactions: unknown[];
      }>();
    // Sent last, through the other process, an older commit changes nothing.
    await send(onB, commit(3, 'page-3'));
    expect(await stored()).toMatchObject({ commits: 4, cmi: expect.objectContaining({ 'cmi.location': 'page-4' }) });
    // Two at once, one through each: the newer one is what stays, whichever lands first.
    await Promise.all([send(onA, commit(5, 'page-5')), send(onB, commit(6, 'page-6', true))]);

    const final = await stored();
    expect(final.cmi['cmi.location']).toBe('page-6');
    expect(final.status).toBe('passed');
    expect(final.interactions).toHaveLength(6);
    expect([5, 6]).toContain(final.commits);

    const hrOnB = via(admin, b.base);
    const records = await hrOnB.get('/hr/records?module=sample');
    expect(records.body).toContain('data-learner="rhys@example.nhs.uk" data-module="sample" data-status="passed"');
  });

  it('keeps the newest of many commits sent at once through both processes, in any order', async () => {
    const admin = new Client(b.base);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const onB = await learner(b.base, admin, { name: 'Tomos Hughes', login: 'tomos@example.nhs.uk' });
    const onA = via(onB, a.base);
    const launched = await onA.post('/learn/sample/launch', { action: 'new' });
    const page = await onA.get(String(launched.headers.location));
    const { commitUrl, csrf } = JSON.parse(
      /<script type="application\/json" id="launch-config">(.*?)<\/script>/s.exec(page.body)![1]!,
    ) as { commitUrl: string; csrf: string };
    const sequences = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const replies = await Promise.all(
      sequences.map((seq, i) =>
        (i % 2 ? onA : onB).request('POST', commitUrl, {
          json: commit(seq, `page-${seq}`),
          headers: { 'x-csrf-token': csrf, accept: '*/*' },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(sequences.map(() => 200));
    const attempt = (await onA.get('/api/me/attempts')).json<{ id: number }[]>()[0]!;
    const stored = (await onB.get(`/api/attempts/${attempt.id}`)).json<{
      cmi: Record<string, string>;
      interactions: unknown[];
    }>();
    expect(stored.cmi['cmi.location']).toBe('page-30');
    expect(stored.interactions).toHaveLength(30);
  });

  it('holds a sign-in lockout made through one process on the other', async () => {
    const admin = new Client(b.base);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await learner(b.base, admin, { name: 'Seren Price', login: 'seren@example.nhs.uk' });
    // scripts/lms.ts lets an account fail 10 times in a row before it must wait.
    for (let i = 0; i < 10; i++)
      expect((await new Client(a.base).signIn('seren@example.nhs.uk', `guess-${i}`)).status).toBe(401);
    const right = await new Client(b.base).signIn('seren@example.nhs.uk', 'seren@example.nhs.uk-own-password');
    expect(right.status).toBe(429);
    expect(right.body).toContain('Too many failed sign-ins.');
  }, 60_000);
});
