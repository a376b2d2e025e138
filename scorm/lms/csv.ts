/**
 * CSV in and out. Exports open cleanly in Excel: UTF-8 with a byte order mark, CRLF line
 * ends, and any text cell that starts with = + - @ (or a tab or carriage return) prefixed
 * with an apostrophe so Excel shows it instead of running it as a formula (OWASP's advice
 * on CSV injection). Imports of learners accept the usual column names in any order.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Role } from './store.js';

/** Text that a spreadsheet would treat as a formula, made inert. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV file for Excel: header row, then rows. Numbers stay numbers; text is neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v))));
  return stringify([header.map(neutralise), ...cells], { bom: true, record_delimiter: 'windows' });
}

export interface ImportedLearner {
  line: number;
  name: string;
  login: string;
  staffGroup: string;
  role: Role;
}

export interface ImportResult {
  learners: ImportedLearner[];
  errors: string[];
}

const HEADERS: Record<string, 'name' | 'email' | 'staff' | 'group' | 'role'> = {
  name: 'name',
  fullname: 'name',
  learner: 'name',
  email: 'email',
  emailaddress: 'email',
  staffnumber: 'staff',
  staffno: 'staff',
  employeenumber: 'staff',
  assignmentnumber: 'staff',
  staffid: 'staff',
  staffgroup: 'group',
  group: 'group',
  team: 'group',
  role: 'role',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STAFF = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/**
 * Learners from a CSV file: a header row naming `name`, `email` and/or `staff number`,
 * `staff group`, and optionally `role`. Each learner signs in with their email, else their
 * staff number. Every problem is reported with its line; the caller imports nothing if any.
 */
export function parseLearnersCsv(text: string): ImportResult {
  const errors: string[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      delimiter: [',', ';', '\t'],
    }) as string[][];
  } catch (error) {
    return { learners: [], errors: [`The file is not valid CSV: ${(error as Error).message}`] };
  }
  if (!records.length) return { learners: [], errors: ['The file is empty.'] };
  const columns = records[0]!.map((h) => HEADERS[h.toLowerCase().replace(/[^a-z]/g, '')]);
  if (!columns.includes('name')) errors.push('Line 1: the header needs a "name" column.');
  if (!columns.includes('email') && !columns.includes('staff'))
    errors.push('Line 1: the header needs an "email" or a "staff number" column.');
  if (errors.length) return { learners: [], errors };
  const learners: ImportedLearner[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const get = (c: string) => record[columns.indexOf(c as never)]?.trim() ?? '';
    const name = get('name');
    const email = get('email');
    const staff = get('staff');
    const roleText = get('role').toLowerCase() || 'learner';
    const login = email || staff;
    if (!name) errors.push(`Line ${line}: the name is missing.`);
    else if (name.length > 200) errors.push(`Line ${line}: the name is over 200 characters.`);
    if (!login) errors.push(`Line ${line}: give an email or a staff number.`);
    else if (email && !EMAIL.test(email)) errors.push(`Line ${line}: "${email}" is not an email address.`);
    else if (!email && !STAFF.test(staff))
      errors.push(`Line ${line}: "${staff}" is not a staff number (letters, digits, . _ -).`);
    if (!['learner', 'hr', 'admin'].includes(roleText))
      errors.push(`Line ${line}: the role "${roleText}" is not learner, hr or admin.`);
    if (get('group').length > 100) errors.push(`Line ${line}: the staff group is over 100 characters.`);
    const key = login.toLowerCase();
    if (login && seen.has(key)) errors.push(`Line ${line}: ${login} is also on line ${seen.get(key)}.`);
    seen.set(key, line);
    learners.push({ line, name, login, staffGroup: get('group'), role: roleText as Role });
  });
  if (learners.length > 5000) errors.push('Import at most 5,000 learners at a time.');
  return { learners: errors.length ? [] : learners, errors };
}

export function isValidLogin(login: string): boolean {
  return EMAIL.test(login) || STAFF.test(login);
}
