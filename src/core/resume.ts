/**
 * The resume codec: a learner's answers (and profile) as a short string for cmi.suspend_data.
 *
 * Format 2: `2:<fingerprint>:<profile>:<decision>,<decision>,...` where a decision is the
 * scenario's three-character key followed by the two-character key of each choice picked, and
 * the profile is two digits, the nation's and the staff group's place in NATIONS and GROUPS
 * (src/core/profile.ts; `13` = Wales, pharmacy), or empty when none is chosen. Keys are hashes
 * of the authors' ids, so answers survive content edits that keep the ids.
 *
 * Format 1 (before profiles): `1:<fingerprint>:<decisions>`; upgraded to format 2 with no profile.
 */
import type { Course, Scenario } from './model.js';
import { fnv1a, SCENARIO_KEY_LENGTH, CHOICE_KEY_LENGTH } from './keys.js';
import { END } from './model.js';
import { GROUPS, NATIONS, type Profile } from './profile.js';
import { initialState, isComplete, nextStep, offersProfile, type CourseState, type Decision } from './state.js';

export const FORMAT_VERSION = '2';

/** Upgraders from older formats to the current one, by format version. Add one per change. */
const MIGRATIONS: Record<string, (data: string) => string> = {
  // Format 1 had no profile: the same answers, no profile chosen yet (the learner is asked on the introduction).
  '1': (data) => {
    const parts = data.split(':');
    if (parts.length !== 3) throw new Error('damaged');
    return `${FORMAT_VERSION}:${parts[1]}:${PROFILE_NONE}:${parts[2]}`;
  },
};

const PROFILE_NONE = '';
/** Characters the profile takes in the saved data. */
const PROFILE_LENGTH = 2;

/** The profile as two digits (its nation's and group's places), or empty. */
export function encodeProfile(profile: Profile | undefined): string {
  return profile ? `${NATIONS.indexOf(profile.nation)}${GROUPS.indexOf(profile.group)}` : PROFILE_NONE;
}

/** The profile two digits name, or undefined for empty or unknown digits. */
export function decodeProfile(text: string): Profile | undefined {
  const nation = NATIONS[Number(text[0])];
  const group = GROUPS[Number(text[1])];
  return text.length === PROFILE_LENGTH && nation && group ? { nation, group } : undefined;
}

export type ResumeStatus = 'fresh' | 'resumed' | 'migrated' | 'reset';

export interface Resumed {
  state: CourseState;
  status: ResumeStatus;
  /** Why the saved data was not used as it was (for the log). */
  reason?: string;
  /** Saved answers a new version of the content could not carry over, for the learner to be told. */
  changes?: ContentChanges;
}

/** What a learner must redo after the content changed under their saved answers. */
export interface ContentChanges {
  /** Answers carried into this version. */
  kept: number;
  /** Scenarios still in the module whose saved answer picked a choice no longer offered: to answer again. */
  redo: string[];
  /** Saved answers to scenarios no longer in the module. */
  removed: number;
}

/** The content fingerprint: changes whenever ids, keys, order or branches change. */
export function fingerprint(course: Pick<Course, 'order' | 'scenarios'>): string {
  const shape = JSON.stringify([
    course.order,
    course.scenarios.map((s) => [s.key, s.next ?? '', s.select, s.choices.map((c) => [c.key, c.next ?? ''])]),
  ]);
  return (fnv1a(shape) % 36 ** 4).toString(36).padStart(4, '0');
}

/** Encodes the learner's answers (and answers carried from older content). */
export function encode(course: Course, state: CourseState): string {
  const items: string[] = [];
  const write = (scenarioId: string, choiceIds: string[]) => {
    const scenario = course.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) return;
    const keys = scenario.choices.filter((c) => choiceIds.includes(c.id)).map((c) => c.key);
    items.push(scenario.key + keys.join(''));
  };
  for (const d of state.decisions) write(d.scenarioId, d.choiceIds);
  for (const [id, choiceIds] of Object.entries(state.carried)) write(id, choiceIds);
  return `${FORMAT_VERSION}:${course.fingerprint}:${encodeProfile(state.profile)}:${items.join(',')}`;
}

/** The longest suspend_data this course can produce: every scenario answered, feeds fully picked, a profile chosen. */
export function worstCaseLength(course: Course): number {
  const items = course.scenarios.map(
    (s) => SCENARIO_KEY_LENGTH + CHOICE_KEY_LENGTH * (s.select === 'many' ? s.choices.length : 1),
  );
  return (
    `${FORMAT_VERSION}:${course.fingerprint}::`.length +
    (course.profiles ? PROFILE_LENGTH : 0) +
    items.reduce((a, b) => a + b, 0) +
    Math.max(0, items.length - 1)
  );
}

/** A saved answer, or why it cannot be used: its scenario is gone, or the scenario is here but the answer does not fit it. */
type Item = { scenario: Scenario; choiceIds: string[] } | { lost: Scenario | null };

function parseItem(course: Course, item: string): Item {
  const scenario = course.scenarios.find((s) => s.key === item.slice(0, SCENARIO_KEY_LENGTH));
  const rest = item.slice(SCENARIO_KEY_LENGTH);
  if (!scenario) return { lost: null };
  if (rest.length % CHOICE_KEY_LENGTH !== 0) return { lost: scenario };
  const choiceIds: string[] = [];
  for (let i = 0; i < rest.length; i += CHOICE_KEY_LENGTH) {
    const choice = scenario.choices.find((c) => c.key === rest.slice(i, i + CHOICE_KEY_LENGTH));
    if (!choice) return { lost: scenario };
    choiceIds.push(choice.id);
  }
  if (scenario.select === 'one' && choiceIds.length !== 1) return { lost: scenario };
  return { scenario, choiceIds };
}

/**
 * Restores a learner's state from suspend_data. Never throws: empty data is a fresh
 * start; damaged or foreign data is a fresh start with the reason; data from older
 * content keeps the answers to scenarios that still exist.
 */
export function decode(course: Course, data: string | null | undefined): Resumed {
  const fresh = (status: ResumeStatus, reason?: string): Resumed => ({ state: initialState(), status, reason });
  if (data == null || data === '') return fresh('fresh');
  if (typeof data !== 'string') return fresh('reset', 'saved data is not text');
  let text = data;
  let migrated = false;
  const match = /^([0-9a-z]+):/.exec(text);
  if (!match) return fresh('reset', 'saved data is not in a format this module writes');
  const version = match[1]!;
  if (version !== FORMAT_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return fresh('reset', `saved data has unknown format version "${version}"`);
    try {
      text = migrate(text);
      migrated = true;
    } catch (error) {
      return fresh('reset', `saved data in format ${version} could not be upgraded: ${String(error)}`);
    }
  }
  const parts = text.split(':');
  if (parts.length !== 4 || !/^[0-9a-z]{4}$/.test(parts[1]!) || !/^(\d\d)?$/.test(parts[2]!))
    return fresh('reset', 'saved data is damaged');
  const [, fp, profileText, body] = parts as [string, string, string, string];
  const sameContent = fp === course.fingerprint;
  // A profile this module no longer offers is dropped (the learner is asked again); the answers stay.
  const saved = decodeProfile(profileText);
  const profile = saved && offersProfile(course, saved) ? saved : undefined;

  const answers = new Map<string, string[]>();
  const redo: string[] = [];
  let removed = 0;
  for (const item of body === '' ? [] : body.split(',')) {
    const parsed = parseItem(course, item);
    if ('lost' in parsed) {
      if (sameContent) return fresh('reset', `saved data is damaged (item "${item.slice(0, 20)}")`);
      if (!parsed.lost) removed++;
      else if (!redo.includes(parsed.lost.id)) redo.push(parsed.lost.id);
      continue;
    }
    if (!answers.has(parsed.scenario.id)) answers.set(parsed.scenario.id, parsed.choiceIds);
  }

  // Replay along the path so the decisions are the ones this content's branching gives.
  const decisions: Decision[] = [];
  for (let next = nextStep(course, decisions); next !== END && answers.has(next); next = nextStep(course, decisions)) {
    decisions.push({ scenarioId: next, choiceIds: answers.get(next)!, at: 0, latencyMs: 0 });
    answers.delete(next);
    if (decisions.length > course.scenarios.length) break;
  }
  // Answers not on the path yet (carried from older content) wait until the learner reaches them.
  const carried = Object.fromEntries(answers);

  const state: CourseState = {
    ...initialState(),
    screen: isComplete(course, decisions) ? 'results' : 'intro',
    decisions,
    carried,
    ...(profile ? { profile } : {}),
  };
  if (sameContent) return { state, status: migrated ? 'migrated' : 'resumed' };
  const kept = decisions.length + answers.size;
  const dropped = redo.length + removed;
  const reason =
    `content changed since the answers were saved; kept ${kept} answer(s)` +
    (dropped ? `, dropped ${dropped} for scenarios or choices that no longer exist` : '');
  return { state, status: 'migrated', reason, ...(dropped ? { changes: { kept, redo, removed } } : {}) };
}
