/**
 * `npm run lms`: the local LMS for modules already built into dist/ (`npm start` builds first).
 *
 *   HOST, PORT                 where to listen (default 127.0.0.1:4173; loopback only unless set)
 *   DATABASE_URL               postgres://user:password@host:5432/db keeps the records in PostgreSQL, which
 *                              several LMS processes may share; unset: SQLite in the data folder
 *   FRONTLINE_DB_POOL          PostgreSQL connections per process (default 10)
 *   FRONTLINE_DATA             the data folder (default .data): lms.sqlite (unless DATABASE_URL), the log, backups
 *   FRONTLINE_DIST             where the built modules are (default dist)
 *   FRONTLINE_ADMIN_PASSWORD   the first admin's password (otherwise one is generated and shown once)
 *   FRONTLINE_TRUST_PROXY      behind a TLS proxy: the proxy's address(es), comma-separated, or a number
 *                              of proxy hops; X-Forwarded-For is believed that far only; HSTS is sent
 *   FRONTLINE_HOSTS            the host names a proxy in front serves (comma-separated): answered to as
 *                              well as the loopback names (otherwise, on loopback, only those)
 *   FRONTLINE_SIGNIN_LIMIT     failed sign-ins per address per 15 minutes (default 100)
 *   FRONTLINE_LOG=1            log every request (warnings and errors are always logged)
 *   FRONTLINE_LOG_FILE         where the log goes (default <data folder>/lms.log; "-" for the terminal)
 *   FRONTLINE_BACKUP_HOURS     a backup every so many hours into <data folder>/backups (default: none)
 *   FRONTLINE_BACKUP_KEEP      how many of those to keep (default 14)
 *
 *   npm run lms -- --backup <file>   a consistent copy of the SQLite database, safe while the LMS runs
 *                                    (PostgreSQL: use pg_dump)
 *   npm run lms -- --copy-to <url>   copies the SQLite database (LMS stopped) into an empty PostgreSQL
 *                                    database, every table, and compares the counts (scorm/lms/copy.ts)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupInto, closeDatabase, isPostgresUrl, LmsStartError, openDatabase, PG_BACKUP } from '../scorm/lms/db.js';
import { CopyError, copyToPostgres } from '../scorm/lms/copy.js';
import { createLms, type Lms } from '../scorm/lms/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(root, process.env.FRONTLINE_DATA ?? '.data');
const args = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || undefined;

if (args[0] === '--backup') {
  const target = args[1];
  if (!target) {
    console.error('Usage: npm run lms -- --backup <file>');
    process.exit(1);
  }
  if (isPostgresUrl(databaseUrl)) {
    console.error(PG_BACKUP);
    process.exit(1);
  }
  if (!existsSync(resolve(dataDir, 'lms.sqlite'))) {
    console.error(`No database in ${dataDir}`);
    process.exit(1);
  }
  const db = await openDatabase(dataDir);
  await db.sqlite!.backup(resolve(target));
  await closeDatabase(db);
  console.log(`Backed up ${resolve(dataDir, 'lms.sqlite')} to ${resolve(target)}`);
  process.exit(0);
}

if (args[0] === '--copy-to') {
  const target = args[1];
  if (!isPostgresUrl(target)) {
    console.error("Usage: npm run lms -- --copy-to 'postgres://user:password@host:5432/database'");
    process.exit(1);
  }
  if (!existsSync(resolve(dataDir, 'lms.sqlite'))) {
    console.error(`No database in ${dataDir} (set FRONTLINE_DATA to the data folder to copy)`);
    process.exit(1);
  }
  process.exit(await copyTo(target));
}

/** `--copy-to`: the SQLite database in the data folder into an empty PostgreSQL one, counts printed. */
async function copyTo(target: string): Promise<number> {
  const source = await openDatabase(dataDir);
  try {
    const destination = await openDatabase(dataDir, target);
    try {
      const counts = await copyToPostgres(source, destination);
      console.log(`Copied ${resolve(dataDir, 'lms.sqlite')} to ${redacted(target)}`);
      console.log(`  ${'table'.padEnd(18)}${'SQLite'.padStart(10)}${'PostgreSQL'.padStart(12)}`);
      for (const c of counts)
        console.log(`  ${c.table.padEnd(18)}${String(c.source).padStart(10)}${String(c.target).padStart(12)}`);
      console.log('Every table has the same number of rows in both. Start the LMS with DATABASE_URL set to it.');
      return 0;
    } finally {
      await closeDatabase(destination);
    }
  } catch (error) {
    if (!(error instanceof CopyError || error instanceof LmsStartError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await closeDatabase(source);
  }
}

/** A database URL without its password, to show. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** FRONTLINE_TRUST_PROXY: a number of hops, or proxy addresses (1 was "trust everything" before: now one hop). */
function trustProxy(value: string): number | string[] | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

const host = process.env.HOST ?? '127.0.0.1';
const publicHosts = (process.env.FRONTLINE_HOSTS ?? '')
  .split(',')
  .map((h) => h.trim().toLowerCase())
  .filter(Boolean);
const port = Number(process.env.PORT ?? 4173);
const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
const logFile = process.env.FRONTLINE_LOG_FILE ?? join(dataDir, 'lms.log');
// On PostgreSQL nothing else makes the data folder, and the log cannot open without it.
if (logFile !== '-') mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 });
let lms: Lms;
try {
  lms = await createLms({
    root,
    dataDir,
    databaseUrl,
    distDir: resolve(root, process.env.FRONTLINE_DIST ?? 'dist'),
    adminPassword: process.env.FRONTLINE_ADMIN_PASSWORD,
    // Errors always go somewhere that outlives the terminal; every request only when asked.
    logger: {
      level: process.env.FRONTLINE_LOG === '1' ? 'info' : 'warn',
      ...(logFile === '-' ? {} : { file: logFile }),
    },
    trustProxy: trustProxy(process.env.FRONTLINE_TRUST_PROXY ?? ''),
    signInLimit: {
      perAccount: 10,
      perAddress: Number(process.env.FRONTLINE_SIGNIN_LIMIT ?? 100),
      windowMs: 15 * 60_000,
    },
    // On loopback, answer only to loopback names (no DNS rebinding) and the proxy's; elsewhere the admin decides.
    allowedHosts: loopback || publicHosts.length ? ['127.0.0.1', 'localhost', '::1', host, ...publicHosts] : undefined,
  });
} catch (error) {
  // Something the person starting the LMS can put right: say it in one sentence.
  if (!(error instanceof LmsStartError)) throw error;
  console.error(error.message);
  process.exit(1);
}
await lms.app.listen({ host, port });

const shown = isIP(host) === 6 ? `[${host}]` : host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const url = `http://${shown}:${port}/`;
console.log(`\nFrontline local LMS: ${url}`);
console.log(`Data folder: ${dataDir}`);
if (lms.db.postgres) console.log(`Records: PostgreSQL (${redacted(databaseUrl!)})`);
const modules = lms.catalogue.modules();
console.log(
  modules.length
    ? `Modules: ${modules.map((m) => `${m.title} (${m.version})`).join(', ')}`
    : 'No modules are built yet: run `npm run build` (or `npm start`).',
);
if (lms.firstStart) {
  console.log('\nFirst start: an admin account has been created.');
  console.log(`  Sign in at ${url}signin as "${lms.firstStart.login}"`);
  console.log(
    lms.firstStart.password
      ? `  with the password ${lms.firstStart.password}\n  It is shown only this once: write it down, or change it under "Password" after signing in.`
      : '  with the password from FRONTLINE_ADMIN_PASSWORD.',
  );
}
if (!loopback) {
  console.warn(
    `\nWarning: listening on ${host}, beyond this machine. Put it behind HTTPS (set FRONTLINE_TRUST_PROXY to the address of the proxy that terminates TLS).`,
  );
}

const backupHours = Number(process.env.FRONTLINE_BACKUP_HOURS ?? 0);
if (backupHours > 0 && lms.db.postgres) {
  console.warn(`\nFRONTLINE_BACKUP_HOURS is for SQLite. ${PG_BACKUP}`);
} else if (backupHours > 0) {
  const keep = Math.max(1, Number(process.env.FRONTLINE_BACKUP_KEEP ?? 14));
  const dir = join(dataDir, 'backups');
  setInterval(
    () =>
      void backupInto(lms.db, dir, keep).catch((error: unknown) =>
        lms.app.log.error({ err: error }, 'scheduled backup failed'),
      ),
    backupHours * 3600_000,
  ).unref();
  console.log(`Backups: every ${backupHours} h into ${dir} (the newest ${keep} kept)`);
}
console.log(`Log: ${logFile === '-' ? 'this terminal' : logFile}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void lms.close().then(() => process.exit(0));
  });
}
