/** HR: the records table and its CSV, a module's report, one learner's decisions. */
import type { FastifyInstance } from 'fastify';
import { idParam, MODULE_ID, param, str, userOf, type LmsContext } from '../context.js';
import { toCsv } from '../csv.js';
import {
  formatDuration,
  learnerHistory,
  localDateTime,
  moduleStats,
  RECORD_STATUSES,
  records,
  reportedModules,
  type RecordFilter,
  type RecordStatus,
} from '../reports.js';
import { hrLearnerPage, modulePage, recordsPage, statusLabel } from '../views.js';
import { recordHeader, recordsWorkbook } from '../xlsx.js';
import { isGroup, isNation } from '../../../src/core/profile.js';
import { GROUP_LABELS, NATION_LABELS } from '../profiles.js';
import { packagesOf } from './packages.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filterFrom(query: unknown): RecordFilter {
  const q = (query ?? {}) as Record<string, unknown>;
  const f: RecordFilter = {};
  const module = str(q.module, 100);
  if (MODULE_ID.test(module)) f.module = module;
  const status = str(q.status, 20) as RecordStatus;
  if (RECORD_STATUSES.includes(status)) f.status = status;
  const group = str(q.group, 100);
  if (group) f.group = group;
  const nation = str(q.nation, 30);
  if (isNation(nation)) f.nation = nation;
  const staff = str(q.staff, 30);
  if (isGroup(staff)) f.staff = staff;
  const from = str(q.from, 10);
  const to = str(q.to, 10);
  if (DATE.test(from)) f.from = from;
  if (DATE.test(to)) f.to = to;
  if (f.from || f.to || q.dates) f.dateField = str(q.dates, 20) === 'accessed' ? 'accessed' : 'completed';
  return f;
}

const queryOf = (f: RecordFilter) =>
  new URLSearchParams(
    Object.entries({
      module: f.module,
      status: f.status,
      group: f.group,
      nation: f.nation,
      staff: f.staff,
      from: f.from,
      to: f.to,
      dates: f.from || f.to ? f.dateField : undefined,
    }).filter((e): e is [string, string] => !!e[1]),
  ).toString();

export function hrRoutes(lms: LmsContext) {
  const { store, catalogue, page, sendPage, deny } = lms;
  const groups = () => store.staffGroups();

  return async (app: FastifyInstance) => {
    app.get('/hr/records', { config: { auth: 'hr' } }, async (req, reply) => {
      const filter = filterFrom(req.query);
      return sendPage(
        reply,
        recordsPage(page(req, reply), await records(store, catalogue, filter), filter, {
          modules: await reportedModules(catalogue, store),
          groups: await groups(),
          query: queryOf(filter),
        }),
      );
    });

    app.get('/hr/records.csv', { config: { auth: 'hr' } }, async (req, reply) => {
      const rows = await records(store, catalogue, filterFrom(req.query));
      const csv = toCsv(
        recordHeader('Total time (h:mm:ss)'),
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
          r.check ?? '',
          r.profile ? NATION_LABELS[r.profile.nation] : '',
          r.profile ? GROUP_LABELS[r.profile.group] : '',
        ]),
      );
      const stamp = new Date().toISOString().slice(0, 10);
      await store.audit(userOf(req).id, 'exported records', `${rows.length} rows`);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="frontline-records-${stamp}.csv"`)
        .send(csv);
    });

    app.get('/hr/records.xlsx', { config: { auth: 'hr' } }, async (req, reply) => {
      const rows = await records(store, catalogue, filterFrom(req.query));
      const workbook = await recordsWorkbook(rows);
      const stamp = new Date().toISOString().slice(0, 10);
      await store.audit(userOf(req).id, 'exported records', `${rows.length} rows (Excel)`);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="frontline-records-${stamp}.xlsx"`)
        .send(workbook);
    });

    app.get('/hr/modules/:module', { config: { auth: 'hr' } }, async (req, reply) => {
      const id = param(req, 'module');
      const known = (await reportedModules(catalogue, store)).find((m) => m.id === id);
      if (!known) return deny(req, reply, 404, 'There is no such module.');
      const filter = filterFrom(req.query);
      delete filter.status;
      delete filter.module;
      const module = catalogue.module(id) ?? { id, title: known.title, version: '' };
      return sendPage(
        reply,
        modulePage(
          page(req, reply),
          module,
          await moduleStats(store, catalogue, id, filter),
          filter,
          await groups(),
          packagesOf(catalogue, id),
        ),
      );
    });

    app.get('/hr/learners/:id', { config: { auth: 'hr' } }, async (req, reply) => {
      const learner = await store.userById(idParam(req, 'id'));
      if (!learner) return deny(req, reply, 404, 'There is no such person.');
      // Who looked at whose record is itself a record: it holds every answer the learner gave.
      await store.audit(userOf(req).id, "viewed a learner's record", learner.login);
      const rows = await records(store, catalogue, { user: learner.id });
      const history = await learnerHistory(store, catalogue, learner.id);
      return sendPage(reply, hrLearnerPage(page(req, reply), learner, rows, history));
    });
  };
}
