/**
 * The preview player's `moodle` profile: what Moodle 4.5 does with a SCO's data, as measured
 * with the flagship module in both versions. The player and the unit tests both use it.
 *
 * - It fills `cmi.objectives.0.id` (2004) from the manifest's primary objective before launch,
 *   and an objective's id is write-once: another id in a filled slot is refused with 351.
 * - It refuses any value the strict checker refuses.
 * - At Terminate it stores total time = the time it handed over + the session time; with no
 *   session time written, a 2004 attempt's total becomes `P`. In 2004 review it hands over
 *   `PT0H0M0S` and nothing else of the attempt.
 * - At LMSFinish (1.2, normal mode, with credit) it sets lesson_status from the raw score and
 *   the manifest's mastery score.
 * - Activity completion ("Require status") is checked after each commit and, once met, stays.
 */
import {
  ELEMENTS,
  ERRORS,
  MASTERY_SCORE_12,
  METHODS,
  SUCCESS_STATUS_2004,
  type ScormVersion,
} from '../../src/core/scorm-names.js';
import { formatSpan, parseSpan } from '../../src/core/scorm-time.js';
import { checkValue } from '../strict.js';

export type Flat = Record<string, string>;
/** Moodle's "Require status" completion: Completed (its default), or Passed. */
export type CompletionRule = 'completed' | 'passed';
export type Mode = 'normal' | 'review' | 'browse';

/** What Moodle keeps of one attempt. */
export interface MoodleAttempt {
  cmi: Flat;
  /** Whether the activity is complete under each rule (once met, it stays met). */
  completion: Record<CompletionRule, boolean>;
}

export interface MoodleLaunch {
  moduleId: string;
  mode: Mode;
  learnerName: string;
  learnerId: string;
  /** The 1.2 manifest's mastery score, or null. */
  masteryScore: number | null;
}

const ZERO: Record<ScormVersion, string> = { '2004': 'PT0H0M0S', '1.2': '0000:00:00' };

export function emptyAttempt(): MoodleAttempt {
  return { cmi: {}, completion: { completed: false, passed: false } };
}

/** Whether the attempt's data meets a completion rule. */
export function meetsRule(version: ScormVersion, cmi: Flat, rule: CompletionRule): boolean {
  if (version === '1.2') return cmi[ELEMENTS['1.2'].status] === rule;
  return rule === 'completed' ? cmi[ELEMENTS['2004'].status] === 'completed' : cmi[SUCCESS_STATUS_2004] === 'passed';
}

/** The data Moodle hands the SCO at launch. */
export function launchData(version: ScormVersion, attempt: MoodleAttempt, launch: MoodleLaunch): Flat {
  const el = ELEMENTS[version];
  const stored = attempt.cmi;
  const fresh = Object.keys(stored).length === 0;
  // In 2004 review Moodle hands over none of the attempt: a new entry and zero time.
  const blank = version === '2004' && launch.mode === 'review';
  const data: Flat = blank || fresh ? {} : { ...stored };
  delete data[el.exit];
  delete data[el.sessionTime];
  data[el.entry] = blank || fresh ? 'ab-initio' : stored[el.exit] === 'suspend' ? 'resume' : '';
  data[el.mode] = launch.mode;
  data[el.credit] = launch.mode === 'normal' ? 'credit' : 'no-credit';
  data[el.learnerName] = launch.learnerName;
  data[el.learnerId] = launch.learnerId;
  data[el.totalTime] = blank ? ZERO[version] : (stored[el.totalTime] ?? ZERO[version]);
  if (version === '2004' && !data['cmi.objectives.0.id']) data['cmi.objectives.0.id'] = `${launch.moduleId}-passed`;
  if (version === '1.2' && launch.masteryScore !== null) data[MASTERY_SCORE_12] = String(launch.masteryScore);
  return data;
}

/** One launch of an attempt: checks each SetValue as Moodle would and keeps what it stores. */
export class MoodleSession {
  /** Values the SCO set in this session, accepted by the LMS. */
  readonly written: Flat = {};
  private readonly ids = new Map<string, string>();

  constructor(
    readonly version: ScormVersion,
    readonly attempt: MoodleAttempt,
    private readonly handed: Flat,
  ) {
    // Ids the LMS filled in before launch are part of the attempt's record.
    for (const [k, v] of Object.entries(handed))
      if (/^cmi\.objectives\.\d+\.id$/.test(k) && v) {
        this.ids.set(k, v);
        attempt.cmi[k] ??= v;
      }
  }

  /** The error code Moodle answers a SetValue with, or null when it takes the value. */
  refusal(element: string, value: string): string | null {
    const held = this.ids.get(element);
    if (held !== undefined && held !== value) return ERRORS.writeOnce;
    if (checkValue(this.version, element, value))
      return this.version === '2004' ? ERRORS.typeMismatch2004 : ERRORS.typeMismatch12;
    return null;
  }

  /** Records an accepted SetValue. */
  set(element: string, value: string): void {
    this.written[element] = value;
    if (/^cmi\.objectives\.\d+\.id$/.test(element)) this.ids.set(element, value);
  }

  /** A successful Commit: the values are stored, and completion checked. */
  commit(): void {
    Object.assign(this.attempt.cmi, this.written);
    for (const rule of ['completed', 'passed'] as const)
      if (meetsRule(this.version, this.attempt.cmi, rule)) this.attempt.completion[rule] = true;
  }

  /** Terminate (LMSFinish): the session's values, the new total time, 1.2's mastery score, then a commit. */
  terminate(): void {
    const el = ELEMENTS[this.version];
    const session = this.written[el.sessionTime];
    const handedMs = parseSpan(this.handed[el.totalTime] ?? '') ?? 0;
    if (session !== undefined)
      this.written[el.totalTime] = formatSpan(this.version, handedMs + (parseSpan(session) ?? 0));
    else if (this.version === '2004') this.written[el.totalTime] = 'P';
    const mastery = this.handed[MASTERY_SCORE_12];
    const raw = this.written[el.scoreRaw] ?? this.handed[el.scoreRaw] ?? '';
    const credit = this.handed[el.mode] === 'normal' && this.handed[el.credit] === 'credit';
    if (this.version === '1.2' && credit && mastery && raw !== '')
      this.written[el.status] = Number(raw) >= Number(mastery) ? 'passed' : 'failed';
    this.commit();
  }
}

/** An API object's methods by name (scorm-again's, or one wrapped around it). */
export type ApiMethods = Record<string, (...args: string[]) => unknown>;

/**
 * The API as Moodle would answer it, over a lenient one (scorm-again): refused values never
 * reach it, and what it accepts is stored in the attempt as Moodle stores it.
 */
export function moodleApi(api: ApiMethods, session: MoodleSession): ApiMethods {
  const m = METHODS[session.version];
  let forced: string | null = null;
  const call = (fn: string, args: string[]) => {
    forced = null;
    return String(api[fn]!(...args));
  };
  return {
    ...Object.fromEntries(
      Object.keys(m).map((role) => [
        m[role as keyof typeof m],
        (...args: string[]) => call(m[role as keyof typeof m], args),
      ]),
    ),
    [m.set]: (element = '', value = '') => {
      const refused = session.refusal(element, value);
      if (refused) {
        forced = refused;
        return 'false';
      }
      const result = call(m.set, [element, value]);
      if (result === 'true') session.set(element, value);
      return result;
    },
    [m.commit]: (...args: string[]) => {
      const result = call(m.commit, args);
      if (result === 'true') session.commit();
      return result;
    },
    [m.term]: (...args: string[]) => {
      const result = call(m.term, args);
      if (result === 'true') session.terminate();
      return result;
    },
    [m.error]: () => forced ?? String(api[m.error]!()),
  };
}
