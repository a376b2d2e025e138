import { describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ROOT } from '../../root.js';
import { TABLE } from '../../../src/core/cmi.js';
import type { ScormVersion } from '../../../src/core/scorm-names.js';
import { encode, fingerprint } from '../../../src/core/resume.js';
import { reduce, score } from '../../../src/core/state.js';
import { ScormDriver } from '../../../src/lms/driver.js';
import { checkCalls, checkFinished } from '../../../scorm/strict.js';
import { cmiOf, found, Harness, initialState, makeApi, newSession, playSession } from './helpers.js';

const { course } = loadCourse(ROOT, 'sample');
const VERSIONS: ScormVersion[] = ['2004', '1.2'];

const RUNS = {
  // 3 decisions, all best: 100, passed
  pass: {
    steps: [['delete-and-report'], ['decline-and-signpost'], ['debrief-instead']],
    ids: ['ward-selfie', 'friend-request', 'night-shift-post'],
    raw: 100,
    passed: true,
  },
  // through the branch: 0 + 100 + 100 + 100 over 4 = 75, failed (pass mark 80)
  branch: {
    steps: [['leave-it'], ['be-open'], ['decline-and-signpost'], ['debrief-instead']],
    ids: ['ward-selfie', 'ward-selfie-manager', 'friend-request', 'night-shift-post'],
    raw: 75,
    passed: false,
  },
  // half marks then best: (50 + 100 + 100) / 3 = 83, passed
  acceptable: {
    steps: [['crop-photo'], ['decline-and-signpost'], ['debrief-instead']],
    ids: ['ward-selfie', 'friend-request', 'night-shift-post'],
    raw: 83,
    passed: true,
  },
} as const;

const response = (v: ScormVersion) => (v === '2004' ? 'learner_response' : 'student_response');

function fullRun(version: ScormVersion, steps: readonly (readonly string[])[]) {
  const h = new Harness();
  const api = makeApi(version);
  const session = newSession(new ScormDriver(found(version, api)), course, h);
  const launch = session.launch();
  const state = playSession(
    course,
    session,
    h,
    launch.state,
    steps.map((s) => [...s]),
  );
  h.tick(5000);
  session.terminate(state);
  return { h, api, session, launch, state, cmi: cmiOf(api) };
}

describe.each(VERSIONS)('LmsSession with scorm-again (SCORM %s)', (version) => {
  const is2004 = version === '2004';
  const t = TABLE[version];

  describe.each(Object.entries(RUNS))('a whole run (%s)', (_name, run) => {
    const { session, launch, state, cmi } = fullRun(version, run.steps);

    it('launches a new attempt in normal mode from a fresh start', () => {
      expect(launch).toMatchObject({ resume: 'fresh', mode: 'normal', recorded: null, restored: 0 });
      expect(state.screen).toBe('results');
      expect(score(course, state.decisions).raw).toBe(run.raw);
    });

    it('leaves the statuses, score and exit Moodle needs', () => {
      if (is2004) {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe(run.passed ? 'passed' : 'failed');
        expect(cmi['cmi.score.scaled']).toBe(String(Math.round(score(course, state.decisions).scaled * 10000) / 10000));
        expect(cmi['cmi.progress_measure']).toBe('1');
        expect(cmi['cmi.exit']).toBe('normal');
        expect(cmi['cmi.session_time']).toMatch(/^PT\d+(\.\d+)?S$|^PT\d+M/);
      } else {
        expect(cmi['cmi.core.lesson_status']).toBe(run.passed ? 'passed' : 'failed');
        expect(cmi['cmi.core.exit']).toBe('');
        expect(cmi['cmi.core.session_time']).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
      }
      expect([cmi[t.scoreRaw], cmi[t.scoreMin], cmi[t.scoreMax]]).toEqual([String(run.raw), '0', '100']);
      expect(cmi[t.location]).toBe('results');
    });

    it('reports one interaction per decision with readable ids, LMS-safe responses and results', () => {
      run.ids.forEach((id, n) => {
        const p = `cmi.interactions.${n}`;
        expect(cmi[`${p}.id`]).toBe(id);
        expect(cmi[`${p}.type`]).toBe('choice');
        expect(cmi[`${p}.${response(version)}`]).toBe(run.steps[n]![0]!.replace(/-/g, '_'));
        expect(cmi[`${p}.${response(version)}`]).not.toContain('-');
        expect(cmi[`${p}.correct_responses.0.pattern`]).toMatch(/^[a-z0-9_]+$/);
        const best = cmi[`${p}.correct_responses.0.pattern`] === cmi[`${p}.${response(version)}`];
        expect(cmi[`${p}.result`]).toBe(best ? 'correct' : is2004 ? 'incorrect' : 'wrong');
      });
      expect(cmi[`cmi.interactions.${run.ids.length}.id`]).toBeUndefined();
    });

    it('keeps the resume data the codec wrote', () => {
      expect(cmi['cmi.suspend_data']).toBe(encode(course, state));
      expect(cmi['cmi.suspend_data']!.length).toBe(8 + run.ids.length * 5 + run.ids.length - 1);
    });

    it('makes no call the LMS refused, and passes the strict checks', () => {
      expect(session.calls.filter((c) => c.error !== '0')).toEqual([]);
      expect(checkCalls(version, session.calls)).toEqual([]);
      expect(checkFinished(version, cmi)).toEqual([]);
    });

    it('initialises once, commits, and terminates once, last', () => {
      const names = session.calls.map((c) => c.fn);
      const [init, term, commit] = is2004
        ? ['Initialize', 'Terminate', 'Commit']
        : ['LMSInitialize', 'LMSFinish', 'LMSCommit'];
      expect(names[0]).toBe(init);
      expect(names.filter((n) => n === init)).toHaveLength(1);
      expect(names.filter((n) => n === term)).toHaveLength(1);
      expect(names.at(-1)).toBe(term);
      expect(names.filter((n) => n === commit).length).toBeGreaterThanOrEqual(run.ids.length + 1);
    });
  });

  it('writes the session time from launch to terminate', () => {
    const h = new Harness();
    const api = makeApi(version);
    const session = newSession(new ScormDriver(found(version, api)), course, h);
    const { state } = session.launch();
    h.tick(3_723_500);
    session.terminate(state);
    const written = session.calls
      .filter((c) => /SetValue$/.test(c.fn) && c.args[0] === t.sessionTime)
      .map((c) => c.args[1]);
    expect(written).toEqual([is2004 ? 'PT1H2M3.5S' : '01:02:03.50']);
    expect(cmiOf(api)[t.sessionTime]).toMatch(is2004 ? /^PT1H2M3\.5S$/ : /^01:02:03\.50?$/);
    expect(cmiOf(api)[t.exit]).toBe('suspend');
  });

  it("counts the session time from the bootstrap's Initialize when the page made it before the app launched", () => {
    const h = new Harness();
    const api = makeApi(version);
    const session = newSession(new ScormDriver(found(version, api)), course, h, { startedAt: h.time - 2_000 });
    const { state } = session.launch();
    h.tick(3_000);
    session.terminate(state);
    expect(cmiOf(api)[t.sessionTime]).toMatch(is2004 ? /^PT5S$/ : /^00:00:05$/);
  });

  it('calls Terminate once however often terminate is called, and writes nothing after it', () => {
    const { session, state } = fullRun(version, RUNS.pass.steps);
    const before = session.calls.length;
    session.terminate(state);
    session.terminate();
    session.recordDecision(state);
    expect(session.calls.length).toBe(before);
    expect(session.isTerminated).toBe(true);
    expect(session.calls.filter((c) => c.fn === (is2004 ? 'Terminate' : 'LMSFinish'))).toHaveLength(1);
  });

  it('resumes on a second launch where the learner left off', () => {
    const h = new Harness();
    const api = makeApi(version);
    const first = newSession(new ScormDriver(found(version, api)), course, h);
    let state = playSession(course, first, h, first.launch().state, [['leave-it'], ['be-open']]);
    first.terminate(state);
    const saved = cmiOf(api);
    expect(saved[t.exit]).toBe('suspend');
    expect(is2004 ? saved['cmi.completion_status'] : saved['cmi.core.lesson_status']).toBe('incomplete');
    expect(saved[t.location]).toBe('friend-request');

    const api2 = makeApi(version);
    api2.loadFromFlattenedJSON({ ...api.getFlattenedCMI(), [t.entry]: 'resume' });
    const second = newSession(new ScormDriver(found(version, api2)), course, h);
    const launch = second.launch();
    expect(launch).toMatchObject({ resume: 'resumed', mode: 'normal', recorded: null });
    expect(launch.state.decisions.map((d) => d.scenarioId)).toEqual(['ward-selfie', 'ward-selfie-manager']);
    state = reduce(course, launch.state, { type: 'start', at: h.tick(1000) });
    expect(state.current).toBe('friend-request');
    state = playSession(course, second, h, state, [['decline-and-signpost'], ['debrief-instead']]);
    second.terminate(state);

    const cmi = cmiOf(api2);
    expect(RUNS.branch.ids.map((_, n) => cmi[`cmi.interactions.${n}.id`])).toEqual(RUNS.branch.ids);
    expect(cmi[t.scoreRaw]).toBe('75');
    if (is2004) expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual(['completed', 'failed']);
    else expect(cmi['cmi.core.lesson_status']).toBe('failed');
    // The new interactions were appended after the LMS's two, not written over them.
    const indexes = second.calls
      .filter((c) => /^cmi\.interactions\.\d+\.id$/.test(c.args[0] ?? ''))
      .map((c) => c.args[0]);
    expect(indexes).toEqual(['cmi.interactions.2.id', 'cmi.interactions.3.id']);
    expect(second.calls.filter((c) => c.error !== '0')).toEqual([]);
    expect(checkCalls(version, second.calls)).toEqual([]);
    expect(checkFinished(version, cmi)).toEqual([]);
  });

  it('after a new version retired the choice picked: tells what to redo, keeps old records, scores the new answers', () => {
    const h = new Harness();
    const api = makeApi(version);
    const first = newSession(new ScormDriver(found(version, api)), course, h);
    first.terminate(playSession(course, first, h, first.launch().state, [['crop-photo'], ['decline-and-signpost']]));
    // Version 2 retires crop-photo.
    const scenarios = course.scenarios.map((s) =>
      s.id === 'ward-selfie' ? { ...s, choices: s.choices.filter((c) => c.id !== 'crop-photo') } : s,
    );
    const v2 = { ...course, scenarios, fingerprint: fingerprint({ order: course.order, scenarios }) };

    const api2 = makeApi(version);
    api2.loadFromFlattenedJSON({ ...api.getFlattenedCMI(), [t.entry]: 'resume' });
    const second = newSession(new ScormDriver(found(version, api2)), v2, h);
    const launch = second.launch();
    expect(launch.changes).toEqual({ kept: 1, redo: ['ward-selfie'], removed: 0 });
    const state = playSession(v2, second, h, launch.state, [['delete-and-report'], ['debrief-instead']]);
    second.terminate(state);

    const cmi = cmiOf(api2);
    // The old version's two interactions stay; the redone and the carried answers follow them.
    expect([0, 1, 2, 3, 4].map((n) => cmi[`cmi.interactions.${n}.id`])).toEqual([
      'ward-selfie',
      'friend-request',
      'ward-selfie',
      'friend-request',
      'night-shift-post',
    ]);
    expect(cmi[t.scoreRaw]).toBe('100');
    expect(checkCalls(version, second.calls)).toEqual([]);
  });

  it('restores at launch the decisions the LMS lost, from the journal, and sends them to the LMS', () => {
    const h = new Harness();
    const api = makeApi(version);
    const first = newSession(new ScormDriver(found(version, api)), course, h);
    let state = playSession(course, first, h, first.launch().state, [['leave-it']]);
    // What the LMS keeps: its last commit to arrive held one decision; the second is lost.
    const kept = { ...api.getFlattenedCMI(), [t.entry]: 'resume' };
    state = playSession(course, first, h, state, [['be-open']]);

    const api2 = makeApi(version);
    api2.loadFromFlattenedJSON(kept);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const second = newSession(new ScormDriver(found(version, api2)), course, h);
    const launch = second.launch();
    warn.mockRestore();
    expect(launch.restored).toBe(1);
    expect(launch.state.decisions.map((d) => d.scenarioId)).toEqual(['ward-selfie', 'ward-selfie-manager']);
    const cmi = cmiOf(api2);
    expect([cmi['cmi.interactions.0.id'], cmi['cmi.interactions.1.id']]).toEqual([
      'ward-selfie',
      'ward-selfie-manager',
    ]);
    expect(cmi['cmi.suspend_data']).toBe(encode(course, state));

    // A journal on another path (another attempt's answers) is not taken.
    const api3 = makeApi(version);
    api3.loadFromFlattenedJSON({ ...kept });
    let other = reduce(course, initialState(), { type: 'start', at: 1 });
    for (const ids of [['delete-and-report'], ['decline-and-signpost']])
      other = reduce(course, reduce(course, other, { type: 'choose', choiceIds: ids, at: 2 }), {
        type: 'continue',
        at: 3,
      });
    h.options().journal!.write({
      data: encode(course, other),
      decisions: 2,
      acknowledged: false,
      finished: false,
      attempt: 1,
    });
    const third = newSession(new ScormDriver(found(version, api3)), course, h).launch();
    expect(third.restored).toBe(0);
    expect(third.state.decisions.map((d) => d.scenarioId)).toEqual(['ward-selfie']);
  });

  it('shows a finished attempt in review without writing to it', () => {
    const { api } = fullRun(version, RUNS.pass.steps);
    const api2 = makeApi(version);
    api2.loadFromFlattenedJSON({ ...api.getFlattenedCMI(), [t.entry]: '' });
    const h = new Harness();
    const session = newSession(new ScormDriver(found(version, api2)), course, h);
    const launch = session.launch();
    expect(launch.mode).toBe('review');
    expect(launch.recorded).toBe('passed');
    const next = reduce(course, launch.state, { type: 'start', at: 1 });
    session.recordDecision(next);
    h.runScheduled();
    session.terminate(next);
    const setters = session.calls.filter((c) => /SetValue|Commit/.test(c.fn));
    expect(setters).toEqual([]);
    expect(session.saveStatus).toBe('readonly');
  });

  it('marks a new attempt incomplete and suspended at launch, before any decision', () => {
    const h = new Harness();
    const api = makeApi(version);
    const session = newSession(new ScormDriver(found(version, api)), course, h);
    session.launch();
    const cmi = cmiOf(api);
    if (is2004) expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual(['incomplete', 'unknown']);
    else expect(cmi['cmi.core.lesson_status']).toBe('incomplete');
    expect(cmi['cmi.objectives.0.id']).toBe('confidentiality');
    expect(cmi['cmi.objectives.1.id']).toBe('boundaries');
    expect(session.calls.some((c) => c.fn === (is2004 ? 'Commit' : 'LMSCommit'))).toBe(true);
    expect(session.saveStatus).toBe('saved');
  });

  describe('launch writes held until the first screen is painted (afterFirstPaint)', () => {
    const commit = is2004 ? 'Commit' : 'LMSCommit';
    const setup = () => {
      const h = new Harness();
      const api = makeApi(version);
      const painted: (() => void)[] = [];
      const session = newSession(new ScormDriver(found(version, api)), course, h, {
        afterFirstPaint: (fn) => painted.push(fn),
      });
      const launch = session.launch();
      return { h, api, painted, session, launch };
    };
    const status = (cmi: Record<string, string>) =>
      is2004 ? cmi['cmi.completion_status'] : cmi['cmi.core.lesson_status'];

    it('reads at launch but writes nothing until the page has painted, then writes and commits once', () => {
      const { api, painted, session } = setup();
      expect(session.calls.map((c) => c.fn).filter((fn) => /Set|Commit/.test(fn))).toEqual([]);
      expect(painted).toHaveLength(1);
      painted[0]!();
      expect(status(cmiOf(api))).toBe('incomplete');
      expect(cmiOf(api)['cmi.objectives.0.id']).toBe('confidentiality');
      expect(session.calls.filter((c) => c.fn === commit)).toHaveLength(1);
      expect(session.saveStatus).toBe('saved');
      painted[0]!();
      expect(session.calls.filter((c) => c.fn === commit)).toHaveLength(1);
    });

    it('writes them with the first decision when the learner decides before the paint callback runs', () => {
      const { h, api, painted, session, launch } = setup();
      let state = reduce(course, launch.state, { type: 'start', at: h.tick(1000) });
      state = reduce(course, state, { type: 'choose', choiceIds: ['crop-photo'], at: h.tick(1000) });
      session.recordDecision(state);
      h.runScheduled();
      const cmi = cmiOf(api);
      expect(cmi['cmi.objectives.1.id']).toBe('boundaries');
      expect(cmi['cmi.interactions.0.id']).toBe('ward-selfie');
      expect(status(cmi)).toBe('incomplete');
      const commits = session.calls.filter((c) => c.fn === commit).length;
      expect(commits).toBe(1);
      painted[0]!();
      expect(session.calls.filter((c) => c.fn === commit)).toHaveLength(commits);
      expect(checkCalls(version, session.calls)).toEqual([]);
    });

    it('writes them on exit when the learner leaves before the paint callback runs', () => {
      const { h, api, painted, session, launch } = setup();
      h.tick(2000);
      session.terminate(launch.state);
      const cmi = cmiOf(api);
      expect(status(cmi)).toBe('incomplete');
      expect(cmi['cmi.objectives.0.id']).toBe('confidentiality');
      expect(is2004 ? cmi['cmi.exit'] : cmi['cmi.core.exit']).toBe('suspend');
      painted[0]!();
      expect(session.calls.filter((c) => c.fn === (is2004 ? 'Terminate' : 'LMSFinish'))).toHaveLength(1);
      expect(session.calls.at(-1)!.fn).toBe(is2004 ? 'Terminate' : 'LMSFinish');
    });

    it('retries them when the LMS refuses the launch commit', () => {
      const h = new Harness();
      const api = makeApi(version);
      const real = (api as unknown as Record<string, (...a: string[]) => string>)[commit]!.bind(api);
      let refuse = 1;
      (api as unknown as Record<string, unknown>)[commit] = (arg: string) => (refuse-- > 0 ? 'false' : real(arg));
      const painted: (() => void)[] = [];
      const session = newSession(new ScormDriver(found(version, api)), course, h, {
        backoff: [1000],
        afterFirstPaint: (fn) => painted.push(fn),
      });
      session.launch();
      painted[0]!();
      expect(session.saveStatus).toBe('retrying');
      expect(h.runScheduled(1)).toBe(1);
      expect(session.saveStatus).toBe('saved');
      expect(status(cmiOf(api))).toBe('incomplete');
      expect(cmiOf(api)['cmi.objectives.1.id']).toBe('boundaries');
    });
  });

  it('saves only after the page has rendered, then reports saved', () => {
    const h = new Harness();
    const api = makeApi(version);
    const statuses: string[] = [];
    const session = newSession(new ScormDriver(found(version, api)), course, h);
    session.addEventListener('status', (e) => statuses.push(e.status));
    const launch = session.launch();
    let state = reduce(course, launch.state, { type: 'start', at: h.tick(1000) });
    state = reduce(course, state, { type: 'choose', choiceIds: ['crop-photo'], at: h.tick(1000) });
    const calls = session.calls.length;
    session.recordDecision(state);
    expect(session.calls.length).toBe(calls);
    expect(session.saveStatus).toBe('saving');
    expect(h.runScheduled()).toBe(1);
    expect(cmiOf(api)['cmi.interactions.0.id']).toBe('ward-selfie');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('tells every listener of each status change (the first screen and the course shell both follow it)', () => {
    const h = new Harness();
    const session = newSession(new ScormDriver(found(version, makeApi(version))), course, h);
    const first: string[] = [];
    const second: string[] = [];
    const stop = (e: { status: string }) => first.push(e.status);
    session.addEventListener('status', stop);
    session.addEventListener('status', (e) => second.push(e.status));
    const launch = session.launch();
    session.removeEventListener('status', stop);
    const state = reduce(course, reduce(course, launch.state, { type: 'start', at: h.tick(1) }), {
      type: 'choose',
      choiceIds: ['crop-photo'],
      at: h.tick(1),
    });
    session.recordDecision(state);
    h.runScheduled();
    expect(first).toEqual(['saved']);
    expect(second).toEqual(['saved', 'saving', 'saved']);
  });

  it('retries a commit the LMS refused, without repeating or skipping the interaction', () => {
    const h = new Harness();
    const api = makeApi(version);
    const commit = is2004 ? 'Commit' : 'LMSCommit';
    const real = (api as unknown as Record<string, (...a: string[]) => string>)[commit]!.bind(api);
    let refuse = 0;
    (api as unknown as Record<string, unknown>)[commit] = (arg: string) => (refuse-- > 0 ? 'false' : real(arg));
    const session = newSession(new ScormDriver(found(version, api)), course, h, { backoff: [1000] });
    let state = reduce(course, session.launch().state, { type: 'start', at: h.tick(1000) });
    state = reduce(course, state, { type: 'choose', choiceIds: ['leave-it'], at: h.tick(1000) });
    refuse = 1;
    session.recordDecision(state);
    h.runScheduled(1);
    expect(session.saveStatus).toBe('retrying');
    expect(h.pending).toBe(1);
    expect(h.delays.at(-1)).toBe(1000);
    h.runScheduled(1);
    expect(session.saveStatus).toBe('saved');
    state = reduce(course, reduce(course, state, { type: 'continue', at: h.tick(1) }), {
      type: 'choose',
      choiceIds: ['be-open'],
      at: h.tick(1),
    });
    session.recordDecision(state);
    h.runScheduled();
    const cmi = cmiOf(api);
    expect([cmi['cmi.interactions.0.id'], cmi['cmi.interactions.1.id'], cmi['cmi.interactions.2.id']]).toEqual([
      'ward-selfie',
      'ward-selfie-manager',
      undefined,
    ]);
  });
});

describe('StandaloneDriver sessions', () => {
  it('keeps progress in storage across launches', async () => {
    const { StandaloneDriver } = await import('../../../src/lms/standalone-driver.js');
    const h = new Harness();
    const first = newSession(new StandaloneDriver('frontline:sample', h.storage), course, h);
    const launch = first.launch();
    expect(launch).toMatchObject({ resume: 'fresh', mode: 'normal' });
    expect(first.connected).toBe(false);
    const state = playSession(course, first, h, launch.state, [['leave-it'], ['be-open']]);
    first.terminate(state);
    expect(first.saveStatus).toBe('standalone');
    const stored = JSON.parse(h.storage.getItem('frontline:sample')!) as Record<string, string>;
    expect(stored['cmi.exit']).toBe('suspend');
    expect(stored['cmi.suspend_data']).toBe(encode(course, state));

    const driver2 = new StandaloneDriver('frontline:sample', h.storage);
    const second = newSession(driver2, course, h);
    const again = second.launch();
    expect(again.resume).toBe('resumed');
    expect(again.state.decisions.map((d) => d.scenarioId)).toEqual(['ward-selfie', 'ward-selfie-manager']);
    expect(driver2.getValue('cmi.entry')).toBe('resume');
    expect(driver2.getValue('cmi.interactions._count')).toBe('2');
    const done = playSession(course, second, h, again.state, [['decline-and-signpost'], ['debrief-instead']]);
    second.terminate(done);
    const finished = JSON.parse(h.storage.getItem('frontline:sample')!) as Record<string, string>;
    expect(finished['cmi.completion_status']).toBe('completed');
    expect(finished['cmi.interactions.3.id']).toBe('night-shift-post');
    expect(finished['cmi.exit']).toBe('normal');
  });
});
