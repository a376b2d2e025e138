/**
 * The LMS bench's side door into the database: seeding thousands of accounts with one shared
 * password hash (scrypt per account would take minutes) and attempts behind them, so HR's pages
 * have rows; and reading back what was stored, to check it equals what was sent.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../scorm/lms/db.js';

export interface StoredAttempt {
  id: number;
  cmi: string;
  status: string;
  commits: number;
  interactions: { n: number; interaction_id: string; response: string; result: string }[];
}

export interface Seed {
  /** All accounts: bench0@… to bench<accounts-1>@…; the first `learners` are the ones the bench signs in. */
  accounts: number;
  learners: number;
  module: string;
  passwordHash: string;
}

export const benchLogin = (i: number) => `bench${i}@example.nhs.uk`;
export const HR_LOGIN = 'hr@example.nhs.uk';

const STATUSES = ['passed', 'failed', 'incomplete', 'completed'] as const;
const INTERACTIONS = 5;

/** Rows for the seed, table by table, in insertion order. */
export function seedRows(seed: Seed): { table: string; rows: Record<string, string | number | null>[] }[] {
  const at = '2026-03-01T09:00:00.000Z';
  const user = (login: string, name: string, group: string, role: string) => ({
    login,
    name,
    staff_group: group,
    role,
    password_hash: seed.passwordHash,
    must_change_password: 0,
    active: 1,
    created_at: at,
    updated_at: at,
  });
  const users = [
    user('admin', 'Administrator', '', 'admin'),
    user(HR_LOGIN, 'HR lead', '', 'hr'),
    ...Array.from({ length: seed.accounts }, (_, i) =>
      user(benchLogin(i), `Learner ${i}`, `Group ${i % 5}`, 'learner'),
    ),
  ];
  // Ids follow insertion: admin 1, HR 2, bench i is i + 3. The bench's own learners start with no attempt.
  const attempts: Record<string, string | number | null>[] = [];
  const interactions: Record<string, string | number | null>[] = [];
  for (let i = seed.learners; i < seed.accounts; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const finished = status !== 'incomplete';
    const id = attempts.length + 1;
    attempts.push({
      id,
      user_id: i + 3,
      module_id: seed.module,
      module_version: '1.0.0',
      scorm_version: '2004',
      number: 1,
      status,
      score_raw: finished ? (i * 7) % 101 : null,
      score_scaled: finished ? ((i * 7) % 101) / 100 : null,
      cmi: '{}',
      total_seconds: 600 + (i % 900),
      commits: INTERACTIONS,
      created_at: at,
      last_access_at: at,
      completed_at: finished ? at : null,
    });
    for (let n = 0; n < INTERACTIONS; n++)
      interactions.push({
        attempt_id: id,
        n,
        interaction_id: `scenario-${n}`,
        type: 'choice',
        response: `choice_${(i + n) % 4}`,
        result: (i + n) % 4 === 0 ? 'correct' : 'incorrect',
        recorded_at: at,
      });
  }
  return [
    { table: 'users', rows: users },
    { table: 'attempts', rows: attempts },
    { table: 'interactions', rows: interactions },
  ];
}

/** The bench's view of one database: SQLite in a data folder. */
export class BenchData {
  private constructor(private readonly db: Database.Database) {}

  /** Creates the schema (the LMS's own migrations) and seeds it. */
  static async create(dataDir: string, seed: Seed): Promise<void> {
    const db = openDatabase(dataDir);
    db.transaction(() => {
      for (const { table, rows } of seedRows(seed)) {
        const first = rows[0];
        if (!first) continue;
        const columns = Object.keys(first);
        const insert = db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        );
        for (const row of rows) insert.run(row);
      }
    })();
    closeDatabase(db);
  }

  static open(dataDir: string): BenchData {
    return new BenchData(new Database(join(dataDir, 'lms.sqlite'), { readonly: true }));
  }

  /** The learner's attempt at the module and its interactions, as stored. */
  async stored(login: string): Promise<StoredAttempt | null> {
    const row = this.db
      .prepare(
        'SELECT a.id, a.cmi, a.status, a.commits FROM attempts a JOIN users u ON u.id = a.user_id WHERE u.login = ?',
      )
      .get(login) as Omit<StoredAttempt, 'interactions'> | undefined;
    if (!row) return null;
    const interactions = this.db
      .prepare('SELECT n, interaction_id, response, result FROM interactions WHERE attempt_id = ? ORDER BY n')
      .all(row.id) as StoredAttempt['interactions'];
    return { ...row, interactions };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
