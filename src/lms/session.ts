/**
 * One learner's session with the LMS: launch and resume (reconciled with the local
 * journal), record decisions, commit with retries, and exit exactly once.
 */
import {
  TABLE,
  parseDuration,
  exitWrites,
  interactionWrites,
  launchWrites,
  progressWrites,
  resumeWrites,
  type CmiWrite,
} from '../core/cmi.js';
import type { Course } from '../core/model.js';
import { decode, encode, type ResumeStatus } from '../core/resume.js';
import { isComplete, type CourseState, type Decision } from '../core/state.js';
import type { Driver, LmsCall } from './driver.js';
import { Journal } from './journal.js';

/**
 * What the learner is told about saving: 'saving' while a commit is under way, 'saved'
 * once the LMS accepted it, 'retrying' after a failure, 'unresponsive' after several,
 * 'standalone' when there is no LMS, 'readonly' in review or browse mode.
 */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying' | 'unresponsive' | 'standalone' | 'readonly';
export type LaunchMode = 'normal' | 'review' | 'browse';

export interface Launch {
  state: CourseState;
  resume: ResumeStatus;
  reason?: string;
  /** 'review' also when a finished attempt is relaunched in normal mode: nothing is written. */
  mode: LaunchMode;
  learnerName: string;
  /** The LMS's stored result of a finished attempt ('passed', 'failed', 'completed'), else null. */
  recorded: string | null;
  /** Decisions restored from the local journal that the LMS had not kept. */
  restored: number;
  /** Time spent in earlier sessions of this attempt, as the LMS reports it (ms). */
  earlierTimeMs: number;
  /** The learner's preferred language from the LMS ('cy', 'en'...), or ''. */
  preferredLanguage: string;
}

export interface SessionOptions {
  /** Log every call with its result and error code to the console. */
  debug?: boolean;
  now?: () => number;
  onStatus?: (status: SaveStatus) => void;
  /** The journal to use (tests); by default one in local storage keyed by learner and module. */
  journal?: Journal;
  /** Retry delays in ms; the last repeats. */
  backoff?: number[];
  /** Failures in a row before the learner is told the LMS is not responding. */
  unresponsiveAfter?: number;
  /** Schedules work after the page has rendered (tests may run it at once). */
  defer?: (fn: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  /**
   * Runs the launch writes (a new attempt's status, exit and objectives, then Commit) once the
   * first screen is on show, so the learner sees it sooner (main.ts: after the next frame, when
   * the page is idle). By default they run at once, inside launch(). Whatever comes first (a
   * decision, a retry, the exit) writes them too, before anything else.
   */
  afterFirstPaint?: (fn: () => void) => void;
}

const DEFAULT_BACKOFF = [1000, 2000, 4000, 8000, 15000, 30000];

function samePath(a: readonly Decision[], b: readonly Decision[]): boolean {
  return a.every((d, i) => b[i]?.scenarioId === d.scenarioId && b[i]!.choiceIds.join(',') === d.choiceIds.join(','));
}

export class LmsSession {
  /** Every call made, in order (for tests and the inspector). */
  readonly calls: LmsCall[] = [];
  private journal: Journal | null;
  private mode: LaunchMode = 'normal';
  private started = 0;
  private terminated = false;
  /** LMS interaction index for the first decision not yet accepted by the LMS. */
  private nextInteraction = 0;
  /** Decisions the LMS has accepted. */
  private reported = 0;
  /** Values the LMS accepted at the last successful commit (only changes are written). */
  private confirmed = new Map<string, string>();
  private latest: CourseState | null = null;
  /** A new attempt's launch writes, until the LMS has accepted them. */
  private launchPending: CmiWrite[] | null = null;
  private failures = 0;
  private retryHandle: unknown = null;
  private status: SaveStatus = 'idle';
  private readonly now: () => number;
  private readonly defer: (fn: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;

  constructor(
    private readonly driver: Driver,
    private readonly course: Course,
    private readonly options: SessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.defer = options.defer ?? ((fn, ms) => setTimeout(fn, ms));
    this.cancel = options.cancel ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.journal = options.journal ?? null;
    driver.onCall = (call) => {
      this.calls.push(call);
      if (options.debug)
        console.info(
          `[frontline lms] ${call.fn}(${call.args.map((a) => JSON.stringify(a)).join(', ')}) -> ${JSON.stringify(call.result)} error ${call.error}`,
        );
    };
  }

  get version() {
    return this.driver.version;
  }
  get connected() {
    return this.driver.connected;
  }
  get isTerminated() {
    return this.terminated;
  }
  get saveStatus() {
    return this.status;
  }

  /** Called whenever the save status changes (the course shell shows it). */
  onStatus?: (status: SaveStatus) => void;

  private setStatus(status: SaveStatus) {
    this.status = status;
    this.options.onStatus?.(status);
    this.onStatus?.(status);
  }

  /** Connects, reads where the learner was, reconciles the journal, and marks a new attempt as under way. */
  launch(): Launch {
    this.started = this.now();
    const table = TABLE[this.driver.version];
    this.driver.initialize();
    const get = (element: string) => this.driver.getValue(element);
    const entry = get(table.entry);
    const rawMode = get(table.mode);
    const learnerName = get(table.learnerName);
    const learnerId = get(table.learnerId);
    this.journal ??= new Journal({
      learner: learnerId,
      module: this.course.id,
      moduleVersion: this.course.version,
      scorm: this.driver.version,
    });
    this.mode = rawMode === 'review' || rawMode === 'browse' ? rawMode : 'normal';
    const recorded = table.readFinished(get);
    const earlierTimeMs = parseDuration(get(table.totalTime));
    const preferredLanguage = get(table.language);

    // 2004 returns suspend data only after a suspended exit; reading unset data is an error there.
    const canResume = this.driver.version === '1.2' || entry === 'resume';
    const fromLms = decode(this.course, canResume ? get(table.suspendData) : '');
    if (fromLms.reason) console.warn(`[frontline] ${fromLms.reason}`);
    this.nextInteraction = Number.parseInt(get(table.interactionCount), 10) || 0;
    this.reported = fromLms.state.decisions.length;

    // Reconcile with the journal: keep any decisions the LMS lost, if they extend its path.
    let chosen = fromLms;
    let restored = 0;
    const journal = this.journal.read();
    const newAttempt = journal?.finished && journal.acknowledged && entry === 'ab-initio' && this.mode === 'normal';
    if (journal && newAttempt) {
      this.journal.write({ data: '', decisions: 0, acknowledged: true, finished: false, attempt: journal.attempt + 1 });
    } else if (journal && journal.decisions > fromLms.state.decisions.length) {
      const fromJournal = decode(this.course, journal.data);
      if (fromJournal.status !== 'reset' && samePath(fromLms.state.decisions, fromJournal.state.decisions)) {
        restored = fromJournal.state.decisions.length - fromLms.state.decisions.length;
        chosen = fromJournal;
        if (this.mode === 'normal' && recorded === null)
          console.warn(
            `[frontline] restored ${restored} decision(s) from this browser's journal that the learning system had not saved`,
          );
      }
    }

    // A finished attempt relaunched in normal mode is shown, never reopened or rewritten.
    if (this.mode === 'normal' && recorded !== null) this.mode = 'review';
    const state = chosen.state;
    this.latest = state;
    if (this.mode !== 'normal') {
      this.setStatus('readonly');
      return {
        state,
        resume: chosen.status,
        reason: chosen.reason,
        mode: this.mode,
        learnerName,
        recorded,
        restored,
        earlierTimeMs,
        preferredLanguage,
      };
    }
    this.journalWrite(state);
    if (state.decisions.length === 0) {
      this.launchPending = launchWrites(this.course, state, this.driver.version);
      (this.options.afterFirstPaint ?? ((fn) => fn()))(() => this.writeLaunch());
    } else if (restored > 0) {
      this.flush();
    }
    return {
      state,
      resume: chosen.status,
      reason: chosen.reason,
      mode: this.mode,
      learnerName,
      recorded,
      restored,
      earlierTimeMs,
      preferredLanguage,
    };
  }

  /** Time since this session started (ms). */
  elapsedMs(): number {
    return this.started ? this.now() - this.started : 0;
  }

  /** Records the learner's latest state: journal first, then the LMS after the page has rendered. */
  recordDecision(state: CourseState): void {
    if (this.mode !== 'normal' || this.terminated) return;
    this.latest = state;
    this.journalWrite(state);
    this.setStatus(this.driver.connected ? 'saving' : 'standalone');
    this.schedule(0);
  }

  /** Tries to save now (the learner pressed "Try again", or the page is being hidden). */
  retryNow(): boolean {
    if (this.retryHandle !== null) this.cancel(this.retryHandle);
    this.retryHandle = null;
    return this.flush();
  }

  /** Ends the session exactly once: how the learner left, the session time, Terminate. */
  terminate(
    state: CourseState = this.latest ?? {
      screen: 'intro',
      current: null,
      answered: false,
      decisions: [],
      carried: {},
      shownAt: 0,
    },
  ): void {
    if (this.terminated) return;
    if (this.retryHandle !== null) this.cancel(this.retryHandle);
    this.retryHandle = null;
    if (this.mode === 'normal') {
      this.latest = state;
      this.journalWrite(state);
      this.flush([...exitWrites(this.course, state, this.driver.version, this.now() - this.started)]);
    }
    this.terminated = true;
    this.driver.terminate();
  }

  private journalWrite(state: CourseState) {
    this.journal?.write({
      data: encode(this.course, state),
      decisions: state.decisions.length,
      acknowledged: false,
      finished: isComplete(this.course, state.decisions),
      attempt: this.journal.read()?.attempt ?? 1,
    });
  }

  private schedule(ms: number) {
    if (this.retryHandle !== null) this.cancel(this.retryHandle);
    this.retryHandle = this.defer(() => {
      this.retryHandle = null;
      this.flush();
    }, ms);
  }

  /** Marks a new attempt as under way (once: a flush before it writes the same values). */
  private writeLaunch() {
    if (!this.launchPending || this.terminated || this.retryHandle !== null) return;
    this.apply(this.launchPending);
    if (this.commitNow()) this.launchPending = null;
  }

  /** Writes what the LMS has not accepted yet (launch values, new interactions, then progress) and commits. */
  private flush(extra: CmiWrite[] = []): boolean {
    if (this.terminated || this.mode !== 'normal' || !this.latest) return false;
    const state = this.latest;
    const version = this.driver.version;
    const writes: CmiWrite[] = [...(this.launchPending ?? [])];
    state.decisions
      .slice(this.reported)
      .forEach((d, i) => writes.push(...interactionWrites(this.course, d, this.nextInteraction + i, version)));
    const table = TABLE[version];
    writes.push(...progressWrites(this.course, state, version), ...resumeWrites(this.course, state, version));
    writes.push(
      [table.exit, isComplete(this.course, state.decisions) ? table.exitFinished : table.exitSuspend],
      ...extra,
    );
    const pending = writes.filter(([el, v]) => this.confirmed.get(el) !== v);
    this.apply(pending);
    const saved = this.commitNow();
    if (saved) {
      this.launchPending = null;
      for (const [el, v] of pending) this.confirmed.set(el, v);
      this.nextInteraction += state.decisions.length - this.reported;
      this.reported = state.decisions.length;
      this.journal?.acknowledge(encode(this.course, state));
    }
    return saved;
  }

  private apply(writes: CmiWrite[]): void {
    for (const [element, value] of writes) this.driver.setValue(element, value);
  }

  private commitNow(): boolean {
    const saved = this.driver.commit();
    if (!this.driver.connected) {
      this.setStatus('standalone');
      return saved;
    }
    if (saved) {
      this.failures = 0;
      this.setStatus('saved');
    } else if (!this.terminated) {
      this.failures++;
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      this.setStatus(this.failures >= (this.options.unresponsiveAfter ?? 3) ? 'unresponsive' : 'retrying');
      this.schedule(backoff[Math.min(this.failures - 1, backoff.length - 1)]!);
    }
    return saved;
  }
}
