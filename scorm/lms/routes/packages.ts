/** The built modules: their files for signed-in learners, their SCORM zips for HR. */
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { policyForFile } from '../../csp.js';
import type { Catalogue } from '../catalogue.js';
import { param, type LmsContext } from '../context.js';

const PACKAGE = /^[a-z][a-z0-9-]*-scorm(12|2004)\.zip$/;

/** The SCORM zips built for a module, for HR to load into another LMS. */
export function packagesOf(catalogue: Catalogue, id: string): string[] {
  if (!existsSync(catalogue.distDir)) return [];
  return readdirSync(catalogue.distDir).filter((f) => f === `${id}-scorm12.zip` || f === `${id}-scorm2004.zip`);
}

export function packageRoutes(lms: LmsContext) {
  const { catalogue, deny } = lms;
  return async (app: FastifyInstance) => {
    await app.register(async (scope) => {
      scope.addHook('onRequest', async (req, reply) => {
        if (!req.lms?.user) return deny(req, reply, 401, 'Sign in to open modules.');
      });
      // A module's page carries its first screen's stylesheet inline: allow exactly that, by hash.
      scope.addHook('onSend', async (req, reply) => {
        const m = /^\/content\/([a-z][a-z0-9-]*)\/([a-z0-9-]+\.html)$/.exec(req.url.split('?')[0] ?? '');
        const policy = reply.getHeader('content-security-policy');
        if (m && typeof policy === 'string' && reply.statusCode === 200)
          reply.header('content-security-policy', policyForFile(policy, join(catalogue.distDir, m[1]!, m[2]!)));
      });
      await scope.register(fastifyStatic, {
        root: catalogue.distDir,
        prefix: '/content/',
        decorateReply: false,
        index: false,
        allowedPath: (path) => /^\/[a-z][a-z0-9-]*\/./.test(path),
      });
    });

    app.get('/hr/packages/:file', { config: { auth: 'hr' } }, async (req, reply) => {
      const file = param(req, 'file', 120);
      const path = join(catalogue.distDir, file);
      if (!PACKAGE.test(file) || !existsSync(path)) return deny(req, reply, 404, 'There is no such package.');
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${file}"`)
        .send(createReadStream(path));
    });
  };
}
