import { LitElement, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../core/model.js';
import { END } from '../core/model.js';
import {
  initialState,
  nextStep,
  progress,
  reduce,
  scenarioById,
  score,
  type CourseAction,
  type CourseState,
} from '../core/state.js';
import type { Launch, LmsSession, SaveStatus } from '../lms/session.js';
import type { Group, Nation, Profile } from '../core/profile.js';
import { defaultProfile, hintFromAddress } from './profile-default.js';
import type { FirstScreenAction, FirstScreenControl } from '../first-screen.js';
import { launchLanguage, storeLanguage } from './language.js';
import { LANGUAGE_NAMES, hasStrings, loadStrings, localCourse, localScenario, stringsFor } from './i18n.js';
import type { Strings } from './strings.js';
import { PROFILE_BAR_CSS, SHELL_CSS } from './shell-css.js';
import { statementContent } from './statement.js';
import { base, nhsuk, tokens } from './styles.js';
import './fl-progress-bar.js';

/** The scenario screen and the social elements: loaded when the first scenario is due, not before the introduction. */
const loadScenarioElement = () => import('./fl-scenario.js');

type Overlay = 'none' | 'certificate' | 'statement';

const NO_DRAFT: readonly string[] = [];

/** Fetches parts of a split course before they are shown (see src/content-loader.ts). */
export interface ContentLoader {
  ensureScenario(id: string): Promise<void>;
  ensureLanguage(language: string): Promise<void>;
  ensureSummary(): Promise<void>;
}

/**
 * What the save status line shows. A save that works is shown but not announced; one that
 * is retrying is announced politely, and one that is not responding interrupts (an alert,
 * added with its words, as alerts are announced when they appear).
 */
const SAVE_MESSAGES: Record<SaveStatus, (t: Strings) => string> = {
  idle: () => '',
  saving: (t) => t.saving,
  saved: (t) => t.saved,
  retrying: (t) => t.retrying,
  unresponsive: (t) => t.unresponsive,
  standalone: (t) => t.standaloneStatus,
  readonly: () => '',
};

/**
 * The course shell: introduction, scenarios in order or by branch, results, certificate.
 * Holds the learner's state and is the only element that talks to the LMS.
 */
@customElement('fl-course')
export class FlCourse extends LitElement {
  static override styles = [tokens, nhsuk, base, unsafeCSS(SHELL_CSS), unsafeCSS(PROFILE_BAR_CSS)];

  /** The compiled course. */
  @property({ attribute: false }) course!: Course;
  /** The LMS session (null in tests that render without an LMS). */
  @property({ attribute: false }) session: LmsSession | null = null;
  /** What the LMS said at launch: where the learner was, the mode, their name. */
  @property({ attribute: false }) launch: Launch | null = null;
  /** Loads scenario text and languages on demand; null when the course is whole. */
  @property({ attribute: false }) loader: ContentLoader | null = null;

  @state() private state: CourseState = initialState();
  @state() private saveStatus: SaveStatus = 'idle';
  @state() private exited = false;
  @state() private language = '';
  @state() private overlay: Overlay = 'none';
  @state() private ready = false;
  /** Part of the app (a screen's code) did not load: the learner is told and can try again. */
  @state() private loadFailed = false;
  /** What Try again repeats after a failed load. */
  private retryLoad: (() => void) | null = null;
  private focusPending = false;
  private busy = false;
  /** The profile the question on the introduction shows (the learner's choice once they start). */
  @state() private draftProfile: Profile | undefined = undefined;
  /** The form that changes the profile from any screen is open. */
  @state() private changingProfile = false;
  /** Said once a changed profile is saved. */
  @state() private profileMessage = '';
  /** The learner has changed the question on the introduction: a change of language leaves it. */
  private profileTouched = false;
  /** What is selected on the scenario on screen but not submitted: kept while the statement is open. */
  private draft: { scenarioId: string; choiceIds: readonly string[] } = { scenarioId: '', choiceIds: NO_DRAFT };

  /** The learner's state now (main.ts ends the session with it when the page is left). */
  get courseState(): CourseState {
    return this.state;
  }

  /**
   * Carries on from the first screen the page showed before this element (src/first-screen.ts):
   * does what the learner pressed there, or puts the focus back where it was. It waits for the
   * launch state to be shown: a launch in a language whose words were still loading (a Welsh
   * first screen) would otherwise show the introduction again over the press.
   */
  continueFrom(action: FirstScreenAction): Promise<void> {
    return this.opened.then(() => {
      if (action.profile) this.draftProfile = action.profile;
      if (action.profileTouched) this.profileTouched = true;
      switch (action.type) {
        case 'start':
          return this.handleStart();
        case 'statement':
          return this.showOverlay('statement');
        case 'language':
          return void this.handleLanguage(action.language).then(() => this.focusControl('language'));
        case 'none':
          return void (action.focus && this.focusControl(action.focus));
      }
    });
  }

  private async focusControl(control: FirstScreenControl) {
    await this.updateComplete;
    const selector = {
      start: 'main .nhsuk-button',
      language: '.header__language',
      statement: '.footer .link-button',
      nation: '#fl-nation',
      group: '#fl-group',
    }[control];
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('course') && !this.language) this.language = launchLanguage(this.course, '');
    if (changed.has('launch') && this.launch) {
      let state = this.launch.state;
      if (this.launch.mode === 'review') state = { ...state, screen: 'results', current: null };
      this.language = launchLanguage(this.course, this.launch.preferredLanguage);
      this.draftProfile = defaultProfile(this.course, this.language, state.profile, hintFromAddress(location.search));
      // The usual launch (the introduction in the module's language) is shown in this update.
      if (this.prepared(state, this.language)) this.show(state);
      else {
        this.ready = false;
        this.openAt(state);
      }
    }
    if (changed.has('session') && this.session) {
      this.saveStatus = this.session.saveStatus;
      this.session.addEventListener('status', (event) => {
        this.saveStatus = event.status;
      });
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('language')) {
      document.documentElement.lang = this.language;
      document.title = localCourse(this.course, this.language).title;
    }
    if (!this.focusPending) return;
    this.focusPending = false;
    const screen = this.renderRoot.querySelector('fl-scenario, fl-results, fl-certificate') as
      (HTMLElement & { focusHeading(): void; updateComplete: Promise<boolean> }) | null;
    if (screen) void screen.updateComplete.then(() => screen.focusHeading());
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private get strings(): Strings {
    return stringsFor(this.language || this.course.language);
  }

  private get readOnly(): boolean {
    return this.launch?.mode === 'review' || this.launch?.mode === 'browse';
  }

  /** Settles once openAt has shown the launch state, or said it could not. */
  private opened: Promise<void> = Promise.resolve();

  /** Loads what a launch state needs, then shows it; if its code does not load, says so with a way to try again. */
  private openAt(state: CourseState) {
    this.loadFailed = false;
    this.opened = this.prepare(state, this.language).then(
      () => this.show(state),
      (error: unknown) => this.failedToLoad(error, () => this.openAt(state)),
    );
  }

  /** Shows the launch state and starts fetching what comes next. */
  private show(state: CourseState) {
    this.state = state;
    this.ready = true;
    this.prefetch();
  }

  private failedToLoad(error: unknown, retry: () => void) {
    console.error('[frontline] could not load part of the module', error);
    this.retryLoad = retry;
    this.loadFailed = true;
  }

  /** Whether a state can be shown in a language with nothing more to load (the introduction, mostly). */
  private prepared(state: CourseState, language: string): boolean {
    return (
      state.screen === 'intro' &&
      hasStrings(language) &&
      (!this.loader || language === this.course.language || !!this.course.translations[language])
    );
  }

  /** Loads the text a state shows (its scenario, or every decision for the results) in a language. */
  private async prepare(state: CourseState, language: string): Promise<void> {
    await loadStrings(language).catch((error: unknown) =>
      console.error('[frontline] could not load the interface words', error),
    );
    // The screen's code and its scenarios' text must load (it rejects otherwise: a scenario cannot
    // be answered without its words). Another language's words and the closing summary are
    // logged if they do not arrive, and the screen still shows.
    const code =
      state.screen === 'results'
        ? import('./fl-results-screens.js')
        : state.screen === 'scenario'
          ? loadScenarioElement()
          : undefined;
    const loader = this.loader;
    const ids =
      state.screen === 'scenario' && state.current
        ? [state.current]
        : state.screen === 'results'
          ? state.decisions.map((d) => d.scenarioId)
          : [];
    const optional = (part: Promise<void> | undefined) =>
      part?.catch((error: unknown) => console.error('[frontline] could not load part of the module', error));
    await Promise.all([
      code,
      ...(loader ? ids.map((id) => loader.ensureScenario(id)) : []),
      optional(loader && language !== this.course.language ? loader.ensureLanguage(language) : undefined),
      optional(loader && state.screen === 'results' ? loader.ensureSummary() : undefined),
    ]);
  }

  /** Fetches what the learner may see next while they read. */
  private prefetch() {
    if (this.state.screen === 'intro') setTimeout(() => void loadScenarioElement().catch(() => undefined), 50);
    if (!this.loader) return;
    const next = new Set<string>();
    const current = this.state.current ?? nextStep(this.course, this.state.decisions);
    if (current !== END) next.add(current);
    const scenario = this.state.current ? scenarioById(this.course, this.state.current) : null;
    for (const c of scenario?.choices ?? []) if (c.next && c.next !== END) next.add(c.next);
    const following = this.course.order[this.course.order.indexOf(this.state.current ?? '') + 1];
    if (following) next.add(following);
    const loader = this.loader;
    setTimeout(() => next.forEach((id) => void loader.ensureScenario(id).catch(() => undefined)), 50);
  }

  private async dispatch(action: CourseAction) {
    if (this.busy) return;
    const before = this.state;
    const after = reduce(this.course, before, action);
    if (after === before) return;
    this.busy = true;
    this.loadFailed = false;
    try {
      if (after.screen !== before.screen || after.current !== before.current) await this.prepare(after, this.language);
    } catch (error) {
      // Stay on this screen: the learner can press the same button again.
      this.failedToLoad(error, () => void this.dispatch(action));
      return;
    } finally {
      this.busy = false;
    }
    this.state = after;
    this.profileMessage = '';
    this.focusPending = true;
    if (this.session && !this.readOnly) {
      if (action.type === 'choose') this.session.recordDecision(this.state);
      else if (after.profile !== before.profile) this.session.recordProfile(this.state);
    }
    this.prefetch();
  }

  private handleStart() {
    void this.dispatch({ type: 'start', at: Date.now(), ...(this.draftProfile ? { profile: this.draftProfile } : {}) });
  }

  /** Sets the learner's profile from the form on any screen: the answers and the screen stay. */
  private changeProfile(profile: Profile) {
    const after = reduce(this.course, this.state, { type: 'profile', profile });
    if (after === this.state) return;
    this.state = after;
    this.draftProfile = profile;
    if (this.session && !this.readOnly) this.session.recordProfile(after);
  }

  private async openProfileForm() {
    this.profileMessage = '';
    this.draftProfile = this.state.profile ?? this.draftProfile;
    this.changingProfile = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#profile-form-title')?.focus();
  }

  private async closeProfileForm(saved: boolean) {
    if (saved && this.draftProfile) this.changeProfile(this.draftProfile);
    this.changingProfile = false;
    // Review and browse record nothing: the words change, but nothing is said to be saved.
    this.profileMessage = saved && !this.readOnly ? this.strings.profileSaved : '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.profile-bar .link-button')?.focus();
  }

  private handleChoose(event: CustomEvent<{ scenarioId: string; choiceIds: string[] }>) {
    if (event.detail.scenarioId !== this.state.current) return;
    void this.dispatch({ type: 'choose', choiceIds: event.detail.choiceIds, at: Date.now() });
  }

  private handleContinue() {
    void this.dispatch({ type: 'continue', at: Date.now() });
  }

  private handleRetryLoad() {
    const retry = this.retryLoad;
    this.retryLoad = null;
    this.loadFailed = false;
    retry?.();
  }

  private handleRetry() {
    this.session?.retryNow();
  }

  private handleExit() {
    this.session?.terminate(this.state);
    this.exited = true;
    this.focusPending = true;
  }

  private async handleLanguage(language: string) {
    try {
      await this.prepare(this.state, language);
    } catch (error) {
      this.failedToLoad(error, () => void this.handleLanguage(language));
      return;
    }
    this.language = language;
    storeLanguage(this.course, language);
    if (!this.profileTouched && !this.state.profile)
      this.draftProfile = defaultProfile(this.course, language, undefined, hintFromAddress(location.search));
  }

  private showOverlay(overlay: Overlay) {
    this.overlay = overlay;
    this.focusPending = true;
  }

  /**
   * The two questions, where the learner works and their staff group, as selects with the
   * draft profile selected. `prefix` keeps the ids apart (the introduction's and the form's).
   */
  private renderProfileFields(prefix: string) {
    const t = this.strings;
    const offered = this.course.profiles;
    const draft = this.draftProfile;
    if (!offered || !draft) return nothing;
    const pick = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      this.profileTouched = true;
      this.draftProfile =
        select.name === 'nation'
          ? { ...draft, nation: select.value as Nation }
          : { ...draft, group: select.value as Group };
    };
    return html`<div class="fl-field">
        <label for="${prefix}nation">${t.profileNation}</label>
        <select class="fl-select" id="${prefix}nation" name="nation" @change=${pick}>
          ${offered.nations.map((n) => html`<option value=${n} ?selected=${n === draft.nation}>${t.nations[n]}</option>`)}
        </select>
      </div>
      <div class="fl-field">
        <label for="${prefix}group">${t.profileGroup}</label>
        <select class="fl-select" id="${prefix}group" name="group" @change=${pick}>
          ${offered.groups.map((g) => html`<option value=${g} ?selected=${g === draft.group}>${t.groups[g]}</option>`)}
        </select>
      </div>`;
  }

  /** The learner's profile in the bar on every screen after the introduction, with Change. */
  private renderProfileBar() {
    const profile = this.state.profile;
    if (!this.course.profiles || !profile || this.state.screen === 'intro' || this.overlay === 'statement')
      return nothing;
    const t = this.strings;
    return html`<div class="profile-bar">
      <p><span data-profile-line>${t.profileLine(t.nations[profile.nation], t.groups[profile.group])}</span> —
        <button class="link-button" aria-label=${t.profileChangeLabel} aria-expanded=${this.changingProfile ? 'true' : 'false'}
          aria-controls="profile-form" @click=${() => (this.changingProfile ? this.closeProfileForm(false) : this.openProfileForm())}>${t.profileChange}</button></p>
      <div role="status">${this.profileMessage ? html`<p>${this.profileMessage}</p>` : nothing}</div>
      ${
        this.changingProfile
          ? html`<form class="profile-form" id="profile-form" aria-labelledby="profile-form-title"
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.closeProfileForm(true);
          }}
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.closeProfileForm(false)}>
          <h2 id="profile-form-title" tabindex="-1">${t.profileFormTitle}</h2>
          <p>${t.profileHint}</p>
          ${this.renderProfileFields('fl-change-')}
          <button class="nhsuk-button" type="submit">${t.profileSave}</button>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" @click=${() => this.closeProfileForm(false)}>${t.profileCancel}</button>
        </form>`
          : nothing
      }
    </div>`;
  }

  private renderIntro() {
    const t = this.strings;
    const local = localCourse(this.course, this.language, this.state.profile);
    const resuming = this.state.decisions.length > 0 || Object.keys(this.state.carried).length > 0;
    return html`
      <h1 tabindex="-1">${local.title}</h1>
      ${this.launch?.learnerName ? html`<p>${t.welcome(this.launch.learnerName)}</p>` : nothing}
      ${this.renderChanges()}
      <div class="intro__text">${unsafeHTML(local.introHtml)}</div>
      <h2>${t.objectivesHeading}</h2>
      <ul>${this.course.objectives.map((o) => html`<li>${local.objective(o.id)}</li>`)}</ul>
      <p class="intro__facts">${t.facts(this.course.estimatedMinutes, this.course.passMark)}</p>
      ${
        this.course.profiles && this.draftProfile
          ? html`<div class="fl-profile">
        <h2>${t.profileFormTitle}</h2>
        <p>${t.profileHint}</p>
        ${this.renderProfileFields('fl-')}
      </div>`
          : nothing
      }
      <button class="nhsuk-button" @click=${this.handleStart}>${resuming ? t.continueWhereLeft : t.start}</button>
    `;
  }

  /** What a new version could not carry over of the learner's saved answers, while they still have it to redo. */
  private renderChanges() {
    const changes = this.launch?.changes;
    if (!changes || this.launch?.mode !== 'normal') return nothing;
    const t = this.strings;
    const answered = new Set(this.state.decisions.map((d) => d.scenarioId));
    const redo = changes.redo.filter((id) => !answered.has(id));
    const title = (id: string) =>
      localScenario(this.course, scenarioById(this.course, id), this.language, this.state.profile).scenario.title;
    return html`<div class="fl-warning" role="note" data-content-changes>
      <strong class="fl-warning__title">${t.updatedTitle}</strong>
      <p>${t.updatedKept(changes.kept)}</p>
      ${redo.length ? html`<p>${t.updatedRedo}</p><ul>${redo.map((id) => html`<li>${title(id)}</li>`)}</ul>` : nothing}
      ${changes.removed ? html`<p>${t.updatedRemoved(changes.removed)}</p>` : nothing}
    </div>`;
  }

  private renderScenario() {
    const t = this.strings;
    const id = this.state.current!;
    const { scenario, contentLang } = localScenario(
      this.course,
      scenarioById(this.course, id),
      this.language,
      this.state.profile,
    );
    const decision = this.state.answered ? this.state.decisions[this.state.decisions.length - 1]! : null;
    const mainIndex = this.course.order.indexOf(id);
    const kicker = mainIndex >= 0 ? t.scenarioOf(mainIndex + 1, this.course.order.length) : t.whatHappensNext;
    const last = !!decision && nextStep(this.course, this.state.decisions) === END;
    const draft = this.draft.scenarioId === id ? this.draft.choiceIds : NO_DRAFT;
    return html`<fl-scenario .scenario=${scenario} .decision=${decision} kicker=${kicker} ?last=${last}
      .strings=${t} contentLang=${contentLang} ?arriving=${mainIndex < 0} .draft=${draft}
      @fl-pick=${(e: CustomEvent<{ scenarioId: string; choiceIds: string[] }>) => (this.draft = e.detail)}
      @fl-choose=${this.handleChoose} @fl-continue=${this.handleContinue}></fl-scenario>`;
  }

  private renderResults() {
    const saved = this.saveStatus === 'saved' || this.saveStatus === 'standalone' || this.saveStatus === 'readonly';
    if (this.overlay === 'certificate') {
      const last = this.state.decisions[this.state.decisions.length - 1];
      return html`<fl-certificate .course=${this.course} learnerName=${this.launch?.learnerName ?? ''}
        .completedAt=${last?.at || Date.now()} .score=${score(this.course, this.state.decisions).raw}
        .timeMs=${(this.launch?.earlierTimeMs ?? 0) + (this.session?.elapsedMs() ?? 0)}
        .strings=${this.strings} language=${this.language} .profile=${this.state.profile} @fl-back=${() => this.showOverlay('none')}></fl-certificate>`;
    }
    return html`<fl-results .course=${this.course} .decisions=${this.state.decisions} .saved=${saved}
      ?standalone=${this.saveStatus === 'standalone'}
      ?review=${this.launch?.mode === 'review'} ?browse=${this.launch?.mode === 'browse'}
      recorded=${this.launch?.recorded ?? ''} .profile=${this.state.profile} .strings=${this.strings} language=${this.language === this.course.language ? '' : this.language}
      @fl-exit=${this.handleExit} @fl-certificate=${() => this.showOverlay('certificate')}></fl-results>`;
  }

  private renderStatement() {
    const t = this.strings;
    return html`
      <h1 tabindex="-1">${t.accessibilityTitle}</h1>
      ${statementContent(this.course, t, this.language)}
      <button class="nhsuk-button nhsuk-button--secondary" @click=${() => this.showOverlay('none')}>${t.back}</button>
    `;
  }

  /** No whitespace between the parts: the line's text is exactly the message. */
  private renderSaveStatus(message: string, loud: boolean) {
    const quiet = message && !loud ? html`<p>${message}</p>` : nothing;
    const retrying = this.saveStatus === 'retrying' ? html`<p>${message}</p>` : nothing;
    const alert = this.saveStatus === 'unresponsive' ? html`<div role="alert"><p>${message}</p></div>` : nothing;
    return html`${quiet}<div role="status">${retrying}</div>${alert}`;
  }

  private renderBody() {
    const t = this.strings;
    if (!this.ready && !this.loadFailed) return html`<p>${t.loading}</p>`;
    if (this.overlay === 'statement') return this.renderStatement();
    if (this.exited) return html`<h1 tabindex="-1">${t.leftTitle}</h1><p>${t.leftText}</p>`;
    const unstarted = this.launch?.unstarted;
    if (unstarted)
      return html`<h1 tabindex="-1">${t.unstartedTitle}</h1><p>${t.unstartedText}</p><p>${t.unstartedCode(unstarted)}</p>`;
    switch (this.state.screen) {
      case 'intro':
        return this.renderIntro();
      case 'scenario':
        return this.renderScenario();
      case 'results':
        return this.renderResults();
    }
  }

  override render() {
    const c = this.course;
    const t = this.strings;
    const local = localCourse(c, this.language);
    const standalone = this.session ? !this.session.connected : true;
    const message = SAVE_MESSAGES[this.saveStatus](t);
    const loud = this.saveStatus === 'retrying' || this.saveStatus === 'unresponsive';
    const otherLanguages = c.languages.filter((l) => l !== this.language);
    return html`
      <header class="header"><div class="header__inner">
        <div>
          ${c.organisation ? html`<p class="header__org">${c.organisation.name}</p>` : nothing}
          <p class="header__title">${local.title}</p>
        </div>
        ${otherLanguages.map((l) => html`<button class="header__language" lang=${l} @click=${() => this.handleLanguage(l)}>${LANGUAGE_NAMES[l.slice(0, 2)] ?? l}</button>`)}
      </div></header>
      <div class="bar" role="region" aria-label=${t.progress}><fl-progress-bar .value=${this.launch?.mode === 'review' ? 1 : progress(c, this.state.decisions)} label=${t.progress}></fl-progress-bar></div>
      ${this.renderProfileBar()}
      <div class="status" data-save-status=${this.saveStatus}>${this.renderSaveStatus(message, loud)}</div>
      ${
        this.saveStatus === 'retrying' || this.saveStatus === 'unresponsive'
          ? html`<div class="status"><button class="nhsuk-button nhsuk-button--secondary" @click=${this.handleRetry}>${t.trySavingAgain}</button></div>`
          : nothing
      }
      <main class="main">
        ${standalone ? html`<div class="fl-warning" role="note"><strong class="fl-warning__title">${t.notRecordedTitle}</strong><p>${t.notRecordedText}</p></div>` : nothing}
        ${this.launch?.mode === 'browse' && !this.launch.unstarted ? html`<div class="fl-warning" role="note"><strong class="fl-warning__title">${t.browseTitle}</strong><p>${t.browseText}</p></div>` : nothing}
        ${this.launch?.mode === 'review' ? html`<div class="fl-warning" role="note"><strong class="fl-warning__title">${t.reviewTitle}</strong><p>${t.reviewText}</p></div>` : nothing}
        ${
          this.loadFailed
            ? html`<div class="fl-warning" role="alert"><p>${t.partNotLoaded}</p>
          <button class="nhsuk-button nhsuk-button--secondary" @click=${this.handleRetryLoad}>${t.tryAgain}</button></div>`
            : nothing
        }
        ${this.ready ? this.renderBody() : this.loadFailed ? nothing : this.renderBody()}
      </main>
      <footer class="footer"><div class="footer__inner">
        <button class="link-button" @click=${() => this.showOverlay('statement')}>${t.accessibilityLink}</button>
      </div></footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-course': FlCourse;
  }
}
