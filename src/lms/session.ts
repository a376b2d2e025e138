/**
 * One learner's session with the LMS: launch and resume (reconciled with the local
 * journal), record decisions, commit with retries, and exit exactly once.
 */
import {
  TABLE,
  exitWrites,
  interactionWrites,
  launchWrites,
  objectiveSlots,
  profileWrites,
  progressWrites,
  resumeWrites,
  type CmiWrite,
  type ObjectiveSlots,
} from '../core/cmi.js';
import { isResultElement } from '../core/scorm-names.js';
import { parseSpan } from '../core/scorm-time.js';
import type { Course } from '../core/model.js';
import { PROFILE_INTERACTION, profileResponse } from '../core/profile.js';
import { decode, encode, type ContentChanges, type ResumeStatus } from '../core/resume.js';
import { initialState, isComplete, type CourseState, type Decision } from '../core/state.js';
import type { Driver, LmsCall } from './driver.js';
import { Journal } from './journal.js';

/**
 * What the learner is told about saving: 'saving' while a commit is under way, 'saved'
 * once the LMS accepted it, 'retrying' after a failure, 'unresponsive' after several,
 * 'standalone' when there is no LMS, 'readonly' in review or browse mode.
 */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying' | 'unresponsive' | 'standalone' | 'readonly';
export type LaunchMode = 'normal' | 'review' | 'browse';

/** A value the LMS would not store: SetValue returned false with this error code. */
export interface Refusal {
  element: string;
  value: string;
  code: string;
}

/** The save status changed. */
export class SaveStatusEvent extends Event {
  constructor(readonly status: SaveStatus) {
    super('status');
  }
}

/** The LMS refused a value; `affectsResult` when it is part of the learner's result. */
export class RefusedEvent extends Event {
  constructor(
    readonly refusal: Refusal,
    readonly affectsResult: boolean,
  ) {
    super('refused');
  }
}

/**
 * The LMS refused part of the learner's result (a score, a status, a decision or an
 * objective), so its record may be incomplete. Sent once, at the first such refusal.
 */
export class RecordIncompleteEvent extends Event {
  constructor(readonly refusals: readonly Refusal[]) {
    super('recordincomplete');
  }
}

export interface SessionEventMap {
  status: SaveStatusEvent;
  refused: RefusedEvent;
  recordincomplete: RecordIncompleteEvent;
}

export interface Launch {
  state: CourseState;
  resume: ResumeStatus;
  reason?: string;
  /** Saved answers this version could not carry over (shown to the learner on the introduction). */
  changes?: ContentChanges;
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
  /**
   * The LMS did not start a session (Initialize failed with this error code, and it answers no
   * read): nothing can be saved, so the learner is told to open the module again.
   */
  unstarted?: string;
}

export interface SessionOptions {
  /** Log every call with its result and error code to the console. */
  debug?: boolean;
  now?: () => number;
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
  /**
   * When the session began, where Initialize was called before launch() (by the page's bootstrap,
   * whose reads launch() replays: src/boot.ts); by default, when launch() runs. The session time
   * counts from it.
   */
  startedAt?: number;
}

const DEFAULT_BACKOFF = [1000, 2000, 4000, 8000, 15000, 30000];

/**
 * Writes split where an element repeats: each value of an element is committed before the
 * next is set, so the LMS stores both (SCORM 1.2's `completed`, then `passed`).
 */
function batches(writes: readonly CmiWrite[]): CmiWrite[][] {
  const out: CmiWrite[][] = [[]];
  let seen = new Set<string>();
  for (const write of writes) {
    if (seen.has(write[0])) {
      out.push([]);
      seen = new Set();
    }
    out[out.length - 1]!.push(write);
    seen.add(write[0]);
  }
  return out;
}

/** An error code that says the call never reached an LMS that could answer it (it threw). */
const unreachable = (code: string) => code.startsWith('exception');

function samePath(a: readonly Decision[], b: readonly Decision[]): boolean {
  return a.every((d, i) => b[i]?.scenarioId === d.scenarioId && b[i]!.choiceIds.join(',') === d.choiceIds.join(','));
}

type Listener<E> = ((event: E) => void) | { handleEvent(event: E): void };

/**
 * Sends `status` (SaveStatusEvent), `refused` (RefusedEvent) and `recordincomplete`
 * (RecordIncompleteEvent); any number of listeners may follow each.
 */
export class LmsSession extends EventTarget {
  /** Every call made, in order (for tests and the inspector). */
  readonly calls: LmsCall[] = [];
  /** Values the LMS refused, by element (each is written again only if its value changes). */
  private refused = new Map<string, Refusal>();
  private slots: ObjectiveSlots;
  private journal: Journal | null;
  private mode: LaunchMode = 'normal';
  private started = 0;
  private terminated = false;
  /** LMS interaction index for the first decision not yet accepted by the LMS. */
  private nextInteraction = 0;
  /** Decisions the LMS has accepted. */
  private reported = 0;
  /** The profile's response the LMS holds ('' for none). */
  private reportedProfile = '';
  /** 2004: the interaction slot holding the profile, once there is one (1.2 appends one per change). */
  private profileSlot: number | null = null;
  /** Interaction slots that hold the profile: not part of the learner's result. */
  private readonly profileSlots = new Set<number>();
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
    super();
    this.slots = objectiveSlots(course);
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
  /** Values of the learner's result the LMS refused in this session: its record may be incomplete. */
  get resultRefusals(): Refusal[] {
    return [...this.refused.values()].filter((r) => this.affectsResult(r.element));
  }

  /** Whether an element is part of the learner's result: not the profile's interaction. */
  private affectsResult(element: string): boolean {
    const slot = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
    return isResultElement(element) && !(slot !== undefined && this.profileSlots.has(Number(slot)));
  }

  override addEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: Listener<SessionEventMap[K]> | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: Listener<SessionEventMap[K]> | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  private setStatus(status: SaveStatus) {
    this.status = status;
    this.dispatchEvent(new SaveStatusEvent(status));
  }

  /** Connects, reads where the learner was, reconciles the journal, and marks a new attempt as under way. */
  launch(): Launch {
    this.started = this.options.startedAt ?? this.now();
    const table = TABLE[this.driver.version];
    const initialized = this.driver.initialize();
    const initError = this.driver.lastError();
    const get = (element: string) => this.driver.getValue(element);
    const entry = get(table.entry);
    const readError = this.driver.lastError();
    if (!initialized && readError !== '0') return this.unstarted(initError === '0' ? readError : initError);
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
    const earlierTimeMs = parseSpan(get(table.totalTime)) ?? 0;
    const preferredLanguage = get(table.language);

    // 2004 returns suspend data only after a suspended exit; reading unset data is an error there.
    const canResume = this.driver.version === '1.2' || entry === 'resume';
    const fromLms = decode(this.course, canResume ? get(table.suspendData) : '');
    if (fromLms.reason) console.warn(`[frontline] ${fromLms.reason}`);
    this.nextInteraction = Number.parseInt(get(table.interactionCount), 10) || 0;
    if (this.mode === 'normal' && recorded === null) this.slots = objectiveSlots(this.course, this.objectiveIds(get));
    this.reported = fromLms.state.decisions.length;
    this.reportedProfile = fromLms.state.profile ? profileResponse(fromLms.state.profile) : '';
    if (this.mode === 'normal' && recorded === null && this.course.profiles && this.driver.version === '2004')
      this.findProfileSlot(get);

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
    const launched = {
      state,
      resume: chosen.status,
      reason: chosen.reason,
      ...(chosen.changes ? { changes: chosen.changes } : {}),
      mode: this.mode,
      learnerName,
      recorded,
      restored,
      earlierTimeMs,
      preferredLanguage,
    };
    if (this.mode !== 'normal') {
      this.setStatus('readonly');
      return launched;
    }
    this.journalWrite(state);
    if (state.decisions.length === 0) {
      this.launchPending = launchWrites(this.course, state, this.driver.version, this.slots);
      (this.options.afterFirstPaint ?? ((fn) => fn()))(() => this.writeLaunch());
    } else if (restored > 0) {
      this.flush();
    }
    return launched;
  }

  /**
   * A launch the LMS gave no session: Moodle's 2004 API once the module's frame has ended its
   * session and reloaded (104), for one. Nothing is read or written (browse, to the rest of the
   * session) and the journal is left as it is, so the next launch has all the learner saved.
   */
  private unstarted(code: string): Launch {
    console.warn(`[frontline] the learning system did not start a session (error ${code}): nothing can be saved`);
    this.mode = 'browse';
    this.setStatus('readonly');
    return {
      state: initialState(),
      resume: 'fresh',
      mode: 'browse',
      learnerName: '',
      recorded: null,
      restored: 0,
      earlierTimeMs: 0,
      preferredLanguage: '',
      unstarted: code,
    };
  }

  /** 2004: the slot an earlier session wrote the profile in, if any (its id may not move). */
  private findProfileSlot(get: (element: string) => string) {
    const count = Math.min(this.nextInteraction, 250);
    for (let n = count - 1; n >= 0; n--) {
      if (get(`cmi.interactions.${n}.id`) !== PROFILE_INTERACTION) continue;
      this.profileSlot = n;
      this.profileSlots.add(n);
      return;
    }
  }

  /** The objective ids the LMS holds, slot by slot (some LMSs fill slots before launch). */
  private objectiveIds(get: (element: string) => string): string[] {
    const count = Math.min(Number.parseInt(get(TABLE[this.driver.version].objectiveCount), 10) || 0, 100);
    return Array.from({ length: count }, (_, n) => get(`cmi.objectives.${n}.id`));
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

  /**
   * Records the learner's profile, chosen on the introduction or changed later: in the journal
   * now, and in the resume data and the `learner-profile` interaction with the next commit (the
   * next decision's, a retry, or terminate() when the learner leaves or the page goes), so
   * pressing Start or changing the profile never costs the LMS a commit of its own. Review and
   * browse record nothing.
   */
  recordProfile(state: CourseState): void {
    if (this.mode !== 'normal' || this.terminated) return;
    this.latest = state;
    this.journalWrite(state);
  }

  /** Tries to save now (the learner pressed "Try again", or the page is being hidden). */
  retryNow(): boolean {
    if (this.retryHandle !== null) this.cancel(this.retryHandle);
    this.retryHandle = null;
    return this.flush();
  }

  /**
   * Ends the session exactly once: how the learner left, the session time, Terminate. A
   * review or browse session makes no call at all: Moodle recomputes the stored total time at
   * Terminate from the time it handed over (zero in 2004 review) and the session time, so even
   * a bare Terminate would overwrite the attempt's time.
   */
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
    if (this.mode === 'normal') this.driver.terminate();
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
    if (this.send(this.launchPending)) this.launchPending = null;
  }

  /** Writes what the LMS has not accepted yet (launch values, new interactions, then progress) and commits. */
  private flush(extra: CmiWrite[] = []): boolean {
    if (this.terminated || this.mode !== 'normal' || !this.latest) return false;
    const state = this.latest;
    const version = this.driver.version;
    const writes: CmiWrite[] = [];
    const added = state.decisions.length - this.reported;
    state.decisions
      .slice(this.reported)
      .forEach((d, i) => writes.push(...interactionWrites(this.course, d, this.nextInteraction + i, version)));
    // The profile after the decisions: in its own 2004 slot once it has one, else a new interaction.
    const profile = state.profile ? profileResponse(state.profile) : '';
    const profileAt =
      state.profile && profile !== this.reportedProfile
        ? version === '2004' && this.profileSlot !== null
          ? this.profileSlot
          : this.nextInteraction + added
        : null;
    if (state.profile && profileAt !== null) {
      this.profileSlots.add(profileAt);
      writes.push(...profileWrites(state.profile, profileAt, this.now(), version));
    }
    const table = TABLE[version];
    writes.push(
      ...progressWrites(this.course, state, version, this.slots),
      ...resumeWrites(this.course, state, version),
    );
    writes.push(
      [table.exit, isComplete(this.course, state.decisions) ? table.exitFinished : table.exitSuspend],
      ...extra,
    );
    // The launch values go first, less any that this flush writes anew.
    const later = new Set(writes.map(([el]) => el));
    const launch = (this.launchPending ?? []).filter(([el]) => !later.has(el));
    const saved = this.send([...launch, ...writes]);
    if (saved) {
      this.launchPending = null;
      this.nextInteraction += added;
      if (profileAt !== null) {
        this.reportedProfile = profile;
        if (profileAt === this.nextInteraction) this.nextInteraction++;
        if (version === '2004') this.profileSlot = profileAt;
      }
      this.reported = state.decisions.length;
      // The journal keeps an attempt whose result the LMS refused in part, unacknowledged.
      if (this.resultRefusals.length === 0) this.journal?.acknowledge(encode(this.course, state));
    }
    return saved;
  }

  /**
   * Sets what has changed since the LMS last accepted it, committing between values of the
   * same element. Only values the LMS accepted, in a commit that succeeded, count as saved;
   * a refused value is not written again until it changes.
   */
  private send(writes: readonly CmiWrite[]): boolean {
    // A value that repeats the one just written for the same element is said once.
    const said = new Map<string, string>();
    const distinct = writes.filter(([el, v]) => {
      const repeat = said.get(el) === v;
      said.set(el, v);
      return !repeat;
    });
    const final = new Map(distinct);
    const pending = distinct.filter(([el]) => {
      const v = final.get(el);
      return this.confirmed.get(el) !== v && this.refused.get(el)?.value !== v;
    });
    for (const batch of batches(pending)) {
      const accepted = this.apply(batch);
      if (!this.commitNow()) return false;
      for (const [el, v] of accepted) {
        this.confirmed.set(el, v);
        this.refused.delete(el);
      }
    }
    return true;
  }

  /** Sets each value; returns those the LMS accepted and records those it refused. */
  private apply(writes: readonly CmiWrite[]): CmiWrite[] {
    const accepted: CmiWrite[] = [];
    for (const write of writes) {
      const [element, value] = write;
      if (this.driver.setValue(element, value)) accepted.push(write);
      else if (!unreachable(this.driver.lastError())) this.refuse({ element, value, code: this.driver.lastError() });
    }
    return accepted;
  }

  private refuse(refusal: Refusal) {
    const hadResultRefusal = this.resultRefusals.length > 0;
    this.refused.set(refusal.element, refusal);
    const affectsResult = this.affectsResult(refusal.element);
    console.warn(
      `[frontline lms] the learning system refused ${refusal.element} = ${JSON.stringify(refusal.value)} (error ${refusal.code})`,
    );
    this.dispatchEvent(new RefusedEvent(refusal, affectsResult));
    if (affectsResult && !hadResultRefusal) this.dispatchEvent(new RecordIncompleteEvent(this.resultRefusals));
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
