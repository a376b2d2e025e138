/**
 * The local journal: every decision is written here before the LMS is called, so that a
 * crash, a closed tab or an LMS that silently drops a commit loses nothing. On the next
 * launch the journal is reconciled with what the LMS returns.
 */
import { safeStorage } from './storage.js';

export interface JournalEntry {
  /** Journal format. */
  v: 1;
  /** The learner's answers, in the resume codec's format. */
  data: string;
  /** Number of decisions in `data`. */
  decisions: number;
  /** The LMS accepted a commit of exactly this data. */
  acknowledged: boolean;
  /** The learner reached the end of the module. */
  finished: boolean;
  /** Which attempt this is, counted by this browser (a finished, acknowledged attempt ends one). */
  attempt: number;
  at: number;
}

export interface JournalKey {
  learner: string;
  module: string;
  moduleVersion: string;
  scorm: string;
}

/** One learner's journal for one module, version and SCORM version. */
export class Journal {
  private readonly key: string;

  constructor(
    key: JournalKey,
    private readonly storage: Storage | null = safeStorage(),
  ) {
    const part = (s: string) => encodeURIComponent(s || 'anonymous');
    this.key = `frontline:journal:${part(key.learner)}:${part(key.module)}:${part(key.moduleVersion)}:${part(key.scorm)}`;
  }

  /** The entry, or null when there is none or it cannot be read. Never throws. */
  read(): JournalEntry | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const entry = JSON.parse(raw) as Partial<JournalEntry>;
      if (entry.v !== 1 || typeof entry.data !== 'string' || typeof entry.decisions !== 'number') return null;
      return { acknowledged: false, finished: false, attempt: 1, at: 0, ...entry } as JournalEntry;
    } catch {
      return null;
    }
  }

  /** Writes the entry; returns false when the browser will not store it (private mode, full). */
  write(entry: Omit<JournalEntry, 'v' | 'at'>): boolean {
    try {
      this.storage?.setItem(this.key, JSON.stringify({ v: 1, at: Date.now(), ...entry }));
      return !!this.storage;
    } catch {
      return false;
    }
  }

  /** Marks the current entry as accepted by the LMS. */
  acknowledge(data: string): void {
    const entry = this.read();
    if (entry && entry.data === data) this.write({ ...entry, acknowledged: true });
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      /* nothing to clear */
    }
  }
}
