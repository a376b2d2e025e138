/** Signing in and out, and choosing one's own password. */
import type { FastifyInstance } from 'fastify';
import { bodyOf, home, SESSION_COOKIE, str, userOf, type LmsContext } from '../context.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../passwords.js';
import { SESSION_HOURS } from '../store.js';
import { SignInGuard, type SignInLimits } from '../signin-limits.js';
import { passwordPage, signInPage } from '../views.js';

/** A same-site path to go back to after signing in; anything else goes home. */
const safeNext = (next: string) =>
  /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) && !next.startsWith('/signin') ? next : null;

export function accountRoutes(lms: LmsContext, limits: SignInLimits) {
  const { store, page, sendPage } = lms;
  return async (app: FastifyInstance) => {
    const guard = new SignInGuard(lms.db, limits);

    app.get('/', async (req, reply) => reply.redirect(req.lms ? home(req.lms.user) : '/signin'));

    app.get('/signin', async (req, reply) => {
      if (req.lms) return reply.redirect(home(req.lms.user));
      return sendPage(
        reply,
        signInPage(page(req, reply), { next: str((req.query as Record<string, unknown>).next, 300) }),
      );
    });

    app.post('/signin', async (req, reply) => {
      const body = bodyOf(req);
      const login = str(body.login, 200).trim();
      const password = str(body.password, 1000);
      const next = str(body.next, 300);
      const wait = await guard.wait(login, req.ip);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('Retry-After', seconds);
        const when = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
        return sendPage(
          reply,
          signInPage(page(req, reply), {
            error: `Too many failed sign-ins. Try again in ${when}.`,
            login,
            next,
          }),
          429,
        );
      }
      const user = login ? await store.userByLogin(login) : undefined;
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
      if (!ok || !user || !user.active) {
        await guard.failed(login, req.ip);
        if (user) await store.audit(user.id, 'failed sign-in', req.ip);
        return sendPage(
          reply,
          signInPage(page(req, reply), {
            error: 'The email or staff number, or the password, is not right.',
            login,
            next,
          }),
          401,
        );
      }
      await guard.succeeded(login);
      if (req.lms) await store.deleteSession(req.lms.sessionId);
      const session = await store.createSession(user.id);
      await store.audit(user.id, 'signed in', req.ip);
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
      await store.deleteSession(req.lms!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      req.lms = null;
      return sendPage(reply, signInPage(page(req, reply), { notice: 'You have signed out.' }));
    });

    app.get('/account/password', { config: { auth: 'user', beforePasswordChange: true } }, async (req, reply) =>
      sendPage(reply, passwordPage(page(req, reply), { forced: !!userOf(req).must_change_password })),
    );

    app.post('/account/password', { config: { auth: 'user', beforePasswordChange: true } }, async (req, reply) => {
      const user = userOf(req);
      const body = bodyOf(req);
      const current = str(body.current, 1000);
      const password = str(body.password, 1000);
      const forced = !!user.must_change_password;
      const fail = (error: string) => sendPage(reply, passwordPage(page(req, reply), { forced, error }), 400);
      if (!(await verifyPassword(current, user.password_hash))) return fail('Your current password is not right.');
      const problem = passwordProblem(password, user.login, user.name);
      if (problem) return fail(problem);
      if (password !== str(body.confirm, 1000)) return fail('The two new passwords are different.');
      if (password === current) return fail('Choose a password different from the one you were given.');
      await store.setPassword(user.id, await hashPassword(password), false);
      await store.deleteSessionsOf(user.id, req.lms!.sessionId);
      await store.audit(user.id, 'changed their password');
      if (forced) return reply.code(303).redirect(home(user));
      return sendPage(reply, passwordPage(page(req, reply), { forced: false, done: true }));
    });
  };
}
