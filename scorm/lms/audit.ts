/** The audit log, read beyond its last 30 entries: a page at a time, newest first, and whole as CSV. */
import type { Db } from './db.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  actorLogin: string | null;
  action: string;
  detail: string;
}

export const AUDIT_PAGE = 50;

const entries = (db: Db) =>
  db.k
    .selectFrom('audit as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'u.name as actor', 'u.login as actorLogin', 'a.action', 'a.detail'])
    .orderBy('a.id', 'desc');

/** Page `page` (1-based) of the log, and how many pages there are. */
export async function auditPage(
  db: Db,
  page: number,
): Promise<{ entries: AuditEntry[]; page: number; pages: number; total: number }> {
  const { n } = await db.k
    .selectFrom('audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const list = await entries(db)
    .limit(AUDIT_PAGE)
    .offset((current - 1) * AUDIT_PAGE)
    .execute();
  return { entries: list, page: current, pages, total };
}

export function allAudit(db: Db): Promise<AuditEntry[]> {
  return entries(db).execute();
}
