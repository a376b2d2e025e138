/**
 * The state -> cmi mapping for SCORM 1.2 and 2004. Every difference between the two
 * versions lives in TABLE; nothing else in the project knows the version's element names.
 */
import type { Course, Scenario } from './model.js';
import { encode } from './resume.js';
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

export type ScormVersion = '1.2' | '2004';
export type CmiWrite = readonly [element: string, value: string];

interface VersionTable {
  location: string;
  suspendData: string;
  exit: string;
  exitSuspend: string;
  exitFinished: string;
  sessionTime: string;
  entry: string;
  mode: string;
  learnerName: string;
  learnerId: string;
  totalTime: string;
  /** The learner's preferred language. */
  language: string;
  interactionCount: string;
  objectiveCount: string;
  scoreRaw: string;
  scoreMin: string;
  scoreMax: string;
  /** null where the version has no such element. */
  scoreScaled: string | null;
  progressMeasure: string | null;
  /** Statuses to write: incomplete while under way, and once finished. */
  statusWhileUnderway: (state: CourseState) => CmiWrite[];
  statusFinished: (passed: boolean) => CmiWrite[];
  /** The stored result of a finished attempt ('passed', 'failed', 'completed'), or null while unfinished. */
  readFinished: (get: (element: string) => string) => string | null;
  interaction: {
    response: string;
    timeElement: string;
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

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours at least two digits, at most four). */
export function timespan12(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const fraction = centis % 100;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction ? `.${pad(fraction)}` : ''}`;
}

/** SCORM 2004 duration: PT#H#M#S with at most two fraction digits, never weeks. */
export function duration2004(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** SCORM 2004 timestamp in UTC, whole seconds, with a one-digit fraction so the zone may follow. */
export function timestamp2004(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}.0Z`;
}

/** SCORM 1.2 CMITime: HH:MM:SS of the day (UTC). */
export function time12(at: number): string {
  return new Date(at).toISOString().slice(11, 19);
}

/** Milliseconds in a SCORM time span (1.2 `HHHH:MM:SS.SS` or 2004 `PT1H2M3.5S`); 0 when unreadable. */
export function parseDuration(value: string): number {
  const v12 = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(value);
  if (v12) return Math.round(((Number(v12[1]) * 60 + Number(v12[2])) * 60 + Number(v12[3])) * 1000);
  const iso =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  if (!iso || value === 'P' || value === 'PT') return 0;
  const [, y, mo, w, d, h, mi, sec] = iso.map((x) => Number(x ?? 0));
  return Math.round(((((y! * 365 + mo! * 30 + w! * 7 + d!) * 24 + h!) * 60 + mi!) * 60 + sec!) * 1000);
}

/** Real numbers as the LMS wants them: a leading digit, at most 4 decimals. */
export function real(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

export const TABLE: Record<ScormVersion, VersionTable> = {
  '1.2': {
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    exitSuspend: 'suspend',
    exitFinished: '',
    sessionTime: 'cmi.core.session_time',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    totalTime: 'cmi.core.total_time',
    language: 'cmi.student_preference.language',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    scoreScaled: null,
    progressMeasure: null,
    statusWhileUnderway: () => [['cmi.core.lesson_status', 'incomplete']],
    statusFinished: (passed) => [['cmi.core.lesson_status', passed ? 'passed' : 'failed']],
    readFinished: (get) => {
      const status = get('cmi.core.lesson_status');
      return ['passed', 'failed', 'completed'].includes(status) ? status : null;
    },
    interaction: {
      response: 'student_response',
      timeElement: 'time',
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
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    exitSuspend: 'suspend',
    exitFinished: 'normal',
    sessionTime: 'cmi.session_time',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    totalTime: 'cmi.total_time',
    language: 'cmi.learner_preference.language',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    scoreScaled: 'cmi.score.scaled',
    progressMeasure: 'cmi.progress_measure',
    statusWhileUnderway: () => [
      ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'unknown'],
    ],
    statusFinished: (passed) => [
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', passed ? 'passed' : 'failed'],
    ],
    readFinished: (get) => {
      if (get('cmi.completion_status') !== 'completed') return null;
      const success = get('cmi.success_status');
      return success === 'passed' || success === 'failed' ? success : 'completed';
    },
    interaction: {
      response: 'learner_response',
      timeElement: 'timestamp',
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
      writes.push([`cmi.objectives.${n}.success_status`, !s || !complete ? 'unknown' : s.passed ? 'passed' : 'failed']);
      return writes;
    },
    duration: duration2004,
    locationMax: 1000,
  },
};

/** A one-line description of a scenario for interaction reports: at most 250 characters, no newline. */
export function describe(scenario: Scenario): string {
  const text = `${scenario.title}: ${scenario.question}`.replace(/\s+/g, ' ').trim();
  return text.length <= 250 ? text : `${text.slice(0, 249)}…`;
}

/** Interaction response: the picked choices' LMS ids, `[,]`-separated. */
function responseOf(scenario: Scenario, decision: Decision): string {
  return scenario.choices
    .filter((c) => decision.choiceIds.includes(c.id))
    .map((c) => c.responseId)
    .join('[,]');
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
    [`${base}.${t.timeElement}`, t.time(decision.at)],
  ];
  if (t.description) writes.push([`${base}.${t.description}`, describe(scenario)]);
  writes.push(
    [
      `${base}.correct_responses.0.pattern`,
      correctChoices(scenario)
        .map((c) => c.responseId)
        .join('[,]'),
    ],
    [`${base}.weighting`, '1'],
    [`${base}.${t.response}`, responseOf(scenario, decision)],
    [`${base}.result`, t.result(isCorrect(scenario, decision))],
    [`${base}.latency`, t.latency(decision.latencyMs)],
  );
  return writes;
}

/** Score, status, progress and objectives for the state (not the interactions). */
export function progressWrites(course: Course, state: CourseState, version: ScormVersion): CmiWrite[] {
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
  course.objectives.forEach((o, n) => {
    writes.push([`cmi.objectives.${n}.id`, o.id], ...table.objective(n, perObjective.get(o.id), complete));
  });
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
export function launchWrites(course: Course, state: CourseState, version: ScormVersion): CmiWrite[] {
  const table = TABLE[version];
  const writes: CmiWrite[] = [...table.statusWhileUnderway(state), [table.exit, table.exitSuspend]];
  course.objectives.forEach((o, n) => writes.push([`cmi.objectives.${n}.id`, o.id]));
  return writes;
}

/**
 * What to write after a decision: the new interaction (number n), then progress and
 * resume data. `n` is the LMS's interaction count before this decision.
 */
export function decisionWrites(course: Course, state: CourseState, version: ScormVersion, n: number): CmiWrite[] {
  const last = state.decisions[state.decisions.length - 1];
  const table = TABLE[version];
  const complete = isComplete(course, state.decisions);
  return [
    ...(last ? interactionWrites(course, last, n, version) : []),
    ...progressWrites(course, state, version),
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
