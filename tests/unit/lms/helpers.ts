/** scorm-again APIs, a fake clock and scheduler, and a fake Storage for the LMS tests. */
import { Scorm12API, Scorm2004API, type Scorm12APIClass, type Scorm2004APIClass } from '../../../scorm/scorm-again.js';
import type { ScormVersion } from '../../../src/core/scorm-names.js';
import type { Course } from '../../../src/core/model.js';
import { initialState, reduce, type CourseState } from '../../../src/core/state.js';
import type { Api12, Api2004, FoundApi } from '../../../src/lms/find-api.js';
import { Journal } from '../../../src/lms/journal.js';
import { LmsSession, type SessionOptions } from '../../../src/lms/session.js';
import { ScormDriver, type Driver } from '../../../src/lms/driver.js';
import {
  MoodleSession,
  launchData,
  moodleApi,
  type ApiMethods,
  type MoodleAttempt,
  type Mode,
} from '../../../scorm/player/moodle.js';

export type AnyApi = Scorm2004APIClass | Scorm12APIClass;

export function makeApi(version: ScormVersion): AnyApi {
  const settings = { mastery_override: false, logLevel: 5, autocommit: false } as const;
  return version === '2004' ? new Scorm2004API(settings) : new Scorm12API(settings);
}

export function found(version: ScormVersion, api: AnyApi): FoundApi {
  return version === '2004' ? { version, api: api as unknown as Api2004 } : { version, api: api as unknown as Api12 };
}

/** The LMS's data as flat element -> string pairs (empty collections dropped). */
export function cmiOf(api: AnyApi): Record<string, string> {
  const flat = api.getFlattenedCMI() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(flat).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/** A Storage kept in memory; `failWrites` makes setItem throw like a full or blocked store. */
export class FakeStorage implements Storage {
  readonly map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}

/** A clock that moves only when told, and a scheduler whose tasks run only when flushed. */
export class Harness {
  time = Date.UTC(2025, 5, 2, 9, 0, 0);
  private tasks: { fn: () => void; ms: number }[] = [];
  readonly delays: number[] = [];
  readonly storage = new FakeStorage();

  options(extra: SessionOptions = {}): SessionOptions {
    return {
      now: () => this.time,
      defer: (fn, ms) => {
        const task = { fn, ms };
        this.tasks.push(task);
        this.delays.push(ms);
        return task;
      },
      cancel: (handle) => {
        this.tasks = this.tasks.filter((t) => t !== handle);
      },
      journal: new Journal({ learner: 'learner-1', module: 'sample', moduleVersion: '1', scorm: 'test' }, this.storage),
      ...extra,
    };
  }

  /** Runs every scheduled task (and any they schedule), up to a limit. */
  runScheduled(limit = 20): number {
    let ran = 0;
    while (this.tasks.length && ran < limit) {
      this.tasks.shift()!.fn();
      ran++;
    }
    return ran;
  }

  get pending(): number {
    return this.tasks.length;
  }

  tick(ms: number): number {
    this.time += ms;
    return this.time;
  }
}

/**
 * Plays a learner through a course with a session: start, then for each step choose (and the
 * session records it and saves), then continue. Returns the final state.
 */
export function playSession(
  course: Course,
  session: LmsSession,
  h: Harness,
  from: CourseState,
  steps: string[][],
): CourseState {
  let state = from.screen === 'intro' ? reduce(course, from, { type: 'start', at: h.tick(2000) }) : from;
  for (const ids of steps) {
    const before = state;
    state = reduce(course, state, { type: 'choose', choiceIds: ids, at: h.tick(4000) });
    if (state === before) throw new Error(`step ${JSON.stringify(ids)} was refused in ${String(before.current)}`);
    session.recordDecision(state);
    h.runScheduled();
    state = reduce(course, state, { type: 'continue', at: h.tick(1000) });
  }
  return state;
}

export function newSession(driver: Driver, course: Course, h: Harness, extra: SessionOptions = {}): LmsSession {
  return new LmsSession(driver, course, h.options(extra));
}

/** A SCORM driver over an API's methods (a Moodle profile, or an API that refuses some values). */
export function driverOver(version: ScormVersion, api: ApiMethods): ScormDriver {
  return new ScormDriver(
    version === '2004' ? { version, api: api as unknown as Api2004 } : { version, api: api as unknown as Api12 },
  );
}

/** One launch of a course through the Moodle profile: the session, its launch, and the LMS behind it. */
export function moodleLaunch(
  course: Course,
  version: ScormVersion,
  attempt: MoodleAttempt,
  h: Harness,
  mode: Mode = 'normal',
) {
  const api: AnyApi = makeApi(version);
  const handed = launchData(version, attempt, {
    moduleId: course.id,
    mode,
    learnerName: 'Sam Taylor',
    learnerId: 'learner-1',
    masteryScore: version === '1.2' ? course.passMark : null,
  });
  api.loadFromFlattenedJSON(handed);
  const lms = new MoodleSession(version, attempt, handed);
  const session = newSession(driverOver(version, moodleApi(api as unknown as ApiMethods, lms)), course, h);
  return { session, launch: session.launch(), lms };
}

export { initialState };
