/** Learners: their modules, launching, the commit endpoint scorm-again calls, their answers. */
import type { FastifyInstance } from 'fastify';
import { ATTEMPT_LIMITS, COMMIT_LIMITS, FINISHED, launchData, validateCommit } from '../cmi.js';
import { bodyOf, idParam, MODULE_ID, param, str, userOf, type LmsContext } from '../context.js';
import { learnerHistory, summarise } from '../reports.js';
import { ModuleSettings } from '../settings.js';
import { isStaff, type Attempt, type User } from '../store.js';
import { historyPage, launchPage, learnPage, type LearnCard } from '../views.js';

const ATTEMPT_KB = ATTEMPT_LIMITS.storedBytes / 1024;

export function learningRoutes(lms: LmsContext) {
  const { store, catalogue, page, sendPage, deny } = lms;

  const settings = new ModuleSettings(store.db);
  // Live modules, and any other the learner has taken, so their record stays in reach.
  const cardsFor = async (user: User): Promise<LearnCard[]> => {
    const all = await store.attemptsOf(user.id);
    const cards = await Promise.all(
      catalogue.modules().map(async (m) => {
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
  };

  return async (app: FastifyInstance) => {
    app.get('/learn', { config: { auth: 'user' } }, async (req, reply) =>
      sendPage(reply, learnPage(page(req, reply), await cardsFor(userOf(req)))),
    );

    app.get('/learn/history', { config: { auth: 'user' } }, async (req, reply) =>
      sendPage(reply, historyPage(page(req, reply), await learnerHistory(store, catalogue, userOf(req).id))),
    );

    /**
     * Launching. An unfinished attempt is always continued (in the SCORM version it began in).
     * A finished attempt is never reopened for writing: the learner either reviews it (mode
     * `review`: the module shows their results and nothing is recorded) or takes the module
     * again as a new attempt, so a passed record can never be overwritten by a later run.
     */
    app.post('/learn/:module/launch', { config: { auth: 'user' } }, async (req, reply) => {
      const user = userOf(req);
      const moduleId = param(req, 'module');
      const module = MODULE_ID.test(moduleId) ? catalogue.module(moduleId) : undefined;
      if (!module) return deny(req, reply, 404, 'There is no such module.');
      const body = bodyOf(req);
      const action = str(body.action, 20);
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
    });

    app.get('/learn/launch/:launch', { config: { auth: 'user' } }, async (req, reply) => {
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
          const user = userOf(req);
          const attemptId = idParam(req, 'attempt');
          const launchId = str((req.query as Record<string, unknown>).launch, 100);
          const attempt = await store.attempt(attemptId);
          const launch = launchId ? await store.launch(launchId) : undefined;
          const refuse = (status: number, error: string, extra: Record<string, unknown> = {}, errorCode = 101) =>
            reply.code(status).send({ result: false, errorCode, error, ...extra });
          // Someone else's attempt looks the same as one that does not exist.
          if (!attempt || attempt.user_id !== user.id || !launch || launch.attempt_id !== attempt.id) {
            return refuse(400, 'no such attempt for this session');
          }
          const check = validateCommit(
            attempt.scorm_version,
            req.body,
            JSON.parse(attempt.cmi) as Record<string, string>,
          );
          if (!check.ok)
            return refuse(
              400,
              `One element is not right, so nothing from this commit was stored: ${check.problems[0]}`,
              {
                problems: check.problems,
              },
            );
          const stored = await store.applyCommit(attempt, launch, check.commit);
          switch (stored.outcome) {
            case 'superseded':
              // `reason` tells the launch page which refusal this is: only 'superseded' can be put right, by continuing here.
              return refuse(
                409,
                'This module was opened again in another window; this one can no longer save.',
                { reason: 'superseded' },
                391,
              );
            case 'review':
              return refuse(409, 'Nothing is recorded in review mode.', { reason: 'review' }, 391);
            case 'ahead':
              return refuse(
                409,
                `commitSequence ${check.commit.sequence} is too far ahead: the next expected is ${stored.next} (commits are numbered from 1 in each launch). Nothing was stored.`,
              );
            case 'too-large':
              return refuse(
                413,
                `The attempt would hold ${Math.round(stored.bytes / 1024)} KB, over the limit of ${ATTEMPT_KB} KB. Nothing was stored.`,
              );
          }
          return { result: true, errorCode: 0 };
        },
      );
    });

    /** An attempt's stored data: for its owner, and for HR. */
    app.get('/api/attempts/:attempt', { config: { auth: 'user' } }, async (req, reply) => {
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
    });

    /** The signed-in learner's attempts (for the learner's own tools and the tests). */
    app.get('/api/me/attempts', { config: { auth: 'user' } }, async (req) =>
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
