/**
 * What every route plugin shares: the records, the catalogue, who is asking (`config.auth`,
 * checked in server.ts before the body is read) and the few ways a route answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from './catalogue.js';
import type { Db } from './db.js';
import { isStaff, type Store, type User } from './store.js';
import { errorPage, signInPage, type PageContext } from './views.js';

export type Auth = 'none' | 'user' | 'hr' | 'admin';

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

export const SESSION_COOKIE = 'fl_session';
export const MODULE_ID = /^[a-z][a-z0-9-]{0,80}$/;

/** Where a user lands after signing in. */
export const home = (u: User) => (isStaff(u) ? '/hr/records' : '/learn');
/** A string from an untrusted body, query or route parameter, cut to `max`; anything else is ''. */
export const str = (v: unknown, max = 1000) => (typeof v === 'string' ? v.slice(0, max) : '');
export const param = (req: FastifyRequest, name: string, max = 100) =>
  str((req.params as Record<string, unknown>)[name], max);
/** A row id from the route (a positive 32-bit integer, as both databases store it), or 0, which no row has. */
export const idParam = (req: FastifyRequest, name: string) => {
  const n = Number(param(req, name, 20));
  return Number.isInteger(n) && n > 0 && n <= 2 ** 31 - 1 ? n : 0;
};
export const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
/** The signed-in user of a route declared `auth: 'user'` or above (onRequest has checked it). */
export const userOf = (req: FastifyRequest) => req.lms!.user;

export interface LmsContext {
  store: Store;
  db: Db;
  catalogue: Catalogue;
  /** The page context: who is signed in, a CSRF token for their session, the path. */
  page(req: FastifyRequest, reply: FastifyReply): PageContext;
  sendPage(reply: FastifyReply, page: string, status?: number): FastifyReply;
  /** 401 (sign-in page), 403 or 404, as JSON for /api/ and as a page otherwise. */
  deny(req: FastifyRequest, reply: FastifyReply, status: 401 | 403 | 404, message: string): FastifyReply;
}

export const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

export function createContext(store: Store, db: Db, catalogue: Catalogue): LmsContext {
  const page = (req: FastifyRequest, reply: FastifyReply): PageContext => ({
    user: req.lms?.user ?? null,
    csrf: reply.generateCsrf({ userInfo: req.lms?.sessionId ?? 'signed-out' }),
    path: req.url,
  });
  const sendPage = (reply: FastifyReply, html: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(html);
  const deny = (req: FastifyRequest, reply: FastifyReply, status: 401 | 403 | 404, message: string) => {
    if (isApi(req)) return reply.code(status).send({ result: false, errorCode: 101, error: message });
    if (status === 401)
      return sendPage(
        reply,
        signInPage(page(req, reply), { next: req.method === 'GET' ? req.url : '', notice: message }),
        401,
      );
    return sendPage(
      reply,
      errorPage(page(req, reply), status === 403 ? 'You do not have access to this page' : 'Page not found', message),
      status,
    );
  };
  return { store, db, catalogue, page, sendPage, deny };
}
