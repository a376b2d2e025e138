/**
 * Read before you act: a learner who meets a post's action buttons may press one before
 * scrolling on, so a fact the decision depends on must not sit below the first block that
 * carries actions. Prose after that block is a build error.
 */
import type { Token } from 'marked';
import type { Choice } from '../core/model.js';
import { BLOCK_KINDS } from './blocks.js';
import type { Reporter } from './errors.js';

/**
 * Reports every piece of prose in the situation that comes after the first block a choice
 * acts on. `items` are the situation's tokens with their offsets in the file. It reads the
 * blocks' ids from the tokens itself, so it needs nothing else from the scenario parser.
 */
export function checkReadingOrder(
  items: readonly { token: Token; offset: number }[],
  choices: readonly Choice[],
  report: Reporter,
): void {
  const acted = new Set(choices.filter((c) => c.action).map((c) => c.target));
  const first = items.findIndex(({ token }) => acted.has(blockId(token)));
  if (first < 0) return;
  for (const { token, offset } of items.slice(first + 1)) {
    if (token.type === 'space' || blockId(token) !== undefined) continue;
    report.error(
      offset,
      'this text comes after a post that carries the answer buttons, so a learner may act before reading it: move it above the first block that has actions',
    );
  }
}

/** The id of a social media block ("```post" and so on), or undefined for anything else. */
function blockId(token: Token): string | undefined {
  const lang = token.type === 'code' ? ((token as { lang?: string }).lang ?? '').trim() : '';
  if (!(BLOCK_KINDS as readonly string[]).includes(lang)) return undefined;
  return /^id:\s*["']?([^\s"'#]+)/m.exec((token as { text?: string }).text ?? '')?.[1] ?? '';
}
