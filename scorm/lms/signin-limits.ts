/**
 * Sign-in limits that count failures only. A general rate limiter (such as @fastify/rate-limit)
 * counts every request, so a ward of staff signing in behind one NAT address used up the
 * quota that should stop guessing; and it cannot look without counting. Here:
 * - each account backs off after `perAccount` failures in a row, from any address: each further
 *   failure doubles the wait (30 s, 1 min, 2 min ... up to `windowMs`); a success clears it;
 * - each address may fail `perAddress` times per `windowMs`; successes do not count, and do
 *   not clear it (one good account must not buy more guesses at others).
 * Kept in the database, so every process serving it counts the same failures and a lockout made
 * through one holds on the others; each count is read and written under a row lock.
 */
import type { Kysely } from 'kysely';
import type { Db } from './db.js';
import type { Tables } from './schema.js';

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

type Account = Tables['signin_accounts'];
type Address = Tables['signin_addresses'];

/** The first wait once an account has failed `perAccount` times. */
const BACKOFF_START_MS = 30_000;
/** Every so many failures, the counts whose window has passed are deleted. */
const PRUNE_EVERY = 50;

export class SignInGuard {
  private failures = 0;

  constructor(
    private readonly db: Db,
    private readonly limits: SignInLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before this account may try from this address, or 0. */
  async wait(login: string, address: string): Promise<number> {
    const t = this.clock();
    const account = this.live(await this.account(this.db.k, login, false), t);
    const place = this.liveAddress(await this.address(this.db.k, address, false), t);
    const forAddress =
      place && place.failures >= this.limits.perAddress ? place.start_ms + this.limits.windowMs - t : 0;
    return Math.max(0, account ? account.until_ms - t : 0, forAddress);
  }

  async failed(login: string, address: string): Promise<void> {
    const t = this.clock();
    await this.db.k.transaction().execute(async (trx) => {
      const before = this.live(await this.account(trx, login, true), t);
      const failures = (before?.failures ?? 0) + 1;
      const over = failures - this.limits.perAccount;
      const until_ms =
        over >= 0
          ? t + Math.min(this.limits.windowMs, BACKOFF_START_MS * 2 ** Math.min(over, 20))
          : (before?.until_ms ?? 0);
      await trx
        .updateTable('signin_accounts')
        .set({ failures, last_ms: t, until_ms })
        .where('login_key', '=', key(login))
        .execute();
      const place = this.liveAddress(await this.address(trx, address, true), t);
      await trx
        .updateTable('signin_addresses')
        .set({ failures: (place?.failures ?? 0) + 1, start_ms: place?.start_ms ?? t })
        .where('address', '=', address)
        .execute();
    });
    if (++this.failures % PRUNE_EVERY === 0) await this.prune(t);
  }

  async succeeded(login: string): Promise<void> {
    await this.db.k.deleteFrom('signin_accounts').where('login_key', '=', key(login)).execute();
  }

  /** The account's row; when `forWrite`, made if missing and locked until the transaction ends. */
  private async account(q: Kysely<Tables>, login: string, forWrite: boolean): Promise<Account | undefined> {
    const k = key(login);
    if (forWrite)
      await q
        .insertInto('signin_accounts')
        .values({ login_key: k, failures: 0, last_ms: 0, until_ms: 0 })
        .onConflict((oc) => oc.column('login_key').doNothing())
        .execute();
    return q
      .selectFrom('signin_accounts')
      .selectAll()
      .where('login_key', '=', k)
      .$if(forWrite && this.db.postgres, (qb) => qb.forUpdate())
      .executeTakeFirst();
  }

  private async address(q: Kysely<Tables>, address: string, forWrite: boolean): Promise<Address | undefined> {
    if (forWrite)
      await q
        .insertInto('signin_addresses')
        .values({ address, failures: 0, start_ms: 0 })
        .onConflict((oc) => oc.column('address').doNothing())
        .execute();
    return q
      .selectFrom('signin_addresses')
      .selectAll()
      .where('address', '=', address)
      .$if(forWrite && this.db.postgres, (qb) => qb.forUpdate())
      .executeTakeFirst();
  }

  /** An account's count, unless its window has passed (then it starts again). */
  private live(a: Account | undefined, t: number): Account | undefined {
    return a && a.failures > 0 && !(a.last_ms + this.limits.windowMs < t && a.until_ms < t) ? a : undefined;
  }

  private liveAddress(a: Address | undefined, t: number): Address | undefined {
    return a && a.failures > 0 && !(a.start_ms + this.limits.windowMs < t) ? a : undefined;
  }

  private async prune(t: number): Promise<void> {
    const { windowMs } = this.limits;
    await this.db.k
      .deleteFrom('signin_accounts')
      .where('last_ms', '<', t - windowMs)
      .where('until_ms', '<', t)
      .execute();
    await this.db.k
      .deleteFrom('signin_addresses')
      .where('start_ms', '<', t - windowMs)
      .execute();
  }
}

const key = (login: string) => login.trim().toLowerCase();
