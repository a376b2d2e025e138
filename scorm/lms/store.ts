/**
 * Every read and write of the LMS's records, through Kysely, the same on SQLite and PostgreSQL.
 * What must stay consistent when several processes serve one database (a commit's sequence
 * check and write, numbering attempts and launches) runs in a transaction that first locks the
 * row it depends on: SELECT ... FOR UPDATE on PostgreSQL; on SQLite one connection per process
 * and the database's single writer give the same.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Version } from '../strict.js';
import type { Db } from './db.js';
import type { Role, Tables } from './schema.js';
import {
  ATTEMPT_LIMITS,
  derive,
  FINISHED,
  interactionsOf,
  NAMES,
  type Flat,
  type InteractionRow,
  type ValidCommit,
} from './cmi.js';
import { PROFILE_INTERACTION } from './profiles.js';

export type { Role };
export const ROLES: readonly Role[] = ['learner', 'hr', 'admin'];
/** HR and admins see everyone's records. */
export const isStaff = (u: { role: Role } | null | undefined) => u?.role === 'hr' || u?.role === 'admin';

export type User = Selectable<Tables['users']>;
/** `build`: the module build it was launched on (catalogue.ts); null for attempts from before builds were kept. */
export type Attempt = Selectable<Tables['attempts']>;
export type Launch = Selectable<Tables['launches']>;
export type StoredInteraction = Selectable<Tables['interactions']>;

export type ModuleInteraction = StoredInteraction & Pick<Attempt, 'user_id' | 'module_id' | 'module_version' | 'build'>;

export const SESSION_HOURS = 12;
const IDLE_MINUTES = 120;

const now = () => new Date().toISOString();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type CommitOutcome =
  | { outcome: 'stored' | 'superseded' | 'stale' | 'review' }
  /** The attempt was already finished: only its exit and session time were taken. */
  | { outcome: 'finished' }
  | { outcome: 'ahead'; next: number }
  | { outcome: 'too-large'; bytes: number };

/**
 * What a commit may change in an attempt already finished (passed, failed or completed): how
 * the learner left and the session's time. A result is never taken back; an attempt that was
 * only completed may still gain a result (passed or failed) with its score.
 */
function afterFinish(version: Attempt['scorm_version'], status: string, previous: Flat, incoming: Flat): Flat {
  const n = NAMES[version];
  const upgraded =
    status === 'completed' && ['passed', 'failed'].includes(derive(version, { ...previous, ...incoming }).status);
  if (upgraded) {
    const result = Object.entries(incoming).filter(([k]) => !k.startsWith('cmi.interactions.'));
    return { ...previous, ...Object.fromEntries(result) };
  }
  const kept: Flat = { ...previous };
  for (const key of [n.exit, n.sessionTime]) if (incoming[key] !== undefined) kept[key] = incoming[key];
  return kept;
}

/** Rows of the attempt list without their CMI (HR reads thousands: the CMI is the bulk of a row). */
const ATTEMPT_SUMMARY = [
  'id',
  'user_id',
  'module_id',
  'module_version',
  'scorm_version',
  'number',
  'status',
  'completion_status',
  'success_status',
  'score_raw',
  'score_scaled',
  'progress',
  'exit',
  'total_seconds',
  'commits',
  'created_at',
  'last_access_at',
  'completed_at',
  'build',
] as const;

/** How many ids go in one `IN (...)` list: well under either database's limit on parameters. */
const CHUNK = 500;

export class Store {
  constructor(
    readonly db: Db,
    /** The database, or the transaction this store is bound to (see `transaction`). */
    private readonly q: Kysely<Tables> = db.k,
  ) {}

  /**
   * Runs `fn` in one transaction, with a store bound to it (the same store when already in one).
   * Inside, use only that store: on SQLite the transaction holds the one connection.
   */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.q.isTransaction) return fn(this);
    return this.q.transaction().execute((trx) => fn(new Store(this.db, trx)));
  }

  /**
   * Locks a row against other lockers until the transaction ends (PostgreSQL; SQLite's writer
   * lock already serialises). NO KEY: rows that only refer to it (a new session) need not wait.
   */
  private async lock(table: 'users' | 'attempts', id: number): Promise<void> {
    if (this.db.postgres) await this.q.selectFrom(table).select('id').where('id', '=', id).forNoKeyUpdate().execute();
  }

  // Users

  /**
   * Adds an account; null when the login is taken, whatever its case (the unique index on
   * lower(login) decides, so two processes adding the same login at once add it once).
   */
  async createUser(u: {
    login: string;
    name: string;
    staffGroup: string;
    role: Role;
    passwordHash: string;
    mustChange: boolean;
  }): Promise<User | null> {
    const at = now();
    const added = await this.q
      .insertInto('users')
      .values({
        login: u.login.trim(),
        name: u.name.trim(),
        staff_group: u.staffGroup.trim(),
        role: u.role,
        password_hash: u.passwordHash,
        must_change_password: u.mustChange ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    return added ?? null;
  }

  userById(id: number): Promise<User | undefined> {
    return this.q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Logins match whatever their case (the unique index is on lower(login)). */
  userByLogin(login: string): Promise<User | undefined> {
    return this.q
      .selectFrom('users')
      .selectAll()
      .where(sql<boolean>`lower(login) = lower(${login.trim()})`)
      .executeTakeFirst();
  }

  users(): Promise<User[]> {
    return this.q
      .selectFrom('users')
      .selectAll()
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  }

  async countUsers(): Promise<number> {
    const row = await this.q
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The staff groups people are in, sorted. */
  async staffGroups(): Promise<string[]> {
    const rows = await this.q
      .selectFrom('users')
      .select('staff_group')
      .distinct()
      .where('staff_group', '<>', '')
      .execute();
    return rows.map((r) => r.staff_group).sort((a, b) => a.localeCompare(b));
  }

  async countAdmins(): Promise<number> {
    const row = await this.q
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async updateUser(
    id: number,
    fields: Partial<{ name: string; staff_group: string; role: Role; active: number }>,
  ): Promise<void> {
    if (!Object.keys(fields).length) return;
    await this.q
      .updateTable('users')
      .set({ ...fields, updated_at: now() })
      .where('id', '=', id)
      .execute();
  }

  async setPassword(id: number, hash: string, mustChange: boolean): Promise<void> {
    await this.q
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, updated_at: now() })
      .where('id', '=', id)
      .execute();
  }

  // Sessions: the cookie holds a random token; the table holds only its hash.

  async createSession(userId: number): Promise<{ token: string; id: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const id = sha256(token);
    const at = new Date().toISOString();
    const expires = new Date(Date.parse(at) + SESSION_HOURS * 3600_000);
    await this.q
      .insertInto('sessions')
      .values({ id, user_id: userId, created_at: at, last_seen_at: at, expires_at: expires.toISOString() })
      .execute();
    await this.q.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
    return { token, id, expires };
  }

  /** The session and its user for a cookie token, when it is live and the account active. */
  async resolveSession(token: string): Promise<{ id: string; user: User } | null> {
    if (!token || token.length > 100) return null;
    const id = sha256(token);
    const row = await this.q
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select(['s.last_seen_at', 's.expires_at'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const { last_seen_at, expires_at, ...user } = row;
    const t = Date.now();
    if (Date.parse(expires_at) < t || Date.parse(last_seen_at) + IDLE_MINUTES * 60_000 < t) {
      await this.deleteSession(id);
      return null;
    }
    if (!user.active) return null;
    if (t - Date.parse(last_seen_at) > 60_000)
      await this.q
        .updateTable('sessions')
        .set({ last_seen_at: new Date(t).toISOString() })
        .where('id', '=', id)
        .execute();
    return { id, user };
  }

  async deleteSession(id: string): Promise<void> {
    await this.q.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteSessionsOf(userId: number, except?: string): Promise<void> {
    await this.q
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(except !== undefined, (qb) => qb.where('id', '<>', except!))
      .execute();
  }

  async pruneSessions(): Promise<void> {
    await this.q.deleteFrom('sessions').where('expires_at', '<', now()).execute();
  }

  // Attempts and launches

  attempt(id: number): Promise<Attempt | undefined> {
    return this.q.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  attemptsOf(userId: number, moduleId?: string): Promise<Attempt[]> {
    return this.q
      .selectFrom('attempts')
      .selectAll()
      .where('user_id', '=', userId)
      .$if(moduleId !== undefined, (qb) => qb.where('module_id', '=', moduleId!))
      .orderBy('module_id')
      .orderBy('number')
      .execute();
  }

  /** Every attempt (or every one of a person's), without its CMI (an empty string in its place). */
  async allAttempts(userId?: number): Promise<Attempt[]> {
    const rows = await this.q
      .selectFrom('attempts')
      .select(ATTEMPT_SUMMARY)
      .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
      .orderBy('user_id')
      .orderBy('module_id')
      .orderBy('number')
      .execute();
    return rows.map((r) => ({ ...r, cmi: '' }));
  }

  /** The modules anyone has an attempt at. */
  async takenModules(): Promise<string[]> {
    const rows = await this.q.selectFrom('attempts').select('module_id').distinct().execute();
    return rows.map((r) => r.module_id);
  }

  async createAttempt(
    userId: number,
    moduleId: string,
    moduleVersion: string,
    version: Version,
    build: string | null = null,
  ): Promise<Attempt> {
    return this.transaction(async (s) => {
      await s.lock('users', userId);
      const last = await s.q
        .selectFrom('attempts')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('user_id', '=', userId)
        .where('module_id', '=', moduleId)
        .executeTakeFirst();
      const at = now();
      return s.q
        .insertInto('attempts')
        .values({
          user_id: userId,
          module_id: moduleId,
          module_version: moduleVersion,
          scorm_version: version,
          number: Number(last?.n ?? 0) + 1,
          created_at: at,
          last_access_at: at,
          build,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  /**
   * The learner's unfinished attempt at a module, to continue; or, when there is none and
   * `start` is given, a new one. One transaction, so two clicks (or two processes) make one.
   */
  continueOrStart(
    userId: number,
    moduleId: string,
    start: { moduleVersion: string; version: Version; build: string | null } | null,
  ): Promise<Attempt | undefined> {
    return this.transaction(async (s) => {
      await s.lock('users', userId);
      const latest = (await s.attemptsOf(userId, moduleId)).at(-1);
      if (latest && !FINISHED.has(latest.status)) return latest;
      return start ? s.createAttempt(userId, moduleId, start.moduleVersion, start.version, start.build) : undefined;
    });
  }

  createLaunch(attemptId: number, mode: 'normal' | 'review'): Promise<Launch> {
    return this.transaction(async (s) => {
      await s.lock('attempts', attemptId);
      const last = await s.q
        .selectFrom('launches')
        .select((eb) => eb.fn.max('n').as('n'))
        .where('attempt_id', '=', attemptId)
        .executeTakeFirst();
      const at = now();
      const launch = await s.q
        .insertInto('launches')
        .values({
          id: randomBytes(16).toString('base64url'),
          attempt_id: attemptId,
          mode,
          started_at: at,
          n: Number(last?.n ?? 0) + 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (mode === 'normal')
        await s.q.updateTable('attempts').set({ last_access_at: at }).where('id', '=', attemptId).execute();
      return launch;
    });
  }

  launch(id: string): Promise<Launch | undefined> {
    return this.q.selectFrom('launches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest normal launch of an attempt: the only one allowed to write to it. */
  latestLaunch(attemptId: number): Promise<Launch | undefined> {
    return this.q
      .selectFrom('launches')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .where('mode', '=', 'normal')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Stores a validated commit in one transaction, with the attempt locked: the merged CMI, the
   * derived status and score, the session's time, and the interactions (upserted by index: they
   * are append-only). A launch that another launch of the same attempt has replaced (the
   * learner went on in another browser) may no longer write, so an old tab cannot overwrite
   * newer progress; nor may a commit whose sequence is not above the last stored, whichever
   * process stored that.
   */
  applyCommit(attempt: Attempt, launch: Launch, commit: ValidCommit): Promise<CommitOutcome> {
    if (launch.mode !== 'normal') return Promise.resolve({ outcome: 'review' });
    return this.transaction(async (s) => {
      await s.lock('attempts', attempt.id);
      const latest = await s.latestLaunch(attempt.id);
      if (latest?.id !== launch.id) return { outcome: 'superseded' };
      if (commit.sequence !== null && commit.sequence <= latest.last_sequence) return { outcome: 'stale' };
      if (commit.sequence !== null && commit.sequence > latest.last_sequence + ATTEMPT_LIMITS.sequenceGap)
        return { outcome: 'ahead', next: latest.last_sequence + 1 };
      return s.writeCommit((await s.attempt(attempt.id))!, latest, commit);
    });
  }

  /** The writes of a commit already checked, inside applyCommit's transaction. */
  private async writeCommit(current: Attempt, launch: Launch, commit: ValidCommit): Promise<CommitOutcome> {
    const version = current.scorm_version;
    const previous = JSON.parse(current.cmi) as Flat;
    const wasFinished = FINISHED.has(current.status);
    const cmi: Flat = wasFinished
      ? afterFinish(version, current.status, previous, commit.data)
      : { ...previous, ...commit.data };
    const json = JSON.stringify(cmi);
    const bytes = Buffer.byteLength(json);
    if (bytes > ATTEMPT_LIMITS.storedBytes) return { outcome: 'too-large', bytes };
    const d = derive(version, cmi);
    const at = now();
    // A session lasts no longer than the time since its launch, whatever the SCO says.
    const elapsed = Math.max(0, (Date.parse(at) - Date.parse(launch.started_at)) / 1000);
    const sessionSeconds = d.sessionSeconds === null ? null : Math.min(d.sessionSeconds, Math.ceil(elapsed));
    await this.q
      .updateTable('launches')
      .set({
        last_commit_at: at,
        last_sequence: commit.sequence ?? launch.last_sequence,
        session_seconds: sessionSeconds ?? launch.session_seconds,
      })
      .where('id', '=', launch.id)
      .execute();
    const totals = this.q
      .selectFrom('launches')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('session_seconds'), eb.lit(0)).as('t'))
      .where('attempt_id', '=', current.id);
    await this.q
      .updateTable('attempts')
      .set((eb) => ({
        status: d.status,
        completion_status: d.completion,
        success_status: d.success,
        score_raw: d.scoreRaw,
        score_scaled: d.scoreScaled,
        progress: d.progress,
        exit: d.exit,
        cmi: json,
        commits: eb('commits', '+', 1),
        last_access_at: at,
        completed_at: current.completed_at ?? (FINISHED.has(d.status) ? at : null),
        total_seconds: totals,
      }))
      .where('id', '=', current.id)
      .execute();
    // Only new or changed interactions are written: most commits add one.
    const before = new Map(interactionsOf(version, previous).map((r) => [r.n, JSON.stringify(r)]));
    const changed = interactionsOf(version, cmi).filter((row) => before.get(row.n) !== JSON.stringify(row));
    await this.upsertInteractions(current.id, changed, at);
    return { outcome: wasFinished ? 'finished' : 'stored' };
  }

  private async upsertInteractions(attemptId: number, rows: readonly InteractionRow[], at: string): Promise<void> {
    if (!rows.length) return;
    await this.q
      .insertInto('interactions')
      .values(
        rows.map((r) => ({
          attempt_id: attemptId,
          n: r.n,
          interaction_id: r.id,
          type: r.type,
          response: r.response,
          correct_pattern: r.pattern,
          result: r.result,
          weighting: r.weighting,
          latency: r.latency,
          timestamp: r.timestamp,
          description: r.description,
          objective_id: r.objective,
          recorded_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['attempt_id', 'n']).doUpdateSet((eb) => ({
          interaction_id: eb.ref('excluded.interaction_id'),
          type: eb.ref('excluded.type'),
          response: eb.ref('excluded.response'),
          correct_pattern: eb.ref('excluded.correct_pattern'),
          result: eb.ref('excluded.result'),
          weighting: eb.ref('excluded.weighting'),
          latency: eb.ref('excluded.latency'),
          timestamp: eb.ref('excluded.timestamp'),
          description: eb.ref('excluded.description'),
          objective_id: eb.ref('excluded.objective_id'),
        })),
      )
      .execute();
  }

  interactionsOf(attemptId: number): Promise<StoredInteraction[]> {
    return this.q.selectFrom('interactions').selectAll().where('attempt_id', '=', attemptId).orderBy('n').execute();
  }

  /** The recorded decisions of the given attempts, by attempt, in order: a query per 500 attempts. */
  async interactionsOfAttempts(
    ids: readonly number[],
  ): Promise<Map<number, Pick<StoredInteraction, 'interaction_id' | 'response'>[]>> {
    const out = new Map<number, Pick<StoredInteraction, 'interaction_id' | 'response'>[]>(ids.map((id) => [id, []]));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.q
        .selectFrom('interactions')
        .select(['attempt_id', 'interaction_id', 'response'])
        .where('attempt_id', 'in', ids.slice(i, i + CHUNK))
        .orderBy('attempt_id')
        .orderBy('n')
        .execute();
      for (const { attempt_id, ...rest } of rows) out.get(attempt_id)?.push(rest);
    }
    return out;
  }

  /**
   * Every `learner-profile` record (profiles.ts), with whose and which module's it is, in the
   * order recorded: by attempt number, then by index.
   */
  profileRecords(): Promise<{ user_id: number; module_id: string; response: string | null }[]> {
    return this.q
      .selectFrom('interactions as i')
      .innerJoin('attempts as a', 'a.id', 'i.attempt_id')
      .select(['a.user_id', 'a.module_id', 'i.response'])
      .where('i.interaction_id', '=', PROFILE_INTERACTION)
      .orderBy('a.user_id')
      .orderBy('a.module_id')
      .orderBy('a.number')
      .orderBy('i.n')
      .execute();
  }

  /** Every recorded decision for a module, with its attempt's owner. */
  interactionsForModule(moduleId: string): Promise<ModuleInteraction[]> {
    return this.q
      .selectFrom('interactions as i')
      .innerJoin('attempts as a', 'a.id', 'i.attempt_id')
      .selectAll('i')
      .select(['a.user_id', 'a.module_id', 'a.module_version', 'a.build'])
      .where('a.module_id', '=', moduleId)
      .orderBy('i.attempt_id')
      .orderBy('i.n')
      .execute();
  }

  // Module builds: what reports know of each version (catalogue.ts)

  /** Keeps a build's report data, once: the first copy of a hash is the one kept. */
  async keepBuild(hash: string, moduleId: string, version: string, data: string): Promise<void> {
    await this.q
      .insertInto('builds')
      .values({ hash, module_id: moduleId, version, data, first_seen_at: now() })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  }

  async buildData(hash: string): Promise<string | undefined> {
    return (await this.q.selectFrom('builds').select('data').where('hash', '=', hash).executeTakeFirst())?.data;
  }

  /** The hash of the newest kept build of a module (of one version, when given). */
  async latestBuild(moduleId: string, version?: string): Promise<string | undefined> {
    const row = await this.q
      .selectFrom('builds')
      .select('hash')
      .where('module_id', '=', moduleId)
      .$if(version !== undefined, (qb) => qb.where('version', '=', version!))
      .orderBy('first_seen_at', 'desc')
      .orderBy('hash', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.hash;
  }

  // Audit

  async audit(actorId: number | null, action: string, detail = ''): Promise<void> {
    await this.q.insertInto('audit').values({ at: now(), actor_id: actorId, action, detail }).execute();
  }

  recentAudit(limit = 30): Promise<{ at: string; actor: string | null; action: string; detail: string }[]> {
    return this.q
      .selectFrom('audit as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.at', 'u.name as actor', 'a.action', 'a.detail'])
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  }
}

export type { InteractionRow };
