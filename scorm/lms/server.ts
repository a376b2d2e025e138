/**
 * The local LMS: learners sign in, take the built modules with scorm-again as the SCORM API,
 * and every commit is stored per attempt in SQLite; HR sees the records, charts and CSV.
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
 * - sign-in is rate limited per account and per address (@fastify/rate-limit), and spends the
 *   same scrypt time whether or not the account exists;
 * - the commit endpoint takes only the owner's attempt, from its newest launch, with a
 *   bounded body whose every element and value is checked (cmi.ts) before anything is written.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Version } from '../strict.js';
import { Catalogue } from './catalogue.js';
import { COMMIT_LIMITS, FINISHED, launchData, validateCommit } from './cmi.js';
import { isValidLogin, parseLearnersCsv, toCsv } from './csv.js';
import { closeDatabase, openDatabase, type Db } from './db.js';
import { dummyHash, generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import {
  formatDuration,
  learnerHistory,
  localDateTime,
  moduleStats,
  RECORD_STATUSES,
  records,
  reportedModules,
  summarise,
  type RecordFilter,
  type RecordStatus,
} from './reports.js';
import { ROLES, SESSION_HOURS, Store, type Attempt, type Role, type User } from './store.js';
import {
  errorPage,
  historyPage,
  hrLearnerPage,
  launchPage,
  learnPage,
  modulePage,
  passwordPage,
  recordsPage,
  signInPage,
  usersPage,
  statusLabel,
  type CreatedAccount,
  type LearnCard,
  type PageContext,
} from './views.js';

export interface LmsOptions {
  /** The project root: dist/ (built modules), modules/ and content/ (for reports), node_modules/. */
  root: string;
  /** The built modules: root/dist by default. */
  distDir?: string;
  /** Where the database and the secret key live. */
  dataDir: string;
  /** The first admin's password; generated (and returned once) when absent. */
  adminPassword?: string;
  /** Fastify's logger. */
  logger?: boolean;
  /** Sign-in attempts allowed per account (and address) and per address, in `windowMs`. */
  signInLimit?: { perAccount: number; perAddress: number; windowMs: number };
  /** Behind a TLS proxy on the same machine: trust X-Forwarded-* and send HSTS. */
  trustProxy?: boolean;
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

type Auth = 'none' | 'user' | 'hr' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route; checked in onRequest, before the body is read. Default 'none'. */
    auth?: Auth;
    /** Allowed while the user must still choose their own password. */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    lms: { sessionId: string; user: User } | null;
  }
}

const SESSION_COOKIE = 'fl_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MODULE_ID = /^[a-z][a-z0-9-]{0,80}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  frameAncestors: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

const isStaff = (u: User | null | undefined) => u?.role === 'hr' || u?.role === 'admin';
const home = (u: User) => (isStaff(u) ? '/hr/records' : '/learn');
const str = (v: unknown, max = 1000) => (typeof v === 'string' ? v.slice(0, max) : '');
/** A same-site path to go back to after signing in; anything else goes home. */
const safeNext = (next: string) =>
  /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) && !next.startsWith('/signin') ? next : null;

/** The secret that signs cookies and CSRF tokens: made once, kept in the data folder. */
function loadSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export async function createLms(options: LmsOptions): Promise<Lms> {
  const db = openDatabase(options.dataDir);
  const store = new Store(db);
  const catalogue = new Catalogue(options.root, options.distDir);
  const secret = loadSecret(options.dataDir);
  const limits = options.signInLimit ?? { perAccount: 10, perAddress: 100, windowMs: 15 * 60_000 };

  // First start: an admin account, so someone can sign in and add everyone else.
  let firstStart: Lms['firstStart'] = null;
  if (store.users().length === 0) {
    const password = options.adminPassword || generatePassword();
    store.createUser({
      login: 'admin',
      name: 'Administrator',
      staffGroup: '',
      role: 'admin',
      passwordHash: await hashPassword(password),
      mustChange: false,
    });
    store.audit(null, 'created the first admin account', 'admin');
    firstStart = { login: 'admin', password: options.adminPassword ? null : password };
  }
  store.pruneSessions();

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 256 * 1024,
  });
  app.decorateRequest('lms', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    hsts: options.trustProxy ? { maxAge: 31536000 } : false,
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
  await app.register(fastifyRateLimit, { global: false });
  const perAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (req) =>
      `account:${req.ip}:${str((req.body as Record<string, unknown> | undefined)?.login, 200)
        .trim()
        .toLowerCase()}`,
  });
  const perAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: limits.windowMs,
    keyGenerator: (req) => `address:${req.ip}`,
  });

  const ctx = (req: FastifyRequest, reply: FastifyReply): PageContext => ({
    user: req.lms?.user ?? null,
    csrf: reply.generateCsrf({ userInfo: req.lms?.sessionId ?? 'signed-out' }),
    path: req.url,
  });
  const sendPage = (reply: FastifyReply, page: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(page);
  const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');
  const deny = (req: FastifyRequest, reply: FastifyReply, status: 401 | 403 | 404, message: string) => {
    if (isApi(req)) return reply.code(status).send({ result: false, errorCode: 101, error: message });
    if (status === 401)
      return sendPage(
        reply,
        signInPage(ctx(req, reply), { next: req.method === 'GET' ? req.url : '', notice: message }),
        401,
      );
    return sendPage(
      reply,
      errorPage(ctx(req, reply), status === 403 ? 'You do not have access to this page' : 'Page not found', message),
      status,
    );
  };

  // Every response: no caching of records, no features the pages do not use.
  app.addHook('onSend', async (req, reply) => {
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    reply.header(
      'Cache-Control',
      req.url.startsWith('/lms/assets/') || req.url.startsWith('/vendor/') ? 'no-cache' : 'no-store',
    );
  });

  // Who is asking, and may they? Runs before the body is parsed.
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null;
  app.addHook('onRequest', async (req, reply) => {
    if (allowedHosts && !allowedHosts.has(req.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1'))) {
      return reply.code(421).type('text/plain; charset=utf-8').send('This server does not answer to that host name.');
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = store.resolveSession(token);
      req.lms = resolved ? { sessionId: resolved.id, user: resolved.user } : null;
    }
    const auth = req.routeOptions.config?.auth ?? 'none';
    if (auth === 'none') return;
    const user = req.lms?.user;
    if (!user) return deny(req, reply, 401, 'Sign in to see this page.');
    if (user.must_change_password && !req.routeOptions.config?.beforePasswordChange) {
      if (isApi(req))
        return reply.code(403).send({ result: false, errorCode: 101, error: 'Choose your own password first.' });
      return reply.code(303).redirect('/account/password');
    }
    if (auth === 'hr' && !isStaff(user))
      return deny(req, reply, 403, 'This page is for HR and training administrators.');
    if (auth === 'admin' && user.role !== 'admin') return deny(req, reply, 403, 'This page is for administrators.');
  });

  // Every state-changing request needs a CSRF token; checked after the body is read (forms send it there).
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error(error);
    const csrf = error.code?.startsWith('FST_CSRF_');
    const message = csrf
      ? 'The form has expired or did not come from this site. Go back, reload the page and try again.'
      : status === 429
        ? 'Too many attempts. Wait a few minutes, then try again.'
        : status === 413
          ? 'That is too large.'
          : status >= 500
            ? 'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.'
            : 'The request was not understood.';
    if (isApi(req))
      return reply.code(status).send({
        result: false,
        errorCode: 101,
        error: csrf ? 'invalid CSRF token' : status >= 500 ? 'server error' : error.message,
      });
    if (status === 429 && req.url.startsWith('/signin'))
      return sendPage(reply, signInPage(ctx(req, reply), { error: message }), 429);
    return sendPage(
      reply,
      errorPage(
        ctx(req, reply),
        csrf ? 'The form has expired' : status === 429 ? 'Too many attempts' : 'There is a problem',
        message,
      ),
      status,
    );
  });
  app.setNotFoundHandler((req, reply) => deny(req, reply, 404, 'Check the address, or start again from your modules.'));

  // Static files: the LMS's own CSS and JS, scorm-again, and (signed in only) the modules.
  await app.register(fastifyStatic, {
    root: join(options.root, 'scorm', 'lms', 'public'),
    prefix: '/lms/assets/',
    decorateReply: false,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: join(options.root, 'node_modules', 'scorm-again', 'dist', 'esm'),
    prefix: '/vendor/scorm-again/',
    decorateReply: false,
    index: false,
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      if (!req.lms?.user) return deny(req, reply, 401, 'Sign in to open modules.');
    });
    await scope.register(fastifyStatic, {
      root: catalogue.distDir,
      prefix: '/content/',
      decorateReply: false,
      index: false,
      allowedPath: (path) => /^\/[a-z][a-z0-9-]*\/./.test(path),
    });
  });

  app.get('/healthz', async () => ({ ok: true }));

  // Signing in and out

  app.get('/', async (req, reply) => reply.redirect(req.lms ? home(req.lms.user) : '/signin'));

  app.get('/signin', async (req, reply) => {
    if (req.lms) return reply.redirect(home(req.lms.user));
    return sendPage(
      reply,
      signInPage(ctx(req, reply), { next: str((req.query as Record<string, unknown>).next, 300) }),
    );
  });

  app.post('/signin', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const login = str(body.login, 200).trim();
    const password = str(body.password, 1000);
    const next = str(body.next, 300);
    for (const limiter of [perAddress, perAccount]) {
      const result = await limiter(req);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('Retry-After', result.ttlInSeconds);
        return sendPage(
          reply,
          signInPage(ctx(req, reply), {
            error: `Too many sign-in attempts. Try again in ${Math.ceil(result.ttlInSeconds / 60)} minutes.`,
            login,
            next,
          }),
          429,
        );
      }
    }
    const user = login ? store.userByLogin(login) : undefined;
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
    if (!ok || !user || !user.active) {
      if (user) store.audit(user.id, 'failed sign-in', req.ip);
      return sendPage(
        reply,
        signInPage(ctx(req, reply), {
          error: 'The email or staff number, or the password, is not right.',
          login,
          next,
        }),
        401,
      );
    }
    if (req.lms) store.deleteSession(req.lms.sessionId);
    const session = store.createSession(user.id);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: 'auto',
      maxAge: SESSION_HOURS * 3600,
    });
    return reply.code(303).redirect(user.must_change_password ? '/account/password' : (safeNext(next) ?? home(user)));
  });

  app.post('/signout', { config: { auth: 'user', beforePasswordChange: true } }, async (req, reply) => {
    store.deleteSession(req.lms!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    req.lms = null;
    return sendPage(reply, signInPage(ctx(req, reply), { notice: 'You have signed out.' }));
  });

  app.get('/account/password', { config: { auth: 'user', beforePasswordChange: true } }, async (req, reply) =>
    sendPage(reply, passwordPage(ctx(req, reply), { forced: !!req.lms!.user.must_change_password })),
  );

  app.post('/account/password', { config: { auth: 'user', beforePasswordChange: true } }, async (req, reply) => {
    const user = req.lms!.user;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const current = str(body.current, 1000);
    const password = str(body.password, 1000);
    const forced = !!user.must_change_password;
    const fail = (error: string) => sendPage(reply, passwordPage(ctx(req, reply), { forced, error }), 400);
    if (!(await verifyPassword(current, user.password_hash))) return fail('Your current password is not right.');
    const problem = passwordProblem(password, user.login);
    if (problem) return fail(problem);
    if (password !== str(body.confirm, 1000)) return fail('The two new passwords are different.');
    if (password === current) return fail('Choose a password different from the one you were given.');
    store.setPassword(user.id, await hashPassword(password), false);
    store.deleteSessionsOf(user.id, req.lms!.sessionId);
    store.audit(user.id, 'changed their password');
    if (forced) return reply.code(303).redirect(home(user));
    return sendPage(reply, passwordPage(ctx(req, reply), { forced: false, done: true }));
  });

  // Learners: their modules, launching, their answers

  const cardsFor = (user: User): LearnCard[] =>
    catalogue.modules().map((m) => {
      const attempts = store.attemptsOf(user.id, m.id);
      const latest = attempts.at(-1);
      const open = latest && !FINISHED.has(latest.status) ? latest : null;
      const finished = [...attempts].reverse().find((a) => FINISHED.has(a.status)) ?? null;
      const s = summarise(attempts);
      return {
        id: m.id,
        title: m.title,
        version: m.version,
        status: s.status,
        score: s.score,
        attempts: s.attempts,
        lastAccess: s.lastAccess,
        open: open ? { id: open.id, scormVersion: open.scorm_version } : null,
        finished: finished ? { id: finished.id } : null,
      };
    });

  app.get('/learn', { config: { auth: 'user' } }, async (req, reply) =>
    sendPage(reply, learnPage(ctx(req, reply), cardsFor(req.lms!.user))),
  );

  app.get('/learn/history', { config: { auth: 'user' } }, async (req, reply) =>
    sendPage(reply, historyPage(ctx(req, reply), learnerHistory(store, catalogue, req.lms!.user.id))),
  );

  /**
   * Launching. An unfinished attempt is always continued (in the SCORM version it began in).
   * A finished attempt is never reopened for writing: the learner either reviews it (mode
   * `review`: the module shows their results and nothing is recorded) or takes the module
   * again as a new attempt, so a passed record can never be overwritten by a later run.
   */
  app.post('/learn/:module/launch', { config: { auth: 'user' } }, async (req, reply) => {
    const user = req.lms!.user;
    const moduleId = str((req.params as Record<string, unknown>).module, 100);
    const module = MODULE_ID.test(moduleId) ? catalogue.module(moduleId) : undefined;
    if (!module) return deny(req, reply, 404, 'There is no such module.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = str(body.action, 20);
    const version: Version = str(body.version, 10) === '1.2' ? '1.2' : '2004';
    const attempts = store.attemptsOf(user.id, module.id);
    const latest = attempts.at(-1);
    if (action === 'review') {
      const finished = [...attempts].reverse().find((a) => FINISHED.has(a.status));
      if (!finished) return reply.code(303).redirect('/learn');
      return reply.code(303).redirect(`/learn/launch/${store.createLaunch(finished.id, 'review').id}`);
    }
    const attempt =
      latest && !FINISHED.has(latest.status)
        ? latest
        : store.createAttempt(user.id, module.id, module.version, version);
    return reply.code(303).redirect(`/learn/launch/${store.createLaunch(attempt.id, 'normal').id}`);
  });

  app.get('/learn/launch/:launch', { config: { auth: 'user' } }, async (req, reply) => {
    const user = req.lms!.user;
    const launch = store.launch(str((req.params as Record<string, unknown>).launch, 100));
    const attempt = launch ? store.attempt(launch.attempt_id) : undefined;
    if (!launch || !attempt || attempt.user_id !== user.id)
      return deny(req, reply, 404, 'This launch link is not yours, or has expired. Start again from your modules.');
    // A reload after the module has saved is a new session of the attempt (its own session time).
    if (launch.mode === 'normal' && (launch.last_commit_at || store.latestLaunch(attempt.id)?.id !== launch.id)) {
      if (FINISHED.has(attempt.status)) return reply.code(303).redirect('/learn');
      return reply.code(303).redirect(`/learn/launch/${store.createLaunch(attempt.id, 'normal').id}`);
    }
    const page = ctx(req, reply);
    const module = catalogue.module(attempt.module_id);
    const course = catalogue.course(attempt.module_id);
    const cmi = launchData(attempt.scorm_version, JSON.parse(attempt.cmi) as Record<string, string>, {
      mode: launch.mode,
      learnerName: user.name,
      learnerId: user.login,
      totalSeconds: attempt.total_seconds,
      passMark: course?.passMark ?? null,
      fresh: attempt.commits === 0,
    });
    return sendPage(
      reply,
      launchPage({
        version: attempt.scorm_version,
        mode: launch.mode,
        commitUrl:
          launch.mode === 'normal'
            ? `/api/attempts/${attempt.id}/commit?launch=${encodeURIComponent(launch.id)}`
            : null,
        csrf: page.csrf,
        cmi,
        scoUrl: `/content/${encodeURIComponent(attempt.module_id)}/index.html`,
        title: module?.title ?? attempt.module_id,
      }),
    );
  });

  // The commit endpoint, in its own scope: JSON from scorm-again's XHR, and the same JSON as
  // text/plain from the beacon it sends at Terminate (a beacon cannot set headers, so that one
  // carries the CSRF token in the body as `_csrf`).
  await app.register(async (scope) => {
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: COMMIT_LIMITS.bodyBytes }, json);
    scope.post(
      '/api/attempts/:attempt/commit',
      { config: { auth: 'user' }, bodyLimit: COMMIT_LIMITS.bodyBytes },
      async (req, reply) => {
        const user = req.lms!.user;
        const attemptId = Number(str((req.params as Record<string, unknown>).attempt, 20));
        const launchId = str((req.query as Record<string, unknown>).launch, 100);
        const attempt = Number.isSafeInteger(attemptId) ? store.attempt(attemptId) : undefined;
        const launch = launchId ? store.launch(launchId) : undefined;
        // Someone else's attempt looks the same as one that does not exist.
        if (!attempt || attempt.user_id !== user.id || !launch || launch.attempt_id !== attempt.id) {
          return reply.code(400).send({ result: false, errorCode: 101, error: 'no such attempt for this session' });
        }
        const check = validateCommit(attempt.scorm_version, req.body);
        if (!check.ok)
          return reply
            .code(400)
            .send({ result: false, errorCode: 101, error: 'invalid commit', problems: check.problems });
        const outcome = store.applyCommit(attempt, launch, check.commit);
        if (outcome === 'superseded')
          return reply.code(409).send({
            result: false,
            errorCode: 391,
            error: 'This module was opened again in another window; this one can no longer save.',
          });
        if (outcome === 'review')
          return reply.code(409).send({ result: false, errorCode: 391, error: 'Nothing is recorded in review mode.' });
        return { result: true, errorCode: 0 };
      },
    );
  });

  /** An attempt's stored data: for its owner, and for HR. */
  app.get('/api/attempts/:attempt', { config: { auth: 'user' } }, async (req, reply) => {
    const user = req.lms!.user;
    const attempt = store.attempt(Number(str((req.params as Record<string, unknown>).attempt, 20)));
    if (!attempt || (attempt.user_id !== user.id && !isStaff(user)))
      return reply.code(404).send({ result: false, errorCode: 101, error: 'no such attempt' });
    return {
      id: attempt.id,
      module: attempt.module_id,
      number: attempt.number,
      scormVersion: attempt.scorm_version,
      status: attempt.status,
      score: attempt.score_raw,
      totalSeconds: attempt.total_seconds,
      commits: attempt.commits,
      cmi: JSON.parse(attempt.cmi) as Record<string, string>,
      interactions: store.interactionsOf(attempt.id).map(({ attempt_id: _a, recorded_at: _r, ...rest }) => rest),
    };
  });

  /** The signed-in learner's attempts (for the learner's own tools and the tests). */
  app.get('/api/me/attempts', { config: { auth: 'user' } }, async (req) =>
    store.attemptsOf(req.lms!.user.id).map((a: Attempt) => ({
      id: a.id,
      module: a.module_id,
      number: a.number,
      scormVersion: a.scorm_version,
      status: a.status,
      score: a.score_raw,
    })),
  );

  // HR: records, CSV, module reports, a learner's decisions

  const filterFrom = (query: unknown): RecordFilter => {
    const q = (query ?? {}) as Record<string, unknown>;
    const f: RecordFilter = {};
    const module = str(q.module, 100);
    if (MODULE_ID.test(module)) f.module = module;
    const status = str(q.status, 20) as RecordStatus;
    if (RECORD_STATUSES.includes(status)) f.status = status;
    const group = str(q.group, 100);
    if (group) f.group = group;
    const from = str(q.from, 10);
    const to = str(q.to, 10);
    if (DATE.test(from)) f.from = from;
    if (DATE.test(to)) f.to = to;
    if (f.from || f.to || q.dates) f.dateField = str(q.dates, 20) === 'accessed' ? 'accessed' : 'completed';
    return f;
  };
  const queryOf = (f: RecordFilter) =>
    new URLSearchParams(
      Object.entries({
        module: f.module,
        status: f.status,
        group: f.group,
        from: f.from,
        to: f.to,
        dates: f.from || f.to ? f.dateField : undefined,
      }).filter((e): e is [string, string] => !!e[1]),
    ).toString();
  const groups = () =>
    [
      ...new Set(
        store
          .users()
          .map((u) => u.staff_group)
          .filter(Boolean),
      ),
    ].sort((a, b) => a.localeCompare(b));

  app.get('/hr/records', { config: { auth: 'hr' } }, async (req, reply) => {
    const filter = filterFrom(req.query);
    return sendPage(
      reply,
      recordsPage(ctx(req, reply), records(store, catalogue, filter), filter, {
        modules: reportedModules(catalogue, store),
        groups: groups(),
        query: queryOf(filter),
      }),
    );
  });

  app.get('/hr/records.csv', { config: { auth: 'hr' } }, async (req, reply) => {
    const rows = records(store, catalogue, filterFrom(req.query));
    const csv = toCsv(
      [
        'Name',
        'Email or staff number',
        'Staff group',
        'Module',
        'Module ID',
        'Status',
        'Score (%)',
        'Attempts',
        'First access',
        'Last access',
        'Completed',
        'Total time (h:mm:ss)',
      ],
      rows.map((r) => [
        r.name,
        r.login,
        r.staffGroup,
        r.moduleTitle,
        r.moduleId,
        statusLabel(r.status),
        r.score,
        r.attempts,
        localDateTime(r.firstAccess),
        localDateTime(r.lastAccess),
        localDateTime(r.completedAt),
        r.attempts ? formatDuration(r.totalSeconds) : '',
      ]),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    store.audit(req.lms!.user.id, 'exported records', `${rows.length} rows`);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="frontline-records-${stamp}.csv"`)
      .send(csv);
  });

  app.get('/hr/modules/:module', { config: { auth: 'hr' } }, async (req, reply) => {
    const id = str((req.params as Record<string, unknown>).module, 100);
    const known = reportedModules(catalogue, store).find((m) => m.id === id);
    if (!known) return deny(req, reply, 404, 'There is no such module.');
    const filter = filterFrom(req.query);
    delete filter.status;
    delete filter.module;
    const packages = existsSync(catalogue.distDir)
      ? readdirSync(catalogue.distDir).filter((f) => f === `${id}-scorm12.zip` || f === `${id}-scorm2004.zip`)
      : [];
    const module = catalogue.module(id) ?? { id, title: known.title, version: '' };
    return sendPage(
      reply,
      modulePage(ctx(req, reply), module, moduleStats(store, catalogue, id, filter), filter, groups(), packages),
    );
  });

  app.get('/hr/packages/:file', { config: { auth: 'hr' } }, async (req, reply) => {
    const file = str((req.params as Record<string, unknown>).file, 120);
    const path = join(catalogue.distDir, file);
    if (!/^[a-z][a-z0-9-]*-scorm(12|2004)\.zip$/.test(file) || !existsSync(path))
      return deny(req, reply, 404, 'There is no such package.');
    return reply
      .type('application/zip')
      .header('Content-Disposition', `attachment; filename="${file}"`)
      .send(createReadStream(path));
  });

  app.get('/hr/learners/:id', { config: { auth: 'hr' } }, async (req, reply) => {
    const learner = store.userById(Number(str((req.params as Record<string, unknown>).id, 20)));
    if (!learner) return deny(req, reply, 404, 'There is no such person.');
    const rows = records(store, catalogue).filter((r) => r.userId === learner.id);
    return sendPage(reply, hrLearnerPage(ctx(req, reply), learner, rows, learnerHistory(store, catalogue, learner.id)));
  });

  // Admin: people and roles

  const usersView = (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: Parameters<typeof usersPage>[3] = {},
    status = 200,
  ) => sendPage(reply, usersPage(ctx(req, reply), store.users(), store.recentAudit(), opts), status);
  const paramId = (req: FastifyRequest) => Number(str((req.params as Record<string, unknown>).id, 20));

  app.get('/admin/users', { config: { auth: 'admin' } }, async (req, reply) => usersView(req, reply));

  app.post('/admin/users', { config: { auth: 'admin' } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const name = str(body.name, 300).trim();
    const login = str(body.login, 300).trim();
    const staffGroup = str(body.staff_group, 300).trim();
    const role = str(body.role, 20) as Role;
    const given = str(body.password, 300);
    const problem =
      !name || name.length > 200
        ? "Give the person's full name (at most 200 characters)."
        : !isValidLogin(login)
          ? 'Give an email address or a staff number (letters, digits, . _ -).'
          : store.userByLogin(login)
            ? `Someone already signs in with ${login}.`
            : !ROLES.includes(role)
              ? 'Choose a role.'
              : staffGroup.length > 100
                ? 'The staff group is over 100 characters.'
                : given
                  ? passwordProblem(given, login)
                  : null;
    if (problem) return usersView(req, reply, { error: problem }, 400);
    const password = given || generatePassword();
    store.createUser({ login, name, staffGroup, role, passwordHash: await hashPassword(password), mustChange: true });
    store.audit(req.lms!.user.id, 'added a person', `${login} (${role})`);
    return usersView(req, reply, { notice: `${name} has been added.`, created: [{ name, login, password }] }, 201);
  });

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: 1024 * 1024, files: 1, fields: 4, parts: 6 },
    });
    scope.post('/admin/users/import', { config: { auth: 'admin' } }, async (req, reply) => {
      const file = (req.body as Record<string, unknown> | undefined)?.file;
      const text = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      if (!text.trim()) return usersView(req, reply, { error: 'Choose a CSV file to import.' }, 400);
      const parsed = parseLearnersCsv(text);
      if (parsed.errors.length) return usersView(req, reply, { importErrors: parsed.errors }, 400);
      const created: CreatedAccount[] = [];
      const fresh = parsed.learners.filter((l) => !store.userByLogin(l.login));
      const hashed = await Promise.all(
        fresh.map(async (l) => {
          const password = generatePassword();
          return { l, password, hash: await hashPassword(password) };
        }),
      );
      let updated = 0;
      db.transaction(() => {
        for (const l of parsed.learners) {
          const existing = store.userByLogin(l.login);
          if (existing) {
            store.updateUser(existing.id, { name: l.name, staff_group: l.staffGroup });
            updated++;
          }
        }
        for (const { l, password, hash } of hashed) {
          store.createUser({
            login: l.login,
            name: l.name,
            staffGroup: l.staffGroup,
            role: l.role,
            passwordHash: hash,
            mustChange: true,
          });
          created.push({ name: l.name, login: l.login, password });
        }
      })();
      store.audit(req.lms!.user.id, 'imported people', `${created.length} added, ${updated} updated`);
      return usersView(req, reply, { notice: `Imported: ${created.length} added, ${updated} updated.`, created });
    });
  });

  app.post('/admin/users/:id/password', { config: { auth: 'admin' } }, async (req, reply) => {
    const target = store.userById(paramId(req));
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    const password = generatePassword();
    store.setPassword(target.id, await hashPassword(password), true);
    store.deleteSessionsOf(target.id, target.id === req.lms!.user.id ? req.lms!.sessionId : undefined);
    store.audit(req.lms!.user.id, 'reset a password', target.login);
    return usersView(req, reply, {
      notice: `A new temporary password has been set for ${target.name}.`,
      created: [{ name: target.name, login: target.login, password }],
    });
  });

  app.post('/admin/users/:id/role', { config: { auth: 'admin' } }, async (req, reply) => {
    const target = store.userById(paramId(req));
    const role = str((req.body as Record<string, unknown> | undefined)?.role, 20) as Role;
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    if (!ROLES.includes(role)) return usersView(req, reply, { error: 'Choose a role.' }, 400);
    if (target.role === 'admin' && role !== 'admin' && store.countAdmins() <= 1)
      return usersView(req, reply, { error: 'There must be at least one active admin.' }, 400);
    store.updateUser(target.id, { role });
    store.audit(req.lms!.user.id, 'changed a role', `${target.login}: ${target.role} to ${role}`);
    return usersView(req, reply, {
      notice: `${target.name} is now ${role === 'hr' ? 'HR' : `an ${role === 'admin' ? 'admin' : 'learner'}`}.`,
    });
  });

  app.post('/admin/users/:id/active', { config: { auth: 'admin' } }, async (req, reply) => {
    const target = store.userById(paramId(req));
    const active = str((req.body as Record<string, unknown> | undefined)?.active, 2) === '1' ? 1 : 0;
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    if (target.id === req.lms!.user.id) return usersView(req, reply, { error: 'You cannot deactivate yourself.' }, 400);
    if (!active && target.role === 'admin' && store.countAdmins() <= 1)
      return usersView(req, reply, { error: 'There must be at least one active admin.' }, 400);
    store.updateUser(target.id, { active });
    if (!active) store.deleteSessionsOf(target.id);
    store.audit(req.lms!.user.id, active ? 'reactivated a person' : 'deactivated a person', target.login);
    return usersView(req, reply, {
      notice: `${target.name} has been ${active ? 'reactivated' : 'deactivated'}. Their records are kept.`,
    });
  });

  return {
    app,
    store,
    db,
    catalogue,
    firstStart,
    async close() {
      await app.close();
      closeDatabase(db);
    },
  };
}
