import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Course } from '../core/model.js';
import { codeThemes } from '../core/nmc-code.js';
import type { Profile } from '../core/profile.js';
import { formatDate, localCourse } from './i18n.js';
import { citedForProfile, profileFacts } from './profile-facts.js';
import { en, type Strings } from './strings.js';
import { base, nhsuk, tokens } from './styles.js';

/**
 * A certificate of completion for CPD and NMC revalidation: the Code sections the module covers,
 * its CPD time, and the reflective-account questions with space for the learner's answers.
 * It prints on one A4 page; the browser's "Save as PDF" gives the file.
 * @fires fl-back - the learner went back to the results
 */
@customElement('fl-certificate')
export class FlCertificate extends LitElement {
  static override styles = [
    tokens,
    nhsuk,
    base,
    css`
    :host { display: block; }
    .certificate { background: var(--fl-white); border: 8px solid var(--fl-blue); padding: 24px 32px; max-width: 48rem; }
    .certificate__title { font-size: 2rem; margin: 0 0 16px; }
    .certificate__name { font-size: 1.75rem; font-weight: 600; margin: 4px 0 12px; overflow-wrap: anywhere; }
    .certificate__module { font-size: 1.375rem; font-weight: 600; margin: 4px 0; }
    .certificate dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0; }
    .certificate dt { font-weight: 600; }
    .certificate dd { margin: 0; }
    .certificate .profile-facts { grid-template-columns: minmax(0, 16rem) 1fr; }
    .certificate ul { margin: 0 0 12px; padding-left: 20px; }
    .certificate__cpd { font-size: 0.9375rem; color: var(--fl-secondary-text); }
    label { display: block; font-weight: 600; margin: 16px 0 4px; }
    .hint { color: var(--fl-secondary-text); margin: 0 0 8px; }
    textarea { width: 100%; min-height: 8rem; font: inherit; padding: 8px; border: 2px solid var(--fl-text); box-sizing: border-box; }
    textarea:focus { outline: 4px solid var(--fl-yellow); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--fl-text); }
    .reflection-print { display: none; white-space: pre-wrap; border: 1px solid var(--fl-border); min-height: 5rem; padding: 8px; }
    .actions { margin-top: 24px; }
    @media print {
      .actions, textarea, .hint { display: none !important; }
      .reflection-print { display: block; }
      .certificate { border-width: 6px; padding: 16px 24px; max-width: none; }
      .certificate__title { font-size: 22pt; margin-bottom: 8px; }
      :host { font-size: 10.5pt; line-height: 1.35; }
      /* Everything on one A4 page, with room for a reflection: tighter spacing than on screen. */
      .certificate p, .certificate dl, .certificate ul, .certificate ol { margin-top: 0; margin-bottom: 6px; }
      .certificate h2 { font-size: 13pt; margin: 10px 0 4px; }
      .certificate__name { font-size: 16pt; margin: 2px 0 6px; }
      .certificate__module { font-size: 14pt; }
      label { margin: 10px 0 4px; }
      /* Room for the learner's profile facts on the one page: the cited lists in two columns. */
      .certificate__code, .certificate__sources { columns: 2; column-gap: 24px; }
      .certificate li { break-inside: avoid; }
      .certificate .profile-facts { gap: 0 12px; }
    }
  `,
  ];

  /** The course. */
  @property({ attribute: false }) course!: Course;
  /** The learner's name as the LMS gives it. */
  @property() learnerName = '';
  /** When the module was completed. */
  @property({ type: Number }) completedAt = Date.now();
  /** Score, 0..100. */
  @property({ type: Number }) score = 0;
  /** Time spent, in ms. */
  @property({ type: Number }) timeMs = 0;
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;
  /** The language the learner reads in. */
  @property() language = '';
  /** Where the learner works and their staff group: shown, with their route and code. */
  @property({ attribute: false }) profile: Profile | undefined = undefined;

  @state() private reflection = '';

  private get storageKey() {
    return `frontline:reflection:${this.course.id}`;
  }

  override connectedCallback() {
    super.connectedCallback();
    try {
      this.reflection = localStorage.getItem(this.storageKey) ?? '';
    } catch {
      this.reflection = '';
    }
  }

  /** Moves focus to the heading. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handleReflection(event: Event) {
    this.reflection = (event.target as HTMLTextAreaElement).value;
    try {
      localStorage.setItem(this.storageKey, this.reflection);
    } catch {
      /* kept on screen for printing */
    }
  }

  private handlePrint() {
    window.print();
  }

  private handleBack() {
    this.dispatchEvent(new CustomEvent('fl-back', { bubbles: true, composed: true }));
  }

  override render() {
    const t = this.strings;
    const language = this.language || this.course.language;
    const local = localCourse(this.course, language, this.profile);
    const minutes = Math.max(1, Math.round(this.timeMs / 60000));
    // The NMC Code is the nurses' and midwives' code: other staff see the guidance cited for their own group.
    const ownCode = this.profile && this.profile.group !== 'nursing-midwifery';
    const sections = ownCode ? [] : (this.course.nmcCode ?? []);
    const cited = ownCode ? citedForProfile(this.course, this.profile!, language) : [];
    const themes = codeThemes(sections)
      .map((theme) => t.codeThemes[theme])
      .join(', ');
    const prompts = t.reflectivePrompts(themes);
    // "The Code" is the NMC's: other staff reflect against their own code, or their employer's policies.
    if (ownCode) prompts.splice(-1, 1, t.reflectiveOwnCode);
    return html`
      <section class="certificate" aria-labelledby="certificate-title">
        <h1 class="certificate__title" id="certificate-title" tabindex="-1">${t.certificateTitle}</h1>
        <p>${t.certificateFor}</p>
        <p class="certificate__name">${this.learnerName || '—'}</p>
        <p>${t.certificateCompleted}</p>
        <p class="certificate__module">${local.title}</p>
        <p>${t.certificateVersion(this.course.version)}${this.course.organisation ? ` · ${this.course.organisation.name}` : ''}</p>
        <dl>
          <dt>${t.certificateDate}</dt><dd>${formatDate(this.completedAt, t)}</dd>
          <dt>${t.certificateScore}</dt><dd>${this.score}%</dd>
          <dt>${t.certificateTime}</dt><dd>${t.minutes(minutes)}</dd>
          <dt>${t.certificateCpdTime}</dt><dd>${t.cpdIndividual(t.minutes(this.course.estimatedMinutes))}</dd>
        </dl>
        ${profileFacts(this.profile, t)}
        <h2>${t.certificateObjectives}</h2>
        <ul class="certificate__objectives">${this.course.objectives.map((o) => html`<li>${local.objective(o.id)}</li>`)}</ul>
        ${
          sections.length
            ? html`<h2>${t.certificateCode}</h2>
          <ul class="certificate__code">${sections.map((n) => html`<li>${t.codeSection(n, this.sectionName(n))}</li>`)}</ul>`
            : nothing
        }
        ${
          cited.length
            ? html`<h2>${t.certificateSources}</h2>
          <ul class="certificate__sources">${cited.map((source) => html`<li>${source}</li>`)}</ul>`
            : nothing
        }
        <p class="certificate__cpd">${t.cpdRecord}</p>
        <h2>${t.reflectiveHeading}</h2>
        <p>${ownCode ? t.reflectiveIntroOther : t.reflectiveIntro}</p>
        <ol class="certificate__prompts">${prompts.map((prompt) => html`<li>${prompt}</li>`)}</ol>
        <label for="reflection">${t.reflectionHeading}</label>
        <p class="hint" id="reflection-hint">${t.reflectionHere}</p>
        <textarea id="reflection" aria-describedby="reflection-hint" .value=${this.reflection} @input=${this.handleReflection}></textarea>
        <div class="reflection-print" aria-hidden="true">${this.reflection}</div>
      </section>
      <div class="actions">
        <button class="nhsuk-button" @click=${this.handlePrint}>${t.print}</button>
        <button class="nhsuk-button nhsuk-button--secondary" @click=${this.handleBack}>${t.backToResults}</button>
      </div>
    `;
  }

  /** A Code section's short name, or its parent section's ("20.10" falls back to "20"), or none. */
  private sectionName(section: string): string {
    const names = this.strings.codeSectionNames;
    return names[section] ?? names[section.split('.')[0] ?? ''] ?? '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-certificate': FlCertificate;
  }
  interface HTMLElementEventMap {
    'fl-back': CustomEvent<void>;
  }
}
