import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block, Choice, Scenario } from '../core/model.js';
import { correctChoices, shouldPick, type Decision } from '../core/state.js';
import { base, tokens } from './styles.js';
import { ratingLabel } from './rating.js';
import './fl-social-block.js';

/**
 * One scenario: the situation, the question, the choices, then feedback.
 * Content HTML is sanitised at build time (raw HTML is rejected there).
 * @fires fl-choose - the learner answered; detail `{ scenarioId, choiceIds }`
 * @fires fl-continue - the learner asked for the next step
 */
@customElement('fl-scenario')
export class FlScenario extends LitElement {
  static override styles = [tokens, base, css`
    :host { display: block; }
    .scenario__kicker { color: var(--fl-secondary-text); font-size: 1rem; margin: 0 0 8px; }
    .scenario__situation { margin-bottom: 24px; }
    .scenario__blocks > * { margin-bottom: 16px; }
    fieldset { border: 0; padding: 0; margin: 0 0 16px; min-width: 0; }
    legend { font-size: 1.375rem; font-weight: 600; margin-bottom: 16px; padding: 0; }
    .choice { display: flex; align-items: flex-start; gap: 12px; margin-bottom: 12px; position: relative; }
    .choice input { width: 40px; height: 40px; margin: 0; flex: none; accent-color: var(--fl-text); cursor: pointer; }
    .choice input:focus-visible { outline: 4px solid var(--fl-yellow); outline-offset: 0; box-shadow: 0 0 0 8px var(--fl-text); }
    .choice label { padding: 8px 0; cursor: pointer; }
    .choice--feed { flex-direction: column; align-items: stretch; border: 1px solid var(--fl-grey-4); padding: 12px; border-radius: 4px; }
    .choice--feed .choice__pick { display: flex; align-items: center; gap: 12px; }
    .error { border-left: 4px solid var(--fl-red); padding-left: 16px; }
    .error__message { color: var(--fl-red); font-weight: 600; margin: 0 0 12px; }
    .actions { margin: 16px 0; }
    .actions__list { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 8px 0; }
    .feedback { margin: 24px 0; }
    .feedback__item { border-left: 8px solid var(--fl-blue); padding: 16px; margin: 0 0 16px; background: var(--fl-white); }
    .feedback__item--best { border-left-color: var(--fl-green); }
    .feedback__item--wrong { border-left-color: var(--fl-red); }
    .feedback__rating { font-weight: 600; margin: 0 0 8px; }
    .feedback__source { color: var(--fl-secondary-text); font-size: 1rem; margin: 0; }
    .feedback__answer { font-weight: 600; }
  `];

  /** The scenario to show. */
  @property({ attribute: false }) scenario!: Scenario;
  /** The learner's decision, once answered. */
  @property({ attribute: false }) decision: Decision | null = null;
  /** A short line above the title, such as "Scenario 2 of 12". */
  @property() kicker = '';
  /** Whether the continue button says "See your results". */
  @property({ type: Boolean }) last = false;

  @state() private picked: string[] = [];
  @state() private showError = false;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('scenario') && changed.get('scenario') !== undefined) {
      this.picked = [];
      this.showError = false;
    }
  }

  /** Moves focus to the scenario's heading (after a step) or the feedback (after an answer). */
  focusHeading(): void {
    const target = this.decision ? this.renderRoot.querySelector<HTMLElement>('#feedback-heading') : this.renderRoot.querySelector<HTMLElement>('h1');
    target?.focus();
  }

  private get hasActions(): boolean {
    return this.scenario.select === 'one' && this.scenario.choices.some((c) => c.action);
  }

  private emitChoose(choiceIds: string[]) {
    this.dispatchEvent(new CustomEvent('fl-choose', { detail: { scenarioId: this.scenario.id, choiceIds }, bubbles: true, composed: true }));
  }

  private handlePick(event: Event) {
    const input = event.target as HTMLInputElement;
    if (this.scenario.select === 'one') this.picked = [input.value];
    else this.picked = input.checked ? [...this.picked, input.value] : this.picked.filter((id) => id !== input.value);
    this.showError = false;
  }

  private handleSubmit(event: Event) {
    event.preventDefault();
    if (this.scenario.select === 'one' && this.picked.length !== 1) {
      this.showError = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
      return;
    }
    this.emitChoose(this.picked);
  }

  private handleAction(choice: Choice) {
    this.emitChoose([choice.id]);
  }

  private handleContinue() {
    this.dispatchEvent(new CustomEvent('fl-continue', { bubbles: true, composed: true }));
  }

  private renderSituation() {
    const feedTargets = new Set(this.scenario.select === 'many' ? this.scenario.choices.map((c) => c.target).filter(Boolean) : []);
    return this.scenario.situation.map((part) => {
      if (part.kind === 'html') return html`<div class="scenario__prose">${unsafeHTML(part.html)}</div>`;
      if (feedTargets.has(part.id)) return nothing;
      const actions = this.hasActions ? this.scenario.choices.filter((c) => c.target === part.id && c.action) : [];
      return html`<fl-social-block .block=${part} .actions=${actions} ?answered=${!!this.decision}
        .picked=${this.decision?.choiceIds ?? []} @fl-action=${(e: CustomEvent<{ choice: Choice }>) => this.handleAction(e.detail.choice)}></fl-social-block>`;
    });
  }

  private renderChoices() {
    const s = this.scenario;
    const answered = !!this.decision;
    const chosen = this.decision?.choiceIds ?? this.picked;
    if (this.hasActions) {
      const others = s.choices.filter((c) => !c.action);
      if (others.length === 0) return html`<p class="scenario__question" id="question">${s.question}</p>`;
      return html`
        <div class="actions">
          <p class="scenario__question" id="question"><strong>${s.question}</strong> Use the buttons on the posts above, or:</p>
          <ul class="actions__list">
            ${others.map((c) => html`<li><button class="fl-button fl-button--secondary" ?disabled=${answered}
              aria-pressed=${answered ? String(chosen.includes(c.id)) : nothing}
              @click=${() => this.handleAction(c)}>${unsafeHTML(c.textHtml)}</button></li>`)}
          </ul>
        </div>`;
    }
    const type = s.select === 'one' ? 'radio' : 'checkbox';
    const blocks = new Map(s.situation.filter((p): p is Block => p.kind !== 'html').map((b) => [b.id, b]));
    return html`
      <form novalidate @submit=${this.handleSubmit}>
        <div class=${this.showError ? 'error' : ''}>
          <fieldset aria-describedby=${this.showError ? 'choice-error' : nothing}>
            <legend>${s.question}${s.select === 'many' ? html` <span class="fl-visually-hidden">Select all that apply.</span>` : nothing}</legend>
            ${s.select === 'many' ? html`<p>Select all that apply.</p>` : nothing}
            ${this.showError ? html`<p class="error__message" id="choice-error"><span class="fl-visually-hidden">Error:</span> Choose an answer</p>` : nothing}
            ${s.choices.map((c, i) => {
              const block = c.target ? blocks.get(c.target) : undefined;
              const input = html`<input type=${type} id="choice-${i}" name="choice" value=${c.id}
                .checked=${chosen.includes(c.id)} ?disabled=${answered} @change=${this.handlePick}>
                <label for="choice-${i}">${unsafeHTML(c.textHtml)}</label>`;
              return block
                ? html`<div class="choice choice--feed"><fl-social-block .block=${block} answered></fl-social-block><div class="choice__pick">${input}</div></div>`
                : html`<div class="choice">${input}</div>`;
            })}
          </fieldset>
        </div>
        ${answered ? nothing : html`<button class="fl-button" type="submit">Submit answer</button>`}
      </form>`;
  }

  private renderFeedback(): TemplateResult | typeof nothing {
    const d = this.decision;
    if (!d) return nothing;
    const s = this.scenario;
    const items = s.select === 'many' ? s.choices : s.choices.filter((c) => d.choiceIds.includes(c.id));
    const best = correctChoices(s);
    const missedBest = s.select === 'one' && !best.some((c) => d.choiceIds.includes(c.id));
    return html`
      <h2 id="feedback-heading" tabindex="-1">Feedback</h2>
      ${items.map((c) => {
        const picked = d.choiceIds.includes(c.id);
        const label = s.select === 'many'
          ? `${picked ? 'You picked' : 'You did not pick'} "${c.text}": ${picked === shouldPick(c) ? 'correct' : 'not correct'}`
          : `Your answer: ${ratingLabel(c.rating)}`;
        const tone = s.select === 'many' ? (picked === shouldPick(c) ? 'best' : 'wrong') : c.rating;
        return html`<div class="feedback__item feedback__item--${tone}">
          <p class="feedback__rating">${tone === 'best' ? '✓ ' : tone === 'wrong' ? '✗ ' : ''}${label}</p>
          ${s.select === 'one' ? html`<p class="feedback__answer">${unsafeHTML(c.textHtml)}</p>` : nothing}
          ${unsafeHTML(c.feedbackHtml)}
          <p class="feedback__source">Source: ${c.source}</p>
        </div>`;
      })}
      ${missedBest ? html`<p>The best choice was: <strong>${best.map((c) => c.text).join(' or ')}</strong>.</p>` : nothing}
      <button class="fl-button" @click=${this.handleContinue}>${this.last ? 'See your results' : 'Continue'}</button>`;
  }

  override render() {
    const s = this.scenario;
    return html`
      ${this.kicker ? html`<p class="scenario__kicker">${this.kicker}</p>` : nothing}
      <h1 tabindex="-1">${s.title}</h1>
      <div class="scenario__situation">${this.renderSituation()}</div>
      ${this.renderChoices()}
      <div class="feedback" role="status" aria-live="polite">${this.renderFeedback()}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'fl-scenario': FlScenario }
  interface HTMLElementEventMap {
    'fl-choose': CustomEvent<{ scenarioId: string; choiceIds: string[] }>;
    'fl-continue': CustomEvent<void>;
  }
}
