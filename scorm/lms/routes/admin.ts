/** Admin: people, roles, passwords, and the CSV import of learners. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { bodyOf, idParam, param, str, userOf, type LmsContext } from '../context.js';
import { allAudit, auditPage } from '../audit.js';
import { isValidLogin, parseLearnersCsv, toCsv } from '../csv.js';
import { localDateTime } from '../reports.js';
import { generatePassword, hashPassword, passwordProblem } from '../passwords.js';
import { ROLES, type Role, type User } from '../store.js';
import { Imports } from '../imports.js';
import { ModuleSettings } from '../settings.js';
import { auditLogPage, importPage, moduleSettingsPage, usersPage } from '../views.js';

const ADMIN = { config: { auth: 'admin' as const } };

/** What the admin's routes share: their two pages, the person a route names, the module settings. */
interface AdminViews {
  usersView(
    req: FastifyRequest,
    reply: FastifyReply,
    opts?: Parameters<typeof usersPage>[3],
    status?: number,
  ): Promise<FastifyReply>;
  modulesView(req: FastifyRequest, reply: FastifyReply, opts?: { notice?: string }): Promise<FastifyReply>;
  targetOf(req: FastifyRequest): Promise<User | undefined>;
  settings: ModuleSettings;
}

export function adminRoutes(lms: LmsContext) {
  const { store, page, sendPage } = lms;
  const settings = new ModuleSettings(store.db);
  const views: AdminViews = {
    settings,
    usersView: async (req, reply, opts = {}, status = 200) =>
      sendPage(reply, usersPage(page(req, reply), await store.users(), await store.recentAudit(), opts), status),
    modulesView: async (req, reply, opts = {}) => {
      const modules = await Promise.all(
        lms.catalogue
          .modules()
          .map(async (m) => ({ id: m.id, title: m.title, version: m.version, ...(await settings.get(m.id)) })),
      );
      return sendPage(reply, moduleSettingsPage(page(req, reply), modules, opts));
    },
    targetOf: (req) => store.userById(idParam(req, 'id')),
  };
  const imports = new Imports(store);

  return async (app: FastifyInstance) => {
    moduleRoutes(app, lms, views);
    auditRoutes(app, lms);
    app.get('/admin/users', ADMIN, async (req, reply) => views.usersView(req, reply));
    app.post('/admin/users', ADMIN, addPerson(lms, views));
    await importRoutes(app, lms, views, imports);
    personRoutes(app, lms, views);
  };
}

/** Which modules are offered, and in which SCORM version. */
function moduleRoutes(app: FastifyInstance, lms: LmsContext, { settings, modulesView }: AdminViews): void {
  app.get('/admin/modules', ADMIN, async (req, reply) => modulesView(req, reply));
  app.post('/admin/modules/:module', ADMIN, async (req, reply) => {
    const module = lms.catalogue.module(param(req, 'module'));
    if (!module) return lms.deny(req, reply, 404, 'There is no such module.');
    const body = bodyOf(req);
    const live = str(body.live, 2) === '1';
    const scormVersion = str(body.scorm_version, 10) === '1.2' ? '1.2' : '2004';
    await settings.set(module.id, { live, scormVersion });
    await lms.store.audit(
      userOf(req).id,
      'changed a module',
      `${module.id}: ${live ? 'live' : 'not offered'}, SCORM ${scormVersion}`,
    );
    return modulesView(req, reply, {
      notice: `${module.title} is ${live ? 'offered to every learner' : 'not offered to learners'}, in SCORM ${scormVersion}.`,
    });
  });
}

/** The audit log, a page at a time, and whole as CSV. */
function auditRoutes(app: FastifyInstance, { store, page, sendPage }: LmsContext): void {
  app.get('/admin/audit', ADMIN, async (req, reply) => {
    const wanted = Number(str((req.query as Record<string, unknown>).page, 10)) || 1;
    return sendPage(reply, auditLogPage(page(req, reply), await auditPage(store.db, wanted)));
  });
  app.get('/admin/audit.csv', ADMIN, async (req, reply) => {
    const csv = toCsv(
      ['Date and time', 'Who', 'Signs in with', 'Action', 'Detail'],
      (await allAudit(store.db)).map((a) => [
        localDateTime(a.at),
        a.actor ?? 'System',
        a.actorLogin ?? '',
        a.action,
        a.detail,
      ]),
    );
    await store.audit(userOf(req).id, 'exported the audit log');
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="frontline-audit-${stamp}.csv"`)
      .send(csv);
  });
}

/** Adds one person from the form, with the password given or a generated one, shown this once. */
function addPerson({ store }: LmsContext, { usersView }: AdminViews) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const body = bodyOf(req);
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
          : (await store.userByLogin(login))
            ? `Someone already signs in with ${login}.`
            : !ROLES.includes(role)
              ? 'Choose a role.'
              : staffGroup.length > 100
                ? 'The staff group is over 100 characters.'
                : given
                  ? passwordProblem(given, login, name)
                  : null;
    if (problem) return usersView(req, reply, { error: problem }, 400);
    const password = given || generatePassword();
    const added = await store.createUser({
      login,
      name,
      staffGroup,
      role,
      passwordHash: await hashPassword(password),
      mustChange: true,
    });
    // Another admin added the same login since the check above.
    if (!added) return usersView(req, reply, { error: `Someone already signs in with ${login}.` }, 400);
    await store.audit(userOf(req).id, 'added a person', `${login} (${role})`);
    return usersView(req, reply, { notice: `${name} has been added.`, created: [{ name, login, password }] }, 201);
  };
}

/** The CSV import of learners: started here, run as a job, its progress and passwords on its own page. */
async function importRoutes(app: FastifyInstance, lms: LmsContext, { usersView }: AdminViews, imports: Imports) {
  const { page, sendPage, deny } = lms;
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: 1024 * 1024, files: 1, fields: 4, parts: 6 },
    });
    scope.post('/admin/users/import', ADMIN, async (req, reply) => {
      const file = (req.body as Record<string, unknown> | undefined)?.file;
      const text = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      if (!text.trim()) return usersView(req, reply, { error: 'Choose a CSV file to import.' }, 400);
      const parsed = parseLearnersCsv(text);
      if (parsed.errors.length) return usersView(req, reply, { importErrors: parsed.errors }, 400);
      const { job } = await imports.start(userOf(req).id, parsed.learners);
      return reply.code(303).redirect(`/admin/imports/${job.id}`);
    });
  });

  /** An import's progress; once finished, its temporary passwords, shown this once. */
  app.get('/admin/imports/:id', ADMIN, async (req, reply) => {
    const job = await imports.job(param(req, 'id', 20));
    if (!job) return deny(req, reply, 404, 'There is no such import. The newest 20 imports are kept.');
    return sendPage(reply, importPage(page(req, reply), job, await imports.takePasswords(job)));
  });
  app.get('/admin/imports/:id/progress.json', ADMIN, async (req, reply) => {
    const job = await imports.job(param(req, 'id', 20));
    if (!job) return reply.code(404).send({ error: 'no such import' });
    const { id, total, added, updated, startedAt, finishedAt, error } = job;
    return { id, total, added, updated, startedAt, finishedAt, error };
  });
}

/** One person's password, role and access; never leaving the LMS without an active admin. */
function personRoutes(app: FastifyInstance, { store, deny }: LmsContext, { usersView, targetOf }: AdminViews): void {
  app.post('/admin/users/:id/password', ADMIN, async (req, reply) => {
    const target = await targetOf(req);
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    const password = generatePassword();
    await store.setPassword(target.id, await hashPassword(password), true);
    await store.deleteSessionsOf(target.id, target.id === userOf(req).id ? req.lms!.sessionId : undefined);
    await store.audit(userOf(req).id, 'reset a password', target.login);
    return usersView(req, reply, {
      notice: `A new temporary password has been set for ${target.name}.`,
      created: [{ name: target.name, login: target.login, password }],
    });
  });

  app.post('/admin/users/:id/role', ADMIN, async (req, reply) => {
    const target = await targetOf(req);
    const role = str(bodyOf(req).role, 20) as Role;
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    if (!ROLES.includes(role)) return usersView(req, reply, { error: 'Choose a role.' }, 400);
    if (target.role === 'admin' && role !== 'admin' && (await store.countAdmins()) <= 1)
      return usersView(req, reply, { error: 'There must be at least one active admin.' }, 400);
    await store.updateUser(target.id, { role });
    await store.audit(userOf(req).id, 'changed a role', `${target.login}: ${target.role} to ${role}`);
    return usersView(req, reply, {
      notice: `${target.name} is now ${role === 'hr' ? 'HR' : `an ${role === 'admin' ? 'admin' : 'learner'}`}.`,
    });
  });

  app.post('/admin/users/:id/active', ADMIN, async (req, reply) => {
    const target = await targetOf(req);
    const active = str(bodyOf(req).active, 2) === '1' ? 1 : 0;
    if (!target) return deny(req, reply, 404, 'There is no such person.');
    if (target.id === userOf(req).id) return usersView(req, reply, { error: 'You cannot deactivate yourself.' }, 400);
    if (!active && target.role === 'admin' && (await store.countAdmins()) <= 1)
      return usersView(req, reply, { error: 'There must be at least one active admin.' }, 400);
    await store.updateUser(target.id, { active });
    if (!active) await store.deleteSessionsOf(target.id);
    await store.audit(userOf(req).id, active ? 'reactivated a person' : 'deactivated a person', target.login);
    return usersView(req, reply, {
      notice: `${target.name} has been ${active ? 'reactivated' : 'deactivated'}. Their records are kept.`,
    });
  });
}
