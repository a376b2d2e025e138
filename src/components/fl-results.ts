import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Choice, Course, Scenario } from '../core/model.js';
import type { Profile } from '../core/profile.js';
import {
  correctChoices,
  decisionScore,
  objectiveScores,
  scenarioById,
  score,
  shouldPick,
  type Decision,
  type Score,
} from '../core/state.js';
import { localCourse, localScenario } from './i18n.js';
import { localLmsPage } from './local-lms.js';
import { profileFacts } from './profile-facts.js';
import { en, type Strings } from './strings.js';
import { base, nhsuk, tokens } from './styles.js';

/**
 * The learner's score, pass or fail, what to do next (Finish, the certificate, or how to try
 * again), results by objective, and a review of every decision, folded away until asked for.
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
    .results__panel { padding: 16px 24px; margin: 0 0 32px; border: 4px solid var(--fl-blue); background: var(--fl-white); }
    .results__panel--passed { border-color: var(--fl-green); }
    .results__panel--failed { border-color: var(--fl-red); }
    .results__score { font-size: 3rem; font-weight: 600; margin: 0; line-height: 1.2; }
    .results__actions { display: flex; flex-wrap: wrap; gap: 0 16px; margin-top: 12px; }
    .results__actions .nhsuk-button { margin-bottom: 8px; }
    .objectives { list-style: none; padding: 0; margin: 0 0 32px; }
    .objective { border-left: 4px solid var(--fl-green); padding: 4px 0 4px 12px; margin: 0 0 16px; }
    .objective--not-met { border-left-color: var(--fl-red); }
    .objective p { margin: 0 0 4px; }
    .objective__title { font-weight: 600; }
    .objective ul { margin: 4px 0 0; padding-left: 20px; }
    .link-button { vertical-align: top; color: var(--fl-blue); background: none; border: 0; padding: 0; font: inherit; text-align: left; text-decoration: underline; cursor: pointer; min-height: 24px; }
    .link-button:focus { background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 -2px var(--fl-yellow), 0 4px var(--fl-text); outline: 4px solid transparent; text-decoration: none; }
    details.review { margin: 0 0 32px; }
    details.review > summary { color: var(--fl-blue); text-decoration: underline; cursor: pointer; padding: 4px 0; }
    details.review > summary:focus { background: var(--fl-yellow); color: var(--fl-text); outline: 4px solid transparent; text-decoration: none; }
    .review__list { list-style: none; padding: 0; margin: 0; }
    .review__item { border-top: 1px solid var(--fl-grey-4); padding: 16px 0; }
    .review__rating { font-weight: 600; }
    .review__source { color: var(--fl-secondary-text); font-size: 1rem; }
    .profile-facts { margin: 0 0 24px; }
    .profile-facts dt { font-weight: 600; }
    .profile-facts dd { margin: 0 0 8px; }
    .review__best { border-left: 4px solid var(--fl-green); padding-left: 12px; margin-top: 16px; }
    .review__items { padding-left: 20px; }
    .pending { font-weight: 600; }
    .results__panel p { margin: 0 0 8px; }
    @media (max-width: 40em) {
      .results__panel { padding: 12px 16px; }
      .results__score { font-size: 2.25rem; }
    }
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
  /** Where the learner works and their staff group: the content is tailored to it, and what follows from it shown. */
  @property({ attribute: false }) profile: Profile | undefined = undefined;

  /**
   * The certificate replaces this element while it shows, so whether the learner is coming
   * back from it is kept here: focus then returns to the button that opened it.
   */
  private static backFromCertificate = false;
  /** The local LMS's page with Take again, when the module runs there. */
  private readonly learningPage = localLmsPage();

  /** Moves focus to the heading, or back to the certificate button when returning from the certificate. */
  focusHeading(): void {
    const certificate =
      FlResults.backFromCertificate && this.renderRoot.querySelector<HTMLElement>('.results__certificate');
    FlResults.backFromCertificate = false;
    (certificate || this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }

  private handleExit() {
    this.dispatchEvent(new CustomEvent('fl-exit', { bubbles: true, composed: true }));
  }

  private handleCertificate() {
    FlResults.backFromCertificate = true;
    this.dispatchEvent(new CustomEvent('fl-certificate', { bubbles: true, composed: true }));
  }

  /** Unfolds the decision review and moves focus to one decision. */
  private handleShowDecision(index: number) {
    const review = this.renderRoot.querySelector('details');
    if (review) review.open = true;
    this.renderRoot.querySelector<HTMLElement>(`#decision-${index}`)?.focus();
  }

  private get contentLanguage(): string {
    return this.language || this.course.language;
  }

  private local(id: string): { scenario: Scenario; lang: string | typeof nothing } {
    const { scenario, contentLang } = localScenario(
      this.course,
      scenarioById(this.course, id),
      this.contentLanguage,
      this.profile,
    );
    return { scenario, lang: contentLang || nothing };
  }

  private renderRecordedOnly() {
    const t = this.strings;
    const local = localCourse(this.course, this.contentLanguage, this.profile);
    return html`
      <h1 tabindex="-1">${t.completedTitle}</h1>
      <div class="results__panel">
        <p>${this.recorded ? t.completedRecorded(t.recordedWords[this.recorded] ?? this.recorded, local.title) : t.completedPlain(local.title)}</p>
        <p>${t.detailsUnavailable}</p>
      </div>
      ${local.summaryHtml ? html`<div class="results__summary">${unsafeHTML(local.summaryHtml)}</div>` : nothing}`;
  }

  private renderPanel(s: Score) {
    const t = this.strings;
    return html`<div class="results__panel results__panel--${s.passed ? 'passed' : 'failed'}">
      <p class="results__score">${s.raw}%</p>
      <p><strong>${s.passed ? `✓ ${t.passed}` : `✗ ${t.notPassed}`}</strong> ${t.passMarkIs(this.course.passMark)}</p>
      ${
        this.browse
          ? html`<p>${t.browseResult}</p>`
          : this.standalone
            ? nothing /* the notice above every screen already says nothing is recorded */
            : this.saved
              ? html`<p>${s.passed ? t.recordedPassed : t.recordedResult}</p>`
              : html`<p class="pending">${t.notSavedYet}</p>`
      }
      <div class="results__actions">
        ${s.passed && !this.browse ? html`<button class="nhsuk-button nhsuk-button--secondary results__certificate" @click=${this.handleCertificate}>${t.certificateButton}</button>` : nothing}
        ${this.review ? nothing : html`<button class="nhsuk-button" ?disabled=${!this.saved} @click=${this.handleExit}>${t.finishExit}</button>`}
      </div>
    </div>`;
  }

  /** After a fail: the steps to a new attempt where the learner is (the local LMS, another LMS, or no LMS). */
  private renderTryAgain() {
    const t = this.strings;
    const first = this.review ? t.tryAgainCloseReview : t.tryAgainFinish;
    const next = this.learningPage ? t.tryAgainLocal : this.standalone ? t.tryAgainStandalone : t.tryAgainLms;
    return html`<section aria-labelledby="try-again">
      <h2 id="try-again">${t.tryAgainHeading}</h2>
      <ol><li>${first}</li><li>${next}</li></ol>
      ${this.learningPage ? html`<p><a href=${this.learningPage} target="_top">${t.tryAgainLocalLink}</a></p>` : nothing}
      ${this.learningPage || this.standalone ? nothing : html`<p>${t.tryAgainAsk}</p>`}
    </section>`;
  }

  private renderObjectives() {
    const t = this.strings;
    const local = localCourse(this.course, this.contentLanguage, this.profile);
    const scores = objectiveScores(this.course, this.decisions);
    return html`<h2>${t.objectiveResultsHeading}</h2>
      <ul class="objectives">${this.course.objectives.map((o) => {
        const s = scores.get(o.id);
        if (!s) return nothing;
        const revisit = this.decisions
          .map((d, index) => ({ index, scenario: scenarioById(this.course, d.scenarioId), d }))
          .filter((x) => x.scenario.objective === o.id && decisionScore(x.scenario, x.d) < 1);
        return html`<li class="objective ${s.passed ? '' : 'objective--not-met'}">
          <p class="objective__title">${local.objective(o.id)}</p>
          <p>${s.passed ? `✓ ${t.objectiveMet(s.raw)}` : `✗ ${t.objectiveNotMet(s.raw)}`}</p>
          ${
            s.passed
              ? nothing
              : html`<ul>${revisit.map(({ index, d }) => {
                  const { scenario, lang } = this.local(d.scenarioId);
                  return html`<li><button class="link-button" lang=${lang} @click=${() => this.handleShowDecision(index)}>${scenario.title}</button></li>`;
                })}</ul>`
          }
        </li>`;
      })}</ul>`;
  }

  private renderChoiceWhy(c: Choice, lang: string | typeof nothing) {
    return html`<div lang=${lang}>${unsafeHTML(c.feedbackHtml)}</div>
      <p class="review__source">${this.strings.source} <span lang=${lang}>${c.source}</span></p>`;
  }

  private renderDecision(d: Decision, index: number) {
    const t = this.strings;
    const { scenario, lang } = this.local(d.scenarioId);
    const result = decisionScore(scenario, d);
    const head = html`<h3 id="decision-${index}" tabindex="-1" lang=${lang}>${scenario.title}</h3>
      <p lang=${lang}>${scenario.question}</p>`;
    if (scenario.select === 'many') {
      return html`<li class="review__item">${head}
        <p class="review__rating">${result >= 1 ? `✓ ${t.allCorrect}` : t.partlyRight(Math.round(result * 100))}</p>
        <ul class="review__items">${scenario.choices.map((c) => {
          const picked = d.choiceIds.includes(c.id);
          return html`<li><p><span lang=${lang}>${c.text}</span>: ${picked ? t.itemPicked : t.itemNotPicked}
            <strong>${picked === shouldPick(c) ? t.correctMark : t.notCorrectMark}</strong></p>
            ${this.renderChoiceWhy(c, lang)}</li>`;
        })}</ul>
      </li>`;
    }
    const picked = scenario.choices.find((c) => d.choiceIds.includes(c.id));
    const best = result < 1 ? correctChoices(scenario) : [];
    const mark = { best: '✓ ', acceptable: '', wrong: '✗ ' };
    return html`<li class="review__item">${head}
      ${
        picked
          ? html`<p>${t.youChose} <strong lang=${lang}>${picked.text}</strong></p>
            <p class="review__rating">${mark[picked.rating]}${t.reviewVerdicts[picked.rating]}</p>
            ${this.renderChoiceWhy(picked, lang)}`
          : nothing
      }
      ${best.map(
        (c) => html`<div class="review__best">
          <p><strong>${t.reviewBestChoice}</strong> <span lang=${lang}>${c.text}</span></p>
          <p><strong>${t.reviewWhyBest}</strong></p>
          ${this.renderChoiceWhy(c, lang)}
        </div>`,
      )}
    </li>`;
  }

  override render() {
    if (this.decisions.length === 0) return this.renderRecordedOnly();
    const t = this.strings;
    const s = score(this.course, this.decisions);
    const summaryHtml = localCourse(this.course, this.contentLanguage, this.profile).summaryHtml;
    return html`
      <h1 tabindex="-1">${t.resultsTitle}</h1>
      ${this.renderPanel(s)}
      ${s.passed || this.browse ? nothing : this.renderTryAgain()}
      ${this.renderObjectives()}
      ${this.profile ? html`<h2>${t.profileFormTitle}</h2>${profileFacts(this.profile, t)}` : nothing}
      ${summaryHtml ? html`<div class="results__summary">${unsafeHTML(summaryHtml)}</div>` : nothing}
      <h2>${t.decisionsHeading}</h2>
      <details class="review">
        <summary>${t.reviewShow(this.decisions.length)}</summary>
        <ol class="review__list">${this.decisions.map((d, i) => this.renderDecision(d, i))}</ol>
      </details>
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
