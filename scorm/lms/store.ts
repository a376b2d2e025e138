/** Every read and write of the LMS's records, as prepared statements over the SQLite file. */
import { createHash, randomBytes } from 'node:crypto';
import type { Version } from '../strict.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
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

export type Role = 'learner' | 'hr' | 'admin';
export const ROLES: readonly Role[] = ['learner', 'hr', 'admin'];
/** HR and admins see everyone's records. */
export const isStaff = (u: { role: Role } | null | undefined) => u?.role === 'hr' || u?.role === 'admin';

export interface User {
  id: number;
  login: string;
  name: string;
  staff_group: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  active: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface Attempt {
  id: number;
  user_id: number;
  module_id: string;
  module_version: string;
  scorm_version: Version;
  number: number;
  status: string;
  completion_status: string | null;
  success_status: string | null;
  score_raw: number | null;
  score_scaled: number | null;
  progress: number | null;
  exit: string | null;
  cmi: string;
  total_seconds: number;
  commits: number;
  created_at: string;
  last_access_at: string;
  completed_at: string | null;
  /** The module build it was launched on (catalogue.ts); null for attempts from before builds were kept. */
  build: string | null;
}

export interface Launch {
  id: string;
  attempt_id: number;
  mode: 'normal' | 'review';
  started_at: string;
  last_commit_at: string | null;
  last_sequence: number;
  session_seconds: number;
}

export interface StoredInteraction {
  attempt_id: number;
  n: number;
  interaction_id: string;
  type: string | null;
  response: string | null;
  correct_pattern: string | null;
  result: string | null;
  weighting: string | null;
  latency: string | null;
  timestamp: string | null;
  description: string | null;
  objective_id: string | null;
  recorded_at: string;
}

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

export class Store {
  private statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {}

  /** A prepared statement, compiled once. */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  // Users

  createUser(u: {
    login: string;
    name: string;
    staffGroup: string;
    role: Role;
    passwordHash: string;
    mustChange: boolean;
  }): User {
    const at = now();
    const info = this.sql(
      `INSERT INTO users (login, name, staff_group, role, password_hash, must_change_password, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(u.login.trim(), u.name.trim(), u.staffGroup.trim(), u.role, u.passwordHash, u.mustChange ? 1 : 0, at, at);
    return this.userById(Number(info.lastInsertRowid))!;
  }

  userById(id: number): User | undefined {
    return this.sql('SELECT * FROM users WHERE id = ?').get(id) as User | undefined;
  }

  userByLogin(login: string): User | undefined {
    return this.sql('SELECT * FROM users WHERE login = ? COLLATE NOCASE').get(login.trim()) as User | undefined;
  }

  users(): User[] {
    return this.sql('SELECT * FROM users ORDER BY name COLLATE NOCASE, id').all() as User[];
  }

  countAdmins(): number {
    return (this.sql("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
  }

  updateUser(id: number, fields: Partial<{ name: string; staff_group: string; role: Role; active: number }>): void {
    const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
    if (!sets.length) return;
    this.sql(`UPDATE users SET ${sets.join(', ')}, updated_at = @at WHERE id = @id`).run({ ...fields, at: now(), id });
  }

  setPassword(id: number, hash: string, mustChange: boolean): void {
    this.sql('UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?').run(
      hash,
      mustChange ? 1 : 0,
      now(),
      id,
    );
  }

  // Sessions: the cookie holds a random token; the table holds only its hash.

  createSession(userId: number): { token: string; id: string; expires: Date } {
    const token = randomBytes(32).toString('base64url');
    const id = sha256(token);
    const at = new Date();
    const expires = new Date(at.getTime() + SESSION_HOURS * 3600_000);
    this.sql('INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      userId,
      at.toISOString(),
      at.toISOString(),
      expires.toISOString(),
    );
    this.sql('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(at.toISOString(), userId);
    return { token, id, expires };
  }

  /** The session and its user for a cookie token, when it is live and the account active. */
  resolveSession(token: string): { id: string; user: User } | null {
    if (!token || token.length > 100) return null;
    const id = sha256(token);
    const row = this.sql('SELECT * FROM sessions WHERE id = ?').get(id) as
      { id: string; user_id: number; last_seen_at: string; expires_at: string } | undefined;
    if (!row) return null;
    const t = Date.now();
    if (Date.parse(row.expires_at) < t || Date.parse(row.last_seen_at) + IDLE_MINUTES * 60_000 < t) {
      this.deleteSession(id);
      return null;
    }
    const user = this.userById(row.user_id);
    if (!user || !user.active) return null;
    if (t - Date.parse(row.last_seen_at) > 60_000)
      this.sql('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(new Date(t).toISOString(), id);
    return { id, user };
  }

  deleteSession(id: string): void {
    this.sql('DELETE FROM sessions WHERE id = ?').run(id);
  }

  deleteSessionsOf(userId: number, except?: string): void {
    this.sql('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, except ?? null);
  }

  pruneSessions(): void {
    this.sql('DELETE FROM sessions WHERE expires_at < ?').run(now());
  }

  // Attempts and launches

  attempt(id: number): Attempt | undefined {
    return this.sql('SELECT * FROM attempts WHERE id = ?').get(id) as Attempt | undefined;
  }

  attemptsOf(userId: number, moduleId?: string): Attempt[] {
    return moduleId
      ? (this.sql('SELECT * FROM attempts WHERE user_id = ? AND module_id = ? ORDER BY number').all(
          userId,
          moduleId,
        ) as Attempt[])
      : (this.sql('SELECT * FROM attempts WHERE user_id = ? ORDER BY module_id, number').all(userId) as Attempt[]);
  }

  allAttempts(): Attempt[] {
    return this.sql(
      "SELECT id, user_id, module_id, module_version, scorm_version, number, status, completion_status, success_status, score_raw, score_scaled, progress, exit, '' AS cmi, total_seconds, commits, created_at, last_access_at, completed_at, build FROM attempts ORDER BY user_id, module_id, number",
    ).all() as Attempt[];
  }

  createAttempt(
    userId: number,
    moduleId: string,
    moduleVersion: string,
    version: Version,
    build: string | null = null,
  ): Attempt {
    const at = now();
    return this.db.transaction(() => {
      const last = this.sql('SELECT MAX(number) AS n FROM attempts WHERE user_id = ? AND module_id = ?').get(
        userId,
        moduleId,
      ) as { n: number | null };
      const info = this.sql(
        `INSERT INTO attempts (user_id, module_id, module_version, scorm_version, number, created_at, last_access_at, build)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(userId, moduleId, moduleVersion, version, (last.n ?? 0) + 1, at, at, build);
      return this.attempt(Number(info.lastInsertRowid))!;
    })();
  }

  createLaunch(attemptId: number, mode: 'normal' | 'review'): Launch {
    const id = randomBytes(16).toString('base64url');
    const at = now();
    this.sql('INSERT INTO launches (id, attempt_id, mode, started_at) VALUES (?, ?, ?, ?)').run(
      id,
      attemptId,
      mode,
      at,
    );
    if (mode === 'normal') this.sql('UPDATE attempts SET last_access_at = ? WHERE id = ?').run(at, attemptId);
    return this.launch(id)!;
  }

  launch(id: string): Launch | undefined {
    return this.sql('SELECT * FROM launches WHERE id = ?').get(id) as Launch | undefined;
  }

  /** The newest normal launch of an attempt: the only one allowed to write to it. */
  latestLaunch(attemptId: number): Launch | undefined {
    return this.sql(
      "SELECT * FROM launches WHERE attempt_id = ? AND mode = 'normal' ORDER BY started_at DESC, rowid DESC LIMIT 1",
    ).get(attemptId) as Launch | undefined;
  }

  /**
   * Stores a validated commit in one transaction: the merged CMI, the derived status and
   * score, the session's time, and the interactions (upserted by index: they are append-only).
   * A launch that another launch of the same attempt has replaced (the learner went on in
   * another browser) may no longer write, so an old tab cannot overwrite newer progress.
   */
  applyCommit(attempt: Attempt, launch: Launch, commit: ValidCommit): CommitOutcome {
    return this.db
      .transaction((): CommitOutcome => {
        if (launch.mode !== 'normal') return { outcome: 'review' };
        const latest = this.latestLaunch(attempt.id);
        if (latest?.id !== launch.id) return { outcome: 'superseded' };
        const fresh = this.launch(launch.id)!;
        if (commit.sequence !== null && commit.sequence <= fresh.last_sequence) return { outcome: 'stale' };
        if (commit.sequence !== null && commit.sequence > fresh.last_sequence + ATTEMPT_LIMITS.sequenceGap)
          return { outcome: 'ahead', next: fresh.last_sequence + 1 };
        const current = this.attempt(attempt.id)!;
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
        const finished = FINISHED.has(d.status);
        // A session lasts no longer than the time since its launch, whatever the SCO says.
        const elapsed = Math.max(0, (Date.parse(at) - Date.parse(fresh.started_at)) / 1000);
        const sessionSeconds = d.sessionSeconds === null ? null : Math.min(d.sessionSeconds, Math.ceil(elapsed));
        this.sql(
          'UPDATE launches SET last_commit_at = ?, last_sequence = ?, session_seconds = COALESCE(?, session_seconds) WHERE id = ?',
        ).run(at, commit.sequence ?? fresh.last_sequence, sessionSeconds, launch.id);
        this.sql(
          `UPDATE attempts SET status = @status, completion_status = @completion, success_status = @success, score_raw = @raw,
          score_scaled = @scaled, progress = @progress, exit = @exit, cmi = @cmi, commits = commits + 1, last_access_at = @at,
          completed_at = COALESCE(completed_at, @completedAt),
          total_seconds = (SELECT COALESCE(SUM(session_seconds), 0) FROM launches WHERE attempt_id = @id)
        WHERE id = @id`,
        ).run({
          status: d.status,
          completion: d.completion,
          success: d.success,
          raw: d.scoreRaw,
          scaled: d.scoreScaled,
          progress: d.progress,
          exit: d.exit,
          cmi: json,
          at,
          completedAt: finished ? at : null,
          id: attempt.id,
        });
        const upsert = this
          .sql(`INSERT INTO interactions (attempt_id, n, interaction_id, type, response, correct_pattern, result, weighting, latency, timestamp, description, objective_id, recorded_at)
        VALUES (@attempt, @n, @id, @type, @response, @pattern, @result, @weighting, @latency, @timestamp, @description, @objective, @at)
        ON CONFLICT (attempt_id, n) DO UPDATE SET interaction_id = excluded.interaction_id, type = excluded.type, response = excluded.response,
          correct_pattern = excluded.correct_pattern, result = excluded.result, weighting = excluded.weighting, latency = excluded.latency,
          timestamp = excluded.timestamp, description = excluded.description, objective_id = excluded.objective_id
        WHERE interactions.response IS NOT excluded.response OR interactions.result IS NOT excluded.result OR interactions.interaction_id IS NOT excluded.interaction_id
          OR interactions.correct_pattern IS NOT excluded.correct_pattern OR interactions.timestamp IS NOT excluded.timestamp`);
        // Only new or changed interactions are written: most commits add one.
        const before = new Map(interactionsOf(version, previous).map((r) => [r.n, JSON.stringify(r)]));
        for (const row of interactionsOf(version, cmi)) {
          if (before.get(row.n) !== JSON.stringify(row)) upsert.run({ attempt: attempt.id, ...row, at });
        }
        return { outcome: wasFinished ? 'finished' : 'stored' };
      })
      .immediate();
  }

  interactionsOf(attemptId: number): StoredInteraction[] {
    return this.sql('SELECT * FROM interactions WHERE attempt_id = ? ORDER BY n').all(attemptId) as StoredInteraction[];
  }

  /** The recorded decisions of the given attempts, by attempt, in order. */
  interactionsOfAttempts(
    ids: readonly number[],
  ): Map<number, Pick<StoredInteraction, 'interaction_id' | 'response'>[]> {
    const statement = this.sql('SELECT interaction_id, response FROM interactions WHERE attempt_id = ? ORDER BY n');
    return new Map(
      ids.map((id) => [id, statement.all(id) as Pick<StoredInteraction, 'interaction_id' | 'response'>[]]),
    );
  }

  /** Every recorded decision for a module, with its attempt's owner. */
  interactionsForModule(moduleId: string): ModuleInteraction[] {
    return this.sql(
      `SELECT i.*, a.user_id, a.module_id, a.module_version, a.build FROM interactions i JOIN attempts a ON a.id = i.attempt_id
      WHERE a.module_id = ? ORDER BY i.attempt_id, i.n`,
    ).all(moduleId) as ModuleInteraction[];
  }

  // Module builds: what reports know of each version (catalogue.ts)

  /** Keeps a build's report data, once: the first copy of a hash is the one kept. */
  keepBuild(hash: string, moduleId: string, version: string, data: string): void {
    this.sql('INSERT OR IGNORE INTO builds (hash, module_id, version, data, first_seen_at) VALUES (?, ?, ?, ?, ?)').run(
      hash,
      moduleId,
      version,
      data,
      now(),
    );
  }

  buildData(hash: string): string | undefined {
    return (this.sql('SELECT data FROM builds WHERE hash = ?').get(hash) as { data: string } | undefined)?.data;
  }

  /** The hash of the newest kept build of a module (of one version, when given). */
  latestBuild(moduleId: string, version?: string): string | undefined {
    const row = (
      version === undefined
        ? this.sql('SELECT hash FROM builds WHERE module_id = ? ORDER BY first_seen_at DESC, rowid DESC LIMIT 1').get(
            moduleId,
          )
        : this.sql(
            'SELECT hash FROM builds WHERE module_id = ? AND version = ? ORDER BY first_seen_at DESC, rowid DESC LIMIT 1',
          ).get(moduleId, version)
    ) as { hash: string } | undefined;
    return row?.hash;
  }

  // Audit

  audit(actorId: number | null, action: string, detail = ''): void {
    this.sql('INSERT INTO audit (at, actor_id, action, detail) VALUES (?, ?, ?, ?)').run(
      now(),
      actorId,
      action,
      detail,
    );
  }

  recentAudit(limit = 30): { at: string; actor: string | null; action: string; detail: string }[] {
    return this.sql(
      `SELECT a.at, u.name AS actor, a.action, a.detail FROM audit a LEFT JOIN users u ON u.id = a.actor_id
      ORDER BY a.id DESC LIMIT ?`,
    ).all(limit) as { at: string; actor: string | null; action: string; detail: string }[];
  }
}

export type { InteractionRow };
