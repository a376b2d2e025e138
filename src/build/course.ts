/** A module: module.yaml plus its collection's scenario files become one validated Course. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { END, type Course, type Scenario } from '../core/model.js';
import { ID_PATTERN } from '../core/keys.js';
import { fingerprint, worstCaseLength } from '../core/resume.js';
import { ContentError, Reporter, suggest, type ContentIssue } from './errors.js';
import { lex, renderBlocks, type MarkdownContext } from './markdown.js';
import { parseScenario, type ParsedScenario } from './scenario.js';
import { parseYaml } from './yaml-schema.js';

/** suspend_data budget: SCORM 1.2 allows 4,096 characters; we keep a margin. */
export const SUSPEND_DATA_BUDGET = 4000;

const id = z.string().regex(ID_PATTERN, 'expected lower case letters, digits and single hyphens, starting with a letter');
const date = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

const moduleSchema = z.strictObject({
  id,
  title: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version like 1.0.0')),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language tag like en-GB').default('en-GB'),
  'pass-mark': z.number().int().min(1).max(100),
  'estimated-minutes': z.number().int().min(1).max(600),
  'review-by': date.optional(),
  collection: id,
  organisation: z.strictObject({ name: z.string().min(1) }).optional(),
  objectives: z.array(z.strictObject({ id, title: z.string().min(1) })).min(1).max(10),
  scenarios: z.array(id).min(1),
});

/** The result of loading a module: the course, every file it read, and warnings. */
export interface LoadedCourse {
  course: Course;
  /** The content collection the scenarios come from. */
  collection: string;
  /** Absolute paths of every file the course was built from (for watching). */
  files: string[];
  /** Collection-relative media paths used (media/x.png) and where they live. */
  media: { path: string; source: string }[];
  warnings: ContentIssue[];
}

/** The module ids under modules/. */
export function listModules(root: string): string[] {
  const dir = join(root, 'modules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'module.yaml')))
    .map((d) => d.name)
    .sort();
}

/** Loads and validates a module. Throws ContentError naming every problem found. */
export function loadCourse(root: string, moduleId: string): LoadedCourse {
  const moduleDir = join(root, 'modules', moduleId);
  const yamlPath = join(moduleDir, 'module.yaml');
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  if (!existsSync(yamlPath)) {
    throw new ContentError([{ file: rel(yamlPath), line: 1, col: 1, severity: 'error', message: `no module "${moduleId}": expected the file ${rel(yamlPath)}` }]);
  }
  const yamlText = readFileSync(yamlPath, 'utf8');
  const moduleReport = new Reporter(rel(yamlPath), yamlText);
  const reporters: Reporter[] = [moduleReport];
  const files = [yamlPath];
  const meta = parseYaml(yamlText, 0, moduleSchema, moduleReport, 'module.yaml');
  const offsetOf = (pattern: RegExp) => Math.max(0, yamlText.search(pattern));
  if (!meta) throw new ContentError(moduleReport.issues);
  if (meta.id !== moduleId) moduleReport.error(offsetOf(/^id:/m), `the id "${meta.id}" must match the folder name modules/${moduleId}`);

  const collectionDir = join(root, 'content', meta.collection);
  const media = new Set<string>();
  const ctxFor = (report: Reporter): MarkdownContext => ({ report, collectionDir, collection: meta.collection, media });

  // Introduction and summary.
  const prose = (name: string, required: boolean): string => {
    const path = join(moduleDir, name);
    if (!existsSync(path)) {
      if (required) moduleReport.error(0, `the module needs ${rel(path)}: the first screen learners see`);
      return '';
    }
    files.push(path);
    const text = readFileSync(path, 'utf8');
    const report = new Reporter(rel(path), text);
    reporters.push(report);
    return renderBlocks(lex(text, 0), ctxFor(report), 2);
  };
  const introHtml = prose('introduction.md', true);
  const summaryHtml = prose('summary.md', false);

  // Every scenario file in the collection.
  const parsed = new Map<string, ParsedScenario & { report: Reporter }>();
  if (!existsSync(collectionDir)) {
    moduleReport.error(offsetOf(/^collection:/m), `the collection folder ${rel(collectionDir)} does not exist`);
  } else {
    for (const name of readdirSync(collectionDir).filter((n) => n.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(n)).sort()) {
      const path = join(collectionDir, name);
      files.push(path);
      const text = readFileSync(path, 'utf8');
      const report = new Reporter(rel(path), text);
      reporters.push(report);
      const result = parseScenario(text, rel(path), ctxFor(report));
      if (result) parsed.set(result.scenario.id, { ...result, report });
    }
  }
  const known = [...parsed.keys()];
  const objectiveIds = meta.objectives.map((o) => o.id);
  const allParsed = reporters.every((r) => !r.failed);

  // The main path must name existing scenarios, once each.
  const lines = yamlText.split('\n');
  const listItemOffset = (value: string) => {
    let offset = 0;
    let inList = false;
    for (const line of lines) {
      if (/^scenarios:/.test(line)) inList = true;
      else if (inList && /^\S/.test(line)) inList = false;
      if (inList && new RegExp(`^\\s*-\\s*${value}\\s*$`).test(line)) return offset + line.indexOf(value);
      offset += line.length + 1;
    }
    return offsetOf(/^scenarios:/m);
  };
  const seen = new Set<string>();
  for (const sid of meta.scenarios) {
    if (seen.has(sid)) moduleReport.error(listItemOffset(sid), `the scenario "${sid}" is listed twice`);
    seen.add(sid);
    if (!parsed.has(sid) && allParsed) {
      moduleReport.error(listItemOffset(sid), `no scenario "${sid}": expected the file content/${meta.collection}/${sid}.md${suggest(sid, known)}`);
    }
  }
  const objectiveSeen = new Set<string>();
  for (const o of meta.objectives) {
    if (objectiveSeen.has(o.id)) moduleReport.error(offsetOf(new RegExp(`id:\\s*${o.id}\\b`)), `the objective id "${o.id}" is used twice`);
    objectiveSeen.add(o.id);
  }

  // Cross-file checks on every parsed scenario: objectives and branch targets.
  for (const p of parsed.values()) {
    const s = p.scenario;
    if (!objectiveIds.includes(s.objective)) {
      p.report.error(p.at.objective, `the objective "${s.objective}" is not one of the module's objectives${suggest(s.objective, objectiveIds)}; expected one of: ${objectiveIds.join(', ')}`);
    }
    const checkTarget = (target: string | undefined, offset: number) => {
      if (target && target !== END && !parsed.has(target)) {
        p.report.error(offset, `"next: ${target}" names no scenario in content/${meta.collection}${suggest(target, known)}; expected a scenario id or "end"`);
      }
    };
    checkTarget(s.next, p.at.next);
    for (const c of s.choices) checkTarget(c.next, p.at.choices.get(c.id)!.next);
  }

  // Scenarios in the module: the main path and everything a branch reaches.
  const included: Scenario[] = [];
  const queue = meta.scenarios.filter((sid) => parsed.has(sid));
  const inModule = new Set(queue);
  while (queue.length) {
    const s = parsed.get(queue.shift()!)!.scenario;
    included.push(s);
    for (const target of [s.next, ...s.choices.map((c) => c.next)]) {
      if (target && target !== END && parsed.has(target) && !inModule.has(target)) {
        inModule.add(target);
        queue.push(target);
      }
    }
  }
  const scenarios = [...meta.scenarios.filter((sid) => inModule.has(sid)), ...[...inModule].filter((sid) => !meta.scenarios.includes(sid))]
    .map((sid) => included.find((s) => s.id === sid)!);

  // Resume keys must not collide.
  const keys = new Map<string, string>();
  for (const s of scenarios) {
    const other = keys.get(s.key);
    const p = parsed.get(s.id)!;
    if (other) p.report.error(p.at.id, `the scenario id "${s.id}" has the same resume key as "${other}"; rename one of them`);
    keys.set(s.key, s.id);
    const choiceKeys = new Map<string, string>();
    for (const c of s.choices) {
      const o = choiceKeys.get(c.key);
      if (o) p.report.error(p.at.choices.get(c.id)!.id, `the choice id "${c.id}" has the same resume key as "${o}" in this scenario; rename one of them`);
      choiceKeys.set(c.key, c.id);
    }
  }

  const issues = reporters.flatMap((r) => r.issues);
  if (issues.some((i) => i.severity === 'error')) throw new ContentError(issues.filter((i) => i.severity === 'error'));

  const partial = { order: meta.scenarios, scenarios };
  const course: Course = {
    id: meta.id,
    title: meta.title,
    version: meta.version,
    language: meta.language,
    passMark: meta['pass-mark'],
    estimatedMinutes: meta['estimated-minutes'],
    reviewBy: meta['review-by'],
    organisation: meta.organisation,
    introHtml,
    summaryHtml,
    objectives: meta.objectives,
    order: meta.scenarios,
    scenarios,
    fingerprint: fingerprint(partial),
  };
  const worst = worstCaseLength(course);
  if (worst > SUSPEND_DATA_BUDGET) {
    throw new ContentError([{ file: rel(yamlPath), line: 1, col: 1, severity: 'error',
      message: `the worst-case resume data for this module is ${worst} characters, over the budget of ${SUSPEND_DATA_BUDGET} (SCORM 1.2 allows 4,096): split the module` }]);
  }
  return {
    course,
    collection: meta.collection,
    files,
    media: [...media].sort().map((path) => ({ path, source: join(collectionDir, path) })),
    warnings: issues.filter((i) => i.severity === 'warning'),
  };
}
