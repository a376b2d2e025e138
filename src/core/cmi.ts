/**
 * The state -> cmi mapping for SCORM 1.2 and 2004. Every difference in what the two versions
 * write lives in TABLE; the names themselves come from scorm-names.ts, times from scorm-time.ts.
 */
import type { Course, Scenario } from './model.js';
import { PROFILE_INTERACTION, profileResponse, type Profile } from './profile.js';
import { encode } from './resume.js';
import {
  ELEMENTS,
  type Elements,
  PROGRESS_MEASURE_2004,
  readFinished,
  RESPONSE_SEPARATOR,
  SCORE_SCALED_2004,
  SUCCESS_STATUS_2004,
  type ScormVersion,
} from './scorm-names.js';
import { duration2004, time12, timespan12, timestamp2004 } from './scorm-time.js';
import {
  correctChoices,
  isComplete,
  isCorrect,
  objectiveScores,
  progress,
  scenarioById,
  score,
  type CourseState,
  type Decision,
} from './state.js';

export type CmiWrite = readonly [element: string, value: string];

/** What each version writes beyond the shared element names (ELEMENTS). */
interface VersionTable extends Elements {
  exitSuspend: string;
  exitFinished: string;
  /** null where the version has no such element. */
  scoreScaled: string | null;
  progressMeasure: string | null;
  /** Statuses to write: incomplete while under way, and once finished. */
  statusWhileUnderway: (state: CourseState) => CmiWrite[];
  /**
   * Statuses to write once finished, in order. An element written twice is committed in
   * between (LmsSession commits each value of an element separately).
   */
  statusFinished: (passed: boolean) => CmiWrite[];
  /** The stored result of a finished attempt ('passed', 'failed', 'completed'), or null while unfinished. */
  readFinished: (get: (element: string) => string) => string | null;
  interaction: {
    time: (at: number) => string;
    latency: (ms: number) => string;
    result: (correct: boolean) => string;
    description: string | null;
  };
  objective: (
    n: number,
    s: { scaled: number; raw: number; passed: boolean } | undefined,
    complete: boolean,
  ) => CmiWrite[];
  duration: (ms: number) => string;
  locationMax: number;
}

/** Real numbers as the LMS wants them: a leading digit, at most 4 decimals. */
export function real(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

export const TABLE: Record<ScormVersion, VersionTable> = {
  '1.2': {
    ...ELEMENTS['1.2'],
    exitSuspend: 'suspend',
    exitFinished: '',
    scoreScaled: null,
    progressMeasure: null,
    statusWhileUnderway: () => [['cmi.core.lesson_status', 'incomplete']],
    // A passing learner is stored as `completed`, committed, then `passed`. Moodle's default
    // activity completion ("Require status: Completed") is met by any commit that stored
    // `completed`, and its "Passed" rule by the final value; a failing learner stores only
    // `failed`, so meets neither.
    statusFinished: (passed) =>
      passed
        ? [
            ['cmi.core.lesson_status', 'completed'],
            ['cmi.core.lesson_status', 'passed'],
          ]
        : [['cmi.core.lesson_status', 'failed']],
    readFinished: (get) => readFinished('1.2', get),
    interaction: {
      time: time12,
      latency: timespan12,
      result: (correct) => (correct ? 'correct' : 'wrong'),
      description: null,
    },
    objective: (n, s, complete) => {
      const writes: CmiWrite[] = [];
      if (s)
        writes.push(
          [`cmi.objectives.${n}.score.raw`, String(s.raw)],
          [`cmi.objectives.${n}.score.min`, '0'],
          [`cmi.objectives.${n}.score.max`, '100'],
        );
      const status = !s ? 'not attempted' : !complete ? 'incomplete' : s.passed ? 'passed' : 'failed';
      writes.push([`cmi.objectives.${n}.status`, status]);
      return writes;
    },
    duration: timespan12,
    locationMax: 255,
  },
  '2004': {
    ...ELEMENTS['2004'],
    exitSuspend: 'suspend',
    exitFinished: 'normal',
    scoreScaled: SCORE_SCALED_2004,
    progressMeasure: PROGRESS_MEASURE_2004,
    statusWhileUnderway: () => [
      ['cmi.completion_status', 'incomplete'],
      [SUCCESS_STATUS_2004, 'unknown'],
    ],
    statusFinished: (passed) => [
      ['cmi.completion_status', 'completed'],
      [SUCCESS_STATUS_2004, passed ? 'passed' : 'failed'],
    ],
    readFinished: (get) => readFinished('2004', get),
    interaction: {
      time: timestamp2004,
      latency: duration2004,
      result: (correct) => (correct ? 'correct' : 'incorrect'),
      description: 'description',
    },
    objective: (n, s, complete) => {
      const writes: CmiWrite[] = [];
      if (s)
        writes.push(
          [`cmi.objectives.${n}.score.scaled`, real(s.scaled)],
          [`cmi.objectives.${n}.score.raw`, String(s.raw)],
          [`cmi.objectives.${n}.score.min`, '0'],
          [`cmi.objectives.${n}.score.max`, '100'],
        );
      writes.push([
        `cmi.objectives.${n}.completion_status`,
        !s ? 'not attempted' : complete ? 'completed' : 'incomplete',
      ]);
      // success_status stays unknown until the learner has finished: a 2004 LMS may act on an
      // objective's success (a rollup, a report) the moment it is written.
      writes.push([`cmi.objectives.${n}.success_status`, !s || !complete ? 'unknown' : s.passed ? 'passed' : 'failed']);
      return writes;
    },
    duration: duration2004,
    locationMax: 1000,
  },
};

/**
 * Which cmi.objectives slot holds each of the course's objectives. An LMS may fill slots
 * before launch (Moodle puts the manifest's primary objective in slot 0), and an id, once
 * set, may not be changed (2004 error 351). So an objective already in the LMS keeps its
 * slot and its id is never written again; the others follow the slots already in use.
 */
export interface ObjectiveSlots {
  /** The slot of each of the course's objectives, by id. */
  readonly at: ReadonlyMap<string, number>;
  /** Ids the LMS already holds: their id element is never written. */
  readonly held: ReadonlySet<string>;
}

/** Slots for the course's objectives, given the ids the LMS holds in slots 0, 1, ... */
export function objectiveSlots(course: Course, existing: readonly string[] = []): ObjectiveSlots {
  const at = new Map<string, number>();
  let next = existing.length;
  for (const o of course.objectives) {
    const held = existing.indexOf(o.id);
    at.set(o.id, held >= 0 ? held : next++);
  }
  return { at, held: new Set(existing) };
}

/** The ids to write for objectives the LMS does not hold yet. */
function objectiveIdWrites(course: Course, slots: ObjectiveSlots): CmiWrite[] {
  return course.objectives
    .filter((o) => !slots.held.has(o.id))
    .map((o): CmiWrite => [`cmi.objectives.${slots.at.get(o.id)!}.id`, o.id]);
}

/** A one-line description of a scenario for interaction reports: at most 250 characters, no newline. */
export function describe(scenario: Scenario): string {
  const text = `${scenario.title}: ${scenario.question}`.replace(/\s+/g, ' ').trim();
  return text.length <= 250 ? text : `${text.slice(0, 249)}…`;
}

/** Interaction response: the picked choices' LMS ids, separated as the version wants. */
function responseOf(scenario: Scenario, decision: Decision, version: ScormVersion): string {
  return scenario.choices
    .filter((c) => decision.choiceIds.includes(c.id))
    .map((c) => c.responseId)
    .join(RESPONSE_SEPARATOR[version]);
}

/** The writes that report one decision as interaction number n. */
export function interactionWrites(course: Course, decision: Decision, n: number, version: ScormVersion): CmiWrite[] {
  const t = TABLE[version].interaction;
  const scenario = scenarioById(course, decision.scenarioId);
  const base = `cmi.interactions.${n}`;
  const objectiveIndex = course.objectives.findIndex((o) => o.id === scenario.objective);
  const writes: CmiWrite[] = [
    [`${base}.id`, scenario.id],
    [`${base}.type`, 'choice'],
    [`${base}.objectives.0.id`, course.objectives[objectiveIndex]!.id],
    [`${base}.${TABLE[version].interactionTime}`, t.time(decision.at)],
  ];
  if (t.description) writes.push([`${base}.${t.description}`, describe(scenario)]);
  writes.push(
    [
      `${base}.correct_responses.0.pattern`,
      correctChoices(scenario)
        .map((c) => c.responseId)
        .join(RESPONSE_SEPARATOR[version]),
    ],
    [`${base}.weighting`, '1'],
    [`${base}.${TABLE[version].response}`, responseOf(scenario, decision, version)],
    [`${base}.result`, t.result(isCorrect(scenario, decision))],
    [`${base}.latency`, t.latency(decision.latencyMs)],
  );
  return writes;
}

/** What HR reads in the LMS's interaction report beside the profile (2004 only has a description). */
export const PROFILE_DESCRIPTION = 'Where the learner works and their staff group (not a decision, not scored)';

/**
 * The writes that report the learner's profile as interaction number n: a fill-in with the
 * response `<nation>.<group>` (src/core/profile.ts), and no result, weighting or objective,
 * so no LMS counts it towards a score.
 */
export function profileWrites(profile: Profile, n: number, at: number, version: ScormVersion): CmiWrite[] {
  const t = TABLE[version].interaction;
  const base = `cmi.interactions.${n}`;
  const writes: CmiWrite[] = [
    [`${base}.id`, PROFILE_INTERACTION],
    [`${base}.type`, 'fill-in'],
    [`${base}.${TABLE[version].interactionTime}`, t.time(at)],
  ];
  if (t.description) writes.push([`${base}.${t.description}`, PROFILE_DESCRIPTION]);
  writes.push([`${base}.${TABLE[version].response}`, profileResponse(profile)]);
  return writes;
}

/** Score, status, progress and objectives for the state (not the interactions). */
export function progressWrites(
  course: Course,
  state: CourseState,
  version: ScormVersion,
  slots: ObjectiveSlots = objectiveSlots(course),
): CmiWrite[] {
  const table = TABLE[version];
  const s = score(course, state.decisions);
  const complete = isComplete(course, state.decisions);
  // The score is written only once the learner has finished: an LMS that judges pass or
  // fail from the score (Moodle with a 1.2 mastery score at LMSFinish, a 2004 LMS applying
  // satisfiedByMeasure) would otherwise record a result from a half-finished attempt.
  const writes: CmiWrite[] = [];
  if (complete) {
    writes.push([table.scoreMin, '0'], [table.scoreMax, '100'], [table.scoreRaw, String(s.raw)]);
    if (table.scoreScaled) writes.push([table.scoreScaled, real(s.scaled)]);
  }
  if (table.progressMeasure) writes.push([table.progressMeasure, real(progress(course, state.decisions))]);
  const perObjective = objectiveScores(course, state.decisions);
  for (const o of course.objectives) {
    const n = slots.at.get(o.id)!;
    // An objective's id goes before its other values: 2004 refuses them in a slot with no id (408).
    if (!slots.held.has(o.id)) writes.push([`cmi.objectives.${n}.id`, o.id]);
    writes.push(...table.objective(n, perObjective.get(o.id), complete));
  }
  writes.push(...(complete ? table.statusFinished(s.passed) : table.statusWhileUnderway(state)));
  return writes;
}

/** Where to resume: the location and the suspend data. */
export function resumeWrites(course: Course, state: CourseState, version: ScormVersion): CmiWrite[] {
  const table = TABLE[version];
  const location = (isComplete(course, state.decisions) ? 'results' : (state.current ?? 'intro')).slice(
    0,
    table.locationMax,
  );
  return [
    [table.location, location],
    [table.suspendData, encode(course, state)],
  ];
}

/** What to write when the learner first launches an attempt. */
export function launchWrites(
  course: Course,
  state: CourseState,
  version: ScormVersion,
  slots: ObjectiveSlots = objectiveSlots(course),
): CmiWrite[] {
  const table = TABLE[version];
  return [...table.statusWhileUnderway(state), [table.exit, table.exitSuspend], ...objectiveIdWrites(course, slots)];
}

/**
 * What to write after a decision: the new interaction (number n), then progress and
 * resume data. `n` is the LMS's interaction count before this decision.
 */
export function decisionWrites(
  course: Course,
  state: CourseState,
  version: ScormVersion,
  n: number,
  slots: ObjectiveSlots = objectiveSlots(course),
): CmiWrite[] {
  const last = state.decisions[state.decisions.length - 1];
  const table = TABLE[version];
  const complete = isComplete(course, state.decisions);
  return [
    ...(last ? interactionWrites(course, last, n, version) : []),
    ...progressWrites(course, state, version, slots),
    ...resumeWrites(course, state, version),
    [table.exit, complete ? table.exitFinished : table.exitSuspend],
  ];
}

/** What to write when the session ends: the session time and how the learner left. */
export function exitWrites(course: Course, state: CourseState, version: ScormVersion, sessionMs: number): CmiWrite[] {
  const table = TABLE[version];
  const complete = isComplete(course, state.decisions);
  return [
    [table.exit, complete ? table.exitFinished : table.exitSuspend],
    [table.sessionTime, table.duration(sessionMs)],
  ];
}
