/**
 * What the LMS accepts in a commit, what it keeps, and what it hands back at launch.
 *
 * scorm-again posts the whole CMI, flattened (`{"cmi.score.raw": "80", ...}`), on every
 * Commit. The server checks every key against the elements of the attempt's SCORM version
 * and every value the SCO may write against scorm/strict.ts (the rules a real Moodle
 * enforces); one bad key or value refuses the whole commit, so nothing half-valid is stored.
 * Read-only elements (entry, mode, learner_name, total_time, ...) are accepted and ignored:
 * the server decides those.
 */
import type { ScormVersion as Version } from '../../src/core/scorm-names.js';
import { checkValue } from '../strict.js';

export type Flat = Record<string, string>;

/** Limits on one commit: the body (also enforced by Fastify), keys, and indexes. */
export const COMMIT_LIMITS = { bodyBytes: 512 * 1024, keys: 6000, interactions: 500, objectives: 100, nested: 20 };

type Kind = 'strict' | { max: number } | 'read-only';

/** Every element a flattened commit may carry, per version, with `n`/`m` for indexes. `strict` values are checked by scorm/strict.ts. */
const ELEMENTS: Record<Version, Map<string, Kind>> = {
  '2004': new Map<string, Kind>([
    ...[
      'completion_status',
      'success_status',
      'location',
      'suspend_data',
      'score.scaled',
      'score.raw',
      'score.min',
      'score.max',
      'progress_measure',
      'exit',
      'session_time',
    ].map((e): [string, Kind] => [`cmi.${e}`, 'strict']),
    ...[
      'id',
      'score.scaled',
      'score.raw',
      'score.min',
      'score.max',
      'success_status',
      'completion_status',
      'progress_measure',
    ].map((e): [string, Kind] => [`cmi.objectives.n.${e}`, 'strict']),
    ['cmi.objectives.n.description', { max: 250 }],
    ...['id', 'type', 'timestamp', 'weighting', 'learner_response', 'result', 'latency', 'description'].map(
      (e): [string, Kind] => [`cmi.interactions.n.${e}`, 'strict'],
    ),
    ['cmi.interactions.n.objectives.n.id', 'strict'],
    ['cmi.interactions.n.correct_responses.n.pattern', 'strict'],
    ...['audio_level', 'language', 'delivery_speed', 'audio_captioning'].map((e): [string, Kind] => [
      `cmi.learner_preference.${e}`,
      { max: 250 },
    ]),
    ['cmi.comments_from_learner.n.comment', { max: 4000 }],
    ['cmi.comments_from_learner.n.location', { max: 250 }],
    ['cmi.comments_from_learner.n.timestamp', { max: 40 }],
    ...[
      'entry',
      'credit',
      'mode',
      'learner_id',
      'learner_name',
      'total_time',
      'launch_data',
      'max_time_allowed',
      'time_limit_action',
      'completion_threshold',
      'scaled_passing_score',
    ].map((e): [string, Kind] => [`cmi.${e}`, 'read-only']),
    ...['comment', 'location', 'timestamp'].map((e): [string, Kind] => [`cmi.comments_from_lms.n.${e}`, 'read-only']),
  ]),
  '1.2': new Map<string, Kind>([
    ...[
      'core.lesson_status',
      'core.lesson_location',
      'core.score.raw',
      'core.score.min',
      'core.score.max',
      'core.exit',
      'core.session_time',
      'suspend_data',
      'comments',
    ].map((e): [string, Kind] => [`cmi.${e}`, 'strict']),
    ...['id', 'score.raw', 'score.min', 'score.max', 'status'].map((e): [string, Kind] => [
      `cmi.objectives.n.${e}`,
      'strict',
    ]),
    ...['id', 'time', 'type', 'weighting', 'student_response', 'result', 'latency'].map((e): [string, Kind] => [
      `cmi.interactions.n.${e}`,
      'strict',
    ]),
    ['cmi.interactions.n.objectives.n.id', 'strict'],
    ['cmi.interactions.n.correct_responses.n.pattern', 'strict'],
    ...['audio', 'language', 'speed', 'text'].map((e): [string, Kind] => [`cmi.student_preference.${e}`, { max: 250 }]),
    ...[
      'core.student_id',
      'core.student_name',
      'core.credit',
      'core.entry',
      'core.lesson_mode',
      'core.total_time',
      'launch_data',
      'comments_from_lms',
      'student_data.mastery_score',
      'student_data.max_time_allowed',
      'student_data.time_limit_action',
    ].map((e): [string, Kind] => [`cmi.${e}`, 'read-only']),
  ]),
};

/** An element name with its indexes as `n` (`cmi.interactions.3.id` -> `cmi.interactions.n.id`), and the indexes. */
function shape(key: string): { name: string; indexes: number[] } {
  const indexes: number[] = [];
  const name = key.replace(/\.(\d{1,4})(?=\.)/g, (_, d: string) => {
    indexes.push(Number(d));
    return '.n';
  });
  return { name, indexes };
}

/** Containers that scorm-again flattens to `{}` when they are empty. */
const CONTAINERS =
  /^cmi\.(objectives|interactions|comments_from_learner|comments_from_lms|interactions\.\d{1,4}\.(objectives|correct_responses))$/;

/** Top-level fields that are not CMI: the CSRF token (terminate beacons cannot send headers) and scorm-again's sequence number. */
const EXTRA_FIELDS = new Set(['_csrf', 'commitSequence']);

export interface ValidCommit {
  /** The writable elements, to store. */
  data: Flat;
  sequence: number | null;
}

export type CommitCheck = { ok: true; commit: ValidCommit } | { ok: false; problems: string[] };

/** Checks a parsed commit body for an attempt in `version`. */
export function validateCommit(version: Version, body: unknown): CommitCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problems: ['the commit must be a JSON object of flattened CMI elements'] };
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > COMMIT_LIMITS.keys)
    return {
      ok: false,
      problems: [`the commit has ${entries.length} elements, over the limit of ${COMMIT_LIMITS.keys}`],
    };
  const problems: string[] = [];
  const data: Flat = {};
  let sequence: number | null = null;
  for (const [key, value] of entries) {
    if (problems.length >= 20) break;
    if (EXTRA_FIELDS.has(key)) {
      if (key === 'commitSequence') {
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
          problems.push('commitSequence must be a whole number');
        else sequence = value;
      }
      continue;
    }
    if (CONTAINERS.test(key)) {
      const empty = (typeof value === 'object' && value !== null && Object.keys(value).length === 0) || value === '';
      if (!empty) problems.push(`${key} must be empty: its members are sent as separate elements`);
      continue;
    }
    const { name, indexes } = shape(key);
    const kind = ELEMENTS[version].get(name);
    if (!kind) {
      problems.push(`${JSON.stringify(key.slice(0, 80))} is not a SCORM ${version} element`);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`${key} must be a string`);
      continue;
    }
    const limit = key.startsWith('cmi.interactions.') ? COMMIT_LIMITS.interactions : COMMIT_LIMITS.objectives;
    if ((indexes[0] ?? 0) >= limit || (indexes[1] ?? 0) >= COMMIT_LIMITS.nested) {
      problems.push(`${key}: index over the limit`);
      continue;
    }
    if (kind === 'read-only') continue;
    if (kind === 'strict') {
      const problem = value === '' ? null : checkValue(version, key, value);
      if (problem) problems.push(problem);
    } else if (value.length > kind.max) {
      problems.push(`${key} is ${value.length} characters, over the limit of ${kind.max}`);
    }
    data[key] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, commit: { data, sequence } };
}

/** Element names the server reads back, per version. */
export const NAMES = {
  '2004': {
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    name: 'cmi.learner_name',
    id: 'cmi.learner_id',
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    raw: 'cmi.score.raw',
    response: 'learner_response',
    time: 'timestamp',
  },
  '1.2': {
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    name: 'cmi.core.student_name',
    id: 'cmi.core.student_id',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    raw: 'cmi.core.score.raw',
    response: 'student_response',
    time: 'time',
  },
} as const;

/** What the reports need from an attempt's data. */
export interface Derived {
  status: 'not attempted' | 'incomplete' | 'browsed' | 'completed' | 'passed' | 'failed';
  completion: string | null;
  success: string | null;
  scoreRaw: number | null;
  scoreScaled: number | null;
  progress: number | null;
  exit: string | null;
  sessionSeconds: number | null;
}

const num = (v: string | undefined): number | null =>
  v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

export function derive(version: Version, cmi: Flat): Derived {
  const n = NAMES[version];
  const session = cmi[n.sessionTime];
  const sessionSeconds = session ? (version === '1.2' ? parseTimespan12(session) : parseDuration2004(session)) : null;
  if (version === '1.2') {
    const lesson = cmi['cmi.core.lesson_status'] ?? 'not attempted';
    const status: Derived['status'] =
      (['passed', 'failed', 'completed', 'browsed', 'incomplete'] as const).find((s) => s === lesson) ?? 'incomplete';
    return {
      status,
      completion: null,
      success: null,
      scoreRaw: num(cmi['cmi.core.score.raw']),
      scoreScaled: null,
      progress: null,
      exit: cmi['cmi.core.exit'] ?? null,
      sessionSeconds,
    };
  }
  const completion = cmi['cmi.completion_status'] ?? null;
  const success = cmi['cmi.success_status'] ?? null;
  const scaled = num(cmi['cmi.score.scaled']);
  const raw = num(cmi['cmi.score.raw']) ?? (scaled === null ? null : Math.round(scaled * 10000) / 100);
  // A SCO that says it is incomplete has not finished, whatever its success status so far.
  const status: Derived['status'] =
    completion === 'incomplete'
      ? 'incomplete'
      : success === 'passed' || success === 'failed'
        ? success
        : completion === 'completed'
          ? 'completed'
          : 'incomplete';
  return {
    status,
    completion,
    success,
    scoreRaw: raw,
    scoreScaled: scaled,
    progress: num(cmi['cmi.progress_measure']),
    exit: cmi['cmi.exit'] ?? null,
    sessionSeconds,
  };
}

export const FINISHED = new Set(['passed', 'failed', 'completed']);

export interface InteractionRow {
  n: number;
  id: string;
  type: string | null;
  response: string | null;
  pattern: string | null;
  result: string | null;
  weighting: string | null;
  latency: string | null;
  timestamp: string | null;
  description: string | null;
  objective: string | null;
}

/** The interactions in an attempt's data, by index. */
export function interactionsOf(version: Version, cmi: Flat): InteractionRow[] {
  const n = NAMES[version];
  const rows: InteractionRow[] = [];
  const indexes = new Set<number>();
  for (const key of Object.keys(cmi)) {
    const m = /^cmi\.interactions\.(\d+)\.id$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const p = `cmi.interactions.${i}`;
    const get = (e: string) => (cmi[`${p}.${e}`] === undefined || cmi[`${p}.${e}`] === '' ? null : cmi[`${p}.${e}`]!);
    const id = get('id');
    if (!id) continue;
    rows.push({
      n: i,
      id,
      type: get('type'),
      response: get(n.response),
      pattern: get('correct_responses.0.pattern'),
      result: get('result'),
      weighting: get('weighting'),
      latency: get('latency'),
      timestamp: get(n.time),
      description: get('description'),
      objective: get('objectives.0.id'),
    });
  }
  return rows;
}

/** SCORM 2004 duration (P1DT2H3M4.5S) in seconds; null when it is not one. */
export function parseDuration2004(value: string): number | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return ((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s;
}

/** SCORM 1.2 timespan (HHHH:MM:SS.SS) in seconds; null when it is not one. */
export function parseTimespan12(value: string): number | null {
  const m = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/** Seconds as the version's total_time. */
export function formatTotalTime(version: Version, seconds: number): string {
  const centis = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  if (version === '1.2') {
    const pad = (v: number) => String(v).padStart(2, '0');
    const whole = Math.floor(s);
    const fraction = Math.round((s - whole) * 100);
    return `${pad(Math.min(h, 9999))}:${pad(m)}:${pad(whole)}${fraction ? `.${pad(fraction)}` : ''}`;
  }
  return `PT${h}H${m}M${Number(s.toFixed(2))}S`;
}

export interface LaunchContext {
  mode: 'normal' | 'review';
  learnerName: string;
  learnerId: string;
  totalSeconds: number;
  /** Pass mark in per cent, from the module, when known (given to SCORM 1.2 only: see launchData). */
  passMark: number | null;
  /** The attempt has had no commit yet. */
  fresh: boolean;
}

/**
 * The data scorm-again starts with: the attempt's stored CMI, with the entry the SCO needs to
 * resume (`resume` after `exit` = suspend, as SCORM requires), the learner, the mode and the
 * time so far, as a real LMS gives them.
 */
export function launchData(version: Version, stored: Flat, ctx: LaunchContext): Flat {
  const n = NAMES[version];
  const data: Flat = { ...stored };
  const exit = data[n.exit];
  delete data[n.exit];
  delete data[n.sessionTime];
  data[n.entry] = ctx.fresh ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';
  data[n.mode] = ctx.mode;
  data[n.credit] = ctx.mode === 'review' ? 'no-credit' : 'credit';
  data[n.name] = ctx.learnerName;
  data[n.id] = ctx.learnerId;
  data[n.totalTime] = formatTotalTime(version, ctx.totalSeconds);
  // The SCO decides pass or fail itself (Moodle does not derive it: docs/DESIGN.md, "What real
  // LMSs enforce"). SCORM 1.2's mastery score is given for information (scorm-again runs with
  // mastery_override off); 2004's
  // scaled_passing_score is not, because scorm-again would then re-judge success_status at
  // Terminate from the score so far, and a learner leaving half way with a perfect running
  // score would be recorded as passed.
  if (ctx.passMark !== null && version === '1.2') data['cmi.student_data.mastery_score'] = String(ctx.passMark);
  return data;
}
