import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Block, Choice } from '../core/model.js';
import { en, type Strings } from './strings.js';
import './fl-social-post.js';
import './fl-page-post.js';
import './fl-chat-group.js';
import './fl-friend-request.js';
import './fl-message-card.js';

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
    const props = { actions: this.actions, answered: this.answered, picked: this.picked, arriving: this.arriving };
    switch (this.block.kind) {
      case 'post':
        return html`<fl-social-post .block=${this.block} .actions=${props.actions} ?answered=${props.answered} .picked=${props.picked} ?arriving=${props.arriving} .strings=${this.strings}></fl-social-post>`;
      case 'page-post':
        return html`<fl-page-post .block=${this.block} .actions=${props.actions} ?answered=${props.answered} .picked=${props.picked} ?arriving=${props.arriving} .strings=${this.strings}></fl-page-post>`;
      case 'chat':
        return html`<fl-chat-group .block=${this.block} .actions=${props.actions} ?answered=${props.answered} .picked=${props.picked} ?arriving=${props.arriving} .strings=${this.strings}></fl-chat-group>`;
      case 'request':
        return html`<fl-friend-request .block=${this.block} .actions=${props.actions} ?answered=${props.answered} .picked=${props.picked} ?arriving=${props.arriving} .strings=${this.strings}></fl-friend-request>`;
      case 'message':
        return html`<fl-message-card .block=${this.block} .actions=${props.actions} ?answered=${props.answered} .picked=${props.picked} ?arriving=${props.arriving} .strings=${this.strings}></fl-message-card>`;
    }
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
