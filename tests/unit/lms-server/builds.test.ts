/** Issue 16: reports read each module version's build data, kept by the LMS, not today's content. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../src/core/report-data.js';
import { hashPassword } from '../../../scorm/lms/passwords.js';
import { ADMIN_PASSWORD, Client, ROOT, launch, learner, startLms, type TestLms, ON_POSTGRES } from './harness.js';
import { LEGACY_MIGRATIONS } from './legacy-schema.js';

const answer = (csrf: string, response: string, extra: Record<string, unknown> = {}) => ({
  'cmi.interactions.0.id': 'ward-selfie',
  'cmi.interactions.0.type': 'choice',
  'cmi.interactions.0.learner_response': response,
  'cmi.interactions.0.result': 'correct',
  'cmi.session_time': 'PT1S',
  _csrf: csrf,
  ...extra,
});

describe('reports by module version', () => {
  let lms: TestLms;
  let admin: Client;
  let alice: Client;
  const dist = () => join(lms.dir, 'dist');

  beforeAll(async () => {
    lms = await startLms();
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    alice = await learner(lms, admin, { name: 'Alice Adams', login: 'alice@example.nhs.uk' });
  }, 60_000);
  afterAll(async () => lms?.dispose());

  it('reports an old attempt against the version it was taken in, and keeps names when the build is gone', async () => {
    const first = await launch(alice);
    const stored = await alice.request('POST', first.commitUrl, {
      json: answer(first.csrf, 'delete_and_report'),
      headers: { accept: '*/*' },
    });
    expect(stored.status).toBe(200);

    // Version 2 renames the scenario and drops the choice Alice picked.
    const v1 = JSON.parse(readFileSync(join(dist(), 'sample.report.json'), 'utf8')) as ReportData;
    const ward = v1.scenarios.find((s) => s.id === 'ward-selfie')!;
    const v2: ReportData = {
      ...v1,
      version: '2.0.0',
      scenarios: v1.scenarios.map((s) =>
        s === ward
          ? {
              ...s,
              title: 'A photo in the staff room',
              choices: s.choices.filter((c) => c.responseId !== 'delete_and_report'),
            }
          : s,
      ),
    };
    writeFileSync(join(dist(), 'sample.report.json'), JSON.stringify(v2));
    writeFileSync(
      join(dist(), 'sample.json'),
      JSON.stringify({ id: 'sample', title: 'Frontline sample module', version: '2.0.0' }),
    );

    const history = (await alice.get('/learn/history')).body;
    expect(history).toContain(ward.title);
    expect(history).not.toContain('A photo in the staff room');
    expect(history).toContain('Best choice');

    // The module report names choices from both versions, each counted against its own.
    await admin.get('/hr/records');
    const report = (await admin.get('/hr/modules/sample')).body;
    expect(report).toMatch(/data-choice="delete_and_report">\s*<td>[^<]+<\/td>[\s\S]*?<td class="num">1<\/td>/);

    // Trainers' content is not needed at run time: with the build gone, the names stay.
    rmSync(join(dist(), 'sample'), { recursive: true });
    for (const f of readdirSync(dist())) if (f.startsWith('sample.')) rmSync(join(dist(), f));
    const records = (await admin.get('/hr/records')).body;
    expect(records).toContain('Frontline sample module');
    const again = (await alice.get('/learn/history')).body;
    expect(again).toContain(ward.title);
    expect(again).toContain('Best choice');
  });

  it('does not load trainers\u2019 content or the compiler at run time', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const offenders = files(join(ROOT, 'scorm', 'lms')).filter((f) =>
      /from '[./]*\/src\/compiler\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe.skipIf(ON_POSTGRES)('a data folder from before builds were kept', () => {
  it('is brought up to date, and its attempts are reported against the build of their version', async () => {
    const dir = join(tmpdir(), `frontline-old-data-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const old = new Database(join(dir, 'lms.sqlite'));
    old.exec(LEGACY_MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    const at = '2026-01-05T10:00:00.000Z';
    const hash = await hashPassword('dana-own-password');
    old
      .prepare(
        "INSERT INTO users (id, login, name, role, password_hash, created_at, updated_at) VALUES (1, 'admin', 'Administrator', 'admin', ?, ?, ?), (2, 'dana@example.nhs.uk', 'Dana Davies', 'learner', ?, ?, ?)",
      )
      .run(hash, at, at, hash, at, at);
    old
      .prepare(
        "INSERT INTO attempts (id, user_id, module_id, module_version, scorm_version, number, status, cmi, created_at, last_access_at) VALUES (1, 2, 'sample', '1.0.0', '2004', 1, 'incomplete', '{}', ?, ?)",
      )
      .run(at, at);
    old
      .prepare(
        "INSERT INTO interactions (attempt_id, n, interaction_id, response, recorded_at) VALUES (1, 0, 'ward-selfie', 'delete_and_report', ?)",
      )
      .run(at);
    old.close();

    const lms = await startLms({ dataDir: dir });
    try {
      const dana = new Client(lms);
      expect((await dana.signIn('dana@example.nhs.uk', 'dana-own-password')).status).toBe(303);
      const history = (await dana.get('/learn/history')).body;
      expect(history).toContain('A selfie on the ward');
      expect(history).toContain('Best choice');
      const resumed = await launch(dana);
      expect(resumed.attempt).toBe(1);
    } finally {
      await lms.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
