/**
 * A launch the LMS gives no session: Initialize is refused and so is every read. Moodle keeps the
 * API of a module frame that reloads, so a page that had ended its session and was loaded again
 * meets this (2004: 104). The session must say so, with the LMS's error code (the learner is told
 * to open the module again), and write nothing, rather than show "not responding" and retry saves
 * that can never succeed.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { METHODS, type ScormVersion } from '../../../src/core/scorm-names.js';
import { reduce } from '../../../src/core/state.js';
import { ScormDriver } from '../../../src/lms/driver.js';
import type { Launch, SaveStatus } from '../../../src/lms/session.js';
import type { ApiMethods } from '../../../scorm/player/moodle.js';
import { ROOT } from '../../root.js';
import { Harness, found, makeApi, newSession } from './helpers.js';

const { course } = loadCourse(ROOT, 'sample');

/** A session over scorm-again as `prepare` leaves it, with the save statuses it sends. */
function sessionOver(version: ScormVersion, prepare: (api: ApiMethods) => void) {
  const h = new Harness();
  const api = makeApi(version);
  prepare(api as unknown as ApiMethods);
  const session = newSession(new ScormDriver(found(version, api)), course, h);
  const statuses: SaveStatus[] = [];
  session.addEventListener('status', (e) => statuses.push(e.status));
  return { h, session, statuses };
}

/** Plays the first decision, retries the save and leaves: all that would write. */
function tryEverything({ h, session }: ReturnType<typeof sessionOver>, launch: Launch) {
  const started = reduce(course, launch.state, { type: 'start', at: h.tick(1000) });
  const chosen = reduce(course, started, { type: 'choose', choiceIds: ['delete-and-report'], at: h.tick(1000) });
  session.recordDecision(chosen);
  h.runScheduled();
  session.retryNow();
  session.terminate(chosen);
}

describe.each(['2004', '1.2'] as const)('a launch the LMS gives no session (SCORM %s)', (version) => {
  const m = METHODS[version];

  it("is told apart with the LMS's error code, writes and ends nothing, and leaves this browser's journal alone", () => {
    const run = sessionOver(version, (api) => {
      api[m.init] = () => 'false';
    });
    const launch = run.session.launch();
    // Initialize said nothing more, so the code is the refused read's.
    expect(launch.unstarted).toBe(version === '2004' ? '122' : '301');
    expect(launch.mode).toBe('browse');
    expect(launch.state.decisions).toEqual([]);
    expect(
      run.session.calls.map((c) => c.fn),
      'Initialize, and the one read that showed the LMS answers nothing',
    ).toEqual([m.init, m.get]);
    tryEverything(run, launch);
    expect(run.session.calls, 'no write, commit or Terminate').toHaveLength(2);
    expect(run.statuses).toEqual(['readonly']);
    expect(run.h.storage.length, "nothing written to this browser's journal").toBe(0);
  });

  it('goes on as usual where Initialize says false but the LMS answers', () => {
    // Already initialised (a second Initialize in one session): refused, but the session is live.
    const { session } = sessionOver(version, (api) => void api[m.init]!(''));
    const launch = session.launch();
    expect(session.calls[0]).toMatchObject({ fn: m.init, result: 'false' });
    expect(launch.unstarted).toBeUndefined();
    expect(launch.mode).toBe('normal');
  });
});

it("SCORM 2004 after the module's frame ended its session and reloaded (Moodle keeps the API): error 104, nothing written", () => {
  const run = sessionOver('2004', (api) => {
    api.Initialize!('');
    api.Terminate!('');
  });
  const launch = run.session.launch();
  expect(launch.unstarted).toBe('104');
  tryEverything(run, launch);
  expect(run.session.calls.map((c) => c.fn)).toEqual(['Initialize', 'GetValue']);
});
