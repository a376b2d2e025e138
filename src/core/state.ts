/** Course state, the reducer for learner actions, branching, scoring and progress. Pure. */
import { END, type Choice, type Course, type Scenario } from './model.js';
import type { Profile } from './profile.js';

export interface Decision {
  scenarioId: string;
  /** One id for a single choice; every picked item for a feed (may be empty). */
  choiceIds: string[];
  /** When the answer was given (ms since the epoch); 0 when restored from resume data. */
  at: number;
  /** Time from the scenario being shown to the answer, in ms. */
  latencyMs: number;
}

export type Screen = 'intro' | 'scenario' | 'results';

export interface CourseState {
  screen: Screen;
  /** The scenario on screen when screen is 'scenario'. */
  current: string | null;
  /** Whether the current scenario has been answered (its feedback is showing). */
  answered: boolean;
  /** Decisions along the path taken, in order. */
  decisions: Decision[];
  /** Answers kept from an earlier version of the content, applied when the learner reaches them. */
  carried: Record<string, string[]>;
  /** When the current scenario was shown (ms since the epoch). */
  shownAt: number;
  /** Where the learner works and their staff group, once chosen (modules that offer profiles). Never scored. */
  profile?: Profile;
}

export type CourseAction =
  | { type: 'start'; at: number; profile?: Profile }
  | { type: 'choose'; choiceIds: string[]; at: number }
  | { type: 'continue'; at: number }
  /** The learner chose or changed where they work and their staff group: the screen stays. */
  | { type: 'profile'; profile: Profile };

/** Whether the module offers this profile (a module without profiles offers none). */
export function offersProfile(course: Pick<Course, 'profiles'>, profile: Profile): boolean {
  const offered = course.profiles;
  return !!offered && offered.nations.includes(profile.nation) && offered.groups.includes(profile.group);
}

/** The state with the profile set, if the module offers it. */
function withProfile(course: Course, state: CourseState, profile: Profile | undefined): CourseState {
  if (!profile || !offersProfile(course, profile)) return state;
  if (state.profile?.nation === profile.nation && state.profile.group === profile.group) return state;
  return { ...state, profile: { nation: profile.nation, group: profile.group } };
}

/** The state of a learner who has not started. */
export function initialState(): CourseState {
  return { screen: 'intro', current: null, answered: false, decisions: [], carried: {}, shownAt: 0 };
}

/** Looks up a scenario by id; throws on an unknown id (the build guarantees ids). */
export function scenarioById(course: Course, id: string): Scenario {
  const scenario = course.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`Unknown scenario "${id}"`);
  return scenario;
}

function chosen(scenario: Scenario, decision: Pick<Decision, 'choiceIds'>): Choice[] {
  return scenario.choices.filter((c) => decision.choiceIds.includes(c.id));
}

/**
 * Where one decision leads, given the index of the last main-path scenario visited before
 * it (-1 for none): a scenario id or END, and the main-path index after it. A choice's
 * `next` wins, then the scenario's own `next`; otherwise the main path continues after
 * the last main-path scenario visited.
 */
export function stepAfter(
  course: Course,
  mainIndex: number,
  decision: Pick<Decision, 'scenarioId' | 'choiceIds'>,
): { next: string; mainIndex: number } {
  const index = course.order.indexOf(decision.scenarioId);
  const main = index >= 0 ? index : mainIndex;
  const scenario = scenarioById(course, decision.scenarioId);
  const branch = scenario.select === 'one' ? chosen(scenario, decision)[0]?.next : undefined;
  return { next: branch ?? scenario.next ?? course.order[main + 1] ?? END, mainIndex: main };
}

/** Where a learner goes after the given decisions: a scenario id, or END. */
export function nextStep(course: Course, decisions: readonly Decision[]): string {
  let step = { next: course.order[0] ?? END, mainIndex: -1 };
  for (const decision of decisions) {
    step = stepAfter(course, step.mainIndex, decision);
    if (step.next === END) return END;
  }
  return step.next;
}

/** Normalised score (0..1) of one decision against the best available in its scenario. */
export function decisionScore(scenario: Scenario, decision: Decision): number {
  if (scenario.select === 'many') {
    const right = scenario.choices.filter((c) => shouldPick(c) === decision.choiceIds.includes(c.id)).length;
    return scenario.choices.length === 0 ? 0 : right / scenario.choices.length;
  }
  const best = Math.max(...scenario.choices.map((c) => c.score));
  const picked = chosen(scenario, decision)[0];
  return picked && best > 0 ? picked.score / best : 0;
}

/** In a feed, whether an item should be picked. */
export function shouldPick(choice: Pick<Choice, 'score'>): boolean {
  return choice.score >= 50;
}

/** Whether a decision counts as correct for the LMS (full marks). */
export function isCorrect(scenario: Scenario, decision: Decision): boolean {
  return decisionScore(scenario, decision) >= 1;
}

/** The choices that earn full marks: the LMS's correct response. */
export function correctChoices(scenario: Scenario): Choice[] {
  if (scenario.select === 'many') return scenario.choices.filter(shouldPick);
  const best = Math.max(...scenario.choices.map((c) => c.score));
  return scenario.choices.filter((c) => c.score === best);
}

export interface Score {
  /** 0..1 */
  scaled: number;
  /** 0..100, whole number */
  raw: number;
  passed: boolean;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds to 4 decimal places, so reals stay short and exact enough for the LMS. */
function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** The module score over the decisions made, against the pass mark. */
export function score(course: Course, decisions: readonly Decision[]): Score {
  const scaled = round4(mean(decisions.map((d) => decisionScore(scenarioById(course, d.scenarioId), d))));
  const raw = Math.round(scaled * 100);
  return { scaled, raw, passed: raw >= course.passMark };
}

/** Score per objective for the decisions made so far; objectives with no decision are absent. */
export function objectiveScores(course: Course, decisions: readonly Decision[]): Map<string, Score> {
  const byObjective = new Map<string, number[]>();
  for (const d of decisions) {
    const scenario = scenarioById(course, d.scenarioId);
    const list = byObjective.get(scenario.objective) ?? [];
    list.push(decisionScore(scenario, d));
    byObjective.set(scenario.objective, list);
  }
  const result = new Map<string, Score>();
  for (const [id, values] of byObjective) {
    const scaled = round4(mean(values));
    const raw = Math.round(scaled * 100);
    result.set(id, { scaled, raw, passed: raw >= course.passMark });
  }
  return result;
}

/** Whether the learner has reached the end of the module. */
export function isComplete(course: Course, decisions: readonly Decision[]): boolean {
  return decisions.length > 0 && nextStep(course, decisions) === END;
}

/** Progress 0..1: decisions made against decisions made plus main-path scenarios still ahead. */
export function progress(course: Course, decisions: readonly Decision[]): number {
  if (isComplete(course, decisions)) return 1;
  const next = nextStep(course, decisions);
  let last = -1;
  for (const d of decisions) last = Math.max(last, course.order.indexOf(d.scenarioId));
  const nextIndex = course.order.indexOf(next);
  const ahead = course.order.length - (nextIndex >= 0 ? nextIndex : last + 1);
  const total = decisions.length + Math.max(ahead, 1);
  return round4(decisions.length / total);
}

/** Applies carried answers (from older content) to the steps the learner now reaches. */
function applyCarried(course: Course, state: CourseState, at: number): CourseState {
  let { decisions, carried } = state;
  let next = nextStep(course, decisions);
  while (next !== END && carried[next]) {
    const scenario = scenarioById(course, next);
    const choiceIds = carried[next]!.filter((id) => scenario.choices.some((c) => c.id === id));
    const rest = { ...carried };
    delete rest[next];
    carried = rest;
    decisions = [...decisions, { scenarioId: next, choiceIds, at: 0, latencyMs: 0 }];
    next = nextStep(course, decisions);
  }
  if (next === END && decisions.length > 0) {
    return { ...state, screen: 'results', current: null, answered: false, decisions, carried };
  }
  return { ...state, screen: 'scenario', current: next, answered: false, decisions, carried, shownAt: at };
}

/** The reducer: the state after a learner's action. Invalid actions leave the state as it is. */
export function reduce(course: Course, state: CourseState, action: CourseAction): CourseState {
  switch (action.type) {
    case 'start':
      if (state.screen !== 'intro') return state;
      return applyCarried(course, withProfile(course, state, action.profile), action.at);
    case 'choose': {
      if (state.screen !== 'scenario' || state.answered || !state.current) return state;
      const scenario = scenarioById(course, state.current);
      const ids = [...new Set(action.choiceIds)];
      const valid = ids.every((id) => scenario.choices.some((c) => c.id === id));
      // One choice, or at least one item in a feed (an empty response is refused by LMSs).
      if (!valid || (scenario.select === 'one' ? ids.length !== 1 : ids.length === 0)) return state;
      const decision: Decision = {
        scenarioId: scenario.id,
        choiceIds: scenario.choices.filter((c) => ids.includes(c.id)).map((c) => c.id),
        at: action.at,
        latencyMs: Math.max(0, action.at - state.shownAt),
      };
      return { ...state, answered: true, decisions: [...state.decisions, decision] };
    }
    case 'continue':
      if (state.screen !== 'scenario' || !state.answered) return state;
      return applyCarried(course, state, action.at);
    case 'profile':
      return withProfile(course, state, action.profile);
  }
}
