/** Learners: their modules, launching, the commit endpoint scorm-again calls, their answers. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ATTEMPT_LIMITS, COMMIT_LIMITS, FINISHED, launchData, validateCommit } from '../cmi.js';
import { bodyOf, idParam, MODULE_ID, param, str, userOf, type LmsContext } from '../context.js';
import { learnerHistory, summarise } from '../reports.js';
import { ModuleSettings } from '../settings.js';
import { isStaff, type Attempt, type CommitOutcome, type User } from '../store.js';
import { historyPage, launchPage, learnPage, type LearnCard } from '../views.js';

const ATTEMPT_KB = ATTEMPT_LIMITS.storedBytes / 1024;

const USER = { config: { auth: 'user' as const } };

export function learningRoutes(lms: LmsContext) {
  const { store, catalogue, page, sendPage } = lms;
  const settings = new ModuleSettings(store.db);

  return async (app: FastifyInstance) => {
    app.get('/learn', USER, async (req, reply) =>
      sendPage(reply, learnPage(page(req, reply), await cardsFor(lms, settings, userOf(req)))),
    );
    app.get('/learn/history', USER, async (req, reply) =>
      sendPage(reply, historyPage(page(req, reply), await learnerHistory(store, catalogue, userOf(req).id))),
    );
    app.post('/learn/:module/launch', USER, launchModule(lms, settings));
    app.get('/learn/launch/:launch', USER, showLaunch(lms));
    await app.register(commitScope(lms));
    app.get('/api/attempts/:attempt', USER, attemptData(lms));
    /** The signed-in learner's attempts (for the learner's own tools and the tests). */
    app.get('/api/me/attempts', USER, async (req) =>
      (await store.attemptsOf(userOf(req).id)).map((a: Attempt) => ({
        id: a.id,
        module: a.module_id,
        number: a.number,
        scormVersion: a.scorm_version,
        status: a.status,
        score: a.score_raw,
      })),
    );
  };
}

/** Live modules, and any other the learner has taken, so their record stays in reach. */
async function cardsFor(lms: LmsContext, settings: ModuleSettings, user: User): Promise<LearnCard[]> {
  const all = await lms.store.attemptsOf(user.id);
  const cards = await Promise.all(
    lms.catalogue.modules().map(async (m) => {
      const attempts = all.filter((a) => a.module_id === m.id);
      const live = await settings.isLive(m.id);
      if (!attempts.length && !live) return [];
      const latest = attempts.at(-1);
      const open = latest && !FINISHED.has(latest.status) ? latest : null;
      const finished = [...attempts].reverse().find((a) => FINISHED.has(a.status)) ?? null;
      const s = summarise(attempts);
      return {
        live,
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
    }),
  );
  return cards.flat();
}

/**
 * Launching. An unfinished attempt is always continued (in the SCORM version it began in).
 * A finished attempt is never reopened for writing: the learner either reviews it (mode
 * `review`: the module shows their results and nothing is recorded) or takes the module
 * again as a new attempt, so a passed record can never be overwritten by a later run.
 */
function launchModule({ store, catalogue, deny }: LmsContext, settings: ModuleSettings) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(req);
    const moduleId = param(req, 'module');
    const module = MODULE_ID.test(moduleId) ? catalogue.module(moduleId) : undefined;
    if (!module) return deny(req, reply, 404, 'There is no such module.');
    const action = str(bodyOf(req).action, 20);
    if (action === 'review') {
      const attempts = await store.attemptsOf(user.id, module.id);
      const finished = [...attempts].reverse().find((a) => FINISHED.has(a.status));
      if (!finished) return reply.code(303).redirect('/learn');
      return reply.code(303).redirect(`/learn/launch/${(await store.createLaunch(finished.id, 'review')).id}`);
    }
    const setting = await settings.get(module.id);
    // The admin chooses the SCORM version per module; an attempt under way keeps the one it began in.
    const start = setting.live
      ? {
          moduleVersion: module.version,
          version: setting.scormVersion,
          build: await catalogue.currentBuild(module.id),
        }
      : null;
    const attempt = await store.continueOrStart(user.id, module.id, start);
    if (!attempt) return deny(req, reply, 404, 'This module is not offered at the moment.');
    return reply.code(303).redirect(`/learn/launch/${(await store.createLaunch(attempt.id, 'normal')).id}`);
  };
}

/** The launch page: the LMS's API with the attempt's data around the module's frame. */
function showLaunch({ store, catalogue, page, sendPage, deny }: LmsContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(req);
    const launch = await store.launch(param(req, 'launch'));
    const attempt = launch ? await store.attempt(launch.attempt_id) : undefined;
    if (!launch || !attempt || attempt.user_id !== user.id)
      return deny(req, reply, 404, 'This launch link is not yours, or has expired. Start again from your modules.');
    // A reload after the module has saved is a new session of the attempt (its own session time).
    if (
      launch.mode === 'normal' &&
      (launch.last_commit_at || (await store.latestLaunch(attempt.id))?.id !== launch.id)
    ) {
      if (FINISHED.has(attempt.status)) return reply.code(303).redirect('/learn');
      return reply.code(303).redirect(`/learn/launch/${(await store.createLaunch(attempt.id, 'normal')).id}`);
    }
    const ctx = page(req, reply);
    const module = catalogue.module(attempt.module_id);
    const cmi = launchData(attempt.scorm_version, JSON.parse(attempt.cmi) as Record<string, string>, {
      mode: launch.mode,
      learnerName: user.name,
      learnerId: user.login,
      totalSeconds: attempt.total_seconds,
      passMark: (await catalogue.forAttempt(attempt))?.passMark ?? null,
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
        csrf: ctx.csrf,
        cmi,
        // The learner's staff group, for the module's profile question to start at (src/components/profile-default.ts).
        scoUrl: `/content/${encodeURIComponent(attempt.module_id)}/index.html${user.staff_group ? `?staff_group=${encodeURIComponent(user.staff_group)}` : ''}`,
        title: module?.title ?? attempt.module_id,
      }),
    );
  };
}

/**
 * The commit endpoint, in its own scope: JSON from scorm-again's XHR, and the same JSON as
 * text/plain from the beacon it sends at Terminate (a beacon cannot set headers, so that one
 * carries the CSRF token in the body as `_csrf`).
 */
function commitScope({ store }: LmsContext) {
  return async (scope: FastifyInstance) => {
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: COMMIT_LIMITS.bodyBytes }, json);
    scope.post(
      '/api/attempts/:attempt/commit',
      { config: { auth: 'user' }, bodyLimit: COMMIT_LIMITS.bodyBytes },
      async (req, reply) => {
        const user = userOf(req);
        const launchId = str((req.query as Record<string, unknown>).launch, 100);
        const attempt = await store.attempt(idParam(req, 'attempt'));
        const launch = launchId ? await store.launch(launchId) : undefined;
        const refuse = ({ status, error, errorCode = 101, ...extra }: Refusal) =>
          reply.code(status).send({ result: false, errorCode, error, ...extra });
        // Someone else's attempt looks the same as one that does not exist.
        if (!attempt || attempt.user_id !== user.id || !launch || launch.attempt_id !== attempt.id)
          return refuse({ status: 400, error: 'no such attempt for this session' });
        const check = validateCommit(
          attempt.scorm_version,
          req.body,
          JSON.parse(attempt.cmi) as Record<string, string>,
        );
        if (!check.ok)
          return refuse({
            status: 400,
            error: `One element is not right, so nothing from this commit was stored: ${check.problems[0]}`,
            problems: check.problems,
          });
        const refusal = refusalOf(await store.applyCommit(attempt, launch, check.commit), check.commit.sequence);
        return refusal ? refuse(refusal) : { result: true, errorCode: 0 };
      },
    );
  };
}

/** A commit's answer when it was not stored: the HTTP status, the SCORM error code and why. */
interface Refusal {
  status: number;
  error: string;
  errorCode?: number;
  /** Which refusal this is, for the launch page: only 'superseded' can be put right, by continuing here. */
  reason?: 'superseded' | 'review';
  problems?: string[];
}

/** The refusal for what the store made of a valid commit; null where it was stored (or already was). */
function refusalOf(stored: CommitOutcome, sequence: number | null): Refusal | null {
  switch (stored.outcome) {
    case 'superseded':
      return {
        status: 409,
        error: 'This module was opened again in another window; this one can no longer save.',
        reason: 'superseded',
        errorCode: 391,
      };
    case 'review':
      return { status: 409, error: 'Nothing is recorded in review mode.', reason: 'review', errorCode: 391 };
    case 'ahead':
      return {
        status: 409,
        error: `commitSequence ${sequence} is too far ahead: the next expected is ${stored.next} (commits are numbered from 1 in each launch). Nothing was stored.`,
      };
    case 'too-large':
      return {
        status: 413,
        error: `The attempt would hold ${Math.round(stored.bytes / 1024)} KB, over the limit of ${ATTEMPT_KB} KB. Nothing was stored.`,
      };
    default:
      return null;
  }
}

/** An attempt's stored data: for its owner, and for HR. */
function attemptData({ store }: LmsContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(req);
    const attempt = await store.attempt(idParam(req, 'attempt'));
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
      interactions: (await store.interactionsOf(attempt.id)).map(
        ({ attempt_id: _a, recorded_at: _r, ...rest }) => rest,
      ),
    };
  };
}
