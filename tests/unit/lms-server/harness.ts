/**
 * A throwaway LMS for unit tests: a temp data folder, a fake built module, and a cookie-keeping
 * client over inject. Its records are in SQLite; in the `lms-postgres` test project (run when
 * FRONTLINE_TEST_DATABASE_URL names a PostgreSQL server, see vitest.config.ts) each LMS gets a
 * fresh PostgreSQL database of its own, dropped when it is disposed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPostgres, PG_SERVER } from '../../postgres.js';
import { closeDatabase, openDatabase, type Db } from '../../../scorm/lms/db.js';
import { createLms, type Lms, type LmsOptions } from '../../../scorm/lms/server.js';
import { ModuleSettings } from '../../../scorm/lms/settings.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { reportData } from '../../../src/core/report-data.js';

export { freshPostgres, PG_SERVER };
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** True in the test project whose LMSs keep their records in PostgreSQL. */
export const ON_POSTGRES = process.env.FRONTLINE_TEST_DB === 'postgres' && !!PG_SERVER;

/** A database of the kind under test, up to date and empty, and how to be rid of it. */
export async function testDatabase(): Promise<{ db: Db; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-db-'));
  const database = ON_POSTGRES ? await freshPostgres() : null;
  const db = await openDatabase(dir, database?.url);
  return {
    db,
    async dispose() {
      await closeDatabase(db);
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestLms extends Lms {
  dir: string;
  dispose(): Promise<void>;
}

/** `dir`/dist with the sample module "built" as a stub SCO beside its real report data; returns the folder. */
export function writeDist(dir: string): string {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'sample'), { recursive: true });
  writeFileSync(join(dist, 'sample', 'index.html'), '<!doctype html><title>stub</title>');
  writeFileSync(
    join(dist, 'sample.json'),
    JSON.stringify({ id: 'sample', title: 'Frontline sample module', version: '1.0.0', scenarios: [] }),
  );
  writeFileSync(join(dist, 'sample.report.json'), JSON.stringify(reportData(loadCourse(ROOT, 'sample').course)));
  writeFileSync(join(dist, 'sample-scorm2004.zip'), 'PK');
  return dist;
}

/** An LMS over a temp folder, with the sample module "built" as a stub SCO beside its real report data. */
export async function startLms(options: Partial<LmsOptions> = {}): Promise<TestLms> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-lms-unit-'));
  const dist = writeDist(dir);
  const database = ON_POSTGRES && !options.databaseUrl && !options.dataDir ? await freshPostgres() : null;
  const lms = await createLms({
    root: ROOT,
    distDir: dist,
    dataDir: join(dir, 'data'),
    adminPassword: ADMIN_PASSWORD,
    databaseUrl: database?.url,
    ...options,
  }).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  // The sample is not offered by default; here it stands in for a real module.
  await new ModuleSettings(lms.db).set('sample', { live: true, scormVersion: '2004' });
  return Object.assign(lms, {
    dir,
    async dispose() {
      await lms.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, unknown>;
  json<T = unknown>(): T;
}

type SetCookie = { name: string; value: string; maxAge?: number; expires?: Date };

/** A browser-like client: keeps cookies, reads the CSRF token from the last page. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';

  /** An LMS in this process (requests by inject), or the base URL of one running elsewhere (requests by fetch). */
  constructor(readonly lms: Lms | string) {}

  private async send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: string | Buffer) {
    if (typeof this.lms !== 'string') {
      const res = await this.lms.app.inject({
        method,
        url,
        headers,
        payload,
        cookies: Object.fromEntries(this.cookies),
      });
      return {
        status: res.statusCode,
        body: res.body,
        headers: res.headers as Record<string, unknown>,
        cookies: res.cookies as SetCookie[],
      };
    }
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.lms + url, {
      method,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      body: typeof payload === 'string' || payload === undefined ? payload : new Uint8Array(payload),
      redirect: 'manual',
    });
    const cookies = res.headers.getSetCookie().map((line): SetCookie => {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const maxAge = attributes.find((x) => /^\s*max-age=/i.test(x))?.split('=')[1];
      return {
        name: pair.slice(0, at).trim(),
        value: pair.slice(at + 1).trim(),
        maxAge: maxAge ? Number(maxAge) : undefined,
      };
    });
    return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers), cookies };
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    opts: {
      form?: Record<string, string>;
      json?: unknown;
      body?: string | Buffer;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'text/html', ...opts.headers };
    let payload: string | Buffer | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(opts.form).toString();
    } else if (opts.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(opts.json);
    } else if (opts.body !== undefined) {
      payload = opts.body;
    }
    const res = await this.send(method, url, headers, payload);
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /"csrf":"([^"]+)"/.exec(res.body);
    if (token) this.csrf = token[1]!;
    return { status: res.status, body: res.body, headers: res.headers, json: <T>() => JSON.parse(res.body) as T };
  }

  get(url: string) {
    return this.request('GET', url);
  }

  /** A form post with the current CSRF token (unless the form gives its own). */
  post(url: string, form: Record<string, string> = {}) {
    return this.request('POST', url, { form: { _csrf: this.csrf, ...form } });
  }

  async signIn(login: string, password: string): Promise<Reply> {
    await this.get('/signin');
    return this.post('/signin', { login, password });
  }
}

/** Creates a person as the admin and returns their temporary password. */
export async function addPerson(
  admin: Client,
  person: { name: string; login: string; group?: string; role?: string; password?: string },
): Promise<string> {
  await admin.get('/admin/users');
  const res = await admin.post('/admin/users', {
    name: person.name,
    login: person.login,
    staff_group: person.group ?? '',
    role: person.role ?? 'learner',
    password: person.password ?? '',
  });
  const m = new RegExp(`data-login="${person.login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">([^<]+)<`).exec(res.body);
  if (res.status !== 201 || !m) throw new Error(`could not add ${person.login}: ${res.status}`);
  return m[1]!;
}

/** A learner signed in with their own password (the forced change done). */
export async function learner(
  lms: Lms | string,
  admin: Client,
  person: { name: string; login: string; group?: string },
): Promise<Client> {
  const temp = await addPerson(admin, person);
  const c = new Client(lms);
  const res = await c.signIn(person.login, temp);
  if (res.headers.location !== '/account/password')
    throw new Error(`expected the password change, got ${res.status} ${String(res.headers.location)}`);
  await c.get('/account/password');
  const own = `${person.login}-own-password`;
  const changed = await c.post('/account/password', { current: temp, password: own, confirm: own });
  if (changed.status !== 303) throw new Error(`password change failed: ${changed.status}`);
  return c;
}

/** Launches a module as the learner; returns the attempt id, the launch id and the launch config. */
export async function launch(
  c: Client,
  module = 'sample',
  form: Record<string, string> = {},
): Promise<{ attempt: number; launch: string; commitUrl: string; cmi: Record<string, string>; csrf: string }> {
  await c.get('/learn');
  const res = await c.post(`/learn/${module}/launch`, { action: 'new', ...form });
  if (res.status !== 303) throw new Error(`launch failed: ${res.status} ${res.body.slice(0, 200)}`);
  const page = await c.get(String(res.headers.location));
  const config = JSON.parse(
    /<script type="application\/json" id="launch-config">(.*?)<\/script>/s.exec(page.body)![1]!,
  ) as { commitUrl: string; cmi: Record<string, string>; csrf: string };
  const m = /\/api\/attempts\/(\d+)\/commit\?launch=([\w-]+)/.exec(config.commitUrl ?? '');
  return {
    attempt: m ? Number(m[1]) : 0,
    launch: m ? m[2]! : '',
    commitUrl: config.commitUrl,
    cmi: config.cmi,
    csrf: config.csrf,
  };
}

/**
 * Moves back the start of every launch of an attempt, as if the learner had spent `seconds` more
 * in it (a session counts no longer than the time since its launch). All move, so the newest stays newest.
 */
export async function backdateLaunch(lms: Lms, launchId: string, seconds: number): Promise<void> {
  const launch = (await lms.store.launch(launchId))!;
  const k = lms.db.k;
  const all = await k
    .selectFrom('launches')
    .select(['id', 'started_at'])
    .where('attempt_id', '=', launch.attempt_id)
    .execute();
  for (const l of all) {
    const started = new Date(Date.parse(l.started_at) - seconds * 1000).toISOString();
    await k.updateTable('launches').set({ started_at: started }).where('id', '=', l.id).execute();
  }
}
