/**
 * A throwaway PostgreSQL cluster for the tests, CI and the LMS bench: initdb into a new temporary
 * folder, a server on a free loopback port (its socket in that folder too, so nothing is shared
 * with a system PostgreSQL), one database and a password-protected superuser, then stop and
 * remove it all. No system service is used or assumed.
 *
 *   npx tsx scripts/pg-cluster.ts start          prints the folder; its `url` file holds the URL
 *   npx tsx scripts/pg-cluster.ts stop <folder>  stops the server and removes the folder
 *
 * The binaries are PostgreSQL's own (PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else
 * PATH). The server refuses to run as root, so under root every step runs as the `postgres` user.
 * `fast` turns durability off (fsync, synchronous_commit): right for tests, wrong for a bench.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './free-port.js';

export interface PgCluster {
  /** The temporary folder: data/, the socket, the server's log and `url`. */
  dir: string;
  /** postgres://frontline:<password>@127.0.0.1:<port>/frontline */
  url: string;
  port: number;
}

const USER = 'frontline';
const DATABASE = 'frontline';

/** Where initdb and pg_ctl are. */
export function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(base, versions[0], 'bin') : '';
}

/** Runs one of PostgreSQL's programs, as `postgres` when we are root. */
function pg(program: string, args: string[]): string {
  const bin = pgBin();
  const file = bin ? join(bin, program) : program;
  const asRoot = userInfo().uid === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${e.stderr?.trim() || e.message}`, { cause: error });
  }
}

/** Creates and starts a private cluster; call stopCluster(dir) to remove it. */
export async function startCluster(options: { fast?: boolean } = {}): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pg-'));
  const owner = userInfo().uid === 0 ? postgresIds() : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const data = join(dir, 'data');
  // The socket's folder is this user's alone (0700), so it is trusted; TCP (loopback only) needs the password.
  pg('initdb', [
    '-D',
    data,
    '-U',
    USER,
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  rmSync(pwfile);
  try {
    return await serve(dir, password, options.fast ?? false);
  } catch (error) {
    stopCluster(dir);
    throw error;
  }
}

async function serve(dir: string, password: string, fast: boolean): Promise<PgCluster> {
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-p ${port}`,
    `-k ${dir}`,
    '-c max_connections=300',
    ...(fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  const url = `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`;
  pg('psql', ['-h', dir, '-p', String(port), '-U', USER, '-d', 'postgres', '-qc', `CREATE DATABASE ${DATABASE}`]);
  writeFileSync(join(dir, 'url'), `${url}\n`, { mode: 0o600 });
  return { dir, url, port };
}

/** Stops the cluster in `dir` (if it runs) and removes the folder. */
export function stopCluster(dir: string): void {
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}

let ids: { uid: number; gid: number } | undefined;
/** The `postgres` user's uid and gid, from /etc/passwd. */
function postgresIds(): { uid: number; gid: number } {
  if (ids) return ids;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('There is no postgres user: install PostgreSQL (apt-get install -y postgresql).');
  const [, , uid, gid] = line.split(':');
  ids = { uid: Number(uid), gid: Number(gid) };
  return ids;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const cluster = await startCluster({ fast: process.argv.includes('--fast') });
    console.log(cluster.dir);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('Usage: tsx scripts/pg-cluster.ts start [--fast] | stop <folder>');
    process.exit(1);
  }
}
