/**
 * Moving an installation from SQLite to PostgreSQL: `npm run lms -- --copy-to postgres://…`.
 * The target gets the schema from the same migrations, must hold no rows, and receives every
 * table in one transaction, ids kept, with its id sequences moved past the copied ids. The row
 * counts of every table are compared before the transaction commits: any difference and
 * nothing is written.
 */
import type { Transaction } from 'kysely';
import { continueNumbering, TABLES, type Db, type Tables } from './db.js';

type Copied = (typeof TABLES)[number];
/** A table added to Tables and not to TABLES fails to compile here, so the copy never leaves one behind. */
const everyTable: Record<Exclude<keyof Tables, 'schema_version'>, Copied> = Object.fromEntries(
  TABLES.map((t) => [t, t]),
) as Record<Copied, Copied>;
void everyTable;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export interface TableCount {
  table: Copied;
  source: number;
  target: number;
}

export class CopyError extends Error {}

async function count(db: Db | Transaction<Tables>, table: Copied): Promise<number> {
  const k = 'k' in db ? db.k : db;
  const row = await k
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Copies every table of a SQLite database into an empty PostgreSQL one; returns the counts, all equal. */
export async function copyToPostgres(source: Db, target: Db): Promise<TableCount[]> {
  const sqlite = source.sqlite;
  if (!sqlite || !target.postgres) throw new CopyError('The copy goes from SQLite to PostgreSQL.');
  const stray = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((name) => !(TABLES as readonly string[]).includes(name));
  if (stray.length)
    throw new CopyError(`The SQLite database has tables this Frontline does not know: ${stray.join(', ')}.`);
  for (const table of TABLES)
    if ((await count(target, table)) > 0)
      throw new CopyError(
        `The PostgreSQL database already holds records (${table} is not empty): copy into a new, empty database.`,
      );

  const counts = await target.k.transaction().execute(async (trx) => {
    const counts: TableCount[] = [];
    for (const table of TABLES) {
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        // The rows are the SQLite table's own columns, which the same migrations made on both.
        if (batch.length)
          await trx
            .insertInto(table)
            .values(batch as never)
            .execute();
        batch = [];
      };
      for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate()) {
        batch.push(row as Record<string, unknown>);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      counts.push({ table, source: await count(source, table), target: await count(trx, table) });
    }
    const differ = counts.filter((c) => c.source !== c.target);
    if (differ.length)
      throw new CopyError(
        `The counts differ, so nothing was copied: ${differ.map((c) => `${c.table} ${c.source} here, ${c.target} there`).join('; ')}.`,
      );
    return counts;
  });
  await continueNumbering(target);
  return counts;
}
