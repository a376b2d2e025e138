/** Issue 23: what the database layer promises on either database (SQLite here; PostgreSQL in the lms-postgres project). */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { continueNumbering, TABLES } from '../../../scorm/lms/db.js';
import { Store } from '../../../scorm/lms/store.js';
import { testDatabase } from './harness.js';

describe('the database layer', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let store: Store;
  beforeEach(async () => {
    database = await testDatabase();
    store = new Store(database.db);
  });
  afterEach(() => database.dispose());

  const person = (login: string) => ({
    login,
    name: 'Ann Bell',
    staffGroup: 'Nursing',
    role: 'learner' as const,
    passwordHash: 'x',
    mustChange: false,
  });

  it('keeps one account per login whatever its case, and finds it in any case', async () => {
    const ann = (await store.createUser(person('Ann.Bell@Example.nhs.uk')))!;
    expect(await store.createUser(person('ann.bell@example.NHS.uk'))).toBeNull();
    expect((await store.userByLogin('ANN.BELL@example.nhs.uk'))?.id).toBe(ann.id);
  });

  it('numbers new rows after rows copied in with their own ids', async () => {
    const at = new Date().toISOString();
    await database.db.k
      .insertInto('users')
      .values({
        id: 500,
        login: 'copied',
        name: 'Copied',
        role: 'admin',
        password_hash: 'x',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await continueNumbering(database.db);
    expect((await store.createUser(person('new@example.nhs.uk')))?.id).toBe(501);
  });

  it('names every table it has in TABLES, the order to copy them in', async () => {
    const db = database.db;
    const rows = db.sqlite
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db.k)
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(db.k);
    const names = rows.rows.map((r) => r.name).filter((n) => n !== 'schema_version');
    expect([...names].sort()).toEqual([...TABLES].sort());
  });
});
