/** One learner's session with the LMS: launch, resume, record decisions, commit, exit once. */
import { TABLE, decisionWrites, exitWrites, launchWrites, type CmiWrite } from '../core/cmi.js';
import type { Course } from '../core/model.js';
import { decode, type ResumeStatus } from '../core/resume.js';
import type { CourseState } from '../core/state.js';
import type { Driver, LmsCall } from './driver.js';

export type SaveStatus = 'idle' | 'saved' | 'failed' | 'standalone';
export type LaunchMode = 'normal' | 'review' | 'browse';

export interface Launch {
  state: CourseState;
  resume: ResumeStatus;
  reason?: string;
  mode: LaunchMode;
  learnerName: string;
}

export interface SessionOptions {
  /** Log every call with its result and error code to the console. */
  debug?: boolean;
  now?: () => number;
  onStatus?: (status: SaveStatus) => void;
}

export class LmsSession {
  /** Every call made, in order (for tests and the inspector). */
  readonly calls: LmsCall[] = [];
  private interactionCount = 0;
  private started = 0;
  private terminated = false;
  private mode: LaunchMode = 'normal';
  private readonly now: () => number;

  constructor(private readonly driver: Driver, private readonly course: Course, private readonly options: SessionOptions = {}) {
    this.now = options.now ?? Date.now;
    driver.onCall = (call) => {
      this.calls.push(call);
      if (options.debug) console.info(`[frontline lms] ${call.fn}(${call.args.map((a) => JSON.stringify(a)).join(', ')}) -> ${JSON.stringify(call.result)} error ${call.error}`);
    };
  }

  get version() { return this.driver.version; }
  get connected() { return this.driver.connected; }
  get isTerminated() { return this.terminated; }

  /** Connects, reads where the learner was, and marks a new attempt as under way. */
  launch(): Launch {
    this.started = this.now();
    const table = TABLE[this.driver.version];
    this.driver.initialize();
    const entry = this.driver.getValue(table.entry);
    const rawMode = this.driver.getValue(table.mode);
    this.mode = rawMode === 'review' || rawMode === 'browse' ? rawMode : 'normal';
    const learnerName = this.driver.getValue(table.learnerName);
    // 2004 returns suspend data only after a suspended exit; reading unset data is an error there.
    const canResume = this.driver.version === '1.2' || entry === 'resume';
    const data = canResume ? this.driver.getValue(table.suspendData) : '';
    const resumed = decode(this.course, data);
    if (resumed.reason) console.warn(`[frontline] ${resumed.reason}`);
    this.interactionCount = Number.parseInt(this.driver.getValue(table.interactionCount), 10) || 0;
    if (this.mode === 'normal' && resumed.state.decisions.length === 0) {
      this.apply(launchWrites(this.course, resumed.state, this.driver.version));
      this.commit();
    }
    return { state: resumed.state, resume: resumed.status, reason: resumed.reason, mode: this.mode, learnerName };
  }

  /** Records the latest decision (interaction, score, status, resume data) and commits. */
  recordDecision(state: CourseState): boolean {
    if (this.mode !== 'normal' || this.terminated) return false;
    this.apply(decisionWrites(this.course, state, this.driver.version, this.interactionCount));
    this.interactionCount++;
    return this.commit();
  }

  /** Ends the session exactly once: how the learner left, the session time, Terminate. */
  terminate(state: CourseState): void {
    if (this.terminated) return;
    if (this.mode === 'normal') {
      this.apply(exitWrites(this.course, state, this.driver.version, this.now() - this.started));
      this.driver.commit();
    }
    this.terminated = true;
    this.driver.terminate();
  }

  private apply(writes: CmiWrite[]): void {
    if (this.terminated) return;
    for (const [element, value] of writes) this.driver.setValue(element, value);
  }

  private commit(): boolean {
    if (this.terminated) return false;
    const saved = this.driver.commit();
    this.options.onStatus?.(!this.driver.connected ? 'standalone' : saved ? 'saved' : 'failed');
    return saved;
  }
}
