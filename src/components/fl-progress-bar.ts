import { LitElement, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PROGRESS_CSS } from './shell-css.js';
import { tokens } from './styles.js';

/**
 * How far through the module the learner is.
 * @csspart bar - the filled part of the bar
 */
@customElement('fl-progress-bar')
export class FlProgressBar extends LitElement {
  static override styles = [tokens, unsafeCSS(PROGRESS_CSS)];

  /** Progress from 0 to 1. */
  @property({ type: Number }) value = 0;
  /** Text before the percentage. */
  @property() label = 'Progress';

  private get percent(): number {
    return Math.round(Math.min(1, Math.max(0, this.value)) * 100);
  }

  // The width is set through the CSSOM, not a style attribute, so a strict CSP allows it.
  override updated() {
    this.renderRoot.querySelector<HTMLElement>('.progress__bar')!.style.width = `${this.percent}%`;
  }

  // The line above the bar is hidden from assistive technology: the bar's name says the same, so it is read once.
  override render() {
    const percent = this.percent;
    return html`
      <p class="progress__label" id="label" aria-hidden="true">${this.label}: ${percent}%</p>
      <div class="progress__track" role="progressbar" aria-labelledby="label" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
        <div class="progress__bar" part="bar"></div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-progress-bar': FlProgressBar;
  }
}
