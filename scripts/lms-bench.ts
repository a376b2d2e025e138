/**
 * `npm run bench:lms [-- --learners 50 --commits 15 --seconds 60 --arrivals 10 --import 1000
 * --accounts N --db sqlite|postgres --processes 2]`: a bounded load test of the local LMS on
 * loopback. It seeds a fresh database with `accounts` accounts (one password hash shared) and an
 * attempt for each beyond the bench's own learners, then starts the LMS (scripts/lms.ts) in
 * `processes` child processes on that database, with a stub module. N learners arrive spread
 * over `arrivals` seconds and sign in (timed: sign-in p50 / p99), launch the module, then have
 * them all commit at once, K commits each, as a SCO does after every decision: each commit is
 * the whole flattened CMI, growing by one interaction. With several processes a learner's
 * requests go to each in turn (no sticky sessions). It reports commits per second and the
 * p50 / p99 latency, then reads the database and checks that what is stored for every
 * learner equals what was last sent, and times HR's records page for everyone. Last, an admin
 * imports `import` new learners from a CSV file while learners keep signing in: it reports the
 * time until every one is added and the sign-in latency meanwhile (`--import 0` leaves it out).
 * Sign-ins all come from one address (a shift behind one NAT address), and none may be
 * refused: only failed sign-ins are limited. It stops by itself: K commits per learner, or the
 * time limit, whichever comes first. Exits 1 on any failed commit, sign-in or import, or a mismatch.
 *
 * `--scale`: 10,000 accounts and 200 learners committing, on SQLite (one process) and on
 * PostgreSQL (one process, then two), each on a fresh database; PostgreSQL is a throwaway
 * cluster (scripts/pg-cluster.ts, durable settings). Writes the figures into bench/results.json
 * as `lms.scale`, leaving the other sections as they are.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCommit } from '../scorm/lms/cmi.js';
import { hashPassword } from '../scorm/lms/passwords.js';
import { freePort } from './free-port.js';
import { BenchData, benchLogin, HR_LOGIN } from './lms-bench-data.js';
import { startCluster, stopCluster } from './pg-cluster.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number, min = 1) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < min) throw new Error(`--${name} must be a number, at least ${min}`);
  return v;
};
const SCALE = process.argv.includes('--scale');
const LEARNERS = Math.min(500, Math.floor(arg('learners', SCALE ? 200 : 50)));
const COMMITS = Math.min(200, Math.floor(arg('commits', SCALE ? 10 : 15)));
const SECONDS = Math.min(600, arg('seconds', SCALE ? 120 : 60));
const ARRIVALS = Math.min(120, arg('arrivals', SCALE ? 20 : 10));
const IMPORT = Math.min(5000, Math.floor(arg('import', SCALE ? 0 : 1000, 0)));
const ACCOUNTS = Math.min(50_000, Math.max(LEARNERS, Math.floor(arg('accounts', SCALE ? 10_000 : LEARNERS))));
const PROCESSES = Math.min(8, Math.floor(arg('processes', 1)));
const dbArg = process.argv[process.argv.indexOf('--db') + 1];
const DATABASE = process.argv.includes('--db') && dbArg === 'postgres' ? 'postgres' : 'sqlite';
const KEEP = process.argv.includes('--keep');
const PASSWORD = 'bench-password-123';
const MODULE = 'bench';

/** A tiny cookie-keeping HTTP client over fetch (keep-alive). */
class Learner {
  cookies = new Map<string, string>();
  csrf = '';
  commitUrl = '';
  latencies: number[] = [];
  failures: string[] = [];
  lastSent: Record<string, unknown> = {};

  private calls = 0;

  constructor(
    readonly bases: readonly string[],
    readonly login: string,
    readonly index: number,
  ) {}

  /** The next server: each request goes to the processes in turn. */
  get base(): string {
    return this.bases[this.calls++ % this.bases.length]!;
  }

  async request(
    method: string,
    path: string,
    body?: string,
    type?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; location: string | null }> {
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(type ? { 'content-type': type } : {}),
        ...headers,
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1]!;
    return { status: res.status, text, location: res.headers.get('location') };
  }

  form(path: string, fields: Record<string, string>) {
    return this.request(
      'POST',
      path,
      new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /** Opens the sign-in page and signs in; returns the time the sign-in itself took, in ms. */
  async signIn(password = PASSWORD): Promise<number> {
    await this.request('GET', '/signin');
    const started = performance.now();
    const signed = await this.form('/signin', { login: this.login, password });
    const took = performance.now() - started;
    if (signed.status !== 303) throw new Error(`${this.login}: sign-in gave ${signed.status}`);
    return took;
  }

  /** Launches the module: not timed. */
  async setUp(): Promise<void> {
    await this.request('GET', '/learn');
    const launched = await this.form(`/learn/${MODULE}/launch`, { action: 'new', version: '2004' });
    if (launched.status !== 303 || !launched.location) throw new Error(`${this.login}: launch gave ${launched.status}`);
    const page = await this.request('GET', launched.location);
    const config = JSON.parse(
      /<script type="application\/json" id="launch-config">(.*?)<\/script>/s.exec(page.text)![1]!,
    ) as { commitUrl: string; csrf: string };
    this.commitUrl = config.commitUrl;
    this.csrf = config.csrf;
  }

  /** Commit n of COMMITS: the whole CMI, as scorm-again sends it, with n interactions. */
  payload(n: number): Record<string, unknown> {
    const last = n === COMMITS;
    const score = Math.round((n / COMMITS) * 100);
    const body: Record<string, unknown> = {
      'cmi.comments_from_learner': {},
      'cmi.comments_from_lms': {},
      'cmi.objectives': {},
      'cmi.completion_status': last ? 'completed' : 'incomplete',
      'cmi.success_status': last ? (this.index % 2 ? 'failed' : 'passed') : 'unknown',
      'cmi.credit': 'credit',
      'cmi.entry': 'ab-initio',
      'cmi.mode': 'normal',
      'cmi.learner_id': this.login,
      'cmi.learner_name': `Learner ${this.index}`,
      'cmi.location': `scenario-${n}`,
      'cmi.progress_measure': String(Math.round((n / COMMITS) * 10000) / 10000),
      'cmi.score.scaled': String(score / 100),
      'cmi.score.raw': String(score),
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.exit': last ? 'normal' : 'suspend',
      'cmi.session_time': `PT${n * 7}S`,
      // Resume data of a realistic size, different for every learner and commit.
      'cmi.suspend_data': `v1.${this.index}.${n}.${randomBytes(450).toString('base64url')}`,
      commitSequence: n,
    };
    for (let i = 0; i < n; i++) {
      const p = `cmi.interactions.${i}`;
      Object.assign(body, {
        [`${p}.id`]: `scenario-${i}`,
        [`${p}.type`]: 'choice',
        [`${p}.objectives.0.id`]: 'confidentiality',
        [`${p}.timestamp`]: '2026-03-01T09:00:00.0Z',
        [`${p}.weighting`]: '1',
        [`${p}.learner_response`]: `choice_${(this.index + i) % 4}`,
        [`${p}.result`]: (this.index + i) % 4 === 0 ? 'correct' : 'incorrect',
        [`${p}.latency`]: 'PT12S',
        [`${p}.description`]: `Scenario ${i}: what do you do?`,
        [`${p}.correct_responses.0.pattern`]: 'choice_0',
      });
    }
    return body;
  }

  async run(deadline: number): Promise<void> {
    for (let n = 1; n <= COMMITS && performance.now() < deadline; n++) {
      const body = this.payload(n);
      const started = performance.now();
      const res = await this.request('POST', this.commitUrl, JSON.stringify(body), 'application/json', {
        'x-csrf-token': this.csrf,
      });
      this.latencies.push(performance.now() - started);
      if (res.status !== 200 || !res.text.includes('"result":true'))
        this.failures.push(`commit ${n}: ${res.status} ${res.text.slice(0, 120)}`);
      else this.lastSent = body;
    }
  }
}

/** CPU seconds (user + system) a process has used, from /proc; null where there is no /proc. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * An admin imports IMPORT new learners while the bench's learners sign in again, one every
 * half second: the time until the last is added, and the sign-ins meanwhile.
 */
async function benchImport(bases: string[], learners: readonly Learner[]): Promise<boolean> {
  const admin = new Learner(bases, 'admin', -1);
  const base = bases[0]!;
  await admin.signIn();
  await admin.request('GET', '/admin/users');
  const csv = [
    'Name,Email,Staff group',
    ...Array.from({ length: IMPORT }, (_, i) => `Imported ${i},imp${i}@example.nhs.uk,Group ${i % 7}`),
  ].join('\n');
  const form = new FormData();
  form.append('_csrf', admin.csrf);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'staff.csv');
  const started = performance.now();
  const res = await fetch(`${base}/admin/users/import`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  const job = res.headers.get('location');
  if (res.status !== 303 || !job) {
    console.log(`  import: the upload gave ${res.status}`);
    return false;
  }
  const uploaded = performance.now() - started;
  const during: number[] = [];
  type Progress = { added: number; finishedAt: string | null; error: string | null };
  let finished = null as Progress | null;
  for (let i = 0; !finished?.finishedAt; i++) {
    const fresh = new Learner(bases, learners[i % learners.length]!.login, i);
    during.push(await fresh.signIn());
    await new Promise((r) => setTimeout(r, 500));
    finished = JSON.parse((await admin.request('GET', `${job}/progress.json`)).text) as Progress;
    if (performance.now() - started > 30 * 60_000) break;
  }
  const seconds = (performance.now() - started) / 1000;
  during.sort((a, b) => a - b);
  console.log(
    `  import of ${IMPORT} learners: ${finished?.added ?? 0} added in ${seconds.toFixed(1)} s (${((finished?.added ?? 0) / seconds || 0).toFixed(1)} a second; upload answered in ${uploaded.toFixed(0)} ms)`,
  );
  console.log(
    `  sign-in during the import (${during.length}): p50 ${percentile(during, 50).toFixed(0)} ms, p99 ${percentile(during, 99).toFixed(0)} ms, max ${(during.at(-1) ?? 0).toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)})`,
  );
  return finished?.added === IMPORT && !finished.error;
}

interface Config {
  database: 'sqlite' | 'postgres';
  processes: number;
}

/** What one configuration measured: what `--scale` writes into bench/results.json. */
interface Figures extends Config {
  accounts: number;
  learners: number;
  commitsEach: number;
  signInP50Ms: number;
  signInP99Ms: number;
  commits: number;
  commitsPerSecond: number;
  commitP50Ms: number;
  commitP99Ms: number;
  commitMaxMs: number;
  serverCpuMsPerCommit: number | null;
  failedCommits: number;
  storedEqualsSent: boolean;
  hrRecordsRows: number | null;
  hrRecordsMs: number[];
  loadAverage: number;
}

/** The servers of one configuration: each a `npm run lms` process on its own port, on one database. */
async function startServers(
  config: Config,
  env: Record<string, string>,
): Promise<{ bases: string[]; stop(): Promise<void>; pids: (number | undefined)[] }> {
  const servers: { child: ReturnType<typeof spawn>; base: string; output: () => string }[] = [];
  for (let p = 0; p < config.processes; p++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lms.ts'], {
      cwd: root,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), FRONTLINE_LOG: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d: Buffer) => void (output += d.toString());
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    servers.push({ child, base: `http://127.0.0.1:${port}`, output: () => output });
  }
  const kill = () => servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGTERM'));
  process.on('exit', kill);
  const stop = async () => {
    kill();
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.child.exitCode === null ? s.child.once('exit', r) : r(null)))),
    );
  };
  const ready = performance.now() + 60_000;
  for (const s of servers)
    for (;;) {
      try {
        if ((await fetch(`${s.base}/healthz`)).ok) break;
      } catch {
        /* not yet */
      }
      if (performance.now() > ready || s.child.exitCode !== null) {
        await stop();
        throw new Error(`the LMS did not start:\n${s.output()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  return { bases: servers.map((s) => s.base), stop, pids: servers.map((s) => s.child.pid) };
}

/** What is stored must equal what was last sent: the writable elements, exactly; the interactions, one row each. */
async function mismatchesOf(data: BenchData, learners: readonly Learner[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const l of learners) {
    const row = await data.stored(l.login);
    if (!row) {
      mismatches.push(`${l.login}: no attempt stored`);
      continue;
    }
    const check = validateCommit('2004', l.lastSent);
    if (!check.ok) {
      mismatches.push(`${l.login}: the bench sent an invalid commit: ${check.problems[0]}`);
      continue;
    }
    const expected = check.commit.data;
    const stored = JSON.parse(row.cmi) as Record<string, string>;
    for (const k of new Set([...Object.keys(expected), ...Object.keys(stored)]))
      if (stored[k] !== expected[k])
        mismatches.push(
          `${l.login}: ${k} stored ${JSON.stringify(stored[k])?.slice(0, 40)}, sent ${JSON.stringify(expected[k])?.slice(0, 40)}`,
        );
    const sent = l.latencies.length;
    if (row.commits !== sent - l.failures.length)
      mismatches.push(`${l.login}: ${row.commits} commits stored, ${sent} sent`);
    if (row.interactions.length !== sent)
      mismatches.push(`${l.login}: ${row.interactions.length} interactions stored, ${sent} sent`);
    for (const r of row.interactions)
      if (
        r.interaction_id !== expected[`cmi.interactions.${r.n}.id`] ||
        r.response !== expected[`cmi.interactions.${r.n}.learner_response`] ||
        r.result !== expected[`cmi.interactions.${r.n}.result`]
      )
        mismatches.push(`${l.login}: interaction ${r.n} differs`);
    if (sent === COMMITS && row.status !== (l.index % 2 ? 'failed' : 'passed'))
      mismatches.push(`${l.login}: status ${row.status}`);
  }
  return mismatches;
}

/** HR opens the records of everyone (one row per learner for the one module), three times. */
async function timeRecordsPage(bases: string[]): Promise<{ rows: number | null; ms: number[] }> {
  const hr = new Learner(bases, HR_LOGIN, -1);
  await hr.signIn();
  const ms = [];
  let rows: number | null = null;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const page = await hr.request('GET', '/hr/records');
    ms.push(Math.round(performance.now() - started));
    if (page.status !== 200) throw new Error(`/hr/records gave ${page.status}`);
    rows = Number(/<span id="record-count">(\d+) rows?</.exec(page.text)?.[1] ?? NaN);
  }
  return { rows: Number.isNaN(rows) ? null : rows, ms };
}

type Servers = Awaited<ReturnType<typeof startServers>>;

/** A throwaway data folder (and PostgreSQL cluster, for that database) seeded with the accounts, and a module to launch. */
async function prepare(config: Config) {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-lms-bench-'));
  const dataDir = join(dir, 'data');
  const distDir = join(dir, 'dist');
  mkdirSync(join(distDir, MODULE), { recursive: true });
  writeFileSync(join(distDir, MODULE, 'index.html'), '<!doctype html><title>Bench module</title>');
  writeFileSync(
    join(distDir, `${MODULE}.json`),
    JSON.stringify({ id: MODULE, title: 'Bench module', version: '1.0.0' }),
  );
  const seed = { accounts: ACCOUNTS, learners: LEARNERS, module: MODULE, passwordHash: await hashPassword(PASSWORD) };
  const cluster = config.database === 'postgres' ? await startCluster() : null;
  const url = cluster?.url;
  const seeding = performance.now();
  const seeder = await BenchData.open(dataDir, url);
  await seeder.seed(seed);
  await seeder.close();
  console.log(
    `\n[${config.database}, ${config.processes} process${config.processes > 1 ? 'es' : ''}] seeded ${ACCOUNTS} accounts (${ACCOUNTS - LEARNERS} with an attempt) in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const remove = () => {
    if (cluster) stopCluster(cluster.dir);
    if (KEEP) console.log(`  data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  return { dataDir, distDir, url, remove };
}

/** The learners arrive over ARRIVALS seconds and sign in, then each launches the module: sign-in times, sorted. */
async function arrive(learners: Learner[]): Promise<number[]> {
  const arrivalStart = performance.now();
  const signIns = await Promise.all(
    learners.map(async (l, i) => {
      await new Promise((r) => setTimeout(r, (i * ARRIVALS * 1000) / LEARNERS));
      return l.signIn();
    }),
  );
  signIns.sort((a, b) => a - b);
  console.log(
    `  sign-in, ${LEARNERS} learners arriving over ${ARRIVALS} s (done in ${((performance.now() - arrivalStart) / 1000).toFixed(1)} s): p50 ${percentile(signIns, 50).toFixed(0)} ms, p99 ${percentile(signIns, 99).toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores), none refused`,
  );
  const setUpStart = performance.now();
  for (let i = 0; i < learners.length; i += 10) await Promise.all(learners.slice(i, i + 10).map((l) => l.setUp()));
  console.log(
    `  signed in and launched ${LEARNERS} learners in ${((performance.now() - setUpStart) / 1000).toFixed(1)} s`,
  );
  return signIns;
}

/** Every learner commits as fast as the server answers, for up to SECONDS; then what was stored is compared with what was sent. */
async function commitLoad(servers: Servers, learners: Learner[], dataDir: string, url: string | undefined) {
  const cpu = () =>
    servers.pids.reduce<number | null>(
      (t, pid) => (t === null ? null : ((c) => (c === null ? null : t + c))(cpuSeconds(pid))),
      0,
    );
  const cpuBefore = cpu();
  const started = performance.now();
  await Promise.all(learners.map((l) => l.run(started + SECONDS * 1000)));
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = cpu();
  const latencies = learners.flatMap((l) => l.latencies).sort((a, b) => a - b);
  const failures = learners.flatMap((l) => l.failures.map((f) => `${l.login}: ${f}`));
  const data = await BenchData.open(dataDir, url);
  const mismatches = await mismatchesOf(data, learners);
  await data.close();
  const total = latencies.length;
  const perCommit = cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / total : null;
  const bytes = JSON.stringify(learners[0]!.payload(COMMITS)).length;
  console.log(
    `  commits: ${total} in ${wall.toFixed(2)} s = ${(total / wall).toFixed(0)} commits/s (last commit ${(bytes / 1024).toFixed(1)} KB of JSON)`,
  );
  console.log(
    `  latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
  );
  if (perCommit !== null)
    console.log(
      `  server CPU: ${perCommit.toFixed(2)} ms per commit (about ${Math.floor(1000 / perCommit)} commits/s on one free core); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
  console.log(
    `  failed commits: ${failures.length}${failures.length ? `\n    ${failures.slice(0, 5).join('\n    ')}` : ''}`,
  );
  console.log(
    `  stored = sent: ${mismatches.length ? `NO, ${mismatches.length} differences\n    ${mismatches.slice(0, 10).join('\n    ')}` : `yes, for all ${LEARNERS} learners (CMI, interactions, status)`}`,
  );
  if (total < LEARNERS * COMMITS)
    console.log(`  stopped at the time limit after ${total} of ${LEARNERS * COMMITS} commits`);
  return { latencies, failures, mismatches, wall, perCommit };
}

async function runConfig(config: Config): Promise<{ figures: Figures; ok: boolean }> {
  const { dataDir, distDir, url, remove } = await prepare(config);
  const servers = await startServers(config, {
    FRONTLINE_DATA: dataDir,
    FRONTLINE_DIST: distDir,
    ...(url ? { DATABASE_URL: url } : {}),
  }).catch((error: unknown) => {
    remove();
    throw error;
  });
  try {
    const { bases } = servers;
    console.log(
      `Frontline LMS bench: ${LEARNERS} concurrent learners x ${COMMITS} commits each, on ${bases.join(' and ')} (limit ${SECONDS} s)`,
    );
    const learners = Array.from({ length: LEARNERS }, (_, i) => new Learner(bases, benchLogin(i), i));
    const signIns = await arrive(learners);
    const { latencies, failures, mismatches, wall, perCommit } = await commitLoad(servers, learners, dataDir, url);
    const records = await timeRecordsPage(bases);
    console.log(`  HR records page, ${records.rows ?? '?'} rows: ${records.ms.join(' ms, ')} ms (three loads)`);
    let ok = !failures.length && !mismatches.length;
    if (records.rows !== ACCOUNTS) {
      console.log(`  HR records page: ${records.rows} rows, expected ${ACCOUNTS}`);
      ok = false;
    }
    if (IMPORT && !(await benchImport(bases, learners))) ok = false;
    const total = latencies.length;
    const figures: Figures = {
      ...config,
      accounts: ACCOUNTS,
      learners: LEARNERS,
      commitsEach: COMMITS,
      signInP50Ms: Math.round(percentile(signIns, 50)),
      signInP99Ms: Math.round(percentile(signIns, 99)),
      commits: total,
      commitsPerSecond: Math.round(total / wall),
      commitP50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      commitP99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      commitMaxMs: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
      serverCpuMsPerCommit: perCommit === null ? null : Math.round(perCommit * 100) / 100,
      failedCommits: failures.length,
      storedEqualsSent: mismatches.length === 0,
      hrRecordsRows: records.rows,
      hrRecordsMs: records.ms,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    };
    return { figures, ok };
  } finally {
    await servers.stop();
    remove();
  }
}

/** Adds the scale figures to bench/results.json as `lms.scale`, keeping every other section. */
function writeResults(runs: Figures[]): void {
  const file = join(root, 'bench', 'results.json');
  const results = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Record<string, unknown>;
  const lms = (results.lms ?? {}) as Record<string, unknown>;
  lms.scale = {
    generated: new Date().toISOString(),
    command: `npm run bench:lms -- ${process.argv.slice(2).join(' ')}`,
    machine: { cpus: availableParallelism(), loadAverageAtStart: LOAD_AT_START },
    runs,
  };
  results.lms = lms;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote lms.scale into ${file}`);
}

const LOAD_AT_START = Math.round(loadavg()[0]! * 10) / 10;
const configs: Config[] = SCALE
  ? [
      { database: 'sqlite', processes: 1 },
      { database: 'postgres', processes: 1 },
      { database: 'postgres', processes: 2 },
    ]
  : [{ database: DATABASE, processes: PROCESSES }];
let exitCode = 0;
const runs: Figures[] = [];
for (const config of configs) {
  try {
    const { figures, ok } = await runConfig(config);
    runs.push(figures);
    if (!ok) exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    exitCode = 1;
  }
}
if (SCALE) writeResults(runs);
process.exit(exitCode);
