import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block } from '../core/model.js';
import { actionBar, avatar, countItem, timeAgo } from './social.js';
import './fl-social-image.js';
import { SocialElement } from './social-element.js';

type Post = Extract<Block, { kind: 'post' }>;

/**
 * A microblog post with its counts, optional image and thread of replies.
 * @fires fl-action - the learner pressed an action; detail `{ choice }`
 */
@customElement('fl-social-post')
export class FlSocialPost extends SocialElement<Post> {
  override render() {
    const p = this.block;
    const t = this.strings;
    const counts = [
      [p.replies, t.counts.replies],
      [p.reposts, t.counts.reposts],
      [p.likes, t.counts.likes],
    ] as const;
    const shown = counts.filter(([n]) => n !== undefined);
    return html`<article class="social ${this.arriving ? 'social--arriving' : ''}" aria-labelledby="h">
      <div class="social__head">${avatar(p.author)}
        <h2 class="social__name" id="h">${p.author} <span class="social__handle">@${p.handle}</span>
          <span class="fl-visually-hidden">${t.posted}</span> <span class="social__time">· ${timeAgo(t, p.time)}</span></h2>
      </div>
      <div class="social__text">${unsafeHTML(p.textHtml)}</div>
      ${p.image ? html`<fl-social-image src=${p.image} alt=${p.alt ?? ''} .strings=${t}></fl-social-image>` : nothing}
      ${shown.length ? html`<ul class="social__counts">${shown.map(([n, noun]) => countItem(n!, noun))}</ul>` : nothing}
      ${
        p.thread.length
          ? html`<ul class="social__replies" aria-label=${t.repliesTo(p.author)}>
        ${p.thread.map(
          (
            r,
          ) => html`<li><article class="social__reply"><h3>${r.author}${r.handle ? html` <span class="social__handle">@${r.handle}</span>` : nothing}
          <span class="social__time">· ${timeAgo(t, r.time)}</span></h3>${unsafeHTML(r.textHtml)}</article></li>`,
        )}
      </ul>`
          : nothing
      }
      ${actionBar(this, t, this.actions, p.author, 'post', this.answered, this.picked)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-social-post': FlSocialPost;
  }
}
