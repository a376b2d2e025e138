/**
 * The SQLite schema as Frontline wrote it before the database layer served PostgreSQL too (its
 * migrations 1 to 3, as raw SQL, word for word): data folders written by it must keep opening.
 * A fixture: never edit.
 */
export const LEGACY_MIGRATIONS: readonly string[] = [
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
