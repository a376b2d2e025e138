/**
 * Importing people in the background. Each new account needs a scrypt hash (about a tenth of a
 * second of a core), so 1,000 people take minutes: the request that uploads the file only
 * checks it and starts a job; the job hashes at 'bulk' priority (sign-ins go first) and adds
 * people in batches, each batch one transaction, so the admin can watch the count rise.
 * Jobs live in memory: the temporary passwords are shown once, when the job has finished,
 * and are then forgotten. If the LMS stops part-way, those already added are kept and can have
 * their password reset; the rest can be imported again (people already there are updated).
 */
import { randomBytes } from 'node:crypto';
import type { ImportedLearner } from './csv.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Store } from './store.js';
import type { CreatedAccount } from './views.js';

export interface ImportJob {
  id: string;
  actorId: number;
  startedAt: string;
  finishedAt: string | null;
  /** New people in the file, and how many of them have been added so far. */
  total: number;
  added: number;
  /** People already here whose name and staff group were updated. */
  updated: number;
  /** Shown once, after the job finishes; emptied when shown. */
  created: CreatedAccount[];
  passwordsShown: boolean;
  error: string | null;
}

const BATCH = 25;
const KEEP_JOBS = 20;

export class Imports {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly store: Store) {}

  job(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Updates the people already here at once, and starts adding the new ones in the background. */
  start(actorId: number, learners: readonly ImportedLearner[]): { job: ImportJob; done: Promise<void> } {
    const { store } = this;
    const fresh = learners.filter((l) => !store.userByLogin(l.login));
    const existing = learners.filter((l) => !fresh.includes(l));
    store.db.transaction(() => {
      for (const l of existing)
        store.updateUser(store.userByLogin(l.login)!.id, { name: l.name, staff_group: l.staffGroup });
    })();
    const job: ImportJob = {
      id: randomBytes(9).toString('base64url'),
      actorId,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      total: fresh.length,
      added: 0,
      updated: existing.length,
      created: [],
      passwordsShown: false,
      error: null,
    };
    this.jobs.set(job.id, job);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP_JOBS))) this.jobs.delete(old);
    const done = this.run(job, fresh).catch((error: unknown) => {
      job.error = error instanceof Error ? error.message : String(error);
    });
    return { job, done: done.finally(() => this.finish(job)) };
  }

  private async run(job: ImportJob, fresh: readonly ImportedLearner[]): Promise<void> {
    const { store } = this;
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = await Promise.all(
        fresh.slice(i, i + BATCH).map(async (l) => {
          const password = generatePassword();
          return { l, password, hash: await hashPassword(password, 'bulk') };
        }),
      );
      store.db.transaction(() => {
        for (const { l, password, hash } of batch) {
          // Someone added by hand while the import ran keeps what the admin gave them.
          if (store.userByLogin(l.login)) continue;
          store.createUser({
            login: l.login,
            name: l.name,
            staffGroup: l.staffGroup,
            role: l.role,
            passwordHash: hash,
            mustChange: true,
          });
          job.created.push({ name: l.name, login: l.login, password });
          job.added++;
        }
      })();
    }
  }

  private finish(job: ImportJob): void {
    job.finishedAt = new Date().toISOString();
    this.store.audit(
      job.actorId,
      'imported people',
      `${job.added} added, ${job.updated} updated${job.error ? `; stopped: ${job.error}` : ''}`,
    );
  }

  /** The passwords of a finished job, once; afterwards an empty list. */
  takePasswords(job: ImportJob): CreatedAccount[] {
    if (!job.finishedAt || job.passwordsShown) return [];
    job.passwordsShown = true;
    const created = job.created;
    job.created = [];
    return created;
  }
}
