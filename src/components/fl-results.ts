import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../core/model.js';
import { decisionScore, scenarioById, score, shouldPick, type Decision } from '../core/state.js';
import { en, type Strings } from './strings.js';
import { base, nhsuk, tokens } from './styles.js';

/**
 * The learner's score, pass or fail, and a review of every decision with its feedback.
 * @fires fl-exit - the learner chose to leave the module
 * @fires fl-certificate - the learner asked for their certificate
 */
@customElement('fl-results')
export class FlResults extends LitElement {
  static override styles = [
    tokens,
    nhsuk,
    base,
    css`
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
  `,
  ];

  /** The course. */
  @property({ attribute: false }) course!: Course;
  /** The decisions the learner made. */
  @property({ attribute: false }) decisions: readonly Decision[] = [];
  /** Whether the LMS has accepted the result; until then the module is not called complete. */
  @property({ attribute: false }) saved = false;
  /** No LMS: the result stays in this browser. */
  @property({ type: Boolean }) standalone = false;
  /** Read-only review (the LMS's review mode): no exit button. */
  @property({ type: Boolean }) review = false;
  /** Browse mode: nothing was recorded. */
  @property({ type: Boolean }) browse = false;
  /** What the LMS has stored for a finished attempt ('passed', 'failed', 'completed'), if known. */
  @property() recorded = '';
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;
  /** The language to show content in (an untranslated scenario is shown in English). */
  @property() language = '';

  /** Moves focus to the heading. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handleExit() {
    this.dispatchEvent(new CustomEvent('fl-exit', { bubbles: true, composed: true }));
  }

  private handleCertificate() {
    this.dispatchEvent(new CustomEvent('fl-certificate', { bubbles: true, composed: true }));
  }

  /** A scenario's words in the learner's language, and the language they are in. */
  private text(id: string) {
    const scenario = scenarioById(this.course, id);
    const tr = this.language ? scenario.translations?.[this.language] : undefined;
    return {
      scenario,
      title: tr?.title ?? scenario.title,
      question: tr?.question ?? scenario.question,
      choice: (cid: string) => tr?.choices[cid],
      lang: tr || !this.language ? '' : this.course.language,
    };
  }

  private get summaryHtml(): string {
    return (this.language && this.course.translations[this.language]?.summaryHtml) || this.course.summaryHtml;
  }

  private get moduleTitle(): string {
    return (this.language && this.course.translations[this.language]?.title) || this.course.title;
  }

  private renderRecordedOnly() {
    const t = this.strings;
    return html`
      <h1 tabindex="-1">${t.completedTitle}</h1>
      <div class="results__panel">
        <p>${this.recorded ? t.completedRecorded(t.recordedWords[this.recorded] ?? this.recorded, this.moduleTitle) : t.completedPlain(this.moduleTitle)}</p>
        <p>${t.detailsUnavailable}</p>
      </div>
      ${this.summaryHtml ? html`<div class="results__summary">${unsafeHTML(this.summaryHtml)}</div>` : nothing}`;
  }

  override render() {
    if (this.decisions.length === 0) return this.renderRecordedOnly();
    const t = this.strings;
    const s = score(this.course, this.decisions);
    const outcome = s.passed ? 'passed' : 'failed';
    return html`
      <h1 tabindex="-1">${t.resultsTitle}</h1>
      <div class="results__panel results__panel--${outcome}">
        <p class="results__score">${s.raw}%</p>
        <p><strong>${s.passed ? `✓ ${t.passed}` : `✗ ${t.notPassed}`}</strong> ${t.passMarkIs(this.course.passMark)}</p>
        ${
          this.browse
            ? html`<p>${t.browseResult}</p>`
            : this.standalone
              ? html`<p>${t.keptLocally}</p>`
              : this.saved
                ? html`<p>${s.passed ? t.recordedPassed : t.recordedResult}</p>`
                : html`<p class="pending">${t.notSavedYet}</p>`
        }
        ${s.passed && !this.browse ? html`<button class="nhsuk-button nhsuk-button--secondary" @click=${this.handleCertificate}>${t.certificateButton}</button>` : nothing}
      </div>
      ${this.summaryHtml ? html`<div class="results__summary">${unsafeHTML(this.summaryHtml)}</div>` : nothing}
      <h2>${t.decisionsHeading}</h2>
      <ol class="review">
        ${this.decisions.map((d) => {
          const x = this.text(d.scenarioId);
          const scenario = x.scenario;
          const picked = scenario.choices.filter((c) => d.choiceIds.includes(c.id));
          const full = decisionScore(scenario, d) >= 1;
          const lang = x.lang || nothing;
          return html`<li class="review__item">
            <h3 lang=${lang}>${x.title}</h3>
            <p lang=${lang}>${x.question}</p>
            ${
              scenario.select === 'many'
                ? html`<p class="review__rating">${full ? `✓ ${t.allCorrect}` : t.partlyRight(Math.round(decisionScore(scenario, d) * 100))}</p>
                <ul>${scenario.choices.map((c) => {
                  const inList = d.choiceIds.includes(c.id);
                  return html`<li><span lang=${lang}>${x.choice(c.id)?.text ?? c.text}</span>: ${inList ? t.itemPicked : t.itemNotPicked} ${inList === shouldPick(c) ? t.correctMark : t.notCorrectMark}</li>`;
                })}</ul>`
                : picked.map(
                    (c) => html`<p>${t.youChose} <strong lang=${lang}>${x.choice(c.id)?.text ?? c.text}</strong></p>
                <p class="review__rating">${c.rating === 'best' ? '✓ ' : c.rating === 'wrong' ? '✗ ' : ''}${t.ratings[c.rating]}</p>
                <div lang=${lang}>${unsafeHTML(x.choice(c.id)?.feedbackHtml ?? c.feedbackHtml)}</div>
                <p class="review__source">${t.source} <span lang=${lang}>${x.choice(c.id)?.source ?? c.source}</span></p>`,
                  )
            }
          </li>`;
        })}
      </ol>
      ${this.review ? nothing : html`<button class="nhsuk-button" ?disabled=${!this.saved} @click=${this.handleExit}>${t.finishExit}</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-results': FlResults;
  }
  interface HTMLElementEventMap {
    'fl-exit': CustomEvent<void>;
    'fl-certificate': CustomEvent<void>;
  }
}
