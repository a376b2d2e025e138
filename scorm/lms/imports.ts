/**
 * Importing people in the background. Each new account needs a scrypt hash (about a tenth of a
 * second of a core), so 1,000 people take minutes: the request that uploads the file only
 * checks it and starts a job; the job hashes at 'bulk' priority (sign-ins go first) and adds
 * people in batches, each batch one transaction, so the admin can watch the count rise.
 * Jobs are kept in the database, so any process behind the proxy can show one's progress; the
 * process that started a job runs it. The temporary passwords are kept with the job until they
 * are shown once, when it has finished, and are then forgotten. If the LMS stops part-way,
 * those already added are kept and can have their password reset; the rest can be imported
 * again (people already there are updated).
 */
import { randomBytes } from 'node:crypto';
import type { ImportedLearner } from './csv.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Selectable } from 'kysely';
import type { Tables } from './schema.js';
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

type JobRow = Selectable<Tables['import_jobs']>;

const jobOf = (r: JobRow): ImportJob => ({
  id: r.id,
  actorId: r.actor_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  total: r.total,
  added: r.added,
  updated: r.updated,
  created: JSON.parse(r.created) as CreatedAccount[],
  passwordsShown: r.passwords_shown === 1,
  error: r.error,
});

export class Imports {
  constructor(private readonly store: Store) {}

  private get k() {
    return this.store.db.k;
  }

  async job(id: string): Promise<ImportJob | undefined> {
    const row = await this.k.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && jobOf(row);
  }

  /** Updates the people already here at once, and starts adding the new ones in the background. */
  async start(actorId: number, learners: readonly ImportedLearner[]): Promise<{ job: ImportJob; done: Promise<void> }> {
    const { store } = this;
    const known = await Promise.all(learners.map((l) => store.userByLogin(l.login)));
    const fresh = learners.filter((_, i) => !known[i]);
    await store.transaction(async (s) => {
      for (const [i, l] of learners.entries()) {
        const user = known[i];
        if (user) await s.updateUser(user.id, { name: l.name, staff_group: l.staffGroup });
      }
    });
    const job: ImportJob = {
      id: randomBytes(9).toString('base64url'),
      actorId,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      total: fresh.length,
      added: 0,
      updated: learners.length - fresh.length,
      created: [],
      passwordsShown: false,
      error: null,
    };
    await this.k
      .insertInto('import_jobs')
      .values({ id: job.id, actor_id: actorId, started_at: job.startedAt, total: job.total, updated: job.updated })
      .execute();
    await this.forgetOld();
    const done = this.run(job, fresh).catch((error: unknown) => {
      job.error = error instanceof Error ? error.message : String(error);
    });
    // The job's end is recorded whatever happened; if even that fails (the database gone at shutdown), the job shows unfinished.
    return { job, done: done.finally(() => this.finish(job)).catch(() => undefined) };
  }

  /** Keeps the newest KEEP_JOBS jobs. */
  private async forgetOld(): Promise<void> {
    const keep = this.k.selectFrom('import_jobs').select('id').orderBy('started_at', 'desc').limit(KEEP_JOBS);
    await this.k.deleteFrom('import_jobs').where('id', 'not in', keep).execute();
  }

  private async run(job: ImportJob, fresh: readonly ImportedLearner[]): Promise<void> {
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = await Promise.all(
        fresh.slice(i, i + BATCH).map(async (l) => {
          const password = generatePassword();
          return { l, password, hash: await hashPassword(password, 'bulk') };
        }),
      );
      await this.store.transaction(async (s) => {
        for (const { l, password, hash } of batch) {
          // Someone added by hand while the import ran keeps what the admin gave them.
          const added = await s.createUser({
            login: l.login,
            name: l.name,
            staffGroup: l.staffGroup,
            role: l.role,
            passwordHash: hash,
            mustChange: true,
          });
          if (!added) continue;
          job.created.push({ name: l.name, login: l.login, password });
          job.added++;
        }
      });
      await this.k
        .updateTable('import_jobs')
        .set({ added: job.added, created: JSON.stringify(job.created) })
        .where('id', '=', job.id)
        .execute();
    }
  }

  private async finish(job: ImportJob): Promise<void> {
    job.finishedAt = new Date().toISOString();
    await this.k
      .updateTable('import_jobs')
      .set({ finished_at: job.finishedAt, error: job.error, added: job.added, created: JSON.stringify(job.created) })
      .where('id', '=', job.id)
      .execute();
    await this.store.audit(
      job.actorId,
      'imported people',
      `${job.added} added, ${job.updated} updated${job.error ? `; stopped: ${job.error}` : ''}`,
    );
  }

  /** The passwords of a finished job, once (whichever process asks first); afterwards an empty list. */
  async takePasswords(job: ImportJob): Promise<CreatedAccount[]> {
    if (!job.finishedAt || job.passwordsShown) return [];
    const taken = await this.k
      .updateTable('import_jobs')
      .set({ passwords_shown: 1, created: '[]' })
      .where('id', '=', job.id)
      .where('passwords_shown', '=', 0)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return [];
    const created = job.created;
    job.passwordsShown = true;
    job.created = [];
    return created;
  }
}
