/** A module: module.yaml plus its collection's scenario files become one validated Course. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { END, type Course, type CourseText, type Scenario } from '../core/model.js';
import { ID_PATTERN } from '../core/keys.js';
import { fingerprint, worstCaseLength } from '../core/resume.js';
import { ContentError, Reporter, suggest, type ContentIssue } from './errors.js';
import { lex, renderBlocks, type MarkdownContext } from './markdown.js';
import { parseScenario, type ParsedScenario } from './scenario.js';
import { parseYaml } from './yaml-schema.js';
import { analyse } from './graph.js';
import { citedCodeSections } from '../core/nmc-code.js';

/** Reads a content file with line endings as LF, so positions are the same on Windows. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
}

/** suspend_data budget: SCORM 1.2 allows 4,096 characters; we keep a margin. */
export const SUSPEND_DATA_BUDGET = 4000;

const id = z
  .string()
  .regex(ID_PATTERN, 'expected lower case letters, digits and single hyphens, starting with a letter');
const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

const moduleSchema = z.strictObject({
  id,
  title: z.string().min(1),
  version: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version like 1.0.0')),
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language tag like en-GB')
    .default('en-GB'),
  'pass-mark': z.number().int().min(1).max(100),
  'estimated-minutes': z.number().int().min(1).max(600),
  'review-by': date.optional(),
  collection: id,
  organisation: z.strictObject({ name: z.string().min(1) }).optional(),
  'accessibility-statement': z
    .strictObject({
      status: z.enum(['fully-compliant', 'partially-compliant', 'not-compliant']).optional(),
      prepared: date.optional(),
      reviewed: date.optional(),
      contact: z
        .strictObject({ name: z.string().min(1), email: z.email().optional(), phone: z.string().min(1).optional() })
        .optional(),
    })
    .optional(),
  objectives: z
    .array(z.strictObject({ id, title: z.string().min(1) }))
    .min(1)
    .max(10),
  scenarios: z.array(id).min(1),
  languages: z
    .array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected language tags like en-GB or cy'))
    .min(1)
    .optional(),
  translations: z
    .record(
      z.string(),
      z.strictObject({
        title: z.string().min(1),
        'machine-translated': z.boolean().optional(),
        objectives: z.record(z.string(), z.string().min(1)),
      }),
    )
    .optional(),
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
    throw new ContentError([
      {
        file: rel(yamlPath),
        line: 1,
        col: 1,
        severity: 'error',
        message: `no module "${moduleId}": expected the file ${rel(yamlPath)}`,
      },
    ]);
  }
  const yamlText = readText(yamlPath);
  const moduleReport = new Reporter(rel(yamlPath), yamlText);
  const reporters: Reporter[] = [moduleReport];
  const files = [yamlPath];
  const meta = parseYaml(yamlText, 0, moduleSchema, moduleReport, 'module.yaml');
  const offsetOf = (pattern: RegExp) => Math.max(0, yamlText.search(pattern));
  if (!meta) throw new ContentError(moduleReport.issues);
  if (meta.id !== moduleId)
    moduleReport.error(offsetOf(/^id:/m), `the id "${meta.id}" must match the folder name modules/${moduleId}`);

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
    const text = readText(path);
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
    for (const name of readdirSync(collectionDir)
      .filter((n) => n.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(n))
      .sort()) {
      const path = join(collectionDir, name);
      files.push(path);
      const text = readText(path);
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
      moduleReport.error(
        listItemOffset(sid),
        `no scenario "${sid}": expected the file content/${meta.collection}/${sid}.md${suggest(sid, known)}`,
      );
    }
  }
  const objectiveSeen = new Set<string>();
  for (const o of meta.objectives) {
    if (objectiveSeen.has(o.id))
      moduleReport.error(offsetOf(new RegExp(`id:\\s*${o.id}\\b`)), `the objective id "${o.id}" is used twice`);
    objectiveSeen.add(o.id);
  }

  // Cross-file checks on every parsed scenario: objectives and branch targets.
  for (const p of parsed.values()) {
    const s = p.scenario;
    if (!objectiveIds.includes(s.objective)) {
      p.report.error(
        p.at.objective,
        `the objective "${s.objective}" is not one of the module's objectives${suggest(s.objective, objectiveIds)}; expected one of: ${objectiveIds.join(', ')}`,
      );
    }
    const checkTarget = (target: string | undefined, offset: number) => {
      if (target && target !== END && !parsed.has(target)) {
        p.report.error(
          offset,
          `"next: ${target}" names no scenario in content/${meta.collection}${suggest(target, known)}; expected a scenario id or "end"`,
        );
      }
    };
    checkTarget(s.next, p.at.next);
    for (const c of s.choices) checkTarget(c.next, p.at.choices.get(c.id)!.next);
  }

  // Scenarios in the module: the main path and everything a branch reaches.
  const included: Scenario[] = [];
  const queue = [...new Set(meta.scenarios)].filter((sid) => parsed.has(sid));
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
  const scenarios = [
    ...[...new Set(meta.scenarios)].filter((sid) => inModule.has(sid)),
    ...[...inModule].filter((sid) => !meta.scenarios.includes(sid)),
  ].map((sid) => included.find((s) => s.id === sid)!);

  // Resume keys must not collide.
  const keys = new Map<string, string>();
  for (const s of scenarios) {
    const other = keys.get(s.key);
    const p = parsed.get(s.id)!;
    if (other)
      p.report.error(p.at.id, `the scenario id "${s.id}" has the same resume key as "${other}"; rename one of them`);
    keys.set(s.key, s.id);
    const choiceKeys = new Map<string, string>();
    for (const c of s.choices) {
      const o = choiceKeys.get(c.key);
      if (o)
        p.report.error(
          p.at.choices.get(c.id)!.id,
          `the choice id "${c.id}" has the same resume key as "${o}" in this scenario; rename one of them`,
        );
      choiceKeys.set(c.key, c.id);
    }
  }

  // Translations: the module's words, then each scenario's, with the same ids as the English.
  const languages = meta.languages ?? [meta.language];
  if (!languages.includes(meta.language))
    moduleReport.error(offsetOf(/^languages:/m), `languages must include the module's language ${meta.language}`);
  const translations: Record<string, CourseText> = {};
  for (const lang of languages.filter((l) => l !== meta.language)) {
    const code = lang.slice(0, 2);
    const t = meta.translations?.[lang] ?? meta.translations?.[code];
    if (!t) {
      moduleReport.error(
        offsetOf(/^languages:/m),
        `the module offers "${lang}" but module.yaml has no translations.${lang} (title and objectives)`,
      );
      continue;
    }
    for (const o of objectiveIds) {
      if (!t.objectives[o])
        moduleReport.error(offsetOf(/^translations:/m), `translations.${lang}.objectives has no "${o}"`);
    }
    for (const o of Object.keys(t.objectives)) {
      if (!objectiveIds.includes(o))
        moduleReport.error(
          offsetOf(new RegExp(`^\\s+${o}:`, 'm')),
          `translations.${lang}.objectives names "${o}", which is not one of the module's objectives${suggest(o, objectiveIds)}`,
        );
    }
    if (t['machine-translated'])
      moduleReport.warn(
        offsetOf(/machine-translated:/),
        `the module's ${lang} text is machine-translated: a ${lang === 'cy' ? 'Welsh' : lang} speaker must review it`,
      );
    const introPath = join(moduleDir, `introduction.${code}.md`);
    if (!existsSync(introPath))
      moduleReport.warn(
        0,
        `modules/${moduleId}/introduction.${code}.md is missing: learners will see the English introduction`,
      );
    translations[lang] = {
      title: t.title,
      introHtml: existsSync(introPath) ? prose(`introduction.${code}.md`, false) : introHtml,
      summaryHtml: prose(`summary.${code}.md`, false) || summaryHtml,
      objectives: t.objectives,
      machineTranslated: t['machine-translated'] === true,
    };
    for (const s of scenarios) {
      const path = join(collectionDir, `${s.id}.${code}.md`);
      const relPath = rel(path);
      if (!existsSync(path)) {
        moduleReport.warn(0, `${relPath} is missing: "${s.id}" will be shown in English to ${lang} learners`);
        continue;
      }
      files.push(path);
      const text = readText(path);
      const report = new Reporter(relPath, text);
      reporters.push(report);
      const parsedT = parseScenario(text, relPath, ctxFor(report), true);
      if (!parsedT) continue;
      const tr = parsedT.scenario;
      const english = new Set(s.choices.map((c) => c.id));
      for (const c of tr.choices) {
        if (!english.has(c.id))
          report.error(
            parsedT.at.choices.get(c.id)!.id,
            `the choice id "${c.id}" is not in the English file${suggest(c.id, [...english])}; translations keep the same ids`,
          );
      }
      for (const c of s.choices) {
        if (!tr.choices.some((x) => x.id === c.id))
          report.error(0, `the choice "${c.id}" from the English file is missing from this translation`);
      }
      const blockIds = (parts: typeof s.situation) =>
        parts
          .filter((p) => p.kind !== 'html')
          .map((p) => (p as { id: string }).id)
          .sort()
          .join(',');
      if (blockIds(tr.situation) !== blockIds(s.situation)) {
        report.error(
          0,
          `the social media blocks differ from the English file: expected ids ${blockIds(s.situation) || '(none)'}, found ${blockIds(tr.situation) || '(none)'}`,
        );
      }
      if (parsedT.machineTranslated)
        report.warn(0, `machine-translated: a ${lang === 'cy' ? 'Welsh' : lang} speaker must review this file`);
      s.translations = {
        ...s.translations,
        [lang]: {
          title: tr.title,
          situation: tr.situation,
          question: tr.question,
          choices: Object.fromEntries(
            tr.choices.map((c) => [
              c.id,
              {
                textHtml: c.textHtml,
                text: c.text,
                feedbackHtml: c.feedbackHtml,
                source: c.source,
                consequence: c.consequence,
              },
            ]),
          ),
          machineTranslated: parsedT.machineTranslated === true,
        },
      };
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
    languages,
    translations,
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
    accessibility: meta['accessibility-statement'],
    nmcCode: citedCodeSections(scenarios),
  };
  // Branches must not loop: a loop can trap a learner, repeats interaction ids and has no
  // bound on the resume data.
  const loops = analyse(course).loops;
  for (const loop of loops) {
    const [from, to] = loop.slice(-2) as [string, string];
    const p = parsed.get(from)!;
    const choice = p.scenario.choices.find((c) => c.next === to);
    p.report.error(
      choice ? p.at.choices.get(choice.id)!.next : p.at.next,
      `this branch leads back to "${to}", so learners could go round a loop (${loop.join(' → ')}); branch forward instead`,
    );
  }
  if (loops.length) throw new ContentError(reporters.flatMap((r) => r.issues).filter((i) => i.severity === 'error'));

  const worst = worstCaseLength(course);
  if (worst > SUSPEND_DATA_BUDGET) {
    throw new ContentError([
      {
        file: rel(yamlPath),
        line: 1,
        col: 1,
        severity: 'error',
        message: `the worst-case resume data for this module is ${worst} characters, over the budget of ${SUSPEND_DATA_BUDGET} (SCORM 1.2 allows 4,096): split the module`,
      },
    ]);
  }
  return {
    course,
    collection: meta.collection,
    files,
    media: [...media].sort().map((path) => ({ path, source: join(collectionDir, path) })),
    warnings: issues.filter((i) => i.severity === 'warning'),
  };
}
