/**
 * The local LMS: learners sign in, take the built modules with scorm-again as the SCORM API,
 * and every commit is stored per attempt in SQLite or PostgreSQL (db.ts); HR sees the records,
 * charts and CSV. Nothing several processes must share is kept in one's memory: sessions, the
 * signing secret, sign-in failures, import jobs and commit ordering are all in the database.
 * createLms only wires it up: the checks every request meets are in security.ts, the routes
 * are Fastify plugins by area in routes/, sharing what context.ts gives them.
 *
 * Security, in the order a request meets it:
 * - listens on 127.0.0.1 unless HOST says otherwise (scripts/lms.ts warns when it does);
 * - security headers on every response (helmet: a CSP with `default-src 'self'` and no inline
 *   script or style, frame-ancestors 'self', nosniff, no referrer) and `Cache-Control: no-store`;
 * - the session cookie (`fl_session`: random, HttpOnly, SameSite=Strict, Secure over HTTPS) is
 *   looked up by its hash; each route declares who may use it (`config.auth`), checked before
 *   the body is read: 401 when signed out, 403 for the wrong role;
 * - every POST carries a CSRF token (form field `_csrf` or header `x-csrf-token`), tied to the
 *   session, checked before any handler runs (@fastify/csrf-protection);
 * - failed sign-ins are limited per account (backing off) and per address (signin-limits.ts),
 *   and sign-in spends the same scrypt time whether or not the account exists;
 * - the commit endpoint takes only the owner's attempt, from its newest launch, with a
 *   bounded body whose every element and value is checked (cmi.ts) before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { bundleScript } from '../bundle.js';
import { Catalogue } from './catalogue.js';
import { createContext } from './context.js';
import { canWrite, closeDatabase, LmsStartError, openDatabase, type Db } from './db.js';
import { generatePassword, hashPassword, passwordProblem } from './passwords.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { hrRoutes } from './routes/hr.js';
import { learningRoutes } from './routes/learning.js';
import { packageRoutes } from './routes/packages.js';
import { CSP, guard } from './security.js';
import type { SignInLimits } from './signin-limits.js';
import { Store } from './store.js';

export interface LmsOptions {
  /** The project root: scorm/lms/public is served from it, and the launch script bundled with scorm-again. */
  root: string;
  /** The built modules: root/dist by default. */
  distDir?: string;
  /** The data folder: the SQLite database (unless `databaseUrl` names PostgreSQL), the log, backups. */
  dataDir: string;
  /** postgres://… to keep the records in PostgreSQL (DATABASE_URL); otherwise SQLite in the data folder. */
  databaseUrl?: string;
  /** The first admin's password; generated (and returned once) when absent. */
  adminPassword?: string;
  /** Fastify's logger: false, true, or pino's options (scripts/lms.ts logs warnings and errors to a file). */
  logger?: FastifyServerOptions['logger'];
  /**
   * Failed sign-ins: an account backs off after `perAccount` in a row; an address may fail
   * `perAddress` times in `windowMs` (signin-limits.ts).
   */
  signInLimit?: SignInLimits;
  /**
   * Behind a TLS proxy: which hops to believe in X-Forwarded-For, as a number of hops (1: the
   * proxy in front) or the proxies' addresses; then HSTS is sent too. Unset: none believed.
   */
  trustProxy?: number | string[];
  /**
   * Host names the LMS answers to (the Host header). On loopback this is 127.0.0.1,
   * localhost and ::1, so a web page cannot reach it through DNS rebinding. Unset: any.
   */
  allowedHosts?: string[];
}

export interface Lms {
  app: FastifyInstance;
  store: Store;
  db: Db;
  catalogue: Catalogue;
  /** Set on the first start: the admin account created, with its password when it was generated. */
  firstStart: { login: string; password: string | null } | null;
  close(): Promise<void>;
}

/**
 * Fastify's trustProxy: the given addresses, or the first `n` hops from the socket (its hop 0),
 * never `true`, which would believe any X-Forwarded-For a client makes up.
 */
function trusted(setting: LmsOptions['trustProxy']): string[] | ((address: string, hop: number) => boolean) | false {
  if (Array.isArray(setting)) return setting.length ? setting : false;
  const hops = setting ?? 0;
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

/**
 * The secret that signs cookies and CSRF tokens: made once and kept in the database, so every
 * process serving it signs alike. A data folder from before keeps the key in its secret.key
 * file, so no one is signed out by the upgrade.
 */
async function loadSecret(db: Db, dataDir: string): Promise<string> {
  const read = () => db.k.selectFrom('secrets').select('value').where('name', '=', 'signing').executeTakeFirst();
  const known = await read();
  if (known) return known.value;
  const file = join(dataDir, 'secret.key');
  const value =
    db.sqlite && existsSync(file) ? readFileSync(file, 'utf8').trim() : randomBytes(48).toString('base64url');
  // Two processes starting at once: the first to write wins, and both use its key.
  await db.k
    .insertInto('secrets')
    .values({ name: 'signing', value })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await read())!.value;
}

/** First start: an admin account, so someone can sign in and add everyone else. */
async function firstAdmin(store: Store, given: string | undefined): Promise<Lms['firstStart']> {
  if ((await store.countUsers()) > 0) return null;
  const weak = given ? passwordProblem(given, 'admin', 'Administrator') : null;
  if (weak) throw new LmsStartError(`FRONTLINE_ADMIN_PASSWORD is not strong enough: ${weak}`);
  const password = given || generatePassword();
  const added = await store.createUser({
    login: 'admin',
    name: 'Administrator',
    staffGroup: '',
    role: 'admin',
    passwordHash: await hashPassword(password),
    mustChange: false,
  });
  // Another process starting on the same database made it first.
  if (!added) return null;
  await store.audit(null, 'created the first admin account', 'admin');
  return { login: 'admin', password: given ? null : password };
}

export { LmsStartError };

/** The database brought up to date, with what the LMS keeps in it at start; closed again if any of that fails. */
async function openRecords(options: LmsOptions) {
  const db = await openDatabase(options.dataDir, options.databaseUrl);
  try {
    const store = new Store(db);
    const catalogue = new Catalogue(options.distDir ?? join(options.root, 'dist'), store);
    await catalogue.keepCurrentBuilds();
    const secret = await loadSecret(db, options.dataDir);
    const firstStart = await firstAdmin(store, options.adminPassword);
    await store.pruneSessions();
    return { db, store, catalogue, secret, firstStart };
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
}

export async function createLms(options: LmsOptions): Promise<Lms> {
  const { db, store, catalogue, secret, firstStart } = await openRecords(options);

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trusted(options.trustProxy),
    bodyLimit: 256 * 1024,
  });
  app.decorateRequest('lms', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    hsts: trusted(options.trustProxy) ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret });
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: 'auto' },
    // A token is good only with the session it was made for (or, before signing in, with none).
    getUserInfo: (req) => req.lms?.sessionId ?? 'signed-out',
    csrfOpts: { hmacKey: secret },
  });

  const lms = createContext(store, db, catalogue);
  guard(app, lms, options.allowedHosts);

  // The launch page's script, bundled on first use with scorm-again and the shared SCORM names;
  // the LMS's other static files as they are.
  let launchScript: Promise<string> | undefined;
  app.get('/lms/assets/launch.js', async (_req, reply) => {
    launchScript ??= bundleScript(join(options.root, 'scorm', 'lms', 'public', 'launch.ts'));
    return reply.type('text/javascript').send(await launchScript);
  });
  await app.register(fastifyStatic, {
    root: join(options.root, 'scorm', 'lms', 'public'),
    prefix: '/lms/assets/',
    decorateReply: false,
    index: false,
    allowedPath: (path) => !path.endsWith('.ts'),
  });

  app.get('/healthz', async (_req, reply) =>
    (await canWrite(db)) ? { ok: true } : reply.code(503).send({ ok: false, error: 'The database cannot be written.' }),
  );
  await app.register(
    accountRoutes(lms, options.signInLimit ?? { perAccount: 10, perAddress: 100, windowMs: 15 * 60_000 }),
  );
  await app.register(learningRoutes(lms));
  await app.register(packageRoutes(lms));
  await app.register(hrRoutes(lms));
  await app.register(adminRoutes(lms));

  return {
    app,
    store,
    db,
    catalogue,
    firstStart,
    async close() {
      await app.close();
      await closeDatabase(db);
    },
  };
}
