/**
 * The accessibility statement's settings with their defaults, and which settings a module
 * leaves to the defaults (the content check warns about those). Pure.
 */
import type { ComplianceStatus, Course, StatementSettings } from './model.js';

/**
 * Used when module.yaml says nothing. The dates are when the project's own statement text
 * was written and last checked against the module; an organisation that publishes the
 * module sets its own once it has checked the statement.
 */
export const DEFAULT_STATEMENT = {
  status: 'partially-compliant' as ComplianceStatus,
  prepared: '2026-12-04',
  reviewed: '2026-12-04',
};

/** The statement settings to show: module.yaml's, else the defaults; no contact means "your training team". */
export function statementSettings(
  course: Pick<Course, 'accessibility'>,
): Required<Omit<StatementSettings, 'contact'>> & Pick<StatementSettings, 'contact'> {
  const own = course.accessibility ?? {};
  return {
    status: own.status ?? DEFAULT_STATEMENT.status,
    prepared: own.prepared ?? DEFAULT_STATEMENT.prepared,
    reviewed: own.reviewed ?? own.prepared ?? DEFAULT_STATEMENT.reviewed,
    contact: own.contact,
  };
}

/** The regulations expect a statement to be reviewed at least once a year. */
const REVIEW_DAYS = 365;

/**
 * What the content check should tell the trainer about a module's statement settings:
 * each setting left to a default, a contact that gives no way to reach anyone, and a
 * review more than a year before `today` (YYYY-MM-DD).
 */
export function statementWarnings(course: Pick<Course, 'accessibility'>, today: string): string[] {
  const own = course.accessibility;
  const regulations = 'the Public Sector Bodies Accessibility Regulations 2018 require it';
  if (!own)
    return [
      `module.yaml has no accessibility-statement: learners see a default statement (partially compliant, prepared ${DEFAULT_STATEMENT.prepared}, problems reported to "the training team in your organisation"); add status, prepared, reviewed and contact, because ${regulations}`,
    ];
  const warnings: string[] = [];
  const missing = (['status', 'prepared', 'reviewed', 'contact'] as const).filter((key) => own[key] === undefined);
  if (missing.length)
    warnings.push(
      `accessibility-statement has no ${missing.join(', ')}: learners see the default${missing.length > 1 ? 's' : ''} instead; set ${missing.length > 1 ? 'them' : 'it'}, because ${regulations}`,
    );
  if (own.contact && !own.contact.email && !own.contact.phone)
    warnings.push(
      'accessibility-statement.contact has no email or phone: give learners a specific way to report a problem',
    );
  const reviewed = own.reviewed ?? own.prepared;
  if (reviewed && Date.parse(today) - Date.parse(reviewed) > REVIEW_DAYS * 86_400_000)
    warnings.push(
      `the accessibility statement was last reviewed on ${reviewed}, more than a year ago: check it again and set a new reviewed date`,
    );
  return warnings;
}
