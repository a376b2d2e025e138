/**
 * The LMS's tables, as TypeScript sees them and as the migrations build them, for SQLite and
 * PostgreSQL alike. Kysely's schema builder writes each dialect's DDL; the few differences
 * (an identity column, the schema version) are named where they occur.
 *
 * Portable by choice: booleans are integers 0/1, times are ISO 8601 text (UTC, so they sort),
 * fractions are double precision, JSON is text, and logins are unique case-insensitively by
 * an index on lower(login).
 */
import { sql, type ColumnDefinitionBuilder, type Generated, type Kysely } from 'kysely';

export type DbKind = 'sqlite' | 'postgres';
export type Role = 'learner' | 'hr' | 'admin';

export interface Tables {
  users: {
    id: Generated<number>;
    /** Email or staff number: what they sign in with. */
    login: string;
    name: string;
    staff_group: Generated<string>;
    role: Role;
    /** scrypt$N$r$p$salt$hash */
    password_hash: string;
    must_change_password: Generated<number>;
    active: Generated<number>;
    created_at: string;
    updated_at: string;
    last_sign_in_at: string | null;
  };
  sessions: {
    /** sha256 of the cookie's token: a copy of the database signs no one in. */
    id: string;
    user_id: number;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  attempts: {
    id: Generated<number>;
    user_id: number;
    module_id: string;
    module_version: string;
    scorm_version: '1.2' | '2004';
    /** 1, 2, ... per learner and module. */
    number: number;
    /** not attempted | incomplete | browsed | completed | passed | failed */
    status: Generated<string>;
    completion_status: string | null;
    success_status: string | null;
    score_raw: number | null;
    score_scaled: number | null;
    progress: number | null;
    exit: string | null;
    /** The flattened CMI as last committed (writable elements only), as JSON. */
    cmi: Generated<string>;
    total_seconds: Generated<number>;
    commits: Generated<number>;
    created_at: string;
    last_access_at: string;
    /** First time the attempt was finished (passed, failed or completed). */
    completed_at: string | null;
    /** builds.hash; null for attempts from before builds were kept. */
    build: string | null;
  };
  launches: {
    /** Random, in the commit URL. */
    id: string;
    attempt_id: number;
    mode: 'normal' | 'review';
    started_at: string;
    last_commit_at: string | null;
    last_sequence: Generated<number>;
    session_seconds: Generated<number>;
    /** 1, 2, ... per attempt, in the order made: the newest normal launch is the one that may write. */
    n: Generated<number>;
  };
  interactions: {
    attempt_id: number;
    n: number;
    /** The scenario id. */
    interaction_id: string;
    type: string | null;
    /** learner_response (2004) or student_response (1.2). */
    response: string | null;
    correct_pattern: string | null;
    result: string | null;
    weighting: string | null;
    latency: string | null;
    timestamp: string | null;
    description: string | null;
    objective_id: string | null;
    recorded_at: string;
  };
  audit: { id: Generated<number>; at: string; actor_id: number | null; action: string; detail: Generated<string> };
  builds: {
    /** sha256 of the report file: one per distinct build. */
    hash: string;
    module_id: string;
    version: string;
    /** The module's <id>.report.json as built. */
    data: string;
    first_seen_at: string;
  };
  module_settings: { module_id: string; live: number; scorm_version: Generated<'1.2' | '2004'>; updated_at: string };
  health: { id: number; checked_at: string };
  /** Secrets every process shares (the key that signs cookies and CSRF tokens). */
  secrets: { name: string; value: string };
  /** Failed sign-ins per account (signin-limits.ts); times in ms since 1970. */
  signin_accounts: { login_key: string; failures: number; last_ms: number; until_ms: number };
  signin_addresses: { address: string; failures: number; start_ms: number };
  /** Background imports of people (imports.ts), so any process can show one's progress. */
  import_jobs: {
    id: string;
    actor_id: number;
    started_at: string;
    finished_at: string | null;
    total: number;
    added: Generated<number>;
    updated: Generated<number>;
    /** The accounts made and their temporary passwords, as JSON, until shown once. */
    created: Generated<string>;
    passwords_shown: Generated<number>;
    error: string | null;
  };
  /** PostgreSQL only: SQLite keeps its version in PRAGMA user_version. */
  schema_version: { id: number; version: number };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is
type AnyDb = Kysely<any>;
export type Migration = (db: AnyDb, kind: DbKind) => Promise<void>;

/** An integer key the database numbers: SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity column. */
const serial = (kind: DbKind) => (c: ColumnDefinitionBuilder) =>
  kind === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey();
const REAL = 'double precision';

/** 1: accounts, sessions, attempts with their launches and interactions, an audit trail. */
async function accounts(db: AnyDb, kind: DbKind): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', serial(kind))
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('staff_group', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('learner', 'hr', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'integer', serial(kind))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('module_version', 'text', (c) => c.notNull())
    .addColumn('scorm_version', 'text', (c) => c.notNull().check(sql`scorm_version IN ('1.2', '2004')`))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not attempted'))
    .addColumn('completion_status', 'text')
    .addColumn('success_status', 'text')
    .addColumn('score_raw', REAL)
    .addColumn('score_scaled', REAL)
    .addColumn('progress', REAL)
    .addColumn('exit', 'text')
    .addColumn('cmi', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('total_seconds', REAL, (c) => c.notNull().defaultTo(0))
    .addColumn('commits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_access_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addUniqueConstraint('attempts_user_module_number', ['user_id', 'module_id', 'number'])
    .execute();
  await db.schema.createIndex('attempts_module').on('attempts').column('module_id').execute();
  await db.schema
    .createTable('launches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode IN ('normal', 'review')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_commit_at', 'text')
    .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('session_seconds', REAL, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('launches_attempt').on('launches').column('attempt_id').execute();
  let interactions = db.schema
    .createTable('interactions')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('interaction_id', 'text', (c) => c.notNull());
  for (const column of ['type', 'response', 'correct_pattern', 'result', 'weighting', 'latency', 'timestamp'])
    interactions = interactions.addColumn(column, 'text');
  await interactions
    .addColumn('description', 'text')
    .addColumn('objective_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interactions_pk', ['attempt_id', 'n'])
    .execute();
  await db.schema.createIndex('interactions_id').on('interactions').column('interaction_id').execute();
  await db.schema
    .createTable('audit')
    .addColumn('id', 'integer', serial(kind))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

/** 2: each module build's report data, kept by hash, and the build an attempt was launched on. */
async function builds(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('builds')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('builds_module').on('builds').columns(['module_id', 'version']).execute();
  await db.schema.alterTable('attempts').addColumn('build', 'text').execute();
}

/**
 * 3: which modules learners are offered, and in which SCORM version (an admin's choice), and
 * one row that /healthz rewrites. IF NOT EXISTS: a SQLite folder from before the builds table
 * had these as its migration 2 (see db.ts).
 */
async function moduleSettings(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('module_settings')
    .ifNotExists()
    .addColumn('module_id', 'text', (c) => c.primaryKey())
    .addColumn('live', 'integer', (c) => c.notNull().check(sql`live IN (0, 1)`))
    .addColumn('scorm_version', 'text', (c) =>
      c
        .notNull()
        .defaultTo('2004')
        .check(sql`scorm_version IN ('1.2', '2004')`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('health')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

/**
 * 4: several processes on one database. What was kept in one process's memory moves here:
 * the signing secret, sign-in failures, import jobs; launches are numbered per attempt (SQLite's
 * rowid ordered them before), and logins are unique case-insensitively on both databases.
 */
async function shared(db: AnyDb, kind: DbKind): Promise<void> {
  await db.schema
    .createIndex('users_login_lower')
    .unique()
    .on('users')
    .expression(sql`lower(login)`)
    .execute();
  await db.schema
    .alterTable('launches')
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (kind === 'sqlite')
    await sql`UPDATE launches SET n = (SELECT COUNT(*) FROM launches l WHERE l.attempt_id = launches.attempt_id
      AND (l.started_at < launches.started_at OR (l.started_at = launches.started_at AND l.rowid <= launches.rowid)))`.execute(
      db,
    );
  await db.schema.createIndex('launches_attempt_n').on('launches').columns(['attempt_id', 'n']).execute();
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('signin_accounts')
    .addColumn('login_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_ms', REAL, (c) => c.notNull())
    .addColumn('until_ms', REAL, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('signin_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('start_ms', REAL, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('passwords_shown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
}

/** Every table of the records, parents before the tables that refer to them: the order to copy them in. */
export const TABLES = [
  'users',
  'sessions',
  'attempts',
  'launches',
  'interactions',
  'audit',
  'builds',
  'module_settings',
  'health',
  'secrets',
  'signin_accounts',
  'signin_addresses',
  'import_jobs',
] as const satisfies readonly (keyof Tables)[];

/** The tables whose integer key the database numbers (`serial` above). */
export const NUMBERED_TABLES = ['users', 'attempts', 'audit'] as const satisfies readonly (keyof Tables)[];

/** Every schema change, in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [accounts, builds, moduleSettings, shared];
