/**
 * The LMS bench's side door into the database: seeding thousands of accounts with one shared
 * password hash (scrypt per account would take minutes) and attempts behind them, so HR's pages
 * have rows; and reading back what was stored, to check it equals what was sent.
 */
import { closeDatabase, continueNumbering, openDatabase, type Db, type Tables } from '../scorm/lms/db.js';

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
export function seedRows(seed: Seed): { table: keyof Tables; rows: Record<string, string | number | null>[] }[] {
  const at = '2026-03-01T09:00:00.000Z';
  let id = 0;
  const user = (login: string, name: string, group: string, role: string) => ({
    id: ++id,
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
    const attemptId = attempts.length + 1;
    attempts.push({
      id: attemptId,
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
        attempt_id: attemptId,
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

/** The bench's view of one database: SQLite in the data folder, or PostgreSQL at `url`. */
export class BenchData {
  private constructor(private readonly db: Db) {}

  static async open(dataDir: string, url?: string): Promise<BenchData> {
    return new BenchData(await openDatabase(dataDir, url));
  }

  /** Creates the schema (the LMS's own migrations) and seeds it, ids given, in one transaction. */
  async seed(seed: Seed): Promise<void> {
    await this.db.k.transaction().execute(async (trx) => {
      for (const { table, rows } of seedRows(seed))
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto(table)
            .values(rows.slice(i, i + 500) as never)
            .execute();
    });
    await continueNumbering(this.db);
  }

  /** The learner's attempt at the module and its interactions, as stored. */
  async stored(login: string): Promise<StoredAttempt | null> {
    const row = await this.db.k
      .selectFrom('attempts as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.cmi', 'a.status', 'a.commits'])
      .where('u.login', '=', login)
      .executeTakeFirst();
    if (!row) return null;
    const interactions = await this.db.k
      .selectFrom('interactions')
      .select(['n', 'interaction_id', 'response', 'result'])
      .where('attempt_id', '=', row.id)
      .orderBy('n')
      .execute();
    return { ...row, interactions: interactions as StoredAttempt['interactions'] };
  }

  async close(): Promise<void> {
    await closeDatabase(this.db);
  }
}
