/** The accessibility statement's text, from the module's statement settings (src/core/statement.ts). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Course } from '../core/model.js';
import { statementSettings } from '../core/statement.js';
import { formatDate, localCourse } from './i18n.js';
import type { Strings } from './strings.js';

/**
 * Everything under the statement's h1: what it covers, compliance status, testing, known
 * problems, a specific contact, enforcement, and when it was prepared and last reviewed.
 */
export function statementContent(course: Course, t: Strings, language: string): TemplateResult {
  const settings = statementSettings(course);
  const contact = settings.contact;
  // The contact's name is written in module.yaml, in the module's language.
  const nameLang = language && language !== course.language ? course.language : nothing;
  return html`
    <p>${t.statementAbout(localCourse(course, language || course.language).title)} ${t.statementUse}</p>
    <h2>${t.statementComplianceHeading}</h2>
    <p>${t.statementCompliance[settings.status]}</p>
    <h2>${t.statementTestingHeading}</h2>
    <p>${t.statementTesting}</p>
    <h2>${t.statementProblemsHeading}</h2>
    <p>${t.statementProblems}</p>
    <h2>${t.statementContactHeading}</h2>
    ${
      contact
        ? html`<p>${t.statementContact}</p>
          <ul class="statement__contact">
            <li lang=${nameLang}>${contact.name}</li>
            ${contact.email ? html`<li>${t.statementEmail} <a href="mailto:${contact.email}">${contact.email}</a></li>` : nothing}
            ${contact.phone ? html`<li>${t.statementPhone} ${contact.phone}</li>` : nothing}
          </ul>`
        : html`<p>${t.statementContactDefault}</p>`
    }
    <h2>${t.statementEnforcementHeading}</h2>
    <p>${t.statementEnforcement}</p>
    <h2>${t.statementPreparedHeading}</h2>
    <p>${t.statementPrepared(formatDate(settings.prepared, t), formatDate(settings.reviewed, t))}</p>
  `;
}
