/** Admin: people, roles, passwords, and the CSV import of learners. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { bodyOf, idParam, param, str, userOf, type LmsContext } from '../context.js';
import { allAudit, auditPage } from '../audit.js';
import { isValidLogin, parseLearnersCsv, toCsv } from '../csv.js';
import { localDateTime } from '../reports.js';
import { generatePassword, hashPassword, passwordProblem } from '../passwords.js';
import { ROLES, type Role } from '../store.js';
import { Imports } from '../imports.js';
import { ModuleSettings } from '../settings.js';
import { auditLogPage, importPage, moduleSettingsPage, usersPage } from '../views.js';

export function adminRoutes(lms: LmsContext) {
  const { store, page, sendPage, deny } = lms;
  const usersView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: Parameters<typeof usersPage>[3] = {},
    status = 200,
  ) => sendPage(reply, usersPage(page(req, reply), await store.users(), await store.recentAudit(), opts), status);
  const targetOf = (req: FastifyRequest) => store.userById(idParam(req, 'id'));
  const imports = new Imports(store);
  const settings = new ModuleSettings(store.db);
  const modulesView = async (req: FastifyRequest, reply: FastifyReply, opts: { notice?: string } = {}) => {
    const modules = await Promise.all(
      lms.catalogue
        .modules()
        .map(async (m) => ({ id: m.id, title: m.title, version: m.version, ...(await settings.get(m.id)) })),
    );
    return sendPage(reply, moduleSettingsPage(page(req, reply), modules, opts));
  };

  return async (app: FastifyInstance) => {
    app.get('/admin/modules', { config: { auth: 'admin' } }, async (req, reply) => modulesView(req, reply));

    app.post('/admin/modules/:module', { config: { auth: 'admin' } }, async (req, reply) => {
      const module = lms.catalogue.module(param(req, 'module'));
      if (!module) return deny(req, reply, 404, 'There is no such module.');
      const body = bodyOf(req);
      const live = str(body.live, 2) === '1';
      const scormVersion = str(body.scorm_version, 10) === '1.2' ? '1.2' : '2004';
      await settings.set(module.id, { live, scormVersion });
      await store.audit(
        userOf(req).id,
        'changed a module',
        `${module.id}: ${live ? 'live' : 'not offered'}, SCORM ${scormVersion}`,
      );
      return modulesView(req, reply, {
        notice: `${module.title} is ${live ? 'offered to every learner' : 'not offered to learners'}, in SCORM ${scormVersion}.`,
      });
    });

    app.get('/admin/users', { config: { auth: 'admin' } }, async (req, reply) => usersView(req, reply));

    app.get('/admin/audit', { config: { auth: 'admin' } }, async (req, reply) => {
      const wanted = Number(str((req.query as Record<string, unknown>).page, 10)) || 1;
      return sendPage(reply, auditLogPage(page(req, reply), await auditPage(store.db, wanted)));
    });

    app.get('/admin/audit.csv', { config: { auth: 'admin' } }, async (req, reply) => {
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

    app.post('/admin/users', { config: { auth: 'admin' } }, async (req, reply) => {
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
        const { job } = await imports.start(userOf(req).id, parsed.learners);
        return reply.code(303).redirect(`/admin/imports/${job.id}`);
      });
    });

    /** An import's progress; once finished, its temporary passwords, shown this once. */
    app.get('/admin/imports/:id', { config: { auth: 'admin' } }, async (req, reply) => {
      const job = await imports.job(param(req, 'id', 20));
      if (!job) return deny(req, reply, 404, 'There is no such import. The newest 20 imports are kept.');
      return sendPage(reply, importPage(page(req, reply), job, await imports.takePasswords(job)));
    });
    app.get('/admin/imports/:id/progress.json', { config: { auth: 'admin' } }, async (req, reply) => {
      const job = await imports.job(param(req, 'id', 20));
      if (!job) return reply.code(404).send({ error: 'no such import' });
      const { id, total, added, updated, startedAt, finishedAt, error } = job;
      return { id, total, added, updated, startedAt, finishedAt, error };
    });

    app.post('/admin/users/:id/password', { config: { auth: 'admin' } }, async (req, reply) => {
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

    app.post('/admin/users/:id/role', { config: { auth: 'admin' } }, async (req, reply) => {
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

    app.post('/admin/users/:id/active', { config: { auth: 'admin' } }, async (req, reply) => {
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
  };
}
