/**
 * The content check: every module and every scenario, without building packages.
 * Errors stop a build; warnings are for the trainer to weigh (reading level, review dates,
 * scenarios no module reaches).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { syllable } from 'syllable';
import type { Course, Scenario } from '../core/model.js';
import { worstCaseLength } from '../core/resume.js';
import { statementWarnings } from '../core/statement.js';
import { listModules, loadCourse } from './course.js';
import { ContentError, LineMap, type ContentIssue } from './errors.js';
import { analyseCueing, type CueingReport } from './cueing.js';
import { analyse } from './graph.js';
import { tailorHtml } from '../core/profile.js';
import { tailoring, type Tailoring } from './variants.js';

/** US grade 9 is a reading age of about 14, the top of the NHS target (9 to 14 for clinical terms). */
export const READING_GRADE_LIMIT = 9;

export interface ModuleSummary {
  id: string;
  title?: string;
  version?: string;
  scenarios: number;
  worstCaseSuspendData?: number;
  /** Decisions on the shortest and longest ways through. */
  fewestDecisions?: number;
  mostDecisions?: number;
  /** Flesch-Kincaid grade per scenario. */
  readingGrades: Record<string, number>;
  /** Naive guessers' scores by language (always the longest option, the shortest, the first, the last). */
  guessers?: CueingReport['guessers'];
  /** A random learner's average score. */
  chance?: number;
  passMark?: number;
  /** Tailored passages and sources, and the names they are tailored to. */
  tailoring?: Tailoring;
}

export interface CheckResult {
  modules: ModuleSummary[];
  issues: ContentIssue[];
  errors: number;
  warnings: number;
}

/** Words a minute for reading on screen while weighing a decision: slower than plain reading. */
export const READING_WORDS_PER_MINUTE = 150;
/** A scenario may take up to this many times its share of the module's minutes before a warning. */
export const LENGTH_ALLOWANCE = 2;

/**
 * Text without markup. Of tailored passages only the fallback (`::: otherwise`) counts: the
 * text most learners read, so reading time and level are judged on one way through.
 */
const strip = (html: string) =>
  tailorHtml(html, undefined)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** Minutes to read a scenario once: the situation, question, choices and the longest feedback. */
export function readingMinutes(s: Scenario): number {
  const parts = s.situation.map((p) => (p.kind === 'html' ? strip(p.html) : 'textHtml' in p ? strip(p.textHtml) : ''));
  const feedback = Math.max(0, ...s.choices.map((c) => wordCount(strip(c.feedbackHtml))));
  const words = wordCount([...parts, s.question, ...s.choices.map((c) => c.text)].join(' ')) + feedback;
  return words / READING_WORDS_PER_MINUTE;
}

/** Text of a scenario as a learner reads it, without markup. */
function scenarioText(s: Scenario): string {
  const parts = s.situation.map((p) => (p.kind === 'html' ? strip(p.html) : 'textHtml' in p ? strip(p.textHtml) : ''));
  parts.push(s.question, ...s.choices.flatMap((c) => [`${c.text}.`, strip(c.feedbackHtml)]));
  return parts.join('\n');
}

/** Flesch-Kincaid grade level of English text. */
export function fleschKincaidGrade(text: string): number {
  const sentences = text.split(/[.!?]+(?:\s|$)|\n\s*\n/).filter((s) => /[A-Za-z]/.test(s)).length || 1;
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length === 0) return 0;
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  return Math.round((0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59) * 10) / 10;
}

function positionOf(root: string, file: string, pattern: RegExp): { line: number; col: number } {
  try {
    const text = readFileSync(join(root, file), 'utf8');
    const index = text.search(pattern);
    return new LineMap(text).at(Math.max(0, index));
  } catch {
    return { line: 1, col: 1 };
  }
}

type Warn = (file: string, pattern: RegExp, message: string) => void;

/** Each scenario's length, reading level and review date, warned of; the reading grades by scenario. */
function scenarioWarnings(course: Course, mostDecisions: number, today: string, warn: Warn): Record<string, number> {
  const readingGrades: Record<string, number> = {};
  const share = course.estimatedMinutes / Math.max(1, mostDecisions);
  for (const s of course.scenarios) {
    const minutes = readingMinutes(s);
    if (minutes > share * LENGTH_ALLOWANCE)
      warn(
        s.file,
        /^## Situation/m,
        `this scenario takes about ${Math.ceil(minutes)} minutes to read, over twice its share of the module's ${course.estimatedMinutes} minutes (${share.toFixed(1)} minutes for each of up to ${mostDecisions} decisions): shorten it, split it, or raise estimated-minutes`,
      );
    const grade = fleschKincaidGrade(scenarioText(s));
    readingGrades[s.id] = grade;
    if (grade > READING_GRADE_LIMIT) {
      warn(
        s.file,
        /^## Situation/m,
        `reading level is grade ${grade} (about age ${Math.round(grade + 5)}); the NHS aims for age 9 to 11, and at most 14: use shorter sentences and words`,
      );
    }
    if (s.reviewBy && s.reviewBy < today)
      warn(
        s.file,
        /^review-by:/m,
        `the review-by date ${s.reviewBy} has passed: review this scenario and set a new date`,
      );
  }
  return readingGrades;
}

/** Scenario files in a collection that no module reaches (`used`: the scenarios reached, by collection). */
function unreachedScenarios(root: string, used: Map<string, Set<string>>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const [collection, set] of used) {
    const dir = join(root, 'content', collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(n))) {
      const sid = name.slice(0, -3);
      if (set.has(sid)) continue;
      issues.push({
        file: relative(root, join(dir, name)).split('\\').join('/'),
        line: 1,
        col: 1,
        severity: 'warning',
        message: `no module reaches the scenario "${sid}": add it to a module's scenarios list or a choice's next`,
      });
    }
  }
  return issues;
}

/** Checks every module (or the ones named) and every scenario file in their collections. */
export function checkContent(root: string, options: { modules?: string[]; today?: string } = {}): CheckResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ids = options.modules?.length ? options.modules : listModules(root);
  const issues: ContentIssue[] = [];
  const modules: ModuleSummary[] = [];
  const used = new Map<string, Set<string>>();
  const warn = (file: string, pattern: RegExp, message: string) =>
    issues.push({ file, ...positionOf(root, file, pattern), message, severity: 'warning' });

  for (const id of ids) {
    let course: Course;
    let collection: string;
    try {
      const loaded = loadCourse(root, id);
      course = loaded.course;
      collection = loaded.collection;
      issues.push(...loaded.warnings);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      issues.push(...error.issues);
      modules.push({ id, scenarios: 0, readingGrades: {} });
      continue;
    }
    const set = used.get(collection) ?? new Set<string>();
    for (const s of course.scenarios) set.add(s.id);
    used.set(collection, set);
    const moduleFile = `modules/${id}/module.yaml`;

    // Loops are build errors, reported by loadCourse above.
    const graph = analyse(course);
    if (course.reviewBy && course.reviewBy < today)
      warn(
        moduleFile,
        /^review-by:/m,
        `the module's review-by date ${course.reviewBy} has passed: review the content and set a new date`,
      );
    for (const message of statementWarnings(course, today)) warn(moduleFile, /^accessibility-statement:/m, message);

    const cueing = analyseCueing(course, moduleFile);
    for (const w of cueing.warnings) warn(w.file, w.pattern, w.message);

    const readingGrades = scenarioWarnings(course, graph.mostDecisions, today, warn);
    modules.push({
      id,
      title: course.title,
      version: course.version,
      scenarios: course.scenarios.length,
      worstCaseSuspendData: worstCaseLength(course),
      fewestDecisions: graph.fewestDecisions,
      mostDecisions: graph.mostDecisions,
      readingGrades,
      guessers: cueing.guessers,
      chance: cueing.chance,
      passMark: course.passMark,
      tailoring: tailoring(course),
    });
  }

  issues.push(...unreachedScenarios(root, used));

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { modules, issues, errors, warnings: issues.length - errors };
}
