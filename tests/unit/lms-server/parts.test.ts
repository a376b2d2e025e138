/** The LMS's parts on their own: commit checks against real scorm-again payloads, times, resume data, migrations, passwords, CSV. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import { derive, interactionsOf, launchData, validateCommit } from '../../../scorm/lms/cmi.js';
import { closeDatabase, migrate, MIGRATIONS, openDatabase, schemaVersion, type Db } from '../../../scorm/lms/db.js';
import { ON_POSTGRES } from './harness.js';
import { LEGACY_MIGRATIONS } from './legacy-schema.js';
import { neutralise, parseLearnersCsv, toCsv } from '../../../scorm/lms/csv.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../../scorm/lms/passwords.js';
import { summarise } from '../../../scorm/lms/reports.js';
import type { Attempt } from '../../../scorm/lms/store.js';

// scorm-again's ESM builds export the classes by name; its type declarations only a default.
type AnyApiClass = new (settings: never) => object;
const { Scorm12API } = scorm12 as unknown as { Scorm12API: AnyApiClass };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: AnyApiClass };

/** What scorm-again really posts on Commit, after a SCO's writes. */
function captured(version: '1.2' | '2004', writes: [string, string][]): Record<string, unknown> {
  const bodies: Record<string, unknown>[] = [];
  const httpService = {
    processHttpRequest: (_url: string, params: Record<string, unknown>) => {
      bodies.push(params);
      return { result: 'true', errorCode: 0 };
    },
    updateSettings: () => undefined,
  };
  const settings = {
    lmsCommitUrl: '/commit',
    dataCommitFormat: 'flattened',
    autocommit: false,
    logLevel: 5,
    includeCommitSequence: true,
    httpService,
  } as never;
  const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  const call = (name12: string, name2004: string, ...args: string[]) =>
    (api as unknown as Record<string, (...a: string[]) => string>)[version === '1.2' ? name12 : name2004]!(...args);
  call('LMSInitialize', 'Initialize', '');
  for (const [k, v] of writes) expect(call('LMSSetValue', 'SetValue', k, v), `${k}=${v}`).toBe('true');
  call('LMSCommit', 'Commit', '');
  return bodies[0]!;
}

describe('commit checks', () => {
  const writes2004: [string, string][] = [
    ['cmi.interactions.0.id', 'ward-selfie'],
    ['cmi.interactions.0.type', 'choice'],
    ['cmi.interactions.0.objectives.0.id', 'confidentiality'],
    ['cmi.interactions.0.timestamp', '2026-03-01T09:00:00.0Z'],
    ['cmi.interactions.0.correct_responses.0.pattern', 'delete_and_report'],
    ['cmi.interactions.0.learner_response', 'leave_it'],
    ['cmi.interactions.0.result', 'incorrect'],
    ['cmi.interactions.0.latency', 'PT12.5S'],
    ['cmi.objectives.0.id', 'confidentiality'],
    ['cmi.objectives.0.score.scaled', '0'],
    ['cmi.objectives.0.success_status', 'failed'],
    ['cmi.score.scaled', '0.25'],
    ['cmi.score.raw', '25'],
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.completion_status', 'completed'],
    ['cmi.success_status', 'failed'],
    ['cmi.exit', 'normal'],
    ['cmi.session_time', 'PT3M4.5S'],
    ['cmi.location', 'results'],
    ['cmi.suspend_data', 'v1.xyz'],
    ['cmi.progress_measure', '1'],
  ];

  it('accepts what scorm-again sends for SCORM 2004 and keeps only the writable elements', () => {
    const check = validateCommit('2004', captured('2004', writes2004));
    if (!check.ok) throw new Error(check.problems.join('\n'));
    expect(check.commit.sequence).toBe(1);
    expect(check.commit.data['cmi.learner_name']).toBeUndefined();
    expect(check.commit.data['cmi.entry']).toBeUndefined();
    expect(derive('2004', check.commit.data)).toMatchObject({
      status: 'failed',
      scoreRaw: 25,
      scoreScaled: 0.25,
      sessionSeconds: 184.5,
      exit: 'normal',
    });
    expect(interactionsOf('2004', check.commit.data)).toEqual([
      expect.objectContaining({
        n: 0,
        id: 'ward-selfie',
        response: 'leave_it',
        pattern: 'delete_and_report',
        result: 'incorrect',
        objective: 'confidentiality',
      }),
    ]);
  });

  it('counts a 2004 attempt as finished only when the SCO says it is complete', () => {
    expect(
      derive('2004', { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'passed', 'cmi.score.scaled': '1' })
        .status,
    ).toBe('incomplete');
    expect(derive('2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown' }).status).toBe(
      'completed',
    );
    expect(derive('2004', { 'cmi.completion_status': 'unknown', 'cmi.success_status': 'failed' }).status).toBe(
      'failed',
    );
    expect(derive('2004', { 'cmi.score.scaled': '0.5' })).toMatchObject({ status: 'incomplete', scoreRaw: 50 });
  });

  it('accepts what scorm-again sends for SCORM 1.2', () => {
    const body = captured('1.2', [
      ['cmi.interactions.0.id', 'ward-selfie'],
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.time', '09:00:00'],
      ['cmi.interactions.0.student_response', 'delete_and_report'],
      ['cmi.interactions.0.result', 'correct'],
      ['cmi.interactions.0.correct_responses.0.pattern', 'delete_and_report'],
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.score.raw', '100'],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.exit', ''],
      ['cmi.core.session_time', '0000:05:00.5'],
      ['cmi.core.lesson_location', 'results'],
      ['cmi.suspend_data', 'v1.abc'],
    ]);
    const check = validateCommit('1.2', body);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    expect(derive('1.2', check.commit.data)).toMatchObject({ status: 'passed', scoreRaw: 100, sessionSeconds: 300.5 });
    expect(interactionsOf('1.2', check.commit.data)[0]).toMatchObject({
      id: 'ward-selfie',
      response: 'delete_and_report',
      timestamp: '09:00:00',
    });
  });

  it("stores a 1.2 multiple response (comma-separated) in the same form as 2004's, so reports read both alike", () => {
    const flat = (version: '1.2' | '2004', response: string, pattern: string) => ({
      'cmi.interactions.0.id': 'feed-check',
      'cmi.interactions.0.type': 'choice',
      [`cmi.interactions.0.${version === '1.2' ? 'student_response' : 'learner_response'}`]: response,
      'cmi.interactions.0.correct_responses.0.pattern': pattern,
    });
    const v12 = interactionsOf('1.2', flat('1.2', 'post_a,post_c', 'post_a,post_b'))[0];
    const v2004 = interactionsOf('2004', flat('2004', 'post_a[,]post_c', 'post_a[,]post_b'))[0];
    expect(v12).toMatchObject({ response: 'post_a[,]post_c', pattern: 'post_a[,]post_b' });
    expect(v12).toEqual(v2004);
  });

  it("refuses the other version's elements, unknown elements, non-strings and values a real LMS refuses", () => {
    const problems = (version: '1.2' | '2004', body: unknown) => {
      const c = validateCommit(version, body);
      return c.ok ? [] : c.problems;
    };
    expect(problems('2004', { 'cmi.core.lesson_status': 'passed' })).toEqual([
      '"cmi.core.lesson_status" is not a SCORM 2004 element',
    ]);
    expect(problems('1.2', { 'cmi.completion_status': 'completed' })).toHaveLength(1);
    expect(problems('2004', { 'cmi.score.raw': 50 })).toEqual(['cmi.score.raw must be a string']);
    expect(problems('2004', { 'cmi.score.scaled': '.5' })[0]).toMatch(/leading digit/);
    expect(problems('2004', { 'cmi.interactions.0.learner_response': 'a' })[0]).toMatch(/needs the interaction's type/);
    expect(
      problems('2004', { 'cmi.interactions.0.type': 'choice', 'cmi.interactions.0.learner_response': 'a b' })[0],
    ).toMatch(/is not a choice response/);
    expect(problems('1.2', { 'cmi.suspend_data': 'x'.repeat(4097) })[0]).toMatch(/over the limit of 4096/);
    expect(problems('2004', null)).toHaveLength(1);
    expect(problems('2004', ['cmi.exit'])).toHaveLength(1);
    expect(problems('2004', { commitSequence: 'one' })).toEqual(['commitSequence must be a whole number']);
  });
});

describe('times and resume data', () => {
  it("reads and writes both versions' time formats through the shared SCORM time module", () => {
    const total = (version: '1.2' | '2004', seconds: number) =>
      launchData(
        version,
        {},
        { mode: 'normal', learnerName: 'Sam', learnerId: 's', totalSeconds: seconds, passMark: null, fresh: true },
      );
    expect(total('2004', 3723.5)['cmi.total_time']).toBe('PT1H2M3.5S');
    expect(total('1.2', 3723.5)['cmi.core.total_time']).toBe('01:02:03.50');
    expect(total('1.2', 0)['cmi.core.total_time']).toBe('00:00:00');
    expect(derive('2004', { 'cmi.session_time': 'PT1H2M3.5S' }).sessionSeconds).toBe(3723.5);
    expect(derive('1.2', { 'cmi.core.session_time': '0001:02:03.25' }).sessionSeconds).toBe(3723.25);
    expect(derive('2004', { 'cmi.session_time': 'P1W' }).sessionSeconds).toBeNull();
  });

  it('resumes only after exit = suspend, and gives the learner, mode, time and pass mark', () => {
    const base = {
      mode: 'normal' as const,
      learnerName: 'Sam',
      learnerId: 'S1',
      totalSeconds: 90,
      passMark: 80,
      fresh: false,
    };
    const resumed = launchData(
      '2004',
      { 'cmi.exit': 'suspend', 'cmi.suspend_data': 'v1', 'cmi.session_time': 'PT1M' },
      base,
    );
    expect(resumed).toMatchObject({
      'cmi.entry': 'resume',
      'cmi.suspend_data': 'v1',
      'cmi.mode': 'normal',
      'cmi.credit': 'credit',
      'cmi.learner_name': 'Sam',
      'cmi.total_time': 'PT1M30S',
    });
    expect(resumed['cmi.scaled_passing_score']).toBeUndefined();
    expect(resumed['cmi.exit']).toBeUndefined();
    expect(resumed['cmi.session_time']).toBeUndefined();
    expect(launchData('2004', { 'cmi.exit': 'normal' }, base)['cmi.entry']).toBe('');
    expect(launchData('2004', {}, { ...base, fresh: true })['cmi.entry']).toBe('ab-initio');
    const review12 = launchData(
      '1.2',
      { 'cmi.core.exit': 'suspend', 'cmi.core.lesson_status': 'passed' },
      { ...base, mode: 'review' },
    );
    expect(review12).toMatchObject({
      'cmi.core.entry': 'resume',
      'cmi.core.lesson_mode': 'review',
      'cmi.core.credit': 'no-credit',
      'cmi.core.student_name': 'Sam',
      'cmi.student_data.mastery_score': '80',
      'cmi.core.lesson_status': 'passed',
    });
  });
});

describe('records', () => {
  const attempt = (over: Partial<Attempt>): Attempt => ({
    id: 1,
    user_id: 1,
    module_id: 'm',
    module_version: '1',
    scorm_version: '2004',
    number: 1,
    status: 'incomplete',
    completion_status: null,
    success_status: null,
    score_raw: null,
    score_scaled: null,
    progress: null,
    exit: null,
    cmi: '{}',
    build: null,
    total_seconds: 60,
    commits: 1,
    created_at: '2026-01-01T10:00:00Z',
    last_access_at: '2026-01-01T10:30:00Z',
    completed_at: null,
    ...over,
  });

  it('a pass counts even when a later attempt failed; otherwise the latest attempt decides', () => {
    expect(summarise([])).toMatchObject({ status: 'not started', attempts: 0 });
    const passedThenFailed = summarise([
      attempt({ number: 1, status: 'failed', score_raw: 40, completed_at: '2026-01-01T10:20:00Z' }),
      attempt({
        number: 2,
        status: 'passed',
        score_raw: 85,
        completed_at: '2026-01-02T10:20:00Z',
        created_at: '2026-01-02T10:00:00Z',
        last_access_at: '2026-01-02T10:20:00Z',
      }),
      attempt({
        number: 3,
        status: 'failed',
        score_raw: 50,
        completed_at: '2026-01-03T10:20:00Z',
        created_at: '2026-01-03T10:00:00Z',
        last_access_at: '2026-01-03T10:20:00Z',
      }),
    ]);
    expect(passedThenFailed).toEqual({
      status: 'passed',
      score: 85,
      attempts: 3,
      firstAccess: '2026-01-01T10:00:00Z',
      lastAccess: '2026-01-03T10:20:00Z',
      completedAt: '2026-01-02T10:20:00Z',
      totalSeconds: 180,
    });
    expect(
      summarise([
        attempt({ status: 'failed', score_raw: 40, completed_at: 'x' }),
        attempt({ number: 2, status: 'incomplete' }),
      ]),
    ).toMatchObject({ status: 'in progress', completedAt: null });
  });
});

describe.skipIf(ON_POSTGRES)('the SQLite database', () => {
  it('applies every migration once, and refuses a newer schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-db-'));
    try {
      const db = await openDatabase(dir);
      expect(await schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      await closeDatabase(db);
      const again = await openDatabase(dir);
      expect(await migrate(again)).toBe(0);
      expect(
        (
          again
            .sqlite!.prepare(
              "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'sessions', 'attempts', 'launches', 'interactions', 'audit')",
            )
            .get() as { n: number }
        ).n,
      ).toBe(6);
      again.sqlite!.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      await closeDatabase(again);
      await expect(openDatabase(dir)).rejects.toThrow(/newer Frontline/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upgrades a folder at schema 2 from either order the builds and module settings were added in', async () => {
    const tables = (db: Db) =>
      (db.sqlite!.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      );
    // Schema 2 as released (builds), and as the branch that added module settings first wrote it.
    for (const second of [LEGACY_MIGRATIONS[1]!, LEGACY_MIGRATIONS[2]!]) {
      const dir = mkdtempSync(join(tmpdir(), 'frontline-db-'));
      try {
        const old = new Database(join(dir, 'lms.sqlite'));
        old.exec(LEGACY_MIGRATIONS[0]!);
        old.exec(second);
        old.pragma('user_version = 2');
        if (second === LEGACY_MIGRATIONS[2]) {
          old.prepare("INSERT INTO module_settings VALUES ('sample', 1, '1.2', '2026-01-05T10:00:00.000Z')").run();
        }
        old.close();
        const db = await openDatabase(dir);
        expect(await schemaVersion(db)).toBe(MIGRATIONS.length);
        expect(tables(db)).toEqual(expect.arrayContaining(['builds', 'module_settings', 'health', 'secrets']));
        expect(() => db.sqlite!.prepare('SELECT build FROM attempts').all()).not.toThrow();
        if (second === LEGACY_MIGRATIONS[2]) {
          expect(db.sqlite!.prepare('SELECT scorm_version FROM module_settings').get()).toEqual({
            scorm_version: '1.2',
          });
        }
        await closeDatabase(db);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt, and verifies in constant time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse battery!', a)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(generatePassword()).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect(passwordProblem('short', 'a')).toMatch(/at least 10/);
    expect(passwordProblem('s1234@nhs.net', 's1234@nhs.net')).toMatch(/email or staff number/);
    expect(passwordProblem('a long enough one', 'x')).toBeNull();
  });
});

describe('CSV', () => {
  it('neutralises formulas and writes UTF-8 with a BOM and CRLF for Excel', () => {
    expect(['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', 'Nurse', 'Zoë'].map(neutralise)).toEqual([
      "'=1+1",
      "'+44 7700",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'Nurse',
      'Zoë',
    ]);
    const csv = toCsv(
      ['Name', 'Score'],
      [
        ['Zoë, "Z"', 80],
        ['=cmd|x', null],
      ],
    );
    expect(csv).toBe('\uFEFFName,Score\r\n"Zoë, ""Z""",80\r\n\'=cmd|x,\r\n');
  });

  it('reads learners with the usual column names and reports problems by line', () => {
    const ok = parseLearnersCsv('Full name;Email address;Staff group;Role\nAmy Lee;amy@nhs.net;Nursing;hr\n');
    expect(ok).toEqual({
      learners: [{ line: 2, name: 'Amy Lee', login: 'amy@nhs.net', staffGroup: 'Nursing', role: 'hr' }],
      errors: [],
    });
    expect(parseLearnersCsv('email\nx@y.z\n').errors).toEqual(['Line 1: the header needs a "name" column.']);
    const dup = parseLearnersCsv('name,staff number\nA,S1\nB,s1\nC,bad number!\nD,S2,extra\n');
    expect(dup.learners).toEqual([]);
    expect(dup.errors).toEqual([
      'Line 3: s1 is also on line 2.',
      'Line 4: "bad number!" is not a staff number (letters, digits, . _ -).',
    ]);
  });
});
