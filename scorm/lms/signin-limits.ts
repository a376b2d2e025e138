/**
 * Sign-in limits that count failures only. A general rate limiter (such as @fastify/rate-limit)
 * counts every request, so a ward of staff signing in behind one NAT address used up the
 * quota that should stop guessing; and it cannot look without counting. Here:
 * - each account backs off after `perAccount` failures in a row, from any address: each further
 *   failure doubles the wait (30 s, 1 min, 2 min ... up to `windowMs`); a success clears it;
 * - each address may fail `perAddress` times per `windowMs`; successes do not count, and do
 *   not clear it (one good account must not buy more guesses at others).
 * Kept in memory: a restart forgets, which costs an attacker a restart of someone else's server.
 */

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

interface Account {
  failures: number;
  last: number;
  until: number;
}
interface Address {
  failures: number;
  start: number;
}

/** The first wait once an account has failed `perAccount` times. */
const BACKOFF_START_MS = 30_000;
/** How many accounts and addresses are remembered before the oldest are forgotten. */
const MAX_ENTRIES = 50_000;

export class SignInGuard {
  private accounts = new Map<string, Account>();
  private addresses = new Map<string, Address>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before this account may try from this address, or 0. */
  wait(login: string, address: string): number {
    const t = this.clock();
    const account = this.account(login, t);
    const place = this.address(address, t);
    const forAddress = place && place.failures >= this.limits.perAddress ? place.start + this.limits.windowMs - t : 0;
    return Math.max(0, account ? account.until - t : 0, forAddress);
  }

  failed(login: string, address: string): void {
    const t = this.clock();
    const account = this.account(login, t) ?? { failures: 0, last: t, until: 0 };
    account.failures++;
    account.last = t;
    const over = account.failures - this.limits.perAccount;
    if (over >= 0) account.until = t + Math.min(this.limits.windowMs, BACKOFF_START_MS * 2 ** Math.min(over, 20));
    remember(this.accounts, key(login), account);
    const place = this.address(address, t) ?? { failures: 0, start: t };
    place.failures++;
    remember(this.addresses, address, place);
  }

  succeeded(login: string): void {
    this.accounts.delete(key(login));
  }

  private account(login: string, t: number): Account | undefined {
    const a = this.accounts.get(key(login));
    if (a && a.last + this.limits.windowMs < t && a.until < t) {
      this.accounts.delete(key(login));
      return undefined;
    }
    return a;
  }

  private address(address: string, t: number): Address | undefined {
    const a = this.addresses.get(address);
    if (a && a.start + this.limits.windowMs < t) {
      this.addresses.delete(address);
      return undefined;
    }
    return a;
  }
}

const key = (login: string) => login.trim().toLowerCase();

/** Sets a value as the newest; past the bound, forgets the oldest (Maps keep insertion order). */
function remember<T>(map: Map<string, T>, k: string, value: T): void {
  map.delete(k);
  map.set(k, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}
