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
 * acts on. `items` are the situation's tokens with their offsets; `blocks` maps each block
 * id to the offset of its YAML.
 */
export function checkReadingOrder(
  items: readonly { token: Token; offset: number }[],
  blocks: ReadonlyMap<string, { offset: number }>,
  choices: readonly Choice[],
  report: Reporter,
): void {
  const acted = choices.flatMap((c) => (c.action && c.target ? [blocks.get(c.target)?.offset ?? Infinity] : []));
  const first = Math.min(...acted);
  if (!Number.isFinite(first)) return;
  for (const { token, offset } of items) {
    if (offset <= first || token.type === 'space' || isBlock(token)) continue;
    report.error(
      offset,
      'this text comes after a post that carries the answer buttons, so a learner may act before reading it: move it above the first block that has actions',
    );
  }
}

function isBlock(token: Token): boolean {
  const lang = token.type === 'code' ? ((token as { lang?: string }).lang ?? '').trim() : '';
  return (BLOCK_KINDS as readonly string[]).includes(lang);
}
