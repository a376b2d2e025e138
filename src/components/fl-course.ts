import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../core/model.js';
import { END } from '../core/model.js';
import { initialState, nextStep, progress, reduce, scenarioById, type CourseAction, type CourseState } from '../core/state.js';
import type { Launch, LmsSession, SaveStatus } from '../lms/session.js';
import { base, tokens } from './styles.js';
import './fl-progress-bar.js';
import './fl-scenario.js';
import './fl-results.js';

const SAVE_MESSAGES: Record<SaveStatus, string> = {
  idle: '',
  saving: 'Saving your progress…',
  saved: 'Progress saved',
  retrying: 'Not saved yet, retrying',
  unresponsive: 'Your learning system is not responding: do not close this window yet',
  standalone: 'Progress kept in this browser only',
  readonly: '',
};

/**
 * The course shell: introduction, scenarios in order or by branch, and results.
 * Holds the learner's state and is the only element that talks to the LMS.
 */
@customElement('fl-course')
export class FlCourse extends LitElement {
  static override styles = [tokens, base, css`
    :host { display: block; background: var(--fl-grey-5); min-height: 100vh; }
    .header { background: var(--fl-blue); color: var(--fl-white); padding: 16px; }
    .header__inner, .main, .status { max-width: 960px; margin: 0 auto; }
    .header__org { margin: 0; font-size: 1rem; }
    .header__title { margin: 0; font-size: 1.25rem; font-weight: 600; }
    .bar { background: var(--fl-white); border-bottom: 1px solid var(--fl-grey-4); padding: 12px 16px; }
    .bar fl-progress-bar { max-width: 960px; margin: 0 auto; }
    .main { padding: 24px 16px 48px; }
    .status { padding: 0 16px; min-height: 1.5em; color: var(--fl-secondary-text); font-size: 1rem; }
    .status p { margin: 8px 0 0; }
    .intro__facts { margin: 0 0 24px; }
  `];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The LMS session (null in tests that render without an LMS). */
  @property({ attribute: false }) session: LmsSession | null = null;
  /** What the LMS said at launch: where the learner was, the mode, their name. */
  @property({ attribute: false }) launch: Launch | null = null;

  @state() private state: CourseState = initialState();
  @state() private saveStatus: SaveStatus = 'idle';
  @state() private exited = false;
  private focusPending = false;
  private readonly handlePageHide = () => this.session?.terminate(this.state);
  private readonly handleVisibility = () => {
    if (document.visibilityState === 'hidden' && this.saveStatus !== 'saved' && this.state.decisions.length) this.session?.retryNow();
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback() {
    window.removeEventListener('pagehide', this.handlePageHide);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    super.disconnectedCallback();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('launch') && this.launch) {
      this.state = this.launch.state;
      if (this.launch.mode === 'review') this.state = { ...this.state, screen: 'results', current: null };
    }
    if (changed.has('session') && this.session) {
      this.saveStatus = this.session.saveStatus;
      this.session.onStatus = (status) => {
        this.saveStatus = status;
      };
    }
  }

  private get readOnly(): boolean {
    return this.launch?.mode === 'review' || this.launch?.mode === 'browse';
  }

  override updated() {
    if (!this.focusPending) return;
    this.focusPending = false;
    const screen = this.renderRoot.querySelector('fl-scenario, fl-results') as (HTMLElement & { focusHeading(): void; updateComplete: Promise<boolean> }) | null;
    if (screen) void screen.updateComplete.then(() => screen.focusHeading());
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private dispatch(action: CourseAction) {
    const before = this.state;
    this.state = reduce(this.course, before, action);
    if (this.state === before) return;
    this.focusPending = true;
    if (action.type === 'choose' && this.session && !this.readOnly) this.session.recordDecision(this.state);
  }

  private handleStart() {
    this.dispatch({ type: 'start', at: Date.now() });
  }

  private handleChoose(event: CustomEvent<{ scenarioId: string; choiceIds: string[] }>) {
    if (event.detail.scenarioId !== this.state.current) return;
    this.dispatch({ type: 'choose', choiceIds: event.detail.choiceIds, at: Date.now() });
  }

  private handleContinue() {
    this.dispatch({ type: 'continue', at: Date.now() });
  }

  private handleRetry() {
    this.session?.retryNow();
  }

  private handleExit() {
    this.session?.terminate(this.state);
    this.exited = true;
    this.focusPending = true;
  }

  private renderIntro() {
    const c = this.course;
    const resuming = this.state.decisions.length > 0 || Object.keys(this.state.carried).length > 0;
    return html`
      <h1 tabindex="-1">${c.title}</h1>
      ${this.launch?.learnerName ? html`<p>Welcome, ${this.launch.learnerName}.</p>` : nothing}
      <div class="intro__text">${unsafeHTML(c.introHtml)}</div>
      <h2>What you will be able to do</h2>
      <ul>${c.objectives.map((o) => html`<li>${o.title}</li>`)}</ul>
      <p class="intro__facts">It takes about ${c.estimatedMinutes} minutes. You need ${c.passMark}% to pass.</p>
      <button class="fl-button" @click=${this.handleStart}>${resuming ? 'Continue where you left off' : 'Start'}</button>
    `;
  }

  private renderScenario() {
    const id = this.state.current!;
    const scenario = scenarioById(this.course, id);
    const decision = this.state.answered ? this.state.decisions[this.state.decisions.length - 1]! : null;
    const mainIndex = this.course.order.indexOf(id);
    const kicker = mainIndex >= 0 ? `Scenario ${mainIndex + 1} of ${this.course.order.length}` : 'What happens next';
    const last = !!decision && nextStep(this.course, this.state.decisions) === END;
    return html`<fl-scenario .scenario=${scenario} .decision=${decision} kicker=${kicker} ?last=${last}
      @fl-choose=${this.handleChoose} @fl-continue=${this.handleContinue}></fl-scenario>`;
  }

  private renderBody() {
    if (this.exited) {
      return html`<h1 tabindex="-1">You have left the module</h1><p>You can now close this window.</p>`;
    }
    switch (this.state.screen) {
      case 'intro': return this.renderIntro();
      case 'scenario': return this.renderScenario();
      case 'results': return html`<fl-results .course=${this.course} .decisions=${this.state.decisions}
        ?saved=${this.saveStatus === 'saved' || this.saveStatus === 'standalone' || this.saveStatus === 'readonly'}
        ?review=${this.launch?.mode === 'review'} ?browse=${this.launch?.mode === 'browse'}
        recorded=${this.launch?.recorded ?? ''} @fl-exit=${this.handleExit}></fl-results>`;
    }
  }

  override render() {
    const c = this.course;
    const standalone = this.session ? !this.session.connected : true;
    return html`
      <header class="header"><div class="header__inner">
        ${c.organisation ? html`<p class="header__org">${c.organisation.name}</p>` : nothing}
        <p class="header__title">${c.title}</p>
      </div></header>
      <div class="bar"><fl-progress-bar .value=${progress(c, this.state.decisions)}></fl-progress-bar></div>
      <div class="status" role="status" aria-live="polite">${SAVE_MESSAGES[this.saveStatus] ? html`<p>${SAVE_MESSAGES[this.saveStatus]}</p>` : nothing}</div>
      ${this.saveStatus === 'retrying' || this.saveStatus === 'unresponsive'
        ? html`<div class="status"><button class="fl-button fl-button--secondary" @click=${this.handleRetry}>Try saving again</button></div>` : nothing}
      <main class="main">
        ${standalone ? html`<div class="fl-warning" role="note"><strong>Your progress is not being recorded.</strong>
          No learning system was found, so your answers are kept in this browser only and your completion will not be reported.</div>` : nothing}
        ${this.launch?.mode === 'browse' ? html`<div class="fl-warning" role="note"><strong>Browse mode.</strong> You can look around, but your answers and score are not recorded.</div>` : nothing}
        ${this.launch?.mode === 'review' ? html`<div class="fl-warning" role="note"><strong>Review.</strong> You have finished this module. This is a read-only review of your result.</div>` : nothing}
        ${this.renderBody()}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'fl-course': FlCourse }
}
