/**
 * Passwords: scrypt (memory-hard, built into Node) with a per-user random salt, compared in
 * constant time. The stored form names its parameters so they can be raised later without
 * locking anyone out: scrypt$N$r$p$salt$hash (base64url).
 */
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/** 2^15 x 8 x 128 bytes = 32 MiB of memory per hash: OWASP's recommended minimum for scrypt. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * Who goes first for the CPU that scrypt needs. Someone at the sign-in page is waiting ('now');
 * a bulk import is not ('bulk'). Without this, a 1,000-person import queued 1,000 hashes on
 * libuv's four threads and a sign-in waited behind all of them (82 s was seen). Hashes run at
 * most one per core (more only thrash 32 MiB each), bulk work takes at most one of those slots
 * and only when no sign-in is waiting, so a sign-in waits for one hash at most.
 */
export type HashPriority = 'now' | 'bulk';

class HashQueue {
  private running = 0;
  private bulkRunning = 0;
  private readonly waiting: Record<HashPriority, (() => void)[]> = { now: [], bulk: [] };

  constructor(private readonly slots = Math.max(1, Math.min(4, availableParallelism()))) {}

  async run<T>(priority: HashPriority, job: () => Promise<T>): Promise<T> {
    if (!this.canStart(priority)) await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    else this.take(priority);
    try {
      return await job();
    } finally {
      this.running--;
      if (priority === 'bulk') this.bulkRunning--;
      this.next();
    }
  }

  private canStart(priority: HashPriority): boolean {
    if (this.running >= this.slots) return false;
    return priority === 'now' || (this.waiting.now.length === 0 && this.bulkRunning < Math.max(1, this.slots - 1));
  }

  private take(priority: HashPriority): void {
    this.running++;
    if (priority === 'bulk') this.bulkRunning++;
  }

  /** Hands the freed slot to a waiting sign-in first, then to bulk work. */
  private next(): void {
    for (const priority of ['now', 'bulk'] as const) {
      while (this.waiting[priority].length && this.canStart(priority)) {
        this.take(priority);
        this.waiting[priority].shift()!();
      }
    }
  }
}

const queue = new HashQueue();

function scrypt(password: string, salt: Buffer, options: ScryptOptions, priority: HashPriority): Promise<Buffer> {
  return queue.run(
    priority,
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** Hashes a password for storage; an import asks with 'bulk' so that it never delays a sign-in. */
export async function hashPassword(password: string, priority: HashPriority = 'now'): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST, priority);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password matches the stored hash. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(password.slice(0, PASSWORD_MAX * 4), salt, { N, r, p }, 'now');
  return timingSafeEqual(actual, expected);
}

/** A hash that no password matches, to spend the same time when the account does not exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A readable generated password: four groups of four letters and digits, no look-alikes (about 95 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

// zxcvbn-ts knows the common passwords, names and words, and patterns such as repeats and keyboard runs.
const strength = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEn.translations,
});
/** zxcvbn's 0-4: 3 is "safely unguessable" against an online attack, which is what a sign-in page faces. */
const MIN_SCORE = 3;

/**
 * Why a new password is not acceptable, or null. Length matters most (NCSC guidance), with no
 * composition rules; and nothing common or guessable (a single word, "password123", all spaces),
 * nor anything built on the person's own name or sign-in.
 */
export function passwordProblem(password: string, login: string, name = ''): string | null {
  if (!password.trim()) return 'A password cannot be only spaces.';
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (password.toLowerCase() === login.toLowerCase()) return 'Do not use your email or staff number as your password.';
  const result = strength.check(password, [login, name, ...name.split(/\s+/)].filter(Boolean));
  if (result.score < MIN_SCORE)
    return `This password is too easy to guess.${result.feedback.warning ? ` ${result.feedback.warning}` : ''} Three or four unrelated words make a strong one.`;
  return null;
}
