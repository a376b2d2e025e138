/** Shared parts of the social media elements: avatars, counts, action buttons and their styles. */
import { css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Action, Choice } from '../core/model.js';
import type { Strings } from './strings.js';

/** The accessible name of an action on someone's post: "Repost Dawn Hughes's post". */
export function actionName(strings: Strings, action: Action, owner: string, thing: string): string {
  return strings.actionNames[action](owner, thing);
}

/** Initials for an avatar: "Dawn Hughes" -> "DH". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** "1200" -> "1.2K", as social sites show counts. */
export function shortCount(n: number): string {
  return n >= 1000 ? `${(Math.round(n / 100) / 10).toString()}K` : String(n);
}

export function avatar(name: string) {
  return html`<span class="social__avatar" aria-hidden="true">${initials(name)}</span>`;
}

/**
 * Action buttons for the choices that act on a block. Each button's accessible name says
 * whose post it acts on ("Repost Dawn Hughes's post: <choice>"). Fires fl-action from `host`.
 */
export function actionBar(
  host: HTMLElement,
  strings: Strings,
  actions: readonly Choice[],
  owner: string,
  thing: keyof Strings['things'],
  answered: boolean,
  picked: readonly string[],
) {
  if (actions.length === 0) return nothing;
  const fire = (choice: Choice) =>
    host.dispatchEvent(new CustomEvent('fl-action', { detail: { choice }, bubbles: true, composed: true }));
  const word = strings.things[thing];
  return html`<ul class="social__actions" aria-label=${strings.actionsOn(owner, word)}>
    ${actions.map(
      (c) => html`<li><button type="button" class="social__action" ?disabled=${answered}
      aria-pressed=${answered ? String(picked.includes(c.id)) : nothing} @click=${() => fire(c)}>
      <span class="social__verb" aria-hidden="true">${strings.actions[c.action!]}</span><span class="fl-visually-hidden">${actionName(strings, c.action!, owner, word)}:</span>
      <span class="social__choice">${unsafeHTML(c.textHtml)}</span></button></li>`,
    )}
  </ul>`;
}

export const socialStyles = css`
  :host { display: block; }
  .social { background: var(--fl-white); border: 1px solid var(--fl-border); border-radius: 12px; padding: 16px; max-width: 36rem; }
  .social--arriving { animation: fl-arrive 0.4s ease-out; }
  @keyframes fl-arrive { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
  @media (prefers-reduced-motion: reduce) { .social--arriving { animation: none; } }
  .social__head { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
  .social__avatar { flex: none; width: 44px; height: 44px; border-radius: 50%; background: var(--fl-dark-blue); color: var(--fl-white);
    display: inline-flex; align-items: center; justify-content: center; font-weight: 600; }
  .social__name { font-size: 1.1875rem; margin: 0; overflow-wrap: anywhere; }
  .social__handle, .social__time, .social__meta { color: var(--fl-secondary-text); font-size: 1rem; font-weight: normal; overflow-wrap: anywhere; }
  .social__text { overflow-wrap: anywhere; }
  .social__text p:last-child { margin-bottom: 8px; }
  .social__counts { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 0 0 8px; color: var(--fl-secondary-text); font-size: 1rem; }
  .social__replies { list-style: none; margin: 12px 0 0; padding: 0 0 0 16px; border-left: 2px solid var(--fl-grey-4); }
  .social__replies > li { margin-bottom: 12px; }
  .social__reply h4 { font-size: 1rem; margin: 0 0 4px; }
  .social__actions { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 0 0; margin: 12px 0 0; border-top: 1px solid var(--fl-grey-4); }
  .social__action { min-height: 44px; min-width: 44px; padding: 8px 12px; border: 2px solid var(--fl-blue); border-radius: 22px; background: var(--fl-white);
    color: var(--fl-blue); font: inherit; font-size: 1rem; cursor: pointer; text-align: left; }
  .social__action:hover { background: #e3ecf7; }
  .social__action:focus { outline: 4px solid transparent; background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 0 0 2px var(--fl-text); border-color: var(--fl-text); }
  .social__action[aria-pressed='true'] { background: var(--fl-blue); color: var(--fl-white); }
  .social__action[aria-pressed='true']::before { content: '✓ ' / ''; }
  .social__action:disabled { cursor: default; }
  .social__verb { font-weight: 600; margin-right: 6px; }
  .social__choice p { display: inline; margin: 0; }
  .chat__bubble { background: var(--fl-grey-5); border-radius: 12px; padding: 8px 12px; margin: 0 0 8px; max-width: 90%; }
  .chat__from { font-size: 1rem; font-weight: 600; margin: 0; }
  .message__fields { margin: 0 0 12px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 1rem; }
  .message__fields dt { font-weight: 600; }
  .message__fields dd { margin: 0; overflow-wrap: anywhere; }
`;
