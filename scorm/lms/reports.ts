/**
 * HR's view of the records: one row per learner and module, the module summaries behind the
 * charts, and every decision a learner made with its feedback.
 */
import type { Rating } from '../../src/core/model.js';
import type { ReportChoice, ReportData, ReportScenario } from '../../src/core/report-data.js';
import { shouldPick } from '../../src/core/state.js';
import { lookupDecision, type BuiltModule, type Catalogue } from './catalogue.js';
import { isProfileInteraction, latestProfile, type Group, type Nation, type Profile } from './profiles.js';
import { ModuleSettings } from './settings.js';
import type { Attempt, Store, StoredInteraction, User } from './store.js';
import { resultProblems } from './verify.js';

export type RecordStatus = 'not started' | 'in progress' | 'completed' | 'passed' | 'failed';
export const RECORD_STATUSES: readonly RecordStatus[] = ['not started', 'in progress', 'completed', 'passed', 'failed'];

export interface RecordRow {
  userId: number;
  name: string;
  login: string;
  staffGroup: string;
  moduleId: string;
  moduleTitle: string;
  status: RecordStatus;
  score: number | null;
  attempts: number;
  firstAccess: string | null;
  lastAccess: string | null;
  completedAt: string | null;
  totalSeconds: number;
  /** Attempts whose reported result does not follow from their answers (verify.ts), for HR to check. */
  check: string | null;
  /** Where they work and their staff group, as they last told the module (profiles.ts); null if it never said. */
  profile: Profile | null;
}

export interface RecordFilter {
  module?: string;
  status?: RecordStatus;
  group?: string;
  /** Inclusive dates, YYYY-MM-DD, applied to `dateField`. */
  from?: string;
  to?: string;
  dateField?: 'completed' | 'accessed';
  /** One person's rows only (their page). */
  user?: number;
  /** The profile the learner chose in the module: its nation, its staff group. */
  nation?: Nation;
  staff?: Group;
}

const statusOf = (a: Attempt): RecordStatus =>
  a.status === 'passed' || a.status === 'failed' || a.status === 'completed' ? a.status : 'in progress';

/**
 * A learner's record for a module across attempts. Passing once is what counts for
 * compliance, so a passed attempt decides the row (its best score, its first pass date);
 * otherwise the latest attempt does. Time adds up over every attempt.
 */
export function summarise(
  attempts: readonly Attempt[],
): Pick<RecordRow, 'status' | 'score' | 'attempts' | 'firstAccess' | 'lastAccess' | 'completedAt' | 'totalSeconds'> {
  if (!attempts.length)
    return {
      status: 'not started',
      score: null,
      attempts: 0,
      firstAccess: null,
      lastAccess: null,
      completedAt: null,
      totalSeconds: 0,
    };
  const sorted = [...attempts].sort((a, b) => a.number - b.number);
  const passed = sorted.filter((a) => a.status === 'passed');
  const latest = sorted.at(-1)!;
  const deciding = passed.length
    ? passed.reduce((best, a) => ((a.score_raw ?? -1) > (best.score_raw ?? -1) ? a : best))
    : latest;
  const completedAt = passed.length
    ? passed.map((a) => a.completed_at!).sort()[0]!
    : statusOf(latest) === 'in progress'
      ? null
      : latest.completed_at;
  const status = passed.length ? 'passed' : statusOf(latest);
  return {
    status,
    // A score so far is not a result: shown only once the attempt is finished.
    score: status === 'in progress' ? null : deciding.score_raw,
    attempts: sorted.length,
    firstAccess: sorted.map((a) => a.created_at).sort()[0]!,
    lastAccess: sorted
      .map((a) => a.last_access_at)
      .sort()
      .at(-1)!,
    completedAt,
    totalSeconds: sorted.reduce((t, a) => t + a.total_seconds, 0),
  };
}

/** Learners in the records: every active learner, and anyone else who has taken a module. */
async function reportedUsers(store: Store, attempts: readonly Attempt[]): Promise<User[]> {
  const withAttempts = new Set(attempts.map((a) => a.user_id));
  return (await store.users()).filter((u) => (u.role === 'learner' && u.active) || withAttempts.has(u.id));
}

/**
 * Modules in the records: the live ones (assigned to every learner), and any other with
 * attempts (a module taken down, or the sample tried out), which shows only its takers' rows.
 */
export async function reportedModules(
  catalogue: Catalogue,
  store: Store,
): Promise<{ id: string; title: string; live: boolean }[]> {
  const settings = new ModuleSettings(store.db);
  const taken = new Set(await store.takenModules());
  const modules = catalogue.modules();
  const built = (
    await Promise.all(
      modules.map(async (m: BuiltModule) => ({ id: m.id, title: m.title, live: await settings.isLive(m.id) })),
    )
  ).filter((m) => m.live || taken.has(m.id));
  const ids = new Set(modules.map((m) => m.id));
  const extra = await Promise.all(
    [...taken].filter((id) => !ids.has(id)).map(async (id) => ({ id, title: await catalogue.title(id), live: false })),
  );
  return [...built, ...extra];
}

const day = (iso: string | null) => (iso ? localDate(iso) : null);

/** Each learner's profile per module, keyed like the records: the last one they reported wins. */
async function profilesByKey(store: Store): Promise<Map<string, Profile>> {
  const byKey = new Map<string, { response: string | null }[]>();
  for (const r of await store.profileRecords()) {
    const key = `${r.user_id}\u0000${r.module_id}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(r);
  }
  const out = new Map<string, Profile>();
  for (const [key, list] of byKey) {
    const profile = latestProfile(list);
    if (profile) out.set(key, profile);
  }
  return out;
}

export async function records(store: Store, catalogue: Catalogue, filter: RecordFilter = {}): Promise<RecordRow[]> {
  const attempts = await store.allAttempts(filter.user);
  const modules = (await reportedModules(catalogue, store)).filter((m) => !filter.module || m.id === filter.module);
  const byKey = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const key = `${a.user_id}\u0000${a.module_id}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(a);
  }
  const problems = await resultProblems(
    store,
    catalogue,
    attempts.filter((a) => !filter.module || a.module_id === filter.module),
  );
  const checkOf = (list: readonly Attempt[]) =>
    list
      .filter((a) => problems.has(a.id))
      .map((a) => `Attempt ${a.number}: ${problems.get(a.id)}`)
      .join(' ') || null;
  const profiles = await profilesByKey(store);
  const rows: RecordRow[] = [];
  for (const user of await reportedUsers(store, attempts)) {
    if (filter.group && user.staff_group !== filter.group) continue;
    if (filter.user !== undefined && user.id !== filter.user) continue;
    for (const m of modules) {
      const list = byKey.get(`${user.id}\u0000${m.id}`) ?? [];
      if (!m.live && !list.length) continue;
      const row: RecordRow = {
        userId: user.id,
        name: user.name,
        login: user.login,
        staffGroup: user.staff_group,
        moduleId: m.id,
        moduleTitle: m.title,
        ...summarise(list),
        check: checkOf(list),
        profile: profiles.get(`${user.id}\u0000${m.id}`) ?? null,
      };
      if (filter.status && row.status !== filter.status) continue;
      if (filter.nation && row.profile?.nation !== filter.nation) continue;
      if (filter.staff && row.profile?.group !== filter.staff) continue;
      if (filter.from || filter.to) {
        const d = day(filter.dateField === 'accessed' ? row.lastAccess : row.completedAt);
        if (!d || (filter.from && d < filter.from) || (filter.to && d > filter.to)) continue;
      }
      rows.push(row);
    }
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.moduleTitle.localeCompare(b.moduleTitle));
}

export interface ChoiceCount {
  choice: ReportChoice | null;
  responseId: string;
  label: string;
  rating: Rating | null;
  count: number;
}
export interface ScenarioStats {
  id: string;
  title: string;
  question: string;
  select: 'one' | 'many';
  answered: number;
  choices: ChoiceCount[];
}

export interface ModuleStats {
  /** Everyone the module is assigned to in this view (the rows of the records). */
  learners: number;
  started: number;
  inProgress: number;
  finished: number;
  passed: number;
  failed: number;
  /** passed / (passed + failed), or null before anyone has finished. */
  passRate: number | null;
  /** Shares of everyone assigned: what compliance is measured against. Null when no one is assigned. */
  passedOfAssigned: number | null;
  finishedOfAssigned: number | null;
  /** Finishes per day (the learner's record's completion date), oldest first. */
  completions: { date: string; passed: number; failed: number; completed: number }[];
  scenarios: ScenarioStats[];
  /** Decisions naming a scenario their module version does not have: not counted. */
  unmatched: number;
}

/** Each attempt's build, looked up once per build, with its scenarios by id. */
class BuildIndex {
  private byKey = new Map<string, Map<string, ReportScenario> | null>();
  constructor(private readonly catalogue: Catalogue) {}

  async scenario(
    attempt: Pick<Attempt, 'build' | 'module_id' | 'module_version'>,
    scenarioId: string,
  ): Promise<ReportScenario | undefined> {
    const key = attempt.build ?? `version:${attempt.module_version}`;
    let scenarios = this.byKey.get(key);
    if (scenarios === undefined) {
      const data = await this.catalogue.forAttempt(attempt);
      scenarios = data ? new Map(data.scenarios.map((s) => [s.id, s])) : null;
      this.byKey.set(key, scenarios);
    }
    return scenarios?.get(scenarioId);
  }
}

/** A module's summary: how many finished and passed, when, and how often each choice was picked. */
export async function moduleStats(
  store: Store,
  catalogue: Catalogue,
  moduleId: string,
  filter: Omit<RecordFilter, 'module' | 'status'> = {},
): Promise<ModuleStats> {
  const rows = await records(store, catalogue, {
    module: moduleId,
    group: filter.group,
    nation: filter.nation,
    staff: filter.staff,
  });
  const inRange = (iso: string | null) => {
    const d = day(iso);
    return !!d && (!filter.from || d >= filter.from) && (!filter.to || d <= filter.to);
  };
  const count = (s: RecordStatus) => rows.filter((r) => r.status === s).length;
  const passed = count('passed');
  const failed = count('failed');
  const perDay = new Map<string, { passed: number; failed: number; completed: number }>();
  for (const r of rows) {
    if (!r.completedAt || !inRange(r.completedAt) || r.status === 'in progress' || r.status === 'not started') continue;
    const d = day(r.completedAt)!;
    const entry = perDay.get(d) ?? { passed: 0, failed: 0, completed: 0 };
    entry[r.status]++;
    perDay.set(d, entry);
  }
  const completions = [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, c]) => ({ date, ...c }));

  // Choices: every recorded decision of the learners in the filter, in any attempt, named as in
  // the build that attempt was taken on. Only choices that build has are counted, each once per
  // decision, so invented response ids cannot grow the page.
  const users = new Set(rows.map((r) => r.userId));
  const scenarios = new Map<string, ScenarioStats & { byResponse: Map<string, ChoiceCount> }>();
  const statsOf = (s: ReportScenario) => {
    let stats = scenarios.get(s.id);
    if (!stats) {
      stats = {
        id: s.id,
        title: s.title,
        question: s.question,
        select: s.select,
        answered: 0,
        choices: [],
        byResponse: new Map(),
      };
      scenarios.set(s.id, stats);
    }
    for (const c of s.choices) {
      if (stats.byResponse.has(c.responseId)) continue;
      const count: ChoiceCount = { choice: c, responseId: c.responseId, label: c.text, rating: c.rating, count: 0 };
      stats.byResponse.set(c.responseId, count);
      stats.choices.push(count);
    }
    return stats;
  };
  for (const s of (await catalogue.latest(moduleId))?.scenarios ?? []) statsOf(s);
  const index = new BuildIndex(catalogue);
  let unmatched = 0;
  for (const i of await store.interactionsForModule(moduleId)) {
    if (isProfileInteraction(i)) continue;
    if (!users.has(i.user_id) || ((filter.from || filter.to) && !inRange(i.recorded_at))) continue;
    const scenario = await index.scenario(i, i.interaction_id);
    if (!scenario) {
      unmatched++;
      continue;
    }
    const stats = statsOf(scenario);
    stats.answered++;
    for (const rid of new Set((i.response ?? '').split('[,]'))) {
      const c = stats.byResponse.get(rid);
      if (c && scenario.choices.some((x) => x.responseId === rid)) c.count++;
    }
  }
  return {
    learners: rows.length,
    started: rows.filter((r) => r.status !== 'not started').length,
    inProgress: count('in progress'),
    finished: passed + failed + count('completed'),
    passed,
    failed,
    passRate: passed + failed ? passed / (passed + failed) : null,
    passedOfAssigned: rows.length ? passed / rows.length : null,
    finishedOfAssigned: rows.length ? (passed + failed + count('completed')) / rows.length : null,
    completions,
    scenarios: [...scenarios.values()].map(({ byResponse: _, ...rest }) => rest),
    unmatched,
  };
}

export interface PickedChoice {
  text: string;
  rating: Rating | null;
  feedbackHtml: string | null;
  source: string | null;
  /** In a feed (pick every item that applies): whether picking this item was right. Null for one-choice scenarios. */
  right: boolean | null;
}

export interface DecisionView {
  n: number;
  scenarioId: string;
  scenarioTitle: string;
  question: string;
  select: 'one' | 'many';
  picked: PickedChoice[];
  /** In a feed: the items that should have been picked and were not. */
  missed: PickedChoice[];
  /** Of the items that should have been picked, how many were (feeds only). */
  found: { of: number; picked: number } | null;
  result: string | null;
  at: string | null;
}

const pickedChoice = (c: ReportChoice | string, many: boolean): PickedChoice =>
  typeof c === 'string'
    ? { text: c, rating: null, feedbackHtml: null, source: null, right: null }
    : {
        text: c.text,
        rating: c.rating,
        feedbackHtml: c.feedbackHtml,
        source: c.source || null,
        right: many ? shouldPick(c) : null,
      };

export interface AttemptView {
  attempt: Attempt;
  moduleTitle: string;
  /** The module build the attempt was taken on, when the LMS has it. */
  data: ReportData | null;
  /** Why its reported result does not follow from its answers, when it does not. */
  check: string | null;
  decisions: DecisionView[];
}

/** A learner's attempts, each with every decision and the feedback the module gave for it. */
export async function learnerHistory(store: Store, catalogue: Catalogue, userId: number): Promise<AttemptView[]> {
  const attempts = await store.attemptsOf(userId);
  const problems = await resultProblems(store, catalogue, attempts);
  return Promise.all(attempts.map((attempt) => attemptView(store, catalogue, attempt, problems)));
}

async function attemptView(
  store: Store,
  catalogue: Catalogue,
  attempt: Attempt,
  problems: Map<number, string>,
): Promise<AttemptView> {
  const data = await catalogue.forAttempt(attempt);
  const recorded = (await store.interactionsOf(attempt.id)).filter((i) => !isProfileInteraction(i));
  const decisions = recorded.map((i: StoredInteraction): DecisionView => {
    const { scenario, choices } = lookupDecision(data, i.interaction_id, i.response);
    const many = scenario?.select === 'many';
    // A feed is marked as a whole: the items to pick that were left are as much the result as those picked.
    const toPick = many ? scenario.choices.filter(shouldPick) : [];
    const missed = toPick.filter((c) => !choices.includes(c));
    return {
      n: i.n,
      scenarioId: i.interaction_id,
      scenarioTitle: scenario?.title ?? i.interaction_id,
      question: scenario?.question ?? i.description ?? '',
      select: many ? 'many' : 'one',
      picked: choices.map((c) => pickedChoice(c, many)),
      missed: missed.map((c) => pickedChoice(c, true)),
      found: many ? { of: toPick.length, picked: toPick.length - missed.length } : null,
      result: i.result,
      at: i.recorded_at,
    };
  });
  return {
    attempt,
    moduleTitle: data?.title ?? (await catalogue.title(attempt.module_id)),
    data,
    check: problems.get(attempt.id) ?? null,
    decisions,
  };
}

// Dates and times, shown in the server's time zone (set TZ=Europe/London for NHS use).

/** YYYY-MM-DD of an instant, in local time. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DD HH:MM of an instant, in local time: a form Excel reads as a date. */
export function localDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date (YYYY-MM-DD) the UK way, which no reader can take for a US one: "4 Dec", or "4 Dec 2026". */
export function ukDate(date: string, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''}${withYear ? ` ${y}` : ''}`;
}

/** Seconds as H:MM:SS. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
