import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { base, tokens } from './styles.js';
import { en, type Strings } from './strings.js';

/**
 * An image in a post or chat, with a button that opens it full size. The deciding detail is
 * often small (a name on a board behind a selfie), so the learner can look closer; the alt
 * text says the detail too. The native modal dialog keeps focus inside, closes with Escape
 * and returns focus to the button.
 */
@customElement('fl-social-image')
export class FlSocialImage extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host { display: block; margin: 0 0 8px; }
      .image { display: block; max-width: 100%; height: auto; border-radius: 8px; }
      .image__open, .image__close { min-height: 44px; margin-top: 8px; padding: 8px 12px; border: 2px solid var(--fl-blue); border-radius: 4px;
        background: var(--fl-white); color: var(--fl-blue); font: inherit; font-size: 1rem; cursor: pointer; }
      .image__open:focus, .image__close:focus { outline: 4px solid transparent; background: var(--fl-yellow); color: var(--fl-text);
        box-shadow: 0 0 0 2px var(--fl-text); border-color: var(--fl-text); }
      dialog { max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); padding: 16px; border: 2px solid var(--fl-text); overflow: auto; }
      dialog::backdrop { background: rgb(0 0 0 / 70%); }
      .image--full { display: block; max-width: none; }
    `,
  ];

  @property() src = '';
  /** What the image shows, including the detail a learner needs to decide. */
  @property() alt = '';
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  override render() {
    const t = this.strings;
    return html`<img class="image" src=${this.src} alt=${this.alt}>
      <button type="button" class="image__open" aria-haspopup="dialog" @click=${() => this.dialog?.showModal()}>${t.enlargeImage}</button>
      <dialog aria-label=${this.alt}>
        <button type="button" class="image__close" @click=${() => this.dialog?.close()}>${t.close}</button>
        <img class="image--full" src=${this.src} alt=${this.alt}>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-social-image': FlSocialImage;
  }
}
