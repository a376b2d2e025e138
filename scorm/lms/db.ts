/**
 * The local LMS's database: SQLite in the data folder (the default: `npm start` needs nothing
 * else), or PostgreSQL when DATABASE_URL names one (postgres://…), for an organisation that
 * runs several LMS processes on the database its IT team already backs up. Every query goes
 * through Kysely, which writes each dialect's SQL; the schema is built by one list of
 * numbered migrations (schema.ts) that serves both.
 *
 * SQLite: one file, lms.sqlite, opened with better-sqlite3 in WAL mode; its schema version is
 * PRAGMA user_version, so a data folder written by any earlier Frontline is brought up to date.
 * Backups: stop the LMS (it checkpoints the WAL on a clean stop) and copy lms.sqlite, or run
 * `npm run lms -- --backup <file>`, which uses SQLite's online backup while it runs.
 *
 * PostgreSQL: a pool of connections; the schema version is a one-row table, and migrations run
 * under an advisory lock, so processes starting together apply each migration once. Back it
 * up with pg_dump.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { MIGRATIONS, NUMBERED_TABLES, TABLES, type DbKind, type Tables } from './schema.js';

export { MIGRATIONS, NUMBERED_TABLES, TABLES, type Tables };

/** A problem at start that the person starting the LMS can put right: shown as one sentence, not a stack trace. */
export class LmsStartError extends Error {}

/** The open database: Kysely over either dialect, and the SQLite handle for what only SQLite has (backups, pragmas). */
export class Db {
  constructor(
    readonly kind: DbKind,
    readonly k: Kysely<Tables>,
    readonly sqlite: Database.Database | null,
  ) {}

  get postgres(): boolean {
    return this.kind === 'postgres';
  }
}

/**
 * SQLite transactions that take the write lock at BEGIN (IMMEDIATE): one that reads and then
 * writes (a commit's checks, then its writes) waits its turn behind another connection's writer
 * (busy_timeout) instead of failing with SQLITE_BUSY half way.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/**
 * Opens the database and brings its schema up to date: PostgreSQL when `databaseUrl` is a
 * postgres:// URL, otherwise (creating if need be) lms.sqlite in `dataDir`.
 */
export async function openDatabase(dataDir: string, databaseUrl?: string): Promise<Db> {
  const db = isPostgresUrl(databaseUrl) ? await openPostgres(databaseUrl) : openSqlite(dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.k.destroy();
    throw error;
  }
  return db;
}

function openSqlite(dataDir: string): Db {
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
  const sqlite = new Database(file);
  try {
    chmodSync(file, 0o600);
  } catch {
    /* not every file system keeps modes */
  }
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is safe from corruption in WAL mode; a power cut may lose the last commit,
  // which the module also keeps in its own journal and sends again.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Db('sqlite', new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) }), sqlite);
}

/** COUNT(*) and other int8 results as numbers (they stay far below 2^53 here), not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.FRONTLINE_DB_POOL ?? 10), types });
  // An idle connection dropped by the server (a restart, a failover) is replaced at the next query; not a crash.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const why = error instanceof Error ? error.message : String(error);
    throw new LmsStartError(`The PostgreSQL database in DATABASE_URL cannot be reached (${why}).`);
  }
  return new Db('postgres', new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), null);
}

/** Applies the migrations the database has not had yet; returns how many. */
export async function migrate(db: Db): Promise<number> {
  return db.sqlite ? migrateSqlite(db, db.sqlite) : migratePostgres(db);
}

function refuseNewer(current: number): void {
  if (current > MIGRATIONS.length)
    throw new LmsStartError(
      `The database was written by a newer Frontline (schema ${current}; this one knows ${MIGRATIONS.length}). Use the newer version, or a backup.`,
    );
}

async function migrateSqlite(db: Db, sqlite: Database.Database): Promise<number> {
  let current = sqlite.pragma('user_version', { simple: true }) as number;
  // Module settings were once numbered 2, before the builds table was: such a folder is at 2
  // without builds, so it takes builds now and passes over what it already has in 3.
  const hasBuilds = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'builds'").get();
  if (current === 2 && !hasBuilds) current = 1;
  refuseNewer(current);
  for (let v = current; v < MIGRATIONS.length; v++) {
    await db.k.transaction().execute(async (trx) => {
      await MIGRATIONS[v]!(trx, 'sqlite');
      await sql.raw(`PRAGMA user_version = ${v + 1}`).execute(trx);
    });
  }
  return MIGRATIONS.length - current;
}

/** One transaction under an advisory lock: a second process starting at once waits, then finds nothing to do. */
async function migratePostgres(db: Db): Promise<number> {
  return db.k.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(20260023)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)`.execute(
      trx,
    );
    const row = await trx.selectFrom('schema_version').select('version').executeTakeFirst();
    const current = row?.version ?? 0;
    refuseNewer(current);
    for (let v = current; v < MIGRATIONS.length; v++) await MIGRATIONS[v]!(trx, 'postgres');
    await trx
      .insertInto('schema_version')
      .values({ id: 1, version: MIGRATIONS.length })
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: MIGRATIONS.length }))
      .execute();
    return MIGRATIONS.length - current;
  });
}

/**
 * After rows were copied in with their own ids (moving SQLite's records into PostgreSQL): each
 * numbered table's next id comes after the largest there. SQLite needs nothing: it numbers from
 * the largest id already.
 */
export async function continueNumbering(db: Db): Promise<void> {
  if (!db.postgres) return;
  for (const table of NUMBERED_TABLES)
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      db.k,
    );
}

/** The schema version the database is at. */
export async function schemaVersion(db: Db): Promise<number> {
  if (db.sqlite) return db.sqlite.pragma('user_version', { simple: true }) as number;
  return (await db.k.selectFrom('schema_version').select('version').executeTakeFirst())?.version ?? 0;
}

/** Closes the database; SQLite first folds the WAL into the main file, so lms.sqlite alone is a full copy. */
export async function closeDatabase(db: Db): Promise<void> {
  if (db.sqlite?.open) {
    try {
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* closing anyway */
    }
  }
  await db.k.destroy();
}

/** True when the database takes a write now: what /healthz reports. */
export async function canWrite(db: Db): Promise<boolean> {
  try {
    const checked_at = new Date().toISOString();
    await db.k
      .insertInto('health')
      .values({ id: 1, checked_at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at }))
      .execute();
    return true;
  } catch {
    return false;
  }
}

/**
 * A consistent copy of the live SQLite database in `dir` (SQLite's online backup: safe while
 * the LMS runs), named by the time, keeping the newest `keep` copies. Returns the new file.
 * PostgreSQL is backed up with its own tools (pg_dump), not by the LMS.
 */
export async function backupInto(db: Db, dir: string, keep: number): Promise<string> {
  if (!db.sqlite) throw new LmsStartError(PG_BACKUP);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `lms-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  await db.sqlite.backup(file);
  const copies = readdirSync(dir)
    .filter((f) => /^lms-.*\.sqlite$/.test(f))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) rmSync(join(dir, old), { force: true });
  return file;
}

export const PG_BACKUP =
  'The records are in PostgreSQL: back them up with its own tools, e.g. pg_dump --format=custom --file=frontline.dump "$DATABASE_URL".';
