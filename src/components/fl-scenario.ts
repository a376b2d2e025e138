import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block, Choice, Part, Scenario } from '../core/model.js';
import { correctChoices, shouldPick, type Decision } from '../core/state.js';
import { choiceButtonStyles, tick, yourChoice } from './social.js';
import { en, type Strings } from './strings.js';
import { base, nhsuk, tokens } from './styles.js';
import { nhsukForms } from './styles-forms.js';
import './fl-social-block.js';

/**
 * One scenario: the situation, the question, the choices, then feedback.
 * Content HTML is sanitised at build time (raw HTML is rejected there).
 * @fires fl-choose - the learner answered; detail `{ scenarioId, choiceIds }`
 * @fires fl-continue - the learner asked for the next step
 */
@customElement('fl-scenario')
export class FlScenario extends LitElement {
  static override styles = [
    tokens,
    nhsuk,
    nhsukForms,
    base,
    choiceButtonStyles,
    css`
    :host { display: block; }
    .scenario__kicker { color: var(--fl-secondary-text); font-size: 1rem; margin: 0 0 8px; }
    .scenario__situation { margin-bottom: 24px; }
    .scenario__situation fl-social-block { margin-bottom: 16px; }
    .nhsuk-fieldset__legend { font-size: 1.375rem; font-weight: 600; margin-bottom: 16px; }
    .choice--feed { border: 1px solid var(--fl-grey-4); border-radius: 4px; padding: 12px; margin-bottom: 16px; background: var(--fl-white); }
    .actions__list { list-style: none; padding: 0; margin: 0; }
    .actions__list li { margin-bottom: 12px; }
    .actions__label { font-weight: 600; margin-bottom: 8px; }
    .scenario__question { margin: 0 0 16px; }
    /* Answered radios and checkboxes stay readable (NHS.UK fades disabled ones below 4.5:1); the learner's own stay bold. */
    .nhsuk-radios__input:disabled + .nhsuk-radios__label,
    .nhsuk-checkboxes__input:disabled + .nhsuk-checkboxes__label { opacity: 1; color: var(--fl-secondary-text); }
    .nhsuk-radios__input:checked:disabled + .nhsuk-radios__label,
    .nhsuk-checkboxes__input:checked:disabled + .nhsuk-checkboxes__label { color: var(--fl-text); font-weight: 600; }
    .consequence { margin: 24px 0; }
    .consequence fl-social-block { margin-bottom: 16px; }
    .feedback { margin: 24px 0; }
    .feedback .nhsuk-inset-text { margin-top: 0; background: var(--fl-white); }
    .feedback__item--best { border-left-color: var(--fl-green); }
    .feedback__item--wrong { border-left-color: var(--fl-red); }
    .feedback__rating { margin: 0 0 12px; }
    .feedback__source { color: var(--fl-secondary-text); font-size: 1rem; margin: 0; }
    .feedback__answer { font-weight: 600; }
  `,
  ];

  /** The scenario to show, in the learner's language. */
  @property({ attribute: false }) scenario!: Scenario;
  /** The learner's decision, once answered. */
  @property({ attribute: false }) decision: Decision | null = null;
  /** A short line above the title, such as "Scenario 2 of 12". */
  @property() kicker = '';
  /** Whether the continue button says "See your results". */
  @property({ type: Boolean }) last = false;
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;
  /** Set when the content is shown in another language than the page (an untranslated scenario). */
  @property() contentLang = '';
  /** The scenario is a consequence of the last choice: its blocks have just arrived. */
  @property({ type: Boolean }) arriving = false;

  /** What the learner had selected before the screen was last left unsubmitted (the statement, say). */
  @property({ attribute: false }) draft: readonly string[] = [];

  @state() private picked: string[] = [];
  @state() private showError = false;
  @state() private announcement = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (
      changed.has('scenario') &&
      changed.get('scenario') !== undefined &&
      (changed.get('scenario') as Scenario).id !== this.scenario.id
    ) {
      this.picked = [];
      this.showError = false;
    }
    if (changed.has('draft')) this.picked = [...this.draft];
  }

  /** Tells the shell what is selected, so that it outlives this element (fl-pick). */
  private select(choiceIds: string[]) {
    this.picked = choiceIds;
    this.showError = false;
    this.dispatchEvent(
      new CustomEvent('fl-pick', {
        detail: { scenarioId: this.scenario.id, choiceIds },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override updated(changed: Map<string, unknown>) {
    // Content that arrives as a consequence is announced politely, after the page settles.
    if (changed.has('scenario') && (changed.get('scenario') as Scenario | undefined)?.id !== this.scenario.id) {
      this.announcement = '';
      const text = this.arriving ? this.arrivals() : '';
      if (text) setTimeout(() => (this.announcement = text), 150);
    }
  }

  /** "New: Email from the communications team", for the blocks in this scenario. */
  private arrivals(): string {
    const t = this.strings;
    const what = this.scenario.situation.flatMap((p) => {
      switch (p.kind) {
        case 'message':
          return [`${p.messageKind === 'email' ? t.email : t.directMessage} ${t.from} ${p.from}`];
        case 'request':
          return [t.friendRequestFrom(p.from)];
        case 'chat':
          return [`${p.group} (${t.groupChat})`];
        case 'post':
          return [t.newPost(p.author)];
        case 'page-post':
          return [`${p.page} (${t.pagePost})`];
        default:
          return [];
      }
    });
    return what.length ? t.newArrival(what.join('; ')) : '';
  }

  /**
   * Moves focus to the scenario's heading (after a step), or after an answer to what happens
   * next (when the choice has a consequence) or the feedback. Moving focus is the announcement.
   */
  focusHeading(): void {
    const target = this.decision
      ? this.renderRoot.querySelector<HTMLElement>('#consequence-heading, #feedback-heading')
      : this.renderRoot.querySelector<HTMLElement>('h1');
    target?.focus();
  }

  /** The consequence of the submitted choice, if its content describes one. */
  private get consequence(): readonly Part[] {
    const d = this.decision;
    if (!d || this.scenario.select !== 'one') return [];
    return this.scenario.choices.find((c) => d.choiceIds.includes(c.id))?.consequence ?? [];
  }

  /** What happens next, as social media would show it: arriving posts and messages, then the feedback below. */
  private renderConsequence() {
    const parts = this.consequence;
    if (parts.length === 0) return nothing;
    return html`<section class="consequence" aria-labelledby="consequence-heading" lang=${this.contentLang || nothing}>
      <h2 id="consequence-heading" tabindex="-1">${this.strings.whatHappensNext}</h2>
      ${parts.map((part) =>
        part.kind === 'html'
          ? html`<div class="scenario__prose">${unsafeHTML(part.html)}</div>`
          : html`<fl-social-block .block=${part} .strings=${this.strings} answered arriving></fl-social-block>`,
      )}
    </section>`;
  }

  private get hasActions(): boolean {
    return this.scenario.select === 'one' && this.scenario.choices.some((c) => c.action);
  }

  private emitChoose(choiceIds: string[]) {
    this.dispatchEvent(
      new CustomEvent('fl-choose', {
        detail: { scenarioId: this.scenario.id, choiceIds },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private handlePick(event: Event) {
    const input = event.target as HTMLInputElement;
    if (this.scenario.select === 'one') this.select([input.value]);
    else this.select(input.checked ? [...this.picked, input.value] : this.picked.filter((id) => id !== input.value));
  }

  /** A choice button selects its choice; nothing is recorded until Submit answer (WCAG 3.3.4). */
  private handleAction(choice: Choice) {
    if (!this.decision) this.select([choice.id]);
  }

  private handleSubmit(event: Event) {
    event.preventDefault();
    if (this.scenario.select === 'one' ? this.picked.length !== 1 : this.picked.length === 0) {
      this.showError = true;
      // Radios take focus themselves (the error describes them); elsewhere the error itself is focused.
      const target = this.scenario.select === 'one' && !this.hasActions ? 'input' : '#choice-error';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(target)?.focus());
      return;
    }
    this.emitChoose(this.picked);
  }

  private handleContinue() {
    this.dispatchEvent(new CustomEvent('fl-continue', { bubbles: true, composed: true }));
  }

  private renderSituation() {
    const feedTargets = new Set(
      this.scenario.select === 'many' ? this.scenario.choices.map((c) => c.target).filter(Boolean) : [],
    );
    let asked = false;
    return this.scenario.situation.map((part) => {
      if (part.kind === 'html') return html`<div class="scenario__prose">${unsafeHTML(part.html)}</div>`;
      if (feedTargets.has(part.id)) return nothing;
      const actions = this.hasActions ? this.scenario.choices.filter((c) => c.target === part.id && c.action) : [];
      // The question comes before the first choice on a post, in reading and tab order (WCAG 1.3.2, 2.4.3).
      const question = actions.length && !asked ? this.renderQuestion() : nothing;
      if (actions.length) asked = true;
      return html`${question}<fl-social-block .block=${part} .actions=${actions} .strings=${this.strings} ?answered=${!!this.decision}
        ?arriving=${this.arriving} .picked=${this.decision?.choiceIds ?? this.picked}
        @fl-action=${(e: CustomEvent<{ choice: Choice }>) => this.handleAction(e.detail.choice)}></fl-social-block>`;
    });
  }

  private renderQuestion() {
    return html`<p class="scenario__question"><strong>${this.scenario.question}</strong>
      <span lang=${this.contentLang ? document.documentElement.lang : nothing}>${this.strings.useButtons}</span></p>`;
  }

  /** The choices that are not buttons on a post, then Submit answer: a press selects, Submit records. */
  private renderActionChoices() {
    const s = this.scenario;
    const t = this.strings;
    const answered = !!this.decision;
    const chosen = this.decision?.choiceIds ?? this.picked;
    const others = s.choices.filter((c) => !c.action);
    return html`
      <form novalidate @submit=${this.handleSubmit}>
        <div class="nhsuk-form-group ${this.showError ? 'nhsuk-form-group--error' : ''}">
          ${
            others.length
              ? html`<p class="actions__label" id="other-options">${t.otherOptions}</p>
          <ul class="actions__list" aria-labelledby="other-options" lang=${this.contentLang || nothing}>
            ${others.map(
              (
                c,
              ) => html`<li>${yourChoice(t, answered, chosen.includes(c.id))}<button type="button" class="choice-button" ?disabled=${answered}
                aria-pressed=${String(chosen.includes(c.id))} @click=${() => this.handleAction(c)}>${tick(answered, chosen.includes(c.id))}${unsafeHTML(c.textHtml)}</button></li>`,
            )}
          </ul>`
              : nothing
          }
          ${this.showError ? html`<p class="nhsuk-error-message" id="choice-error" tabindex="-1"><span class="nhsuk-u-visually-hidden">${t.error}</span> ${t.chooseAnswer}</p>` : nothing}
        </div>
        ${answered ? nothing : html`<button class="nhsuk-button" type="submit" aria-describedby=${this.showError ? 'choice-error' : nothing}>${t.submit}</button>`}
      </form>`;
  }

  private renderChoices() {
    const s = this.scenario;
    const t = this.strings;
    const answered = !!this.decision;
    const chosen = this.decision?.choiceIds ?? this.picked;
    if (this.hasActions) return this.renderActionChoices();
    const kind = s.select === 'one' ? 'radios' : 'checkboxes';
    const blocks = new Map(s.situation.filter((p): p is Block => p.kind !== 'html').map((b) => [b.id, b]));
    return html`
      <form novalidate @submit=${this.handleSubmit}>
        <div class="nhsuk-form-group ${this.showError ? 'nhsuk-form-group--error' : ''}">
          <fieldset class="nhsuk-fieldset" aria-describedby=${this.showError ? 'choice-error' : s.select === 'many' ? 'choice-hint' : nothing}>
            <legend class="nhsuk-fieldset__legend" lang=${this.contentLang || nothing}>${s.question}</legend>
            ${s.select === 'many' ? html`<div class="nhsuk-hint" id="choice-hint">${t.selectAll}</div>` : nothing}
            ${this.showError ? html`<span class="nhsuk-error-message" id="choice-error" tabindex="-1"><span class="nhsuk-u-visually-hidden">${t.error}</span> ${s.select === 'one' ? t.chooseAnswer : t.selectAtLeastOne}</span>` : nothing}
            <div class="nhsuk-${kind}" lang=${this.contentLang || nothing}>
              ${s.choices.map((c, i) => {
                const block = c.target ? blocks.get(c.target) : undefined;
                const item = html`<div class="nhsuk-${kind}__item">
                  <input class="nhsuk-${kind}__input" type=${s.select === 'one' ? 'radio' : 'checkbox'} id="choice-${i}" name="choice" value=${c.id}
                    .checked=${chosen.includes(c.id)} ?disabled=${answered} @change=${this.handlePick}>
                  <label class="nhsuk-label nhsuk-${kind}__label" for="choice-${i}">${unsafeHTML(c.textHtml)}</label>
                </div>`;
                return block
                  ? html`<div class="choice--feed"><fl-social-block .block=${block} .strings=${this.strings} answered></fl-social-block>${item}</div>`
                  : item;
              })}
            </div>
          </fieldset>
        </div>
        ${answered ? nothing : html`<button class="nhsuk-button" type="submit">${t.submit}</button>`}
      </form>`;
  }

  private renderFeedback(): TemplateResult | typeof nothing {
    const d = this.decision;
    if (!d) return nothing;
    const s = this.scenario;
    const t = this.strings;
    const items = s.select === 'many' ? s.choices : s.choices.filter((c) => d.choiceIds.includes(c.id));
    const best = correctChoices(s);
    const missedBest = s.select === 'one' && !best.some((c) => d.choiceIds.includes(c.id));
    return html`
      <h2 id="feedback-heading" tabindex="-1">${t.feedback}</h2>
      ${items.map((c) => {
        const picked = d.choiceIds.includes(c.id);
        const right = picked === shouldPick(c);
        const tone = s.select === 'many' ? (right ? 'best' : 'wrong') : c.rating;
        const label =
          s.select === 'many'
            ? picked
              ? t.pickedItem(c.text, right)
              : t.notPickedItem(c.text, right)
            : t.yourAnswer(t.ratings[c.rating]);
        const tag = tone === 'best' ? 'green' : tone === 'wrong' ? 'red' : 'yellow';
        return html`<div class="nhsuk-inset-text feedback__item--${tone}">
          <p class="feedback__rating"><strong class="nhsuk-tag nhsuk-tag--${tag}">${tone === 'best' ? '✓ ' : tone === 'wrong' ? '✗ ' : ''}${label}</strong></p>
          <div lang=${this.contentLang || nothing}>
            ${s.select === 'one' ? html`<p class="feedback__answer">${unsafeHTML(c.textHtml)}</p>` : nothing}
            ${unsafeHTML(c.feedbackHtml)}
          </div>
          <p class="feedback__source">${t.source} <span lang=${this.contentLang || nothing}>${c.source}</span></p>
        </div>`;
      })}
      ${missedBest ? html`<p>${t.bestWas} <strong>${best.map((c) => c.text).join(` ${t.or} `)}</strong>.</p>` : nothing}
      <button class="nhsuk-button" @click=${this.handleContinue}>${this.last ? t.seeResults : t.continue}</button>`;
  }

  override render() {
    const s = this.scenario;
    return html`
      ${this.kicker ? html`<p class="scenario__kicker" aria-hidden="true">${this.kicker}</p>` : nothing}
      <h1 tabindex="-1" lang=${this.contentLang || nothing} aria-label=${this.kicker ? `${this.kicker}: ${s.title}` : nothing}>${s.title}</h1>
      <div class="scenario__situation" lang=${this.contentLang || nothing}>${this.renderSituation()}</div>
      ${this.renderChoices()}
      ${this.renderConsequence()}
      <div class="feedback">${this.renderFeedback()}</div>
      <div class="fl-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-scenario': FlScenario;
  }
  interface HTMLElementEventMap {
    'fl-choose': CustomEvent<{ scenarioId: string; choiceIds: string[] }>;
    'fl-continue': CustomEvent<void>;
    'fl-pick': CustomEvent<{ scenarioId: string; choiceIds: string[] }>;
  }
}
