import { LitElement, css } from 'lit';
import { html, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { customElement, property } from 'lit/decorators.js';
import type { Block, Choice } from '../core/model.js';
import { en, type Strings } from './strings.js';
import './fl-social-post.js';
import './fl-page-post.js';
import './fl-chat-group.js';
import './fl-friend-request.js';
import './fl-message-card.js';

/** The element that shows each kind of block; all take the same properties. */
const TAGS: Record<Block['kind'], StaticValue> = {
  post: unsafeStatic('fl-social-post'),
  'page-post': unsafeStatic('fl-page-post'),
  chat: unsafeStatic('fl-chat-group'),
  request: unsafeStatic('fl-friend-request'),
  message: unsafeStatic('fl-message-card'),
};

/**
 * Shows any social media block with the element for its kind.
 * @fires fl-action - from the inner element: the learner pressed an action
 */
@customElement('fl-social-block')
export class FlSocialBlock extends LitElement {
  // A block, so the space the scenario screen puts under it separates it from the prose that follows.
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** The block to show. */
  @property({ attribute: false }) block!: Block;
  /** Choices that act on this block. */
  @property({ attribute: false }) actions: readonly Choice[] = [];
  @property({ type: Boolean }) answered = false;
  @property({ attribute: false }) picked: readonly string[] = [];
  @property({ type: Boolean }) arriving = false;
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;

  override render() {
    const tag = TAGS[this.block.kind];
    return html`<${tag}
      .block=${this.block}
      .actions=${this.actions}
      ?answered=${this.answered}
      .picked=${this.picked}
      ?arriving=${this.arriving}
      .strings=${this.strings}
    ></${tag}>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-social-block': FlSocialBlock;
  }
  interface HTMLElementEventMap {
    'fl-action': CustomEvent<{ choice: Choice }>;
  }
}
