/**
 * Does an attempt's reported result follow from its recorded answers? A SCO reports its own
 * score and status, so a learner who posts `passed` and 100 by hand would be recorded as
 * passing. The LMS scores the stored interactions again with the answer key of the module
 * version the attempt was taken on, and HR sees every attempt where the two disagree.
 */
import type { Choice, Course, Scenario } from '../../src/core/model.js';
import type { ReportData } from '../../src/core/report-data.js';
import { isComplete, score, type Decision } from '../../src/core/state.js';
import { FINISHED } from './cmi.js';
import type { Catalogue } from './catalogue.js';
import { isProfileInteraction } from './profiles.js';
import type { Attempt, Store, StoredInteraction } from './store.js';

/** What src/core/state.ts reads to score and follow a path: the answer key, no words. */
type KeyCourse = Pick<Course, 'order' | 'passMark'> & {
  scenarios: (Pick<Scenario, 'id' | 'select' | 'next'> & { choices: Pick<Choice, 'id' | 'score' | 'next'>[] })[];
};

function keyCourse(data: ReportData): Course {
  const key: KeyCourse = {
    order: data.order,
    passMark: data.passMark,
    scenarios: data.scenarios.map((s) => ({
      id: s.id,
      select: s.select,
      next: s.next ?? undefined,
      choices: s.choices.map((c) => ({ id: c.id, score: c.score, next: c.next ?? undefined })),
    })),
  };
  // Scoring has one home (src/core/state.ts); it reads only the fields above (tested).
  return key as unknown as Course;
}

/** The decisions an attempt's interactions record, against one version; and how many named what it lacks. */
function decisionsOf(
  data: ReportData,
  interactions: readonly Pick<StoredInteraction, 'interaction_id' | 'response'>[],
) {
  const scenarios = new Map(data.scenarios.map((s) => [s.id, new Map(s.choices.map((c) => [c.responseId, c.id]))]));
  const decisions = new Map<string, Decision>();
  let unknown = 0;
  for (const i of interactions) {
    // The learner's profile is reported as an interaction too, but it is not an answer.
    if (isProfileInteraction(i)) continue;
    const choices = scenarios.get(i.interaction_id);
    if (!choices) {
      unknown++;
      continue;
    }
    const ids = (i.response ?? '').split('[,]').filter(Boolean);
    const choiceIds = ids.flatMap((rid) => choices.get(rid) ?? []);
    if (choiceIds.length !== ids.length) unknown++;
    decisions.delete(i.interaction_id);
    decisions.set(i.interaction_id, { scenarioId: i.interaction_id, choiceIds, at: 0, latencyMs: 0 });
  }
  return { decisions: [...decisions.values()], unknown };
}

/**
 * Why a finished attempt's reported result does not follow from its answers, in a sentence
 * for HR; null when it does, when the attempt is not finished, or when its version is unknown.
 */
export function resultProblem(
  data: ReportData | null,
  attempt: Pick<Attempt, 'status' | 'score_raw'>,
  interactions: readonly Pick<StoredInteraction, 'interaction_id' | 'response'>[],
): string | null {
  if (!data || !FINISHED.has(attempt.status)) return null;
  const course = keyCourse(data);
  const { decisions, unknown } = decisionsOf(data, interactions);
  const s = score(course, decisions);
  const problems: string[] = [];
  if (unknown)
    problems.push(
      `${unknown} recorded ${unknown === 1 ? 'answer names' : 'answers name'} what version ${data.version} does not have`,
    );
  if (!isComplete(course, decisions)) problems.push('the recorded answers do not reach the end of the module');
  if (attempt.score_raw !== null && Math.abs(attempt.score_raw - s.raw) > 1)
    problems.push(`the score reported is ${attempt.score_raw}%, the recorded answers score ${s.raw}%`);
  if ((attempt.status === 'passed' && !s.passed) || (attempt.status === 'failed' && s.passed))
    problems.push(
      `reported ${attempt.status}, but the recorded answers ${s.passed ? 'pass' : 'fail'} (pass mark ${data.passMark}%)`,
    );
  if (!problems.length) return null;
  const text = problems.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** resultProblem for many attempts at once: a query per 500 attempts for their interactions. */
export async function resultProblems(
  store: Store,
  catalogue: Catalogue,
  attempts: readonly Attempt[],
): Promise<Map<number, string>> {
  const finished = attempts.filter((a) => FINISHED.has(a.status));
  const interactions = await store.interactionsOfAttempts(finished.map((a) => a.id));
  const out = new Map<number, string>();
  // Each build looked up once: old attempts without one share their version's.
  const builds = new Map<string, Promise<ReportData | null>>();
  const buildOf = (a: Attempt) => {
    const key = a.build ?? `${a.module_id}\u0000${a.module_version}`;
    if (!builds.has(key)) builds.set(key, catalogue.forAttempt(a));
    return builds.get(key)!;
  };
  for (const a of finished) {
    const problem = resultProblem(await buildOf(a), a, interactions.get(a.id) ?? []);
    if (problem) out.set(a.id, problem);
  }
  return out;
}
