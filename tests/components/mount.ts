/** Puts an element in the page with its properties set, and waits for its first render. */
import type { LitElement } from 'lit';
import { afterEach } from 'vitest';
import type { Choice } from '../../src/core/model.js';

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]>,
): Promise<HTMLElementTagNameMap[K]> {
  const el = Object.assign(document.createElement(tag), props);
  document.body.append(el);
  mounted.push(el);
  await (el as unknown as LitElement).updateComplete;
  return el;
}

/** A choice that acts on a social media block, as the compiler produces it. */
export function actionChoice(id: string, action: Choice['action'], text: string): Choice {
  return {
    id,
    responseId: id.replace(/-/g, '_'),
    key: id.slice(0, 2),
    textHtml: text,
    text,
    score: 0,
    rating: 'wrong',
    feedbackHtml: '<p>Feedback</p>',
    source: 'Fictional source',
    action,
  };
}
