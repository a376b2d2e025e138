/**
 * The SCORM vocabulary: the two versions, their API method names and the run-time elements
 * this project reads or writes. The SCO, the strict checker, the preview player and the local
 * LMS all import these, so a name is spelled once.
 */

export type ScormVersion = '1.2' | '2004';
export const SCORM_VERSIONS: readonly ScormVersion[] = ['2004', '1.2'];

/** The API object's methods, by role. */
export interface Methods {
  init: string;
  term: string;
  get: string;
  set: string;
  commit: string;
  error: string;
  errorString: string;
  diagnostic: string;
}

export const METHODS: Record<ScormVersion, Methods> = {
  '2004': {
    init: 'Initialize',
    term: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    error: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
  '1.2': {
    init: 'LMSInitialize',
    term: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    error: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
};

/** The name of the global the LMS puts its API on. */
export const API_GLOBAL: Record<ScormVersion, 'API' | 'API_1484_11'> = { '2004': 'API_1484_11', '1.2': 'API' };

/** Run-time elements that both versions have, under each version's name. */
export interface Elements {
  entry: string;
  exit: string;
  mode: string;
  credit: string;
  learnerName: string;
  learnerId: string;
  sessionTime: string;
  totalTime: string;
  location: string;
  suspendData: string;
  language: string;
  scoreRaw: string;
  scoreMin: string;
  scoreMax: string;
  interactionCount: string;
  objectiveCount: string;
  /** An interaction's answer: `learner_response` (2004), `student_response` (1.2). */
  response: string;
  /** An interaction's time: `timestamp` (2004), `time` (1.2). */
  interactionTime: string;
  /** 1.2's single status element, or 2004's completion status. */
  status: string;
}

export const ELEMENTS: Record<ScormVersion, Elements> = {
  '2004': {
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.learner_preference.language',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    response: 'learner_response',
    interactionTime: 'timestamp',
    status: 'cmi.completion_status',
  },
  '1.2': {
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.student_preference.language',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    response: 'student_response',
    interactionTime: 'time',
    status: 'cmi.core.lesson_status',
  },
};

/** 2004's elements with no 1.2 counterpart. */
export const SUCCESS_STATUS_2004 = 'cmi.success_status';
export const SCORE_SCALED_2004 = 'cmi.score.scaled';
export const PROGRESS_MEASURE_2004 = 'cmi.progress_measure';

/**
 * The stored result of a finished attempt ('passed', 'failed', 'completed'), or null while
 * unfinished, read with `get` (the session's launch and the page's bootstrap both read it).
 */
export function readFinished(version: ScormVersion, get: (element: string) => string): string | null {
  if (version === '1.2') {
    const status = get('cmi.core.lesson_status');
    return ['passed', 'failed', 'completed'].includes(status) ? status : null;
  }
  if (get('cmi.completion_status') !== 'completed') return null;
  const success = get(SUCCESS_STATUS_2004);
  return success === 'passed' || success === 'failed' ? success : 'completed';
}
/** 1.2's pass mark, which an LMS such as Moodle applies to lesson_status at LMSFinish. */
export const MASTERY_SCORE_12 = 'cmi.student_data.mastery_score';

/**
 * How a choice interaction separates the items of a multiple response: SCORM 2004 writes
 * `a[,]b`, SCORM 1.2 a plain comma, `a,b`. Each version refuses the other's form.
 */
export const RESPONSE_SEPARATOR: Record<ScormVersion, string> = { '2004': '[,]', '1.2': ',' };

/** The index of an objective element (`cmi.objectives.3.id` -> 3), or null. */
export function objectiveIndex(element: string): number | null {
  const m = /^cmi\.objectives\.(\d+)\./.exec(element);
  return m ? Number(m[1]) : null;
}

/**
 * Elements that make up the learner's result: the score, the statuses, each decision
 * (interaction) and each objective. When an LMS refuses one, its record may be incomplete.
 */
export function isResultElement(element: string): boolean {
  return /^cmi\.(core\.)?(score\.|lesson_status$|completion_status$|success_status$)|^cmi\.(interactions|objectives)\.\d+\./.test(
    element,
  );
}

/** SCORM error codes the project reacts to. */
export const ERRORS = {
  none: '0',
  /** 2004: a data model element (an objective's id) may be set only once. */
  writeOnce: '351',
  /** 2004: the value's type is wrong; 1.2 uses 405 for the same. */
  typeMismatch2004: '406',
  typeMismatch12: '405',
  /** 1.2: a general commit failure; 2004 uses 391. */
  commitFailed2004: '391',
} as const;

/** The items of a choice response or pattern, split by the version's separator. */
export function responseItems(version: ScormVersion, value: string): string[] {
  return value.split(RESPONSE_SEPARATOR[version]).filter(Boolean);
}
