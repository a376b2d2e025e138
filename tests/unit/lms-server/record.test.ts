/** Issue 22: what one learner's commits can do to their record, to the reports and to the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { END, type Choice } from '../../../src/core/model.js';
import { reportData } from '../../../src/core/report-data.js';
import { nextStep, score, type Decision } from '../../../src/core/state.js';
import { ModuleSettings } from '../../../scorm/lms/settings.js';
import { resultProblem } from '../../../scorm/lms/verify.js';
import { ADMIN_PASSWORD, Client, ROOT, backdateLaunch, launch, learner, startLms, type TestLms } from './harness.js';

const course = loadCourse(ROOT, 'sample').course;
const data = reportData(course);
/** Picks the best choice. */
const pickBest = (choices: Choice[]) => choices.findIndex((c) => c.rating === 'best');

/** A walk through the module, picking with `pick` at each scenario, as the SCO would record it. */
function walk(pick: (choices: Choice[]) => number): { decisions: Decision[]; interactions: Record<string, string> } {
  const decisions: Decision[] = [];
  for (let next = nextStep(course, decisions); next !== END; next = nextStep(course, decisions)) {
    const scenario = course.scenarios.find((s) => s.id === next)!;
    const choice = scenario.choices[pick(scenario.choices)]!;
    decisions.push({ scenarioId: scenario.id, choiceIds: [choice.id], at: 0, latencyMs: 0 });
  }
  const interactions: Record<string, string> = {};
  decisions.forEach((d, n) => {
    const scenario = course.scenarios.find((s) => s.id === d.scenarioId)!;
    interactions[`cmi.interactions.${n}.id`] = d.scenarioId;
    interactions[`cmi.interactions.${n}.type`] = 'choice';
    interactions[`cmi.interactions.${n}.learner_response`] = scenario.choices
      .filter((c) => d.choiceIds.includes(c.id))
      .map((c) => c.responseId)
      .join('[,]');
  });
  return { decisions, interactions };
}

const finished = (raw: number, passed: boolean) => ({
  'cmi.completion_status': 'completed',
  'cmi.success_status': passed ? 'passed' : 'failed',
  'cmi.score.raw': String(raw),
  'cmi.score.min': '0',
  'cmi.score.max': '100',
  'cmi.exit': 'normal',
});

describe('scoring an attempt again from its answers', () => {
  it('agrees with the module on every path, and disagrees with a changed score or result', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 30; i++) {
      const { decisions, interactions } = walk((choices) => random(choices.length));
      const s = score(course, decisions);
      const stored = Object.keys(interactions)
        .filter((k) => k.endsWith('.id'))
        .map((k) => ({
          interaction_id: interactions[k]!,
          response: interactions[k.replace(/id$/, 'learner_response')]!,
        }));
      const status = s.passed ? 'passed' : 'failed';
      expect(resultProblem(data, { status, score_raw: s.raw }, stored)).toBeNull();
      expect(resultProblem(data, { status, score_raw: (s.raw + 50) % 100 }, stored)).toMatch(/score reported/);
      expect(resultProblem(data, { status: s.passed ? 'failed' : 'passed', score_raw: s.raw }, stored)).toMatch(
        /reported (passed|failed), but/i,
      );
    }
  });
});

describe('a record one learner cannot hurt', () => {
  let lms: TestLms;
  let admin: Client;
  let alice: Client;
  let hr: Client;

  beforeAll(async () => {
    lms = await startLms();
    admin = new Client(lms);
    await admin.signIn('admin', ADMIN_PASSWORD);
    alice = await learner(lms, admin, { name: 'Alice Adams', login: 'alice@example.nhs.uk' });
    hr = admin;
  }, 60_000);
  afterAll(async () => lms?.dispose());

  const post = (l: Awaited<ReturnType<typeof launch>>, json: Record<string, unknown>, who = alice) =>
    who.request('POST', l.commitUrl, { json: { ...json, _csrf: l.csrf }, headers: { accept: '*/*' } });
  const stored = async (attempt: number, who = alice) =>
    (await who.get(`/api/attempts/${attempt}`)).json<{
      status: string;
      score: number | null;
      totalSeconds: number;
      cmi: Record<string, string>;
    }>();

  it('refuses a response of 40,000 invented choices, and counts only choices the version has', async () => {
    const l = await launch(alice);
    const flood = Array.from({ length: 40_000 }, (_, i) => `c${i}`).join('[,]');
    const huge = await post(l, {
      'cmi.interactions.0.id': 'ward-selfie',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.learner_response': flood,
    });
    expect(huge.status).toBe(400);
    expect(huge.json<{ error: string }>().error).toMatch(/cmi\.interactions\.0\.learner_response .*over the limit/);
    // Within the limits, but naming choices the module does not have, and one of its own twice over.
    const invented = await post(l, {
      'cmi.interactions.0.id': 'ward-selfie',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.learner_response': 'made_up_one[,]made_up_two[,]crop_photo',
      'cmi.interactions.1.id': 'no-such-scenario',
      'cmi.interactions.1.type': 'choice',
      'cmi.interactions.1.learner_response': 'crop_photo',
    });
    expect(invented.status).toBe(200);
    const report = (await hr.get('/hr/modules/sample')).body;
    expect(report).not.toContain('made_up_one');
    expect(report).not.toContain('no-such-scenario');
    expect(report).toMatch(/data-choice="crop_photo">[\s\S]*?<td class="num">1<\/td>/);
    expect(report).toContain('id="unmatched">1 recorded decision');
  });

  it('caps what an attempt holds in total, whatever the number of commits', async () => {
    const l = await launch(alice);
    const before = await stored(l.attempt);
    const long = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          [`cmi.interactions.${i}.id`, `essay-${i}`],
          [`cmi.interactions.${i}.type`, 'long-fill-in'],
          [`cmi.interactions.${i}.learner_response`, 'x'.repeat(4000)],
        ]).flat(),
      ) as Record<string, string>;
    const res = await post(l, long(70));
    expect(res.status).toBe(413);
    expect(res.json<{ error: string }>().error).toMatch(/over the limit of 256 KB\. Nothing was stored/);
    expect((await stored(l.attempt)).cmi).toEqual(before.cmi);
  });

  let people = 0;
  /** A launch of a new attempt, by a learner of its own. */
  const fresh = async (version = '2004') => {
    people++;
    const who = await learner(lms, admin, { name: `Learner ${people}`, login: `learner${people}@example.nhs.uk` });
    return { who, l: await launch(who, 'sample', { version }) };
  };

  it('counts a session as no longer than the time since its launch', async () => {
    const l = await launch(alice);
    await backdateLaunch(lms, l.launch, 600);
    expect((await post(l, { 'cmi.session_time': 'P1000Y', commitSequence: 1 })).status).toBe(200);
    const s = await stored(l.attempt);
    expect(s.totalSeconds).toBeGreaterThanOrEqual(600);
    expect(s.totalSeconds).toBeLessThan(700);
    const csv = (await hr.get('/hr/records.csv')).body;
    expect(csv).not.toMatch(/8760000:/);
  });

  it('refuses a commitSequence far beyond the next, and goes on storing the ones that follow', async () => {
    const l = await launch(alice);
    const ahead = await post(l, { 'cmi.suspend_data': 'ahead', commitSequence: 1e15 });
    expect(ahead.status).toBe(409);
    expect(ahead.json<{ error: string }>().error).toMatch(/commitSequence 1000000000000000 is too far ahead/);
    expect((await post(l, { 'cmi.suspend_data': 'next', commitSequence: 1 })).status).toBe(200);
    expect((await post(l, { 'cmi.suspend_data': 'after', commitSequence: 2 })).status).toBe(200);
    expect((await stored(l.attempt)).cmi['cmi.suspend_data']).toBe('after');
  });

  it('names the element and the reason when it refuses a commit', async () => {
    const l = await launch(alice);
    const res = await post(l, { 'cmi.suspend_data': 'fine', 'cmi.score.raw': 'lots' });
    expect(res.status).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(
      /nothing from this commit was stored: cmi\.score\.raw = "lots"/,
    );
    expect((await stored(l.attempt)).cmi['cmi.suspend_data']).not.toBe('fine');
  });

  it('accepts the numeric, fill-in and other responses SCORM allows, in both versions', async () => {
    const l = await launch(alice);
    const ok2004 = await post(l, {
      'cmi.interactions.0.id': 'dose',
      'cmi.interactions.0.type': 'numeric',
      'cmi.interactions.0.learner_response': '2.5',
      'cmi.interactions.0.correct_responses.0.pattern': '2[:]3',
      'cmi.interactions.1.id': 'name-the-policy',
      'cmi.interactions.1.type': 'fill-in',
      'cmi.interactions.1.learner_response': '{lang=en}Social media policy',
      'cmi.interactions.2.id': 'true-or-false',
      'cmi.interactions.2.type': 'true-false',
      'cmi.interactions.2.learner_response': 'true',
    });
    expect(ok2004.status, ok2004.body).toBe(200);
    expect(
      (
        await post(l, {
          'cmi.interactions.3.id': 'x',
          'cmi.interactions.3.type': 'numeric',
          'cmi.interactions.3.learner_response': 'two',
        })
      ).status,
    ).toBe(400);
    // SCORM 1.2 in a fresh attempt, once the admin runs the module in 1.2 (learners do not choose).
    await post(l, { ...finished(0, false), 'cmi.exit': 'normal' });
    await new ModuleSettings(lms.db).set('sample', { live: true, scormVersion: '1.2' });
    const l12 = await launch(alice, 'sample');
    // The attempt keeps the version it began in; the other tests' new attempts are 2004 again.
    await new ModuleSettings(lms.db).set('sample', { live: true, scormVersion: '2004' });
    const ok12 = await post(l12, {
      'cmi.interactions.0.id': 'dose',
      'cmi.interactions.0.type': 'numeric',
      'cmi.interactions.0.student_response': '2.5',
      'cmi.interactions.1.id': 'policy',
      'cmi.interactions.1.type': 'fill-in',
      'cmi.interactions.1.student_response': 'Social media policy',
    });
    expect(ok12.status, ok12.body).toBe(200);
  });

  it('keeps a finished result: later commits change only how the learner left and the time', async () => {
    const { who, l } = await fresh();
    const best = walk(pickBest);
    expect((await post(l, { ...best.interactions, ...finished(90, true), commitSequence: 1 }, who)).status).toBe(200);
    const worse = await post(
      l,
      {
        'cmi.completion_status': 'incomplete',
        'cmi.success_status': 'failed',
        'cmi.score.raw': '5',
        'cmi.interactions.0.learner_response': 'leave_it',
        'cmi.exit': 'suspend',
        'cmi.session_time': 'PT1S',
        commitSequence: 2,
      },
      who,
    );
    expect(worse.status).toBe(200);
    const s = await stored(l.attempt, who);
    expect(s.status).toBe('passed');
    expect(s.score).toBe(90);
    expect(s.cmi['cmi.interactions.0.learner_response']).not.toBe('leave_it');
    expect(s.cmi['cmi.exit']).toBe('suspend');
    expect(s.cmi['cmi.session_time']).toBe('PT1S');
  });

  it('flags, for HR and in the CSV, a pass that the recorded answers do not earn', async () => {
    const bob = await learner(lms, admin, { name: 'Bob Brown', login: 'bob@example.nhs.uk' });
    const honest = walk(pickBest);
    const l = await launch(bob);
    const raw = score(course, honest.decisions).raw;
    expect((await post(l, { ...honest.interactions, ...finished(raw, true) }, bob)).status).toBe(200);
    const carol = await learner(lms, admin, { name: 'Carol Cheat', login: 'carol@example.nhs.uk' });
    const c = await launch(carol);
    const forged = await post(
      c,
      {
        'cmi.interactions.0.id': 'made-up-1',
        'cmi.interactions.0.type': 'choice',
        'cmi.interactions.0.learner_response': 'a',
        'cmi.interactions.1.id': 'made-up-2',
        'cmi.interactions.1.type': 'choice',
        'cmi.interactions.1.learner_response': 'b',
        ...finished(100, true),
      },
      carol,
    );
    expect(forged.status).toBe(200);

    const page = (await hr.get('/hr/records?module=sample')).body;
    const row = (login: string) => new RegExp(`data-learner="${login}"[\\s\\S]*?</tr>`).exec(page)![0];
    expect(row('carol@example.nhs.uk')).toMatch(
      /Check this result: Attempt 1: 2 recorded answers name what version 1\.0\.0 does not have/,
    );
    expect(row('carol@example.nhs.uk')).toMatch(/the score reported is 100%, the recorded answers score 0%/);
    expect(row('bob@example.nhs.uk')).not.toContain('Check this result');
    const csv = (await hr.get('/hr/records.csv?module=sample')).body.split('\r\n');
    expect(csv.find((line) => line.includes('carol@'))).toMatch(
      /,"?Attempt 1: .*reported passed, but the recorded answers fail/,
    );
    expect(csv.find((line) => line.includes('bob@'))).toMatch(/,$/);
    const carolId = (await lms.store.userByLogin('carol@example.nhs.uk'))!.id;
    expect((await hr.get(`/hr/learners/${carolId}`)).body).toMatch(/data-check="\d+"><strong>Check this result:/);
    // The learner's own page does not carry HR's checks.
    expect((await carol.get('/learn/history')).body).not.toContain('Check this result');
  });
});
