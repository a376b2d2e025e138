/**
 * The driver for a module opened with no LMS (src/main.ts loads it only then, so a launch in an
 * LMS does not fetch it).
 */
import { ELEMENTS, METHODS, type ScormVersion } from '../core/scorm-names.js';
import type { Driver, LmsCall } from './driver.js';
import { safeStorage } from './storage.js';

const NAMES = ELEMENTS['2004'];
const CALLS = METHODS['2004'];

/**
 * Used when no LMS is found: progress is kept in this browser's local storage (so a
 * learner can still resume) and nothing is recorded centrally. Uses SCORM 2004 names.
 */
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
