/** Drivers: one small interface over the SCORM 2004 API, the SCORM 1.2 API, or local storage (standalone-driver.ts). */
import { METHODS, type Methods, type ScormVersion } from '../core/scorm-names.js';
import type { Api12, Api2004, FoundApi } from './find-api.js';

/** One API call as the LMS saw it, for the debug log and the inspector. */
export interface LmsCall {
  fn: string;
  args: string[];
  result: string;
  /** The LMS's error code after the call ('0' is none). */
  error: string;
}

export interface Driver {
  /** The SCORM version whose element names to use. The standalone driver uses 2004's. */
  readonly version: ScormVersion;
  /** False for the standalone driver: nothing reaches an LMS. */
  readonly connected: boolean;
  initialize(): boolean;
  getValue(element: string): string;
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** The error code after the last call ('0' is none). */
  lastError(): string;
  /** Called with every call made. */
  onCall?: (call: LmsCall) => void;
}

const ok = (result: unknown) => result === true || result === 'true';

/** A driver over an LMS's API object. Every call is guarded: an API that throws counts as failing. */
export class ScormDriver implements Driver {
  readonly version: ScormVersion;
  readonly connected = true;
  onCall?: (call: LmsCall) => void;
  private readonly api: Record<string, (...args: string[]) => unknown>;
  private readonly m: Methods;
  private error = '0';
  /** Calls kept to be answered again (record()), or being answered again (replay()). */
  private recorded: { call: LmsCall; result: unknown }[] | null = null;
  private replaying: { call: LmsCall; result: unknown }[] = [];

  constructor(found: FoundApi) {
    this.version = found.version;
    this.api = found.api as unknown as Record<string, (...args: string[]) => unknown>;
    this.m = METHODS[found.version];
  }

  /**
   * Keeps the calls made from now on (the page's bootstrap reads the launch with them before
   * the app has arrived: src/boot.ts), for replay().
   */
  record(): void {
    this.recorded = [];
  }

  /**
   * From now on, answers each recorded Initialize and GetValue once more from the record, in
   * place of the LMS, and reports it to onCall as made: the session's launch reads what the
   * bootstrap read without asking the LMS twice. Any write ends the replay.
   */
  replay(): void {
    this.replaying = this.recorded ?? [];
    this.recorded = null;
  }

  private replayed(fn: string, args: string[]): { call: LmsCall; result: unknown } | undefined {
    if (fn !== this.m.init && fn !== this.m.get) {
      this.replaying = [];
      return undefined;
    }
    const i = this.replaying.findIndex(({ call: c }) => c.fn === fn && c.args.join('\n') === args.join('\n'));
    return i < 0 ? undefined : this.replaying.splice(i, 1)[0];
  }

  /**
   * Makes one call. GetLastError is asked only when the result does not already say the call
   * worked ("true", or a value that is not empty): SCORM returns "false" or "" on every error,
   * so asking after a success would only double the calls a launch makes.
   */
  private call(fn: string, args: string[], succeeded: (result: unknown) => boolean = ok): unknown {
    const again = this.replayed(fn, args);
    if (again) {
      this.error = again.call.error;
      this.onCall?.(again.call);
      return again.result;
    }
    let result: unknown;
    let error: string;
    try {
      result = this.api[fn]!.apply(this.api, args);
      error = succeeded(result) ? '0' : this.readError();
    } catch (e) {
      result = 'false';
      error = `exception: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.error = error;
    const call = { fn, args, result: String(result), error };
    this.recorded?.push({ call, result });
    this.onCall?.(call);
    return result;
  }

  private readError(): string {
    try {
      const code = this.api[this.m.error]!.call(this.api);
      return code == null || code === '' ? '0' : String(code);
    } catch {
      return 'exception: GetLastError failed';
    }
  }

  initialize(): boolean {
    return ok(this.call(this.m.init, ['']));
  }
  getValue(element: string): string {
    const v = this.call(this.m.get, [element], (r) => r != null && r !== '');
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }
  setValue(element: string, value: string): boolean {
    return ok(this.call(this.m.set, [element, value]));
  }
  commit(): boolean {
    return ok(this.call(this.m.commit, ['']));
  }
  terminate(): boolean {
    return ok(this.call(this.m.term, ['']));
  }
  lastError(): string {
    return this.error;
  }
}

export type { Api12, Api2004 };
