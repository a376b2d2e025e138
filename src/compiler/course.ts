/**
 * A module: module.yaml plus its collection's scenario files become one validated Course.
 * `loadCourse` runs named steps in order; each step reports into the file it concerns, and
 * the load stops where later steps would only repeat an earlier error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { END, type Course, type CourseText, type Scenario } from '../core/model.js';
import { ID_PATTERN } from '../core/keys.js';
import { fingerprint, worstCaseLength } from '../core/resume.js';
import { choiceTexts } from '../core/content.js';
import { ContentError, Reporter, suggest, type ContentIssue } from './errors.js';
import { lex, renderBlocks, type MarkdownContext } from './markdown.js';
import { parseScenario, type ParsedScenario } from './scenario.js';
import { parseYaml } from './yaml-schema.js';
import { analyse } from './graph.js';
import { checkPublished, parseLock, PUBLISHED_FILE } from './published.js';
import { citedCodeSections } from '../core/nmc-code.js';
import { checkSameRuns, checkSameVariants, tailoredShapes } from './variants.js';
import { GROUPS, NATIONS } from '../core/profile.js';

/**
 * Reads a content file as UTF-8 with line endings as LF, so positions are the same on
 * Windows, and without the byte order mark some editors write first.
 */
function readText(path: string, file: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    throw notUtf8(bytes, file);
  }
}

/** Where UTF-8 decoding first fails: a byte that cannot start a character, or a sequence cut short. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** Windows-1252's characters for bytes 0x80 to 0x9F (from 0xA0 it is Latin-1); Node's decoder gives control codes. */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A file saved in a Windows code page (Word's and Notepad's old default) rather than
 * UTF-8: its curly quotes and dashes would turn into replacement characters.
 */
function notUtf8(bytes: Uint8Array, file: string): ContentError {
  const at = firstInvalidByte(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const col = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  let end = at + 1;
  while (end < bytes.length && end < at + 4 && bytes[end]! >= 0x80) end++;
  const run = bytes.subarray(at, end);
  const hex = [...run].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const windows = [...run].map((b) => (b < 0xa0 ? (WINDOWS_1252[b - 0x80] ?? '') : String.fromCharCode(b))).join('');
  return new ContentError([
    {
      file,
      line,
      col,
      severity: 'error',
      message: `this file is not saved as UTF-8: the byte${run.length > 1 ? 's' : ''} ${hex} here ${run.length > 1 ? 'are' : 'is'} "${windows}" in the Windows-1252 encoding. Save the file as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8; in VS Code: click the encoding in the status bar, Save with Encoding, UTF-8) and run the check again`,
    },
  ]);
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

const unique = (names: readonly string[]) => new Set(names).size === names.length;

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
  profiles: z
    .strictObject({
      nations: z.array(z.enum(NATIONS)).min(1).refine(unique, 'lists a nation twice'),
      groups: z.array(z.enum(GROUPS)).min(1).refine(unique, 'lists a staff group twice'),
    })
    .optional(),
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
type ModuleMeta = z.infer<typeof moduleSchema>;

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

type Parsed = ParsedScenario & { report: Reporter };

/** What every step shares: the files read so far, one reporter per file, and media used. */
class Load {
  readonly moduleDir: string;
  readonly yamlPath: string;
  readonly files: string[] = [];
  readonly reporters: Reporter[] = [];
  readonly media = new Set<string>();
  yamlText = '';
  moduleReport!: Reporter;

  constructor(
    readonly root: string,
    readonly moduleId: string,
  ) {
    this.moduleDir = join(root, 'modules', moduleId);
    this.yamlPath = join(this.moduleDir, 'module.yaml');
  }

  /** A project-relative path with forward slashes, as errors name files. */
  rel(path: string): string {
    return relative(this.root, path).split('\\').join('/');
  }

  /** Reads a file, remembering it for watching, with a reporter for its issues. */
  read(path: string): { text: string; report: Reporter } {
    this.files.push(path);
    const text = readText(path, this.rel(path));
    const report = new Reporter(this.rel(path), text);
    this.reporters.push(report);
    return { text, report };
  }

  /** Where a line matching `pattern` starts in module.yaml (0 when absent). */
  yamlOffset(pattern: RegExp): number {
    return Math.max(0, this.yamlText.search(pattern));
  }

  markdown(report: Reporter, meta: ModuleMeta): MarkdownContext {
    return {
      report,
      collectionDir: this.collectionDir(meta),
      collection: meta.collection,
      media: this.media,
      profiles: meta.profiles,
    };
  }

  collectionDir(meta: ModuleMeta): string {
    return join(this.root, 'content', meta.collection);
  }

  issues(): ContentIssue[] {
    return this.reporters.flatMap((r) => r.issues);
  }

  /** Throws with every error so far, if there is one. */
  stopOnErrors(): void {
    const errors = this.issues().filter((i) => i.severity === 'error');
    if (errors.length) throw new ContentError(errors);
  }

  /** An error that is not at a place in a file the load has read (a file that is missing). */
  static fail(file: string, message: string): ContentError {
    return new ContentError([{ file, line: 1, col: 1, severity: 'error', message }]);
  }
}

/** Loads and validates a module. Throws ContentError naming every problem found. */
export function loadCourse(root: string, moduleId: string): LoadedCourse {
  const load = new Load(root, moduleId);
  const meta = readModuleYaml(load);
  const introHtml = readProse(load, meta, 'introduction.md', true);
  const summaryHtml = readProse(load, meta, 'summary.md', false);
  const parsed = parseCollection(load, meta);
  checkMainPath(load, meta, parsed);
  checkObjectiveIds(load, meta);
  checkCrossReferences(meta, parsed);
  const scenarios = scenariosInModule(meta, parsed);
  checkResumeKeys(scenarios, parsed);
  const languages = meta.languages ?? [meta.language];
  const translations = loadTranslations(load, meta, languages, scenarios, { introHtml, summaryHtml });
  const warnings = load.issues().filter((i) => i.severity === 'warning');
  load.stopOnErrors();

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
    ...(meta.profiles ? { profiles: meta.profiles } : {}),
    introHtml,
    summaryHtml,
    objectives: meta.objectives,
    order: meta.scenarios,
    scenarios,
    fingerprint: fingerprint({ order: meta.scenarios, scenarios }),
    accessibility: meta['accessibility-statement'],
    nmcCode: citedCodeSections(scenarios),
  };
  checkNoLoops(load, course, parsed);
  checkResumeBudget(load, course);
  checkPublishedIds(load, course, parsed);
  return {
    course,
    collection: meta.collection,
    files: load.files,
    media: [...load.media].sort().map((path) => ({ path, source: join(load.collectionDir(meta), path) })),
    warnings,
  };
}

/** module.yaml, parsed and checked against the schema; its id must match its folder. */
function readModuleYaml(load: Load): ModuleMeta {
  if (!existsSync(load.yamlPath)) {
    throw Load.fail(
      load.rel(load.yamlPath),
      `no module "${load.moduleId}": expected the file ${load.rel(load.yamlPath)}`,
    );
  }
  const { text, report } = load.read(load.yamlPath);
  load.yamlText = text;
  load.moduleReport = report;
  const meta = parseYaml(text, 0, moduleSchema, report, 'module.yaml');
  if (!meta) throw new ContentError(report.issues);
  if (meta.id !== load.moduleId)
    report.error(load.yamlOffset(/^id:/m), `the id "${meta.id}" must match the folder name modules/${load.moduleId}`);
  return meta;
}

/**
 * A markdown file of the module (introduction, summary) as HTML; '' when it is absent. A
 * translation's (`english` given) must be tailored as the English file is.
 */
function readProse(
  load: Load,
  meta: ModuleMeta,
  name: string,
  required: boolean,
  english?: { html: string; language: string },
): string {
  const path = join(load.moduleDir, name);
  if (!existsSync(path)) {
    if (required) load.moduleReport.error(0, `the module needs ${load.rel(path)}: the first screen learners see`);
    return '';
  }
  const { text, report } = load.read(path);
  if (name.startsWith('introduction')) warnRepeatedFacts(text, report);
  const ctx = load.markdown(report, meta);
  const html = renderBlocks(lex(text, 0, ctx), ctx, 2);
  if (english && !report.failed)
    checkSameRuns(
      english.html,
      html,
      `the ${name.split('.')[0]}`,
      report,
      Math.max(0, text.search(/^:::/m)),
      english.language,
    );
  return html;
}

/** A sentence giving the time or the pass mark, which the first screen already shows beneath the introduction. */
const REPEATED_FACTS = /[^.\n]*(\b\d+\s*minutes?\b|\b\d+\s*%[^.\n]*\bpass|\bpass mark\b)[^.\n]*\.?/i;

function warnRepeatedFacts(text: string, report: Reporter): void {
  const m = REPEATED_FACTS.exec(text);
  if (m)
    report.warn(
      m.index + (/\S/.exec(m[0])?.index ?? 0),
      'the first screen already says how long the module takes and the pass mark, under the introduction (from estimated-minutes and pass-mark in module.yaml): remove this sentence so learners do not read it twice',
    );
}

/** The English scenario files of a collection (a translation ends in .<code>.md). */
function scenarioFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(n))
    .sort();
}

/** Every scenario file in the module's collection, parsed; a file with errors is left out. */
function parseCollection(load: Load, meta: ModuleMeta): Map<string, Parsed> {
  const parsed = new Map<string, Parsed>();
  const dir = load.collectionDir(meta);
  if (!existsSync(dir)) {
    load.moduleReport.error(load.yamlOffset(/^collection:/m), `the collection folder ${load.rel(dir)} does not exist`);
    return parsed;
  }
  for (const name of scenarioFileNames(dir)) {
    const path = join(dir, name);
    const { text, report } = load.read(path);
    const result = parseScenario(text, load.rel(path), load.markdown(report, meta));
    if (result) parsed.set(result.scenario.id, { ...result, report });
  }
  return parsed;
}

/** Where a value of module.yaml's scenarios list is, for errors about it. */
function scenarioListOffset(load: Load, value: string): number {
  let offset = 0;
  let inList = false;
  for (const line of load.yamlText.split('\n')) {
    if (/^scenarios:/.test(line)) inList = true;
    else if (inList && /^\S/.test(line)) inList = false;
    if (inList && new RegExp(`^\\s*-\\s*${value}\\s*$`).test(line)) return offset + line.indexOf(value);
    offset += line.length + 1;
  }
  return load.yamlOffset(/^scenarios:/m);
}

/** The main path names existing scenarios, once each. */
function checkMainPath(load: Load, meta: ModuleMeta, parsed: Map<string, Parsed>): void {
  // A scenario file with errors is missing from `parsed`: do not also call it missing.
  const allParsed = load.reporters.every((r) => !r.failed);
  const seen = new Set<string>();
  for (const sid of meta.scenarios) {
    if (seen.has(sid)) load.moduleReport.error(scenarioListOffset(load, sid), `the scenario "${sid}" is listed twice`);
    seen.add(sid);
    if (!parsed.has(sid) && allParsed) {
      load.moduleReport.error(
        scenarioListOffset(load, sid),
        `no scenario "${sid}": expected the file content/${meta.collection}/${sid}.md${suggest(sid, [...parsed.keys()])}`,
      );
    }
  }
}

function checkObjectiveIds(load: Load, meta: ModuleMeta): void {
  const seen = new Set<string>();
  for (const o of meta.objectives) {
    if (seen.has(o.id))
      load.moduleReport.error(
        load.yamlOffset(new RegExp(`id:\\s*${o.id}\\b`)),
        `the objective id "${o.id}" is used twice`,
      );
    seen.add(o.id);
  }
}

/** Each parsed scenario names one of the module's objectives, and branches to scenarios that exist. */
function checkCrossReferences(meta: ModuleMeta, parsed: Map<string, Parsed>): void {
  const objectiveIds = meta.objectives.map((o) => o.id);
  const known = [...parsed.keys()];
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
}

/** The main path, then every scenario a branch reaches (breadth first, each once). */
function scenariosInModule(meta: ModuleMeta, parsed: Map<string, Parsed>): Scenario[] {
  const main = [...new Set(meta.scenarios)].filter((sid) => parsed.has(sid));
  const inModule = new Set(main);
  const queue = [...main];
  for (let sid = queue.shift(); sid !== undefined; sid = queue.shift()) {
    const s = parsed.get(sid)!.scenario;
    for (const target of [s.next, ...s.choices.map((c) => c.next)]) {
      if (target && target !== END && parsed.has(target) && !inModule.has(target)) {
        inModule.add(target);
        queue.push(target);
      }
    }
  }
  return [...inModule].map((sid) => parsed.get(sid)!.scenario);
}

/** Resume data stores short keys: two ids with one key would restore the wrong answer. */
function checkResumeKeys(scenarios: Scenario[], parsed: Map<string, Parsed>): void {
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
}

const languageName = (lang: string) => (lang === 'cy' ? 'Welsh' : lang);

/** The module's words in each other language, and each scenario's translation (set on the scenario). */
function loadTranslations(
  load: Load,
  meta: ModuleMeta,
  languages: string[],
  scenarios: Scenario[],
  english: { introHtml: string; summaryHtml: string },
): Record<string, CourseText> {
  if (!languages.includes(meta.language))
    load.moduleReport.error(
      load.yamlOffset(/^languages:/m),
      `languages must include the module's language ${meta.language}`,
    );
  const translations: Record<string, CourseText> = {};
  for (const lang of languages.filter((l) => l !== meta.language)) {
    const text = moduleTranslation(load, meta, lang, english);
    if (!text) continue;
    translations[lang] = text;
    for (const s of scenarios) translateScenario(load, meta, lang, s);
  }
  return translations;
}

/** translations.<lang> of module.yaml with the translated introduction and summary. */
function moduleTranslation(
  load: Load,
  meta: ModuleMeta,
  lang: string,
  english: { introHtml: string; summaryHtml: string },
): CourseText | undefined {
  const report = load.moduleReport;
  const code = lang.slice(0, 2);
  const t = meta.translations?.[lang] ?? meta.translations?.[code];
  if (!t) {
    report.error(
      load.yamlOffset(/^languages:/m),
      `the module offers "${lang}" but module.yaml has no translations.${lang} (title and objectives)`,
    );
    return undefined;
  }
  const objectiveIds = meta.objectives.map((o) => o.id);
  for (const o of objectiveIds) {
    if (!t.objectives[o])
      report.error(load.yamlOffset(/^translations:/m), `translations.${lang}.objectives has no "${o}"`);
  }
  for (const o of Object.keys(t.objectives)) {
    if (!objectiveIds.includes(o))
      report.error(
        load.yamlOffset(new RegExp(`^\\s+${o}:`, 'm')),
        `translations.${lang}.objectives names "${o}", which is not one of the module's objectives${suggest(o, objectiveIds)}`,
      );
  }
  if (t['machine-translated'])
    report.warn(
      load.yamlOffset(/machine-translated:/),
      `the module's ${lang} text is machine-translated: a ${languageName(lang)} speaker must review it`,
    );
  const hasIntro = existsSync(join(load.moduleDir, `introduction.${code}.md`));
  if (!hasIntro)
    report.warn(0, `modules/${meta.id}/introduction.${code}.md is missing: learners will see the English introduction`);
  return {
    title: t.title,
    introHtml: hasIntro
      ? readProse(load, meta, `introduction.${code}.md`, false, {
          html: english.introHtml,
          language: languageName(lang),
        })
      : english.introHtml,
    summaryHtml:
      readProse(load, meta, `summary.${code}.md`, false, { html: english.summaryHtml, language: languageName(lang) }) ||
      english.summaryHtml,
    objectives: t.objectives,
    machineTranslated: t['machine-translated'] === true,
  };
}

/** The ids of a situation's social media blocks, for comparing a translation with the English. */
function blockIdList(parts: Scenario['situation']): string {
  return parts
    .flatMap((p) => (p.kind === 'html' ? [] : [p.id]))
    .sort()
    .join(',');
}

/** Reads <id>.<code>.md beside the scenario; its ids must be the English file's. */
function translateScenario(load: Load, meta: ModuleMeta, lang: string, s: Scenario): void {
  const code = lang.slice(0, 2);
  const path = join(load.collectionDir(meta), `${s.id}.${code}.md`);
  if (!existsSync(path)) {
    load.moduleReport.warn(0, `${load.rel(path)} is missing: "${s.id}" will be shown in English to ${lang} learners`);
    return;
  }
  const { text, report } = load.read(path);
  const parsedT = parseScenario(text, load.rel(path), load.markdown(report, meta), true);
  if (!parsedT) return;
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
  if (blockIdList(tr.situation) !== blockIdList(s.situation)) {
    report.error(
      0,
      `the social media blocks differ from the English file: expected ids ${blockIdList(s.situation) || '(none)'}, found ${blockIdList(tr.situation) || '(none)'}`,
    );
  }
  if (!report.failed)
    checkSameVariants(
      tailoredShapes(s),
      tailoredShapes(tr),
      report,
      (key) => (key === 'situation' ? parsedT.at.situation : (parsedT.at.choices.get(key.split(':')[1]!)?.id ?? 0)),
      languageName(lang),
    );
  if (parsedT.machineTranslated)
    report.warn(0, `machine-translated: a ${languageName(lang)} speaker must review this file`);
  s.translations = {
    ...s.translations,
    [lang]: {
      title: tr.title,
      situation: tr.situation,
      question: tr.question,
      choices: choiceTexts(tr.choices),
      machineTranslated: parsedT.machineTranslated === true,
    },
  };
}

/**
 * Branches must not loop: a loop can trap a learner, repeats interaction ids and has no
 * bound on the resume data.
 */
function checkNoLoops(load: Load, course: Course, parsed: Map<string, Parsed>): void {
  for (const loop of analyse(course).loops) {
    const [from, to] = loop.slice(-2) as [string, string];
    const p = parsed.get(from)!;
    const choice = p.scenario.choices.find((c) => c.next === to);
    p.report.error(
      choice ? p.at.choices.get(choice.id)!.next : p.at.next,
      `this branch leads back to "${to}", so learners could go round a loop (${loop.join(' → ')}); branch forward instead`,
    );
  }
  load.stopOnErrors();
}

function checkResumeBudget(load: Load, course: Course): void {
  const worst = worstCaseLength(course);
  if (worst > SUSPEND_DATA_BUDGET) {
    throw Load.fail(
      load.rel(load.yamlPath),
      `the worst-case resume data for this module is ${worst} characters, over the budget of ${SUSPEND_DATA_BUDGET} (SCORM 1.2 allows 4,096): split the module`,
    );
  }
}

/** Against modules/<id>/published.yaml, when the module has been released: see published.ts. */
function checkPublishedIds(load: Load, course: Course, parsed: Map<string, Parsed>): void {
  const path = join(load.moduleDir, PUBLISHED_FILE);
  if (!existsSync(path)) return;
  const { text, report } = load.read(path);
  const lock = parseLock(text, report);
  if (lock)
    checkPublished(course, lock, report, text, {
      scenario: (id) => {
        const p = parsed.get(id);
        return p && { report: p.report, offset: p.at.id };
      },
      module: {
        report: load.moduleReport,
        version: load.yamlOffset(/^version:/m),
        scenarios: load.yamlOffset(/^scenarios:/m),
      },
    });
  load.stopOnErrors();
}
