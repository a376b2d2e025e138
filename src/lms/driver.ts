/** Drivers: one small interface over the SCORM 2004 API, the SCORM 1.2 API, or local storage. */
import { ELEMENTS, METHODS, type Methods, type ScormVersion } from '../core/scorm-names.js';
import { safeStorage } from './storage.js';
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

  constructor(found: FoundApi) {
    this.version = found.version;
    this.api = found.api as unknown as Record<string, (...args: string[]) => unknown>;
    this.m = METHODS[found.version];
  }

  private call(fn: string, args: string[]): unknown {
    let result: unknown;
    let error: string;
    try {
      result = this.api[fn]!.apply(this.api, args);
      error = this.readError();
    } catch (e) {
      result = 'false';
      error = `exception: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.error = error;
    this.onCall?.({ fn, args, result: result == null ? String(result) : String(result), error });
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
    const v = this.call(this.m.get, [element]);
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

/**
 * Used when no LMS is found: progress is kept in this browser's local storage (so a
 * learner can still resume) and nothing is recorded centrally. Uses SCORM 2004 names.
 */
const NAMES = ELEMENTS['2004'];
const CALLS = METHODS['2004'];

export class StandaloneDriver implements Driver {
  readonly version: ScormVersion = '2004';
  readonly connected = false;
  onCall?: (call: LmsCall) => void;
  private values = new Map<string, string>();

  constructor(
    private readonly storageKey: string,
    private readonly storage: Storage | null = safeStorage(),
  ) {}

  private log(fn: string, args: string[], result: string): void {
    this.onCall?.({ fn, args, result, error: '0' });
  }

  initialize(): boolean {
    let saved: Record<string, string>;
    try {
      saved = JSON.parse(this.storage?.getItem(this.storageKey) ?? '{}') as Record<string, string>;
    } catch {
      saved = {};
    }
    const resume = saved[NAMES.exit] === 'suspend' && !!saved[NAMES.suspendData];
    this.values = new Map(resume ? Object.entries(saved) : []);
    this.values.set(NAMES.entry, resume ? 'resume' : 'ab-initio');
    this.values.set(NAMES.mode, 'normal');
    this.log(CALLS.init, [''], 'true');
    return true;
  }
  getValue(element: string): string {
    let v = this.values.get(element) ?? '';
    if (element === NAMES.interactionCount) {
      v = String(new Set([...this.values.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).size);
    }
    this.log(CALLS.get, [element], v);
    return v;
  }
  setValue(element: string, value: string): boolean {
    this.values.set(element, value);
    this.log(CALLS.set, [element, value], 'true');
    return true;
  }
  commit(): boolean {
    try {
      this.storage?.setItem(this.storageKey, JSON.stringify(Object.fromEntries(this.values)));
    } catch {
      /* storage full or blocked: progress stays in memory for this visit */
    }
    this.log(CALLS.commit, [''], 'true');
    return true;
  }
  terminate(): boolean {
    this.commit();
    this.log(CALLS.term, [''], 'true');
    return true;
  }
  lastError(): string {
    return '0';
  }
}

export type { Api12, Api2004 };
