/**
 * PostgreSQL for the LMS's tests: when FRONTLINE_TEST_DATABASE_URL names a server (a URL to one
 * of its databases, e.g. postgres://postgres@127.0.0.1:5433/postgres), each test that wants one
 * makes a fresh database there and drops it after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server to test against too (a URL to one of its databases), when there is one. */
export const PG_SERVER = process.env.FRONTLINE_TEST_DATABASE_URL || undefined;

/** A new, empty PostgreSQL database on PG_SERVER, and how to drop it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_SERVER) throw new Error('FRONTLINE_TEST_DATABASE_URL is not set');
  const name = `frontline_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_SERVER });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
