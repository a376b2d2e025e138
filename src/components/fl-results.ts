import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../core/model.js';
import { decisionScore, scenarioById, score, shouldPick, type Decision } from '../core/state.js';
import { ratingLabel } from './rating.js';
import { base, tokens } from './styles.js';

/**
 * The learner's score, pass or fail, and a review of every decision with its feedback.
 * @fires fl-exit - the learner chose to leave the module
 */
@customElement('fl-results')
export class FlResults extends LitElement {
  static override styles = [tokens, base, css`
    :host { display: block; }
    .results__panel { padding: 24px; margin: 0 0 32px; border: 4px solid var(--fl-blue); background: var(--fl-white); }
    .results__panel--passed { border-color: var(--fl-green); }
    .results__panel--failed { border-color: var(--fl-red); }
    .results__score { font-size: 3rem; font-weight: 600; margin: 0; }
    .review { list-style: none; padding: 0; margin: 0 0 32px; }
    .review__item { border-top: 1px solid var(--fl-grey-4); padding: 16px 0; }
    .review__rating { font-weight: 600; }
    .review__source { color: var(--fl-secondary-text); font-size: 1rem; }
    .pending { font-weight: 600; }
  `];

  /** The course. */
  @property({ attribute: false }) course!: Course;
  /** The decisions the learner made. */
  @property({ attribute: false }) decisions: readonly Decision[] = [];
  /** Whether the LMS has accepted the result; until then the module is not called complete. */
  @property({ type: Boolean }) saved = true;
  /** Read-only review (the LMS's review mode): no exit button. */
  @property({ type: Boolean }) review = false;
  /** Browse mode: nothing was recorded. */
  @property({ type: Boolean }) browse = false;
  /** What the LMS has stored for a finished attempt ('passed', 'failed', 'completed'), if known. */
  @property() recorded = '';

  /** Moves focus to the heading. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handleExit() {
    this.dispatchEvent(new CustomEvent('fl-exit', { bubbles: true, composed: true }));
  }

  private renderRecordedOnly() {
    const words: Record<string, string> = { passed: 'passed', failed: 'did not pass', completed: 'completed' };
    return html`
      <h1 tabindex="-1">You have completed this module</h1>
      <div class="results__panel">
        <p>${this.recorded ? html`Your learning system has recorded that you <strong>${words[this.recorded] ?? this.recorded}</strong> ${this.course.title}.` : html`You have finished ${this.course.title}.`}</p>
        <p>The details of each decision are not available on this device.</p>
      </div>
      ${this.course.summaryHtml ? html`<div class="results__summary">${unsafeHTML(this.course.summaryHtml)}</div>` : nothing}`;
  }

  override render() {
    if (this.decisions.length === 0) return this.renderRecordedOnly();
    const s = score(this.course, this.decisions);
    const outcome = s.passed ? 'passed' : 'failed';
    return html`
      <h1 tabindex="-1">Your results</h1>
      <div class="results__panel results__panel--${outcome}">
        <p class="results__score">${s.raw}%</p>
        <p><strong>${s.passed ? '✓ You passed.' : '✗ You did not pass this time.'}</strong>
          The pass mark is ${this.course.passMark}%.</p>
        ${this.browse
          ? html`<p>Browse mode: this result was not recorded.</p>`
          : this.saved
          ? html`<p>${s.passed ? 'Your learning system has recorded that you completed this module.' : 'Your learning system has recorded your result. You can take the module again.'}</p>`
          : html`<p class="pending">Your result has not been saved by your learning system yet. Do not close this window.</p>`}
      </div>
      ${this.course.summaryHtml ? html`<div class="results__summary">${unsafeHTML(this.course.summaryHtml)}</div>` : nothing}
      <h2>Your decisions</h2>
      <ol class="review">
        ${this.decisions.map((d) => {
          const scenario = scenarioById(this.course, d.scenarioId);
          const picked = scenario.choices.filter((c) => d.choiceIds.includes(c.id));
          const full = decisionScore(scenario, d) >= 1;
          return html`<li class="review__item">
            <h3>${scenario.title}</h3>
            <p>${scenario.question}</p>
            ${scenario.select === 'many'
              ? html`<p class="review__rating">${full ? '✓ All correct' : `Partly right: ${Math.round(decisionScore(scenario, d) * 100)}%`}</p>
                <ul>${scenario.choices.map((c) => html`<li>${c.text}: ${d.choiceIds.includes(c.id) ? 'you picked it' : 'you did not pick it'}${d.choiceIds.includes(c.id) === shouldPick(c) ? ' (correct)' : ' (not correct)'}</li>`)}</ul>`
              : picked.map((c) => html`<p>You chose: <strong>${c.text}</strong></p>
                <p class="review__rating">${c.rating === 'best' ? '✓ ' : c.rating === 'wrong' ? '✗ ' : ''}${ratingLabel(c.rating)}</p>
                ${unsafeHTML(c.feedbackHtml)}
                <p class="review__source">Source: ${c.source}</p>`)}
          </li>`;
        })}
      </ol>
      ${this.review ? nothing : html`<button class="fl-button" ?disabled=${!this.saved} @click=${this.handleExit}>Finish and exit</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'fl-results': FlResults }
  interface HTMLElementEventMap { 'fl-exit': CustomEvent<void> }
}
