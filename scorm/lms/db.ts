/**
 * The local LMS's database: one SQLite file in the data folder, opened with better-sqlite3
 * in WAL mode. The schema is built by numbered migrations, each applied once inside a
 * transaction and recorded in PRAGMA user_version, so an old data folder is brought up to
 * date on start and a newer one is refused rather than damaged.
 *
 * Backups: stop the LMS (it checkpoints the WAL on a clean stop) and copy lms.sqlite, or run
 * `npm run lms -- --backup <file>`, which uses SQLite's online backup while it runs.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** A problem at start that the person starting the LMS can put right: shown as one sentence, not a stack trace. */
export class LmsStartError extends Error {}

/** Every schema change, in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly string[] = [
  // 1: accounts, sessions, attempts with their launches and interactions, an audit trail.
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,          -- email or staff number: what they sign in with
    name TEXT NOT NULL,
    staff_group TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('learner', 'hr', 'admin')),
    password_hash TEXT NOT NULL,                         -- scrypt$N$r$p$salt$hash
    must_change_password INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_sign_in_at TEXT
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,                                 -- sha256 of the cookie's token: a copy of the file signs no one in
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    module_id TEXT NOT NULL,
    module_version TEXT NOT NULL,
    scorm_version TEXT NOT NULL CHECK (scorm_version IN ('1.2', '2004')),
    number INTEGER NOT NULL,                             -- 1, 2, ... per learner and module
    status TEXT NOT NULL DEFAULT 'not attempted',        -- not attempted | incomplete | browsed | completed | passed | failed
    completion_status TEXT,
    success_status TEXT,
    score_raw REAL,
    score_scaled REAL,
    progress REAL,
    exit TEXT,
    cmi TEXT NOT NULL DEFAULT '{}',                      -- the flattened CMI as last committed (writable elements only)
    total_seconds REAL NOT NULL DEFAULT 0,
    commits INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_access_at TEXT NOT NULL,
    completed_at TEXT,                                   -- first time the attempt was finished (passed, failed or completed)
    UNIQUE (user_id, module_id, number)
  );
  CREATE INDEX attempts_module ON attempts(module_id);
  CREATE TABLE launches (
    id TEXT PRIMARY KEY,                                 -- random, in the commit URL
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('normal', 'review')),
    started_at TEXT NOT NULL,
    last_commit_at TEXT,
    last_sequence INTEGER NOT NULL DEFAULT 0,
    session_seconds REAL NOT NULL DEFAULT 0
  );
  CREATE INDEX launches_attempt ON launches(attempt_id);
  CREATE TABLE interactions (
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    interaction_id TEXT NOT NULL,                        -- the scenario id
    type TEXT,
    response TEXT,                                       -- learner_response (2004) or student_response (1.2)
    correct_pattern TEXT,
    result TEXT,
    weighting TEXT,
    latency TEXT,
    timestamp TEXT,
    description TEXT,
    objective_id TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, n)
  );
  CREATE INDEX interactions_id ON interactions(interaction_id);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id INTEGER,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
  );
  `,
  // 2: each module build's report data, kept by hash, and the build an attempt was launched on.
  `
  CREATE TABLE builds (
    hash TEXT PRIMARY KEY,                               -- sha256 of the report file: one per distinct build
    module_id TEXT NOT NULL,
    version TEXT NOT NULL,
    data TEXT NOT NULL,                                  -- the module's <id>.report.json as built
    first_seen_at TEXT NOT NULL
  );
  CREATE INDEX builds_module ON builds(module_id, version);
  ALTER TABLE attempts ADD COLUMN build TEXT;          -- builds.hash; NULL for attempts from before builds were kept
  `,
  // 3: which modules learners are offered, and in which SCORM version (an admin's choice, not a learner's).
  // IF NOT EXISTS: a data folder from before the builds table had these as its migration 2 (see migrate).
  `
  CREATE TABLE IF NOT EXISTS module_settings (
    module_id TEXT PRIMARY KEY,
    live INTEGER NOT NULL CHECK (live IN (0, 1)),
    scorm_version TEXT NOT NULL DEFAULT '2004' CHECK (scorm_version IN ('1.2', '2004')),
    updated_at TEXT NOT NULL
  );
  -- One row that /healthz rewrites, to prove the database can still be written.
  CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);
  `,
];

/** Opens (creating if need be) the database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  try {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK);
    if (existsSync(join(dataDir, 'lms.sqlite'))) accessSync(join(dataDir, 'lms.sqlite'), constants.W_OK);
  } catch {
    throw new LmsStartError(
      `The data folder ${dataDir} cannot be created or written: check that it exists and that this user may write to it (or set FRONTLINE_DATA to another folder).`,
    );
  }
  const file = join(dataDir, 'lms.sqlite');
  const db = new Database(file);
  try {
    chmodSync(file, 0o600);
  } catch {
    /* not every file system keeps modes */
  }
  db.pragma('journal_mode = WAL');
  // NORMAL is safe from corruption in WAL mode; a power cut may lose the last commit,
  // which the module also keeps in its own journal and sends again.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies the migrations the database has not had yet. */
export function migrate(db: Db): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  // Module settings were once numbered 2, before the builds table was: such a folder is at 2
  // without builds, so it takes builds now and passes over what it already has in 3.
  const hasBuilds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'builds'").get();
  if (current === 2 && !hasBuilds) current = 1;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The data folder was written by a newer Frontline (schema ${current}; this one knows ${MIGRATIONS.length}). Use the newer version, or a backup.`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length - current;
}

/** Folds the WAL into the main file and closes: after this, lms.sqlite alone is a full copy. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    /* closing anyway */
  }
  db.close();
}

/** True when the database takes a write now: what /healthz reports. */
export function canWrite(db: Db): boolean {
  try {
    db.prepare(
      'INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
    ).run(new Date().toISOString());
    return true;
  } catch {
    return false;
  }
}

/**
 * A consistent copy of the live database in `dir` (SQLite's online backup: safe while the LMS
 * runs), named by the time, keeping the newest `keep` copies. Returns the new file.
 */
export async function backupInto(db: Db, dir: string, keep: number): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `lms-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  await db.backup(file);
  const copies = readdirSync(dir)
    .filter((f) => /^lms-.*\.sqlite$/.test(f))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) rmSync(join(dir, old), { force: true });
  return file;
}
