/**
 * A strict checker for what a SCO writes, following ADL's rules and what a real Moodle 4.5
 * refuses. scorm-again alone is lenient (it accepts a 64,000-character suspend_data under
 * SCORM 1.2), so tests run every call a module makes through this as well.
 */

import { ELEMENTS, METHODS, RESPONSE_SEPARATOR, type ScormVersion } from '../src/core/scorm-names.js';
import { DURATION_2004, TIME_12, TIMESPAN_12, TIMESTAMP_2004 } from '../src/core/scorm-time.js';
import { PROFILE_INTERACTION } from '../src/core/profile.js';

export type Version = ScormVersion;

export interface Call {
  fn: string;
  args: string[];
  result: string;
  error: string;
}

const REAL_2004 = /^-?\d{1,5}(\.\d{1,7})?$/;
/** Moodle 4.5 takes letters, digits, `_` and `.` in a response item (a hyphen gives 406). */
const RESPONSE_ITEM = /^[A-Za-z0-9_.]+$/;
const DECIMAL_12 = /^-?\d+(\.\d+)?$/;

type Rule = (value: string) => string | null;

const oneOf =
  (...values: string[]): Rule =>
  (v) =>
    values.includes(v) ? null : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;
const maxLength =
  (n: number): Rule =>
  (v) =>
    v.length <= n ? null : `is ${v.length} characters, over the limit of ${n}`;
const matches =
  (re: RegExp, what: string): Rule =>
  (v) =>
    re.test(v) ? null : `is not ${what}`;
const range =
  (min: number, max: number, re: RegExp): Rule =>
  (v) => {
    if (!re.test(v)) return 'is not a number with a leading digit';
    const n = Number(v);
    return n >= min && n <= max ? null : `must be from ${min} to ${max}`;
  };
const duration2004: Rule = (v) =>
  v === 'P' || v.endsWith('T') || !DURATION_2004.test(v)
    ? 'is not a duration like PT1M2.5S (no weeks, at most 2 fraction digits)'
    : null;
const noNewline =
  (n: number): Rule =>
  (v) =>
    /[\r\n]/.test(v) ? 'contains a newline' : v.length > n ? `is ${v.length} characters, over the limit of ${n}` : null;
const identifier2004: Rule = (v) =>
  v.length === 0 || /\s/.test(v)
    ? 'must be a non-empty identifier without spaces'
    : v.length > 4000
      ? 'is too long'
      : null;
/** Choice responses: items of letters, digits, _ and ., separated as the version wants (a `[,]` in 1.2 or a `,` in 2004 leaves a bad item). */
const responses =
  (version: Version): Rule =>
  (v) => {
    const bad = v.split(RESPONSE_SEPARATOR[version]).filter((item) => !RESPONSE_ITEM.test(item));
    return bad.length
      ? `has response ids with characters other than letters, digits, _ and . (items are separated by ${JSON.stringify(RESPONSE_SEPARATOR[version])}): ${bad.map((b) => JSON.stringify(b)).join(', ')}`
      : null;
  };

/** Element patterns and their rules. `n` stands for an index. */
const RULES: Record<Version, [RegExp, Rule][]> = {
  '1.2': [
    [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted')],
    [/^cmi\.core\.lesson_location$/, maxLength(255)],
    [/^cmi\.core\.score\.(raw|min|max)$/, range(0, 100, DECIMAL_12)],
    [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
    [/^cmi\.core\.session_time$/, matches(TIMESPAN_12, 'a time span like 0000:01:02.50')],
    [/^cmi\.suspend_data$/, maxLength(4096)],
    [/^cmi\.comments$/, maxLength(4096)],
    [/^cmi\.objectives\.\d+\.id$/, matches(/^[A-Za-z0-9_.:-]{1,255}$/, 'an identifier')],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, range(0, 100, DECIMAL_12)],
    [
      /^cmi\.objectives\.\d+\.status$/,
      oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'),
    ],
    [/^cmi\.interactions\.\d+\.id$/, matches(/^[A-Za-z0-9_.:-]{1,255}$/, 'an identifier without spaces')],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, matches(/^[A-Za-z0-9_.:-]{1,255}$/, 'an identifier')],
    [/^cmi\.interactions\.\d+\.time$/, matches(TIME_12, 'a time like 14:05:00')],
    [
      /^cmi\.interactions\.\d+\.type$/,
      oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'),
    ],
    [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, responses('1.2')],
    [/^cmi\.interactions\.\d+\.weighting$/, matches(DECIMAL_12, 'a decimal')],
    [/^cmi\.interactions\.\d+\.student_response$/, responses('1.2')],
    [/^cmi\.interactions\.\d+\.result$/, oneOf('correct', 'wrong', 'unanticipated', 'neutral')],
    [/^cmi\.interactions\.\d+\.latency$/, matches(TIMESPAN_12, 'a time span like 0000:00:12.5')],
  ],
  '2004': [
    [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.location$/, maxLength(1000)],
    [/^cmi\.suspend_data$/, maxLength(64000)],
    [/^cmi\.score\.scaled$/, range(-1, 1, REAL_2004)],
    [/^cmi\.score\.(raw|min|max)$/, range(0, 100, REAL_2004)],
    [/^cmi\.progress_measure$/, range(0, 1, REAL_2004)],
    [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', '')],
    [/^cmi\.session_time$/, duration2004],
    [/^cmi\.objectives\.\d+\.id$/, identifier2004],
    [/^cmi\.objectives\.\d+\.score\.scaled$/, range(-1, 1, REAL_2004)],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, range(0, 100, REAL_2004)],
    [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.objectives\.\d+\.progress_measure$/, range(0, 1, REAL_2004)],
    [/^cmi\.interactions\.\d+\.id$/, identifier2004],
    [
      /^cmi\.interactions\.\d+\.type$/,
      oneOf(
        'true-false',
        'choice',
        'fill-in',
        'long-fill-in',
        'matching',
        'performance',
        'sequencing',
        'likert',
        'numeric',
        'other',
      ),
    ],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, identifier2004],
    [
      /^cmi\.interactions\.\d+\.timestamp$/,
      matches(TIMESTAMP_2004, 'a timestamp from 1970 to 2038 with at most 2 fraction digits'),
    ],
    [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, responses('2004')],
    [/^cmi\.interactions\.\d+\.weighting$/, matches(REAL_2004, 'a real number with a leading digit')],
    [/^cmi\.interactions\.\d+\.learner_response$/, responses('2004')],
    [
      /^cmi\.interactions\.\d+\.result$/,
      (v) =>
        ['correct', 'incorrect', 'unanticipated', 'neutral'].includes(v) || REAL_2004.test(v)
          ? null
          : 'must be correct, incorrect, unanticipated, neutral or a number',
    ],
    [/^cmi\.interactions\.\d+\.latency$/, duration2004],
    [/^cmi\.interactions\.\d+\.description$/, noNewline(250)],
  ],
};

/** Checks one value for one element; null when it is fine. */
export function checkValue(version: Version, element: string, value: string): string | null {
  const rule = RULES[version].find(([re]) => re.test(element));
  if (!rule) return `${element} is not an element this module should write in SCORM ${version}`;
  const problem = rule[1](value);
  return problem
    ? `${element} = ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} ${problem}`
    : null;
}

/**
 * Every rule broken by a run of API calls: bad values, unknown elements, duplicate ids,
 * calls before Initialize or after Terminate, Initialize or Terminate more than once.
 */
export function checkCalls(version: Version, calls: readonly Call[]): string[] {
  const names = METHODS[version];
  const problems: string[] = [];
  let initialized = 0;
  let terminated = 0;
  const interactionIds = new Map<string, string>();
  const objectiveIds = new Map<string, string>();
  calls.forEach((call, i) => {
    const where = `call ${i + 1} (${call.fn})`;
    if (call.fn === names.init) {
      initialized++;
      if (initialized > 1) problems.push(`${where}: Initialize called more than once`);
      return;
    }
    if (terminated > 0) problems.push(`${where}: called after Terminate`);
    if (initialized === 0) problems.push(`${where}: called before Initialize`);
    if (call.fn === names.term) {
      terminated++;
      return;
    }
    if (call.fn !== names.set) return;
    const [element = '', value = ''] = call.args;
    const problem = checkValue(version, element, value);
    if (problem) problems.push(`${where}: ${problem}`);
    const interaction = /^cmi\.interactions\.(\d+)\.id$/.exec(element);
    // A 1.2 SCO cannot read or rewrite an interaction, so each change of profile is a new one with the same id.
    const journaled = version === '1.2' && value === PROFILE_INTERACTION;
    if (interaction && !journaled)
      problems.push(...unique(interactionIds, interaction[1]!, value, where, 'interaction'));
    const objective = /^cmi\.objectives\.(\d+)\.id$/.exec(element);
    if (objective) problems.push(...unique(objectiveIds, objective[1]!, value, where, 'objective'));
  });
  if (initialized === 0 && calls.length > 0) problems.push('Initialize was never called');
  return problems;
}

/** An index keeps its id, and no two indexes share one. */
function unique(ids: Map<string, string>, index: string, id: string, where: string, what: string): string[] {
  const before = ids.get(index);
  if (before !== undefined && before !== id)
    return [`${where}: ${what} ${index} changed its id from "${before}" to "${id}"`];
  for (const [other, otherId] of ids) {
    if (other !== index && otherId === id)
      return [`${where}: ${what} id "${id}" is used by both ${other} and ${index}`];
  }
  ids.set(index, id);
  return [];
}

/** Checks the final data of a finished attempt: what Moodle needs to grade and report it. */
export function checkFinished(version: Version, data: Record<string, string>): string[] {
  const problems: string[] = [];
  const raw = ELEMENTS[version].scoreRaw;
  const v = data[raw];
  if (v === undefined || v === '' || Number.isNaN(Number(v)) || Number(v) < 0 || Number(v) > 100)
    problems.push(`${raw} must be set from 0 to 100 (it is ${JSON.stringify(v)})`);
  if (version === '2004') {
    if (!['passed', 'failed'].includes(data['cmi.success_status'] ?? ''))
      problems.push('cmi.success_status must be passed or failed once finished');
    if (data['cmi.completion_status'] !== 'completed')
      problems.push('cmi.completion_status must be completed once finished');
  } else if (!['passed', 'failed'].includes(data['cmi.core.lesson_status'] ?? '')) {
    problems.push('cmi.core.lesson_status must be passed or failed once finished');
  }
  return problems;
}
