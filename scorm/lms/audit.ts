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

const SELECT = `SELECT a.id, a.at, u.name AS actor, u.login AS actorLogin, a.action, a.detail
  FROM audit a LEFT JOIN users u ON u.id = a.actor_id`;

/** Page `page` (1-based) of the log, and how many pages there are. */
export function auditPage(db: Db, page: number): { entries: AuditEntry[]; page: number; pages: number; total: number } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const entries = db
    .prepare(`${SELECT} ORDER BY a.id DESC LIMIT ? OFFSET ?`)
    .all(AUDIT_PAGE, (current - 1) * AUDIT_PAGE) as AuditEntry[];
  return { entries, page: current, pages, total };
}

export function allAudit(db: Db): AuditEntry[] {
  return db.prepare(`${SELECT} ORDER BY a.id DESC`).all() as AuditEntry[];
}
