/**
 * The checks every request meets before a route sees it, and how errors are answered:
 * host names, who is signed in and what they may use (`config.auth`), CSRF on every POST,
 * caching and feature headers, and the error and not-found pages.
 */
import type { FastifyInstance } from 'fastify';
import { isApi, SESSION_COOKIE, type LmsContext } from './context.js';
import { isStaff } from './store.js';
import { errorPage, signInPage } from './views.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSP = {
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

export function guard(app: FastifyInstance, lms: LmsContext, allowedHostNames: string[] | undefined) {
  const { store, page, sendPage, deny } = lms;

  // Every response: no caching of records, no features the pages do not use.
  app.addHook('onSend', async (req, reply) => {
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    reply.header(
      'Cache-Control',
      req.url.startsWith('/lms/assets/') || req.url.startsWith('/vendor/') ? 'no-cache' : 'no-store',
    );
  });

  // Who is asking, and may they? Runs before the body is parsed.
  const allowedHosts = allowedHostNames ? new Set(allowedHostNames.map((h) => h.toLowerCase())) : null;
  app.addHook('onRequest', async (req, reply) => {
    if (allowedHosts && !allowedHosts.has(req.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1'))) {
      return reply.code(421).type('text/plain; charset=utf-8').send('This server does not answer to that host name.');
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await store.resolveSession(token);
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
      return sendPage(reply, signInPage(page(req, reply), { error: message }), 429);
    return sendPage(
      reply,
      errorPage(
        page(req, reply),
        csrf ? 'The form has expired' : status === 429 ? 'Too many attempts' : 'There is a problem',
        message,
      ),
      status,
    );
  });
  app.setNotFoundHandler((req, reply) => deny(req, reply, 404, 'Check the address, or start again from your modules.'));
}
