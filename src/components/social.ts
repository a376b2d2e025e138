/** Shared parts of the social media elements: avatars, counts, action buttons and their styles. */
import { css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Choice } from '../core/model.js';
import type { Strings } from './strings.js';

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

/** A count as social sites show it ("1.4K likes"), with its full value for assistive technology ("1,400 likes"). */
export function countItem(n: number, noun: (n: number) => string) {
  const short = shortCount(n);
  const full = n.toLocaleString('en-GB');
  if (short === full) return html`<li>${full} ${noun(n)}</li>`;
  return html`<li><span aria-hidden="true">${short} ${noun(n)}</span><span class="fl-visually-hidden">${full} ${noun(n)}</span></li>`;
}

/** A post's age as social sites write it ("3h"), said in full to assistive technology ("3 hours ago"). */
export function timeAgo(strings: Strings, time: string) {
  const m = /^(\d+)\s*([mhdw])$/.exec(time.trim());
  if (!m) return time;
  const said = strings.ago[m[2] as keyof Strings['ago']](Number(m[1]));
  return html`<span aria-hidden="true">${time}</span><span class="fl-visually-hidden">${said}</span>`;
}

export function avatar(name: string) {
  return html`<span class="social__avatar" aria-hidden="true">${initials(name)}</span>`;
}

/** What a choice button shows once the scenario is answered: the learner's own choice is marked in words. */
export function yourChoice(strings: Strings, answered: boolean, chosen: boolean) {
  return answered && chosen ? html`<span class="choice__yours">${strings.yourChoice}</span>` : nothing;
}

/** The tick on a selected choice, drawn as text that is hidden from the accessible name (aria-pressed says it). */
export function tick(answered: boolean, chosen: boolean) {
  return !answered && chosen ? html`<span class="choice-button__tick" aria-hidden="true">✓</span>` : nothing;
}

/**
 * The verb an action button shows before its choice's words ("Reply" on "Thank Marcus…"), or
 * null when the words already start with it ("Repost it without comment").
 */
function shownVerb(strings: Strings, c: Choice): string | null {
  const verb = strings.actions[c.action!];
  return c.text.toLowerCase().startsWith(verb.toLowerCase()) ? null : verb;
}

/**
 * An action button's accessible name: its choice's words, after the verb it shows, so a
 * learner who says what they see ("click Reply") reaches it (WCAG 2.5.3, label in name).
 */
export function actionName(strings: Strings, c: Choice): string {
  const verb = shownVerb(strings, c);
  return verb ? strings.verbAndChoice(verb, c.text) : c.text;
}

/**
 * Action buttons for the choices that act on a block. A press selects the choice (it is
 * submitted with Submit answer), so each button is a toggle named by the choice's own
 * words (actionName); the list's label says whose post it is. Fires fl-action from `host`.
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
  return html`<ul class="social__actions" aria-label=${strings.actionsOn(owner, strings.things[thing])}>
    ${actions.map((c) => {
      const verb = shownVerb(strings, c);
      return html`<li>${yourChoice(strings, answered, picked.includes(c.id))}<button type="button" class="choice-button"
        ?disabled=${answered} aria-pressed=${String(picked.includes(c.id))} aria-label=${verb ? actionName(strings, c) : nothing}
        @click=${() => fire(c)}>
        ${tick(answered, picked.includes(c.id))}${verb ? html`<span class="social__verb">${verb}</span> ` : nothing}<span class="social__choice">${unsafeHTML(c.textHtml)}</span></button></li>`;
    })}
  </ul>`;
}

/**
 * Choice buttons, on a post or in a list: a selected one has a tick and a solid border;
 * once answered they look disabled, and the learner's choice keeps a dark border and is
 * marked "Your choice" in words (whether it was right is said in the feedback).
 */
export const choiceButtonStyles = css`
  .choice-button { min-height: 44px; min-width: 44px; padding: 8px 12px; border: 2px solid var(--fl-blue); border-radius: 22px;
    background: var(--fl-white); color: var(--fl-blue); font: inherit; font-size: 1rem; cursor: pointer; text-align: left; }
  .choice-button:hover { background: #e3ecf7; }
  .choice-button[aria-pressed='true'] { background: var(--fl-dark-blue); border: 3px solid var(--fl-text); color: var(--fl-white); }
  .choice-button__tick { font-weight: 600; margin-right: 6px; }
  .choice-button:disabled { cursor: default; background: var(--fl-grey-5); border: 2px dashed var(--fl-border); color: var(--fl-secondary-text); }
  .choice-button:disabled[aria-pressed='true'] { background: var(--fl-white); border: 3px solid var(--fl-text); color: var(--fl-text); }
  .choice-button:focus { outline: 4px solid transparent; background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 0 0 2px var(--fl-text); border-color: var(--fl-text); }
  .choice-button p { display: inline; margin: 0; }
  .choice__yours { display: inline-block; margin: 0 8px 4px 0; padding: 2px 8px; border: 1px solid var(--fl-text); border-radius: 4px;
    background: var(--fl-white); color: var(--fl-text); font-size: 1rem; font-weight: 600; }
`;

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
  .social__verb { font-weight: 600; }
  .social__choice p { display: inline; margin: 0; }
  .chat__bubble { background: var(--fl-grey-5); border-radius: 12px; padding: 8px 12px; margin: 0 0 8px; max-width: 90%; }
  .chat__from { font-size: 1rem; font-weight: 600; margin: 0; }
  .message__fields { margin: 0 0 12px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 1rem; }
  .message__fields dt { font-weight: 600; }
  .message__fields dd { margin: 0; overflow-wrap: anywhere; }
`;
