/** The local preview LMS: the player page, scorm-again, and every built module, on loopback. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { bundleScript } from './bundle.js';
import fastifyStatic from '@fastify/static';
import { policyForFile } from './csp.js';

export interface PreviewOptions {
  root: string;
  host?: string;
  port?: number;
}

export interface ModuleInfo {
  id: string;
  title: string;
  version: string;
  passMark?: number;
}

/** The player's pages load these scripts, each bundled from scorm/player/<name>.ts. */
export const PLAYER_SCRIPTS = ['player', 'frame'] as const;

/** One of the player's scripts, bundled from scorm/player/<name>.ts. */
export function bundlePlayerScript(root: string, name: (typeof PLAYER_SCRIPTS)[number]): Promise<string> {
  return bundleScript(join(root, 'scorm', 'player', `${name}.ts`));
}

/** Modules built into dist/ (each has dist/<id>/index.html and dist/<id>.json). */
export function builtModules(root: string): ModuleInfo[] {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist)
    .filter((f) => f.endsWith('.json') && existsSync(join(dist, f.slice(0, -5), 'index.html')))
    .map((f) => JSON.parse(readFileSync(join(dist, f), 'utf8')) as ModuleInfo)
    .sort((a, b) => (a.id === 'sample' ? -1 : b.id === 'sample' ? 1 : a.id.localeCompare(b.id)));
}

/**
 * A strict policy: nothing fetched from elsewhere, and no inline script or style except a module
 * page's own blocks, each allowed by its hash (scorm/csp.ts).
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self' http://localhost:* http://127.0.0.1:*; frame-ancestors 'self' http://localhost:* http://127.0.0.1:*; base-uri 'none'; form-action 'self'";

/** The policy for a module's page (/content/<id>/<page>.html): the strict one with the page's inline hashes. */
function modulePolicy(root: string, url: string): string | null {
  const path = decodeURIComponent(url.split('?')[0] ?? '');
  const m = /^\/content\/([a-z0-9-]+)\/([a-z0-9-]+\.html)$/.exec(path);
  return m ? policyForFile(CSP, join(root, 'dist', m[1]!, m[2]!)) : null;
}

export async function createPreviewServer(options: PreviewOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.addHook('onSend', async (req, reply) => {
    reply.header('Content-Security-Policy', modulePolicy(options.root, req.url) ?? CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
  });
  // Built once, on first use: the player's scripts do not change while the server runs.
  const scripts = new Map<string, Promise<string>>();
  for (const name of PLAYER_SCRIPTS)
    app.get(`/player/${name}.js`, async (_req, reply) => {
      if (!scripts.has(name)) scripts.set(name, bundlePlayerScript(options.root, name));
      return reply.type('text/javascript').send(await scripts.get(name));
    });
  await app.register(fastifyStatic, {
    root: join(options.root, 'scorm', 'player'),
    prefix: '/player/',
    allowedPath: (path) => !path.endsWith('.ts'),
  });
  await app.register(fastifyStatic, {
    root: join(options.root, 'node_modules', 'scorm-again', 'dist', 'esm'),
    prefix: '/vendor/scorm-again/',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: join(options.root, 'dist'),
    prefix: '/content/',
    decorateReply: false,
    allowedPath: (path) => !path.endsWith('.zip'),
  });
  app.get('/', async (_req, reply) => reply.redirect('/player/'));
  app.get('/api/modules', async () => builtModules(options.root));
  return app;
}
