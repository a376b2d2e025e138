/**
 * `npm run bench`: holds every module to tiny and fast, and writes bench/results.json.
 *
 * It works on a snapshot of the project in bench/tmp/project (so it never touches dist/ or
 * the files others are editing while it runs): builds every module there with `npm run build`,
 * serves them with scripts/serve.ts, and measures in headless Chromium inside the local LMS page.
 *
 *   npm run bench                  everything (about 4 minutes on 2 cores)
 *   npm run bench -- --quick       2 cold runs, 1 flagship build, 1 dev edit
 *   npm run bench -- --runs=15     cold runs per module and CPU rate (default 11)
 *   npm run bench -- --skip=library,dev,lms,browser,build   leave parts out
 *   npm run bench -- --tree=<dir>  measure another checkout (builds into its dist/) instead of a snapshot
 *   npm run bench -- --against=<ref>   also build the project at a commit and take its modules'
 *                                  cold runs in turn with today's: the before and after of one run
 *   npm run bench -- --out=<file>  write the results there instead of bench/results.json
 *   npm run bench -- --modules=a,b measure only these modules (all are still built)
 *   npm run bench -- --keep        keep this run's folder (bench/tmp/run-<pid>: the snapshot, library, traces)
 *
 * Sizes are bytes; "KB" in the table and the targets is 1,000 bytes; gzip is zlib level 6.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { freePort } from './free-port.js';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  coldRun,
  moduleHeap,
  complete,
  devRebuild,
  launchBrowser,
  tracedRun,
  type ColdRun,
  type Completion,
  type LmsCall,
  type Step,
  type TracedRun,
} from './bench-browser.js';
import { generateLibrary, LIBRARY } from './bench-library.js';
import { startServer, stopServer } from './bench-server.js';
import { byHandId, byHandPage, FLOOR, FLOOR_PAGE, writePages } from './bench-pages.js';
import type { Browser } from '@playwright/test';

type CourseModule = typeof import('../src/compiler/course.js');
type ResumeModule = typeof import('../src/core/resume.js');
type StateModule = typeof import('../src/core/state.js');
type KeysModule = typeof import('../src/core/keys.js');
type Course = import('../src/core/model.js').Course;

const MAIN = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(MAIN, 'bench');
const TMP = join(BENCH, 'tmp');
const treeArg = process.argv.slice(2).find((a) => a.startsWith('--tree='));
/** This run's own folder, so two runs at once do not trample each other; removed at the end unless --keep. */
const RUN = join(TMP, `run-${process.pid}`);
/** The tree measured: a fresh snapshot of this project, or (--tree=<dir>) another checkout with its own node_modules. */
const PROJECT = treeArg ? resolve(treeArg.slice(7)) : join(RUN, 'project');
const FLAGSHIP = 'social-media-nhs';
const RATES = [1, 4] as const;
const KB = 1000;

const TARGETS = {
  fetchedBeforeUsableGzipKB: 13,
  requestsBeforeUsable: 3,
  interactiveToFloor: 1.15,
  interactiveAt4xMs: 400,
  flagshipWorstSuspendData: 200,
  commitsPerDecision: 1,
  flagshipBuildMs: 5000,
  libraryBuildMs: 20000,
};

// ---------------------------------------------------------------- options

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.find((a) => a.startsWith('--runs='));
// 11, not 5: with 5 the ratio to the floor moved by 0.3 from one run to the next on a quiet machine.
const RUNS = runsArg ? Math.max(1, Number(runsArg.slice(7))) : quick ? 2 : 11;
const FLAGSHIP_BUILDS = quick ? 1 : 3;
const DEV_EDITS = quick ? 1 : 3;
const TRACED_RUNS = quick ? 1 : 3;
const skip = new Set((args.find((a) => a.startsWith('--skip='))?.slice(7) ?? '').split(',').filter(Boolean));

// ---------------------------------------------------------------- helpers

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, min, max and the runs, to 0.1 (ms, KB): ratios take median() and round2. */
function stat(values: number[]): Stat {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { median: r(median(values)), min: r(Math.min(...values)), max: r(Math.max(...values)), runs: values.map(r) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const gzip = (bytes: Uint8Array | string) => gzipSync(bytes).byteLength;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const sec = (n: number) => `${(n / 1000).toFixed(1)} s`;

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time of the command and its children (user + system), where bash can tell. */ cpuMs: number | null;
}

const TIMES = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/;

/**
 * Runs a command and times it. Through bash's `times` it also reports the CPU time the command
 * used: wall time on a busy machine says little, CPU time stays close to what a quiet one gives.
 */
function run(
  command: string,
  argv: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const bash = existsSync('/bin/bash');
    const child = bash
      ? spawn('/bin/bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bench', command, ...argv], {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(command, argv, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const m = bash ? TIMES.exec(stderr) : null;
      const cpuMs = m ? Math.round((Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000) : null;
      resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started, cpuMs });
    });
  });
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

function git(argv: string[], cwd = MAIN): string {
  try {
    return execFileSync('git', argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** git in the tree measured: this checkout for a snapshot; a --tree only where it is a checkout itself. */
function measuredGit(argv: string[]): string {
  if (!treeArg) return git(argv);
  return existsSync(join(PROJECT, '.git')) ? git(argv, PROJECT) : '';
}

// ---------------------------------------------------------------- the snapshot

/**
 * A copy of the working tree (without dist/, .git, bench/), with node_modules as a folder of
 * links to the project's packages, so Vite's cache and the build's output stay in the copy.
 */
function snapshot() {
  rmSync(PROJECT, { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  const leave = new Set(['node_modules', 'dist', '.git', 'bench', 'test-results', 'playwright-report', '.data']);
  for (const name of readdirSync(MAIN)) {
    if (leave.has(name)) continue;
    cpSync(join(MAIN, name), join(PROJECT, name), { recursive: true });
  }
  linkNodeModules(PROJECT);
}

/** node_modules in `tree` as a folder of links to the project's packages (not Vite's cache). */
function linkNodeModules(tree: string) {
  const modules = join(tree, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(MAIN, 'node_modules'))) {
    if (name.startsWith('.vite')) continue;
    symlinkSync(join(MAIN, 'node_modules', name), join(modules, name));
  }
}

// ---------------------------------------------------------------- measurements

interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}

interface Sizes {
  zip: { scorm12: number; scorm2004: number };
  html: Bytes;
  /** The app's code (assets/*.js), and of that the entry chunk the page loads first. */
  js: Bytes;
  jsEntry: Bytes;
  css: Bytes;
  /**
   * The module's own data: the structure (in index.html and scenarios.js, in course.js or in
   * the bundle), text/, summary.js, lang/ and media/.
   */
  content: Bytes;
  contentParts: Record<'course' | 'text' | 'lang' | 'media', Bytes>;
  /** Whether the course is inside the JS bundle (then js includes it, and content.course is its JSON). */
  courseInBundle: boolean;
  /**
   * Whether the course's structure is a data block in index.html (then html includes it, and
   * content.course is that block and scenarios.js, where there is one).
   */
  courseInPage: boolean;
}

const CONTENT = /^(course\.js$|scenarios\.js$|summary\.js$|text\/|lang\/|media\/)/;

function sizes(id: string, course: Course): Sizes {
  const dir = join(PROJECT, 'dist', id);
  const files = filesUnder(dir);
  const sum = (filter: (f: string) => boolean): Bytes => {
    const picked = files.filter(filter);
    const bytes = picked.map((f) => readFileSync(join(dir, f)));
    return {
      raw: bytes.reduce((a, b) => a + b.byteLength, 0),
      gzip: bytes.reduce((a, b) => a + gzip(b), 0),
      files: picked.length,
    };
  };
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // The entry the page loads: a script tag's src, or the inline bootstrap's data-entry.
  const entry = /<script[^>]+(?:src|data-entry)="\.?\/?([^"]+\.js)"/.exec(html)?.[1] ?? '';
  const block = /<script type="application\/json" id="fl-course-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const courseInPage = block !== undefined;
  const courseInBundle = !courseInPage && !files.includes('course.js');
  const json = block ?? JSON.stringify(course);
  const add = (xs: Bytes[]): Bytes => ({
    raw: xs.reduce((a, x) => a + x.raw, 0),
    gzip: xs.reduce((a, x) => a + x.gzip, 0),
    files: xs.reduce((a, x) => a + x.files, 0),
  });
  const inPage = { raw: Buffer.byteLength(json), gzip: gzip(json), files: 0 };
  const parts = {
    course: courseInBundle
      ? inPage
      : courseInPage
        ? add([inPage, sum((f) => f === 'scenarios.js')])
        : sum((f) => f === 'course.js'),
    text: sum((f) => f.startsWith('text/') || f === 'summary.js'),
    lang: sum((f) => f.startsWith('lang/')),
    media: sum((f) => f.startsWith('media/')),
  };
  const zipSize = (v: string) => statSync(join(PROJECT, 'dist', `${id}-scorm${v}.zip`)).size;
  return {
    zip: { scorm12: zipSize('12'), scorm2004: zipSize('2004') },
    html: sum((f) => f.endsWith('.html')),
    js: sum((f) => f.endsWith('.js') && !CONTENT.test(f)),
    jsEntry: sum((f) => f === entry),
    css: sum((f) => f.endsWith('.css')),
    content: add(Object.values(parts)),
    contentParts: parts,
    courseInBundle,
    courseInPage,
  };
}

interface SuspendData {
  worstCase: number;
  /** After the best answers all the way through. */
  typical: number;
  /** What the LMS held at the end of the measured completion (SCORM 2004). */
  measured: number | null;
  perScenario: { id: string; worstCase: number; typical: number }[];
}

function suspendData(
  course: Course,
  best: Step[],
  resume: ResumeModule,
  state: StateModule,
  keys: KeysModule,
): SuspendData {
  const decisions = best.map((s) => ({
    scenarioId: s.scenarioId,
    choiceIds: choiceIds(course, s),
    at: 0,
    latencyMs: 0,
  }));
  // A learner of a module that offers profiles has chosen one at Start: it is in their data.
  const offered = course.profiles;
  const profile =
    offered?.nations[0] && offered.groups[0] ? { nation: offered.nations[0], group: offered.groups[0] } : null;
  const typical = resume.encode(course, { ...state.initialState(), decisions, ...(profile ? { profile } : {}) }).length;
  const perScenario = course.scenarios.map((s) => {
    const step = best.find((b) => b.scenarioId === s.id);
    const picked = step ? step.texts.length : s.select === 'many' ? state.correctChoices(s).length : 1;
    return {
      id: s.id,
      worstCase: keys.SCENARIO_KEY_LENGTH + keys.CHOICE_KEY_LENGTH * (s.select === 'many' ? s.choices.length : 1),
      typical: keys.SCENARIO_KEY_LENGTH + keys.CHOICE_KEY_LENGTH * picked,
    };
  });
  return { worstCase: resume.worstCaseLength(course), typical, measured: null, perScenario };
}

function choiceIds(course: Course, step: Step): string[] {
  const s = course.scenarios.find((x) => x.id === step.scenarioId)!;
  return step.texts.map((t) => s.choices.find((c) => c.text === t)!.id);
}

/** The best answers along the path they take, from the start to the end. */
function bestPath(course: Course, state: StateModule, END: string): Step[] {
  const steps: Step[] = [];
  const decisions: { scenarioId: string; choiceIds: string[]; at: number; latencyMs: number }[] = [];
  for (let next = state.nextStep(course, decisions); next !== END; next = state.nextStep(course, decisions)) {
    const s = state.scenarioById(course, next);
    const best = state.correctChoices(s);
    const picked = s.select === 'many' ? best : best.slice(0, 1);
    steps.push({ scenarioId: s.id, title: s.title, select: s.select, texts: picked.map((c) => c.text) });
    decisions.push({ scenarioId: s.id, choiceIds: picked.map((c) => c.id), at: 0, latencyMs: 0 });
    if (steps.length > course.scenarios.length) throw new Error(`the best path through ${course.id} loops`);
  }
  return steps;
}

interface FetchSummary {
  requests: number;
  raw: number;
  gzip: number;
  /** Each request: the path below the module's folder, what asked for it (the browser's initiator type), its size. */
  files: { path: string; type: string; raw: number; gzip: number; startMs: number; endMs: number }[];
}

function fetchSummary(id: string, fetched: ColdRun['fetched']): FetchSummary {
  const files = fetched.map((f) => {
    const local = join(PROJECT, 'dist', id, f.path === '' ? 'index.html' : f.path);
    const bytes = existsSync(local) && statSync(local).isFile() ? readFileSync(local) : null;
    return {
      path: f.path || 'index.html',
      type: f.type,
      raw: bytes?.byteLength ?? f.bytes,
      gzip: bytes ? gzip(bytes) : f.bytes,
      startMs: Math.round(f.startMs),
      endMs: Math.round(f.endMs),
    };
  });
  return {
    requests: files.length,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    files,
  };
}

interface ScormCounts {
  version: '2004' | '1.2';
  decisions: number;
  calls: Record<string, number>;
  total: number;
  commits: number;
  commitsDuringScenarios: number;
  /** Of those, SCORM 1.2's commit of `completed` before `passed` at the end (docs/DESIGN.md, "1.2 completion"). */
  completedBeforePassed: number;
  /** Commits during the scenarios, less completedBeforePassed, per decision. */
  commitsPerDecision: number;
  setValuesPerDecision: number;
  passed: boolean;
}

/**
 * Commits of SCORM 1.2's `completed` that a later `passed` follows: Moodle's default activity
 * completion needs a commit that stored `completed`, so a passing learner's end takes two
 * commits by design. They belong to finishing, not to a decision.
 */
function completedBeforePassed(calls: readonly LmsCall[]): number {
  const status = (x: LmsCall, value: string) =>
    x.fn === 'LMSSetValue' && x.args[0] === 'cmi.core.lesson_status' && x.args[1] === value;
  return calls.filter((x, i) => status(x, 'completed') && calls.slice(i + 1).some((y) => status(y, 'passed'))).length;
}

function scormCounts(c: Completion): ScormCounts {
  const byFn: Record<string, number> = {};
  for (const call of c.calls) byFn[call.fn] = (byFn[call.fn] ?? 0) + 1;
  const isCommit = (fn: string) => fn === 'Commit' || fn === 'LMSCommit';
  const isSet = (fn: string) => fn === 'SetValue' || fn === 'LMSSetValue';
  const during = c.calls.slice(c.startIndex, c.resultsIndex);
  const commitsDuring = during.filter((x) => isCommit(x.fn)).length;
  const split = completedBeforePassed(during);
  const status = c.version === '2004' ? c.cmi['cmi.success_status'] : c.cmi['cmi.core.lesson_status'];
  return {
    version: c.version,
    decisions: c.decisions,
    calls: byFn,
    total: c.calls.length,
    commits: c.calls.filter((x) => isCommit(x.fn)).length,
    commitsDuringScenarios: commitsDuring,
    completedBeforePassed: split,
    commitsPerDecision: round2((commitsDuring - split) / Math.max(1, c.decisions)),
    setValuesPerDecision: Math.round((during.filter((x) => isSet(x.fn)).length / Math.max(1, c.decisions)) * 10) / 10,
    passed: status === 'passed',
  };
}

// ---------------------------------------------------------------- main

const loadStart = loadavg();
mkdirSync(RUN, { recursive: true });
const keep = args.includes('--keep');
process.on('exit', () => {
  if (!keep) rmSync(RUN, { recursive: true, force: true });
});
/** Parts that failed: the run goes on and the results say what broke. */
const failures: Record<string, string> = {};
async function section(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    failures[name] = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${failures[name]}`);
  }
}
if (treeArg) log(`measuring ${PROJECT}`);
else {
  log(`snapshot of the project in ${relative(MAIN, PROJECT)}`);
  snapshot();
}

const importFrom = <T>(rel: string) => import(pathToFileURL(join(PROJECT, rel)).href) as Promise<T>;
const courseLib = await importFrom<CourseModule>('src/compiler/course.ts');
const resumeLib = await importFrom<ResumeModule>('src/core/resume.ts');
const stateLib = await importFrom<StateModule>('src/core/state.ts');
const keysLib = await importFrom<KeysModule>('src/core/keys.ts');
const { END } = await importFrom<typeof import('../src/core/model.js')>('src/core/model.ts');

const modulesArg = args.find((a) => a.startsWith('--modules='));
const moduleIds = modulesArg ? modulesArg.slice(10).split(',') : courseLib.listModules(PROJECT);
const courses = new Map(moduleIds.map((id) => [id, courseLib.loadCourse(PROJECT, id).course]));

// Build: every module once (the output the browser runs), then the flagship alone, timed.
log('npm run build (every module)');
const fullBuild = await run('npm', ['run', 'build'], { cwd: PROJECT });
if (fullBuild.code !== 0) throw new Error(`npm run build failed:\n${fullBuild.stdout}\n${fullBuild.stderr}`);
const builtIn = (out: string, title: string) =>
  Number(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*built in (\\d+) ms`).exec(out)?.[1] ?? NaN);

const build: Record<string, unknown> = {
  allModules: { ms: Math.round(fullBuild.ms), cpuMs: fullBuild.cpuMs, modules: courseLib.listModules(PROJECT).length },
};
if (!skip.has('build') && courses.has(FLAGSHIP))
  await section('flagship build', async () => {
    const wall: number[] = [];
    const cpu: number[] = [];
    const inScript: number[] = [];
    for (let i = 0; i < FLAGSHIP_BUILDS; i++) {
      log(`npm run build -- ${FLAGSHIP} (${i + 1} of ${FLAGSHIP_BUILDS})`);
      const r = await run('npm', ['run', 'build', '--', FLAGSHIP], { cwd: PROJECT });
      if (r.code !== 0) throw new Error(`the flagship build failed:\n${r.stderr}`);
      wall.push(r.ms);
      if (r.cpuMs !== null) cpu.push(r.cpuMs);
      inScript.push(builtIn(r.stdout, courses.get(FLAGSHIP)!.title));
    }
    build.flagship = {
      module: FLAGSHIP,
      command: `npm run build -- ${FLAGSHIP}`,
      wallMs: stat(wall),
      cpuMs: cpu.length ? stat(cpu) : null,
      bundleAndPackageMs: stat(inScript),
    };
  });

// Sizes, suspend data and the best path, per module.
const perModule: Record<string, Record<string, unknown>> = {};
const paths = new Map<string, Step[]>();
for (const [id, course] of courses) {
  const best = bestPath(course, stateLib, END);
  paths.set(id, best);
  perModule[id] = {
    title: course.title,
    scenarios: course.scenarios.length,
    mainPath: course.order.length,
    sizes: sizes(id, course),
    suspendData: suspendData(course, best, resumeLib, stateLib, keysLib),
  };
}

/**
 * Writes the floor, and each module's first screen by hand, into dist/. Returns the modules
 * that have one, and the pages' removal.
 */
function writeFloor(ids: readonly string[]): { byHand: string[]; remove: () => void } {
  const pages = new Map<string, string>([[FLOOR, FLOOR_PAGE]]);
  const byHand: string[] = [];
  for (const id of ids) {
    const page = byHandPage(readFileSync(join(PROJECT, 'dist', id, 'index.html'), 'utf8'));
    if (page === null) log(`${id}: its index.html has no inline bootstrap, so no first screen by hand`);
    else {
      pages.set(byHandId(id), page);
      byHand.push(id);
    }
  }
  const remove = writePages(join(PROJECT, 'dist'), pages);
  return { byHand, remove };
}

interface ByHand {
  interactiveMs: Record<string, Stat>;
  mainThreadCpuMs: Stat;
  /** Over the floor, per CPU rate: the median of each run over the floor's run just before it. */
  overFloor: Record<string, number>;
  /** The module over it: per CPU rate run by run, and in main-thread CPU (medians of the traced runs). */
  moduleOverIt: Record<string, number>;
}

type ColdRuns = Map<string, Map<number, ColdRun[]>>;

/** A page's cold runs at a CPU rate. */
const runsOf = (cold: ColdRuns, page: string, rate: number) => cold.get(page)!.get(rate)!;

/** A page's time to interactive, per CPU rate. */
function interactiveStats(cold: ColdRuns, page: string): Record<string, Stat> {
  return Object.fromEntries(
    RATES.map((rate) => [`${rate}x`, stat(runsOf(cold, page, rate).map((r) => r.interactiveMs))]),
  );
}

/** Per CPU rate, the median of each of `over`'s runs over `under`'s run at the same turn (time to interactive, or another time). */
function pairedOver(
  cold: ColdRuns,
  over: string,
  under: string,
  time: 'interactiveMs' | 'firstScenarioMs' = 'interactiveMs',
): Record<string, number> {
  return Object.fromEntries(
    RATES.map((rate) => {
      const below = runsOf(cold, under, rate);
      return [`${rate}x`, round2(median(runsOf(cold, over, rate).map((r, i) => r[time] / below[i]![time])))];
    }),
  );
}

/** Every request of a page's run started before its first screen was usable (Start enabled). */
function fetchedBeforeUsable(id: string, run: ColdRun): FetchSummary {
  return fetchSummary(
    id,
    run.fetched.filter((f) => f.startMs < run.interactiveMs),
  );
}

/**
 * A module's first screen by hand: its cold runs (taken with the others), its traced runs, and
 * the module over it (moduleCpuMs: the module's own traced runs).
 */
async function byHandFigures(
  id: string,
  cold: ColdRuns,
  trace: (page: string) => Promise<TracedRun>,
  moduleCpuMs: Stat,
): Promise<ByHand> {
  const page = byHandId(id);
  const traced = await tracedRuns(page, trace);
  const cpu = stat(traced.map((t) => t.cpuMs));
  return {
    interactiveMs: interactiveStats(cold, page),
    mainThreadCpuMs: cpu,
    overFloor: pairedOver(cold, page, FLOOR),
    moduleOverIt: { ...pairedOver(cold, id, page), cpu: round2(moduleCpuMs.median / cpu.median) },
  };
}

/** A module launched in another of its languages: its cold runs' page id ("social-media-nhs@cy"). */
const languageId = (id: string, language: string) => `${id}@${language}`;
const otherLanguages = (id: string) => {
  const course = courses.get(id)!;
  return course.languages.filter((l) => l !== course.language);
};

interface LanguageFigures {
  interactiveMs: Record<string, Stat>;
  /** Per CPU rate, run by run: over the floor, and over the module launched in its own language. */
  overFloor: Record<string, number>;
  overModule: Record<string, number>;
  fetchedBeforeUsable: FetchSummary;
}

/** A module launched in another language: the time to interactive and what it fetched first. */
function languageFigures(id: string, language: string, cold: ColdRuns): LanguageFigures {
  const page = languageId(id, language);
  return {
    interactiveMs: interactiveStats(cold, page),
    overFloor: pairedOver(cold, page, FLOOR),
    overModule: pairedOver(cold, page, id),
    fetchedBeforeUsable: fetchedBeforeUsable(id, runsOf(cold, page, 1)[0]!),
  };
}

/** A module as it was at --against=<ref>: its cold runs' page id. */
const BEFORE = 'bench-before-';
const beforeId = (id: string) => `${BEFORE}${id}`;
const againstRef = args.find((a) => a.startsWith('--against='))?.slice(10) ?? null;
let against = null as { ref: string; commit: string } | null;

/**
 * Builds the project as it was at `ref` (git archive into this run's folder, with this
 * project's packages linked) and puts each module's package beside this tree's as
 * bench-before-<id>, so its cold runs are taken in turn with today's. Returns the modules it
 * has, and the pages' removal.
 */
async function writeBefore(ref: string, ids: readonly string[]): Promise<{ ids: string[]; remove: () => void }> {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  if (!commit) throw new Error(`--against=${ref}: not a commit of this repository`);
  const tree = join(RUN, 'before');
  mkdirSync(tree, { recursive: true });
  execFileSync('/bin/sh', ['-c', `git archive ${commit} | tar -x -C "${tree}"`], { cwd: MAIN });
  linkNodeModules(tree);
  log(`npm run build at ${ref} (${commit.slice(0, 7)})`);
  const built = await run('npm', ['run', 'build'], { cwd: tree });
  if (built.code !== 0) throw new Error(`npm run build at ${ref} failed:\n${built.stdout}\n${built.stderr}`);
  against = { ref, commit };
  const have = ids.filter((id) => existsSync(join(tree, 'dist', id, 'index.html')));
  for (const id of ids.filter((i) => !have.includes(i))) log(`${id}: not in ${ref}, so no before`);
  for (const id of have) {
    cpSync(join(tree, 'dist', id), join(PROJECT, 'dist', beforeId(id)), { recursive: true });
    const meta = JSON.parse(readFileSync(join(tree, 'dist', `${id}.json`), 'utf8')) as { id: string };
    writeFileSync(join(PROJECT, 'dist', `${beforeId(id)}.json`), JSON.stringify({ ...meta, id: beforeId(id) }));
  }
  const remove = () => {
    for (const id of have) {
      rmSync(join(PROJECT, 'dist', beforeId(id)), { recursive: true, force: true });
      rmSync(join(PROJECT, 'dist', `${beforeId(id)}.json`), { force: true });
    }
  };
  return { ids: have, remove };
}

interface BeforeFigures {
  interactiveMs: Record<string, Stat>;
  firstScenarioAfterStartMs: Record<string, Stat>;
  fetchedBeforeUsable: FetchSummary;
  /** Per CPU rate, run by run: today's module over it, in time to interactive and from Start to the first scenario. */
  nowOverBefore: { interactive: Record<string, number>; firstScenario: Record<string, number> };
  /** Launched in each other language: the same, with today's module in that language over it. */
  languages: Record<
    string,
    { interactiveMs: Record<string, Stat>; fetchedBeforeUsable: FetchSummary; nowOverBefore: Record<string, number> }
  >;
}

/** A module as it was at --against, beside today's from the same interleaved cold runs. */
function beforeFigures(id: string, cold: ColdRuns): BeforeFigures {
  const page = beforeId(id);
  const firstScenario = (rate: number) => stat(runsOf(cold, page, rate).map((r) => r.firstScenarioMs));
  return {
    interactiveMs: interactiveStats(cold, page),
    firstScenarioAfterStartMs: Object.fromEntries(RATES.map((rate) => [`${rate}x`, firstScenario(rate)])),
    fetchedBeforeUsable: fetchedBeforeUsable(page, runsOf(cold, page, 1)[0]!),
    nowOverBefore: {
      interactive: pairedOver(cold, id, page),
      firstScenario: pairedOver(cold, id, page, 'firstScenarioMs'),
    },
    languages: Object.fromEntries(
      otherLanguages(id).map((l) => {
        const then = languageId(page, l);
        const figures = {
          interactiveMs: interactiveStats(cold, then),
          fetchedBeforeUsable: fetchedBeforeUsable(page, runsOf(cold, then, 1)[0]!),
          nowOverBefore: pairedOver(cold, languageId(id, l), then),
        };
        return [l, figures];
      }),
    ),
  };
}

/**
 * Cold runs interleaved (the floor, then each module and its first screen by hand, run after
 * run), so a change in the machine's load during the bench falls on them all alike.
 */
async function coldRuns(browser: Browser, base: string, pages: string[], moduleIds: string[]): Promise<ColdRuns> {
  const cold: ColdRuns = new Map();
  for (const id of pages) cold.set(id, new Map(RATES.map((rate) => [rate, []])));
  for (const rate of RATES)
    for (let i = 0; i < RUNS; i++)
      for (const id of pages) {
        log(`${id}: cold run ${i + 1} of ${RUNS} at ${rate}x CPU`);
        const [module, language] = id.split('@') as [string, string | undefined];
        const course = module.startsWith(BEFORE) ? module.slice(BEFORE.length) : module;
        const measureHeap = rate === 1 && moduleIds.includes(id);
        const run = await coldRun(browser, base, module, rate, measureHeap, language ?? null, course);
        runsOf(cold, id, rate).push(run);
      }
  return cold;
}

async function tracedRuns(page: string, trace: (page: string) => Promise<TracedRun>): Promise<TracedRun[]> {
  const traced: TracedRun[] = [];
  for (let i = 0; i < TRACED_RUNS; i++) {
    log(`${page}: traced run ${i + 1} of ${TRACED_RUNS} at 1x CPU`);
    traced.push(await trace(page));
  }
  return traced;
}

/** A module's cold runs against the floor's: ratios, timings per CPU rate, heap, what it fetched. */
function coldFigures(id: string, cold: ColdRuns, floorStats: Record<string, Stat>) {
  const timing: Record<string, unknown> = {};
  const heaps: number[] = [];
  const ratio: Record<string, number> = {};
  for (const rate of RATES) {
    const runs = runsOf(cold, id, rate);
    for (const r of runs) if (r.heapUsedBytes !== null) heaps.push(r.heapUsedBytes);
    const interactive = stat(runs.map((r) => r.interactiveMs));
    ratio[`${rate}x`] = round2(interactive.median / floorStats[`${rate}x`]!.median);
    timing[`${rate}x`] = {
      introMs: stat(runs.map((r) => r.introMs)),
      interactiveMs: interactive,
      firstScenarioAfterStartMs: stat(runs.map((r) => r.firstScenarioMs)),
      lmsPageBeforeScoMs: stat(runs.map((r) => r.scoStartOnPageMs)),
      interactiveFromLmsPageMs: stat(runs.map((r) => r.scoStartOnPageMs + r.interactiveMs)),
      phases: {
        htmlMs: stat(runs.map((r) => r.phases.htmlMs)),
        scriptsMs: stat(runs.map((r) => r.phases.scriptsMs)),
        domContentLoadedMs: stat(runs.map((r) => r.phases.domContentLoadedMs)),
        firstPaintMs: stat(runs.map((r) => r.phases.firstPaintMs ?? NaN)),
      },
    };
  }
  const r0 = runsOf(cold, id, 1)[0]!;
  return {
    ratio,
    // Each run over the floor's run just before it: steadier than the medians when the load changes.
    paired: pairedOver(cold, id, FLOOR),
    timing,
    heaps,
    fetched: {
      beforeUsable: fetchedBeforeUsable(id, r0),
      byFirstScenario: fetchSummary(id, r0.fetched),
    },
    lmsPageBytes: r0.lmsPageBytes,
  };
}

/** Main-thread CPU to interactive, in all and by kind of work, from a module's traced runs. */
function cpuFigures(traced: TracedRun[]) {
  const kinds = [...new Set(traced.flatMap((t) => Object.keys(t.breakdown)))];
  return {
    toInteractiveMs: stat(traced.map((t) => t.cpuMs)),
    wallToInteractiveMs: stat(traced.map((t) => t.wallMs)),
    breakdownMs: Object.fromEntries(kinds.map((k) => [k, stat(traced.map((t) => t.breakdown[k] ?? 0)).median])),
  };
}

/** One full completion with the best answers in each SCORM version: what the LMS was sent. */
async function scormFigures(browser: Browser, base: string, id: string) {
  const scorm: Record<string, ScormCounts> = {};
  for (const version of ['2004', '1.2'] as const) {
    log(`${id}: full completion with the best answers, SCORM ${version}`);
    const c = await complete(browser, base, id, version, paths.get(id)!);
    scorm[version] = scormCounts(c);
    if (version === '2004')
      (perModule[id]!.suspendData as SuspendData).measured = c.cmi['cmi.suspend_data']?.length ?? null;
  }
  return scorm;
}

/** Everything the browser measures of one module, into perModule[id]. */
async function browserFigures(
  browser: Browser,
  base: string,
  id: string,
  cold: ColdRuns,
  pages: { byHand: boolean; before: boolean },
) {
  const trace = (page: string) => tracedRun(browser, base, page, join(RUN, 'trace.json'));
  const figures = coldFigures(id, cold, floor!);
  const m = perModule[id]!;
  m.lmsPageBytes = figures.lmsPageBytes;
  m.interactiveToFloor = figures.ratio;
  m.interactiveToFloorPaired = figures.paired;
  const traced = await tracedRuns(id, trace);
  const cpu = cpuFigures(traced);
  if (floorCpu) m.cpuToFloor = round2(cpu.toInteractiveMs.median / floorCpu.median);
  const alone: number[] = [];
  for (let i = 0; i < 3; i++) alone.push(await moduleHeap(browser, base, id));
  m.timing = { ...figures.timing, mainThreadCpu: cpu };
  if (pages.byHand) m.byHand = await byHandFigures(id, cold, trace, cpu.toInteractiveMs);
  if (pages.before) m.before = beforeFigures(id, cold);
  const languages = otherLanguages(id);
  if (languages.length) m.languages = Object.fromEntries(languages.map((l) => [l, languageFigures(id, l, cold)]));
  m.fetched = figures.fetched;
  m.heap = { lmsPageWithModuleBytes: stat(figures.heaps), moduleAloneBytes: stat(alone) };
  m.scorm = await scormFigures(browser, base, id);
}

let floor: Record<string, Stat> | null = null;
let floorFetched: FetchSummary | null = null;
let floorCpu: Stat | null = null;

// Browser: cold runs at each CPU rate, then one full completion per SCORM version.
let chromium = '';
if (!skip.has('browser'))
  await section('browser', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const floorPages = writeFloor(moduleIds);
    let before: { ids: string[]; remove: () => void } = { ids: [], remove: () => undefined };
    let server: ChildProcess | null = null;
    let browser: Browser | null = null;
    try {
      // Before the server starts, so it serves them too.
      if (againstRef) before = await writeBefore(againstRef, moduleIds);
      server = (
        await startServer(
          PROJECT,
          'scripts/serve.ts',
          [],
          { PORT: String(port), HOST: '127.0.0.1' },
          `${base}/api/modules`,
        )
      ).child;
      const launched = await launchBrowser();
      const open = (browser = launched.browser);
      chromium = `${launched.executable} ${open.version()}`;
      const pages = [
        FLOOR,
        ...moduleIds.flatMap((id) => [
          id,
          ...(before.ids.includes(id)
            ? [beforeId(id), ...otherLanguages(id).map((l) => languageId(beforeId(id), l))]
            : []),
          ...(floorPages.byHand.includes(id) ? [byHandId(id)] : []),
          ...otherLanguages(id).map((l) => languageId(id, l)),
        ]),
      ];
      const cold = await coldRuns(open, base, pages, moduleIds);
      floor = interactiveStats(cold, FLOOR);
      const floorTraced = await tracedRuns(FLOOR, (page) => tracedRun(open, base, page, join(RUN, 'trace.json')));
      floorCpu = stat(floorTraced.map((t) => t.cpuMs));
      floorFetched = fetchedBeforeUsable(FLOOR, runsOf(cold, FLOOR, 1)[0]!);
      for (const id of moduleIds)
        await browserFigures(open, base, id, cold, {
          byHand: floorPages.byHand.includes(id),
          before: before.ids.includes(id),
        });
    } finally {
      await browser?.close();
      if (server) await stopServer(server);
      floorPages.remove();
      before.remove();
    }
  });

// The generated library: 20 modules x 25 scenarios, built in a fresh process.
if (!skip.has('library') && !existsSync(join(PROJECT, 'scripts', 'bench-library.ts'))) {
  log('the measured tree has no scripts/bench-library.ts: the library build is left out');
  build.library = null;
} else if (!skip.has('library'))
  await section('library', async () => {
    const libRoot = join(RUN, 'library');
    const libOut = join(RUN, 'library-dist');
    log(
      `generating ${LIBRARY.modules} modules x ${LIBRARY.scenariosPerModule} scenarios in ${relative(MAIN, libRoot)}`,
    );
    generateLibrary(libRoot);
    rmSync(libOut, { recursive: true, force: true });
    log('building the library (1 run)');
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/bench-library.ts', libRoot, libOut], {
      cwd: PROJECT,
    });
    if (r.code !== 0) throw new Error(`the library build failed:\n${r.stderr}`);
    const parts = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    build.library = {
      modules: parts.modules,
      scenarios: parts.scenarios,
      runs: 1,
      wallMs: Math.round(r.ms),
      cpuMs: r.cpuMs,
      phasesMs: parts,
    };
  });

// The dev server: ms from saving a scenario to the frame showing the change.
if (!skip.has('dev') && !skip.has('browser'))
  await section('dev server', async () => {
    const devRoot = join(RUN, 'dev-content');
    rmSync(devRoot, { recursive: true, force: true });
    cpSync(join(PROJECT, 'modules', 'sample'), join(devRoot, 'modules', 'sample'), { recursive: true });
    cpSync(join(PROJECT, 'content', 'sample'), join(devRoot, 'content', 'sample'), { recursive: true });
    const sample = courses.get('sample')!;
    const first = sample.scenarios[0]!;
    const file = join(devRoot, 'content', 'sample', `${first.id}.md`);
    const original = readFileSync(file, 'utf8');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    log('dev server: start, then edit a scenario and wait for the change in the frame');
    const server = await startServer(
      PROJECT,
      'scripts/dev.ts',
      ['sample'],
      { PORT: String(port), HOST: '127.0.0.1', FRONTLINE_CONTENT_ROOT: devRoot },
      `${base}/api/modules`,
    );
    const { browser } = await launchBrowser();
    try {
      const edit = (n: number) => {
        const title = `${first.title} (edit ${n})`;
        return {
          title,
          write: () => writeFileSync(file, original.replace(`title: ${first.title}`, `title: ${title}`)),
        };
      };
      const r = await devRebuild(browser, base, { id: first.id, title: first.title }, edit, DEV_EDITS);
      build.devRebuild = {
        serverReadyMs: Math.round(server.readyMs),
        firstLoadMs: r.firstLoadMs,
        afterEditMs: stat(r.rebuildMs),
        edits: DEV_EDITS,
      };
    } finally {
      writeFileSync(file, original);
      await browser.close();
      await stopServer(server.child);
    }
  });

// The local LMS under load, once it exists.
let lms: Record<string, unknown> = skip.has('lms')
  ? { available: false, note: 'left out (--skip=lms)' }
  : { available: false, note: 'not available yet: no scorm/lms/ and no "bench:lms" npm script' };
const mainPackage = JSON.parse(readFileSync(join(MAIN, 'package.json'), 'utf8')) as {
  scripts?: Record<string, string>;
};
if (!skip.has('lms') && existsSync(join(MAIN, 'scorm', 'lms')) && mainPackage.scripts?.['bench:lms'])
  await section('lms', async () => {
    log('npm run bench:lms');
    const r = await run('npm', ['run', '--silent', 'bench:lms'], { cwd: MAIN, timeoutMs: 180_000 });
    const text = r.stdout;
    const num = (re: RegExp) => {
      const m = re.exec(text);
      return m ? Number(m[1]) : null;
    };
    const figures = {
      learners: num(/(\d+) concurrent learners/),
      commitsEach: num(/x (\d+) commits each/),
      commitsPerSecond: num(/= (\d+(?:\.\d+)?) commits\/s/),
      p50Ms: num(/latency: p50 (\d+(?:\.\d+)?) ms/),
      p99Ms: num(/latency: p50 [\d.]+ ms, p99 (\d+(?:\.\d+)?) ms/),
      maxMs: num(/latency: .* max (\d+(?:\.\d+)?) ms/),
      serverCpuMsPerCommit: num(/server CPU: (\d+(?:\.\d+)?) ms per commit/),
      failedCommits: num(/failed commits: (\d+)/),
      storedEqualsSent: /stored = sent: yes/.test(text),
    };
    lms = { available: true, exitCode: r.code, figures, output: r.stdout.trim().split('\n') };
  });

// The 10,000-account figures (npm run bench:lms -- --scale) take longer than this run: kept as they were.
const previous = existsSync(join(BENCH, 'results.json'))
  ? (JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')) as { lms?: { scale?: unknown } })
  : {};
if (previous.lms?.scale) lms.scale = previous.lms.scale;

// ---------------------------------------------------------------- targets, table, results

type ModuleResult = {
  title: string;
  scenarios: number;
  mainPath: number;
  sizes: Sizes;
  suspendData: SuspendData;
  timing?: Record<
    string,
    {
      introMs: Stat;
      interactiveMs: Stat;
      firstScenarioAfterStartMs: Stat;
      lmsPageBeforeScoMs: Stat;
      interactiveFromLmsPageMs: Stat;
      phases: { htmlMs: Stat; scriptsMs: Stat; domContentLoadedMs: Stat; firstPaintMs: Stat };
    }
  > & { mainThreadCpu?: { toInteractiveMs: Stat; wallToInteractiveMs: Stat; breakdownMs: Record<string, number> } };
  fetched?: { beforeUsable: FetchSummary; byFirstScenario: FetchSummary };
  /** Median time to interactive over the floor's, per CPU rate. */
  interactiveToFloor?: Record<string, number>;
  /** The median of each run over the floor's run taken just before it, per CPU rate. */
  interactiveToFloorPaired?: Record<string, number>;
  /** Main-thread CPU to interactive (trace, 1x) over the floor's. */
  cpuToFloor?: number;
  /** The module's first screen by hand, and the module over it (run by run per rate; cpu: trace medians). */
  byHand?: ByHand;
  /** Launched in each other language the module offers. */
  languages?: Record<string, LanguageFigures>;
  /** The module as it was at --against, from the same interleaved cold runs. */
  before?: BeforeFigures;
  heap?: { lmsPageWithModuleBytes: Stat; moduleAloneBytes: Stat };
  scorm?: Record<string, ScormCounts>;
  lmsPageBytes?: number;
};
const results = perModule as Record<string, ModuleResult>;
const flagship = results[FLAGSHIP];
const b = build as {
  allModules: { ms: number; cpuMs: number | null; modules: number };
  flagship?: { wallMs: Stat; cpuMs: Stat | null; bundleAndPackageMs: Stat };
  library?: {
    wallMs: number;
    cpuMs: number | null;
    scenarios: number;
    modules: number;
    phasesMs: Record<string, number>;
  };
  devRebuild?: { serverReadyMs: number; firstLoadMs: number; afterEditMs: Stat };
};

const targets: { target: string; limit: string; measured: string; met: boolean | null }[] = [];
const cpuOf = (n: number | null | undefined) => (n == null ? '?' : sec(n));
const worstOf = (f: (m: ModuleResult) => number | undefined) =>
  Math.max(
    ...Object.values(results)
      .map(f)
      .filter((x): x is number => x !== undefined),
  );
if (Object.values(results).every((m) => m.fetched)) {
  const v = worstOf((m) => m.fetched?.beforeUsable.gzip);
  targets.push({
    target: 'gzip fetched before the first screen is usable (largest module)',
    limit: `<= ${TARGETS.fetchedBeforeUsableGzipKB} KB`,
    measured: kb(v),
    met: v <= TARGETS.fetchedBeforeUsableGzipKB * KB,
  });
  const n = worstOf((m) => m.fetched?.beforeUsable.requests);
  targets.push({
    target: 'requests before the first screen is usable (any module)',
    limit: `<= ${TARGETS.requestsBeforeUsable}`,
    measured: String(n),
    met: n <= TARGETS.requestsBeforeUsable,
  });
  for (const rate of RATES) {
    const r = worstOf((m) => m.interactiveToFloor?.[`${rate}x`]);
    targets.push({
      target: `interactive at ${rate}x CPU over the floor's, same run (slowest module)`,
      limit: `<= ${TARGETS.interactiveToFloor}x`,
      measured: `${r.toFixed(2)}x`,
      met: r <= TARGETS.interactiveToFloor,
    });
  }
  const t = worstOf((m) => m.timing?.['4x']?.interactiveMs.median);
  const c1 = worstOf((m) => m.timing?.mainThreadCpu?.toInteractiveMs.median);
  const f4 = (floor as Record<string, Stat> | null)?.['4x']?.median;
  targets.push({
    target: 'interactive at 4x CPU, median (slowest module)',
    limit: `<= ${TARGETS.interactiveAt4xMs} ms`,
    measured: `${ms(t)} (1x CPU ${ms(c1)}${f4 === undefined ? '' : `; floor ${ms(f4)}`})`,
    met: t <= TARGETS.interactiveAt4xMs,
  });
  const c = worstOf((m) => Math.max(...Object.values(m.scorm ?? {}).map((s) => s.commitsPerDecision)));
  targets.push({
    target: 'commits per decision (any module, either version)',
    limit: `<= ${TARGETS.commitsPerDecision}`,
    measured: String(c),
    met: c <= TARGETS.commitsPerDecision,
  });
}
if (flagship) {
  targets.push({
    target: `worst-case suspend_data, ${FLAGSHIP}`,
    limit: `<= ${TARGETS.flagshipWorstSuspendData} chars`,
    measured: `${flagship.suspendData.worstCase} chars`,
    met: flagship.suspendData.worstCase <= TARGETS.flagshipWorstSuspendData,
  });
}
if (b.flagship)
  targets.push({
    target: `flagship build, median wall (npm run build -- ${FLAGSHIP})`,
    limit: `<= ${sec(TARGETS.flagshipBuildMs)}`,
    measured: `${sec(b.flagship.wallMs.median)} (CPU ${cpuOf(b.flagship.cpuMs?.median)})`,
    met: b.flagship.wallMs.median <= TARGETS.flagshipBuildMs,
  });
if (b.library)
  targets.push({
    target: `library build, ${b.library.scenarios} scenarios in ${b.library.modules} modules`,
    limit: `<= ${sec(TARGETS.libraryBuildMs)}`,
    measured: `${sec(b.library.wallMs)} (CPU ${cpuOf(b.library.cpuMs)})`,
    met: b.library.wallMs <= TARGETS.libraryBuildMs,
  });

function table(title: string, header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const ids = Object.keys(results);
const col = (f: (m: ModuleResult) => string) => ids.map((id) => f(results[id]!));
const rawGz = (x: { raw: number; gzip: number }) => `${kb(x.raw)} / ${kb(x.gzip)}`;
/** Requests / gzip of what a page fetched before it was usable. */
const requestsGz = (f: FetchSummary) => `${f.requests} / ${kb(f.gzip)}`;
const sm = (s: Stat | undefined) => (s ? `${Math.round(s.median)} (${Math.round(s.min)}-${Math.round(s.max)})` : '-');
const out: string[] = [];
out.push(
  table(
    'Size (raw / gzip; KB = 1,000 bytes)',
    ['', ...ids],
    [
      ['scenarios (main path)', ...col((m) => `${m.scenarios} (${m.mainPath})`)],
      ['zip SCORM 1.2 / 2004', ...col((m) => `${kb(m.sizes.zip.scorm12)} / ${kb(m.sizes.zip.scorm2004)}`)],
      ['JS (app code, every chunk)', ...col((m) => rawGz(m.sizes.js))],
      ['  entry chunk', ...col((m) => rawGz(m.sizes.jsEntry))],
      ['CSS', ...col((m) => rawGz(m.sizes.css))],
      ['HTML', ...col((m) => rawGz(m.sizes.html))],
      ['content, all', ...col((m) => rawGz(m.sizes.content))],
      [
        '  structure (course.js, or in HTML)',
        ...col(
          (m) =>
            `${rawGz(m.sizes.contentParts.course)}${m.sizes.courseInBundle ? ' in JS' : m.sizes.courseInPage ? ' in HTML' : ''}`,
        ),
      ],
      [
        '  text/ and summary.js (words)',
        ...col((m) => `${rawGz(m.sizes.contentParts.text)} in ${m.sizes.contentParts.text.files}`),
      ],
      [
        '  lang/ (other languages)',
        ...col((m) => `${rawGz(m.sizes.contentParts.lang)} in ${m.sizes.contentParts.lang.files}`),
      ],
      ['  media/', ...col((m) => `${rawGz(m.sizes.contentParts.media)} in ${m.sizes.contentParts.media.files}`)],
      [
        'fetched before the first screen is usable',
        ...col((m) => (m.fetched ? `${rawGz(m.fetched.beforeUsable)} in ${m.fetched.beforeUsable.requests}` : '-')),
      ],
      ...Array.from(
        { length: Math.max(0, ...ids.map((id) => results[id]!.fetched?.beforeUsable.files.length ?? 0)) },
        (_, i) => [
          `  request ${i + 1}: path (type) gzip`,
          ...col((m) => {
            const f = m.fetched?.beforeUsable.files[i];
            return f ? `${f.path.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')} (${f.type}) ${kb(f.gzip)}` : '';
          }),
        ],
      ),
      [
        'fetched by the first scenario',
        ...col((m) =>
          m.fetched ? `${rawGz(m.fetched.byFirstScenario)} in ${m.fetched.byFirstScenario.requests}` : '-',
        ),
      ],
      ['LMS page itself (not counted)', ...col((m) => (m.lmsPageBytes !== undefined ? kb(m.lmsPageBytes) : '-'))],
    ],
  ),
);
if (ids.every((id) => results[id]!.timing)) {
  out.push(
    table(
      `Time in ms, median (min-max) of ${RUNS} cold runs; from the module frame's navigation`,
      ['', ...ids],
      [
        ...RATES.flatMap((rate) => [
          [`${rate}x CPU: first screen (intro h1)`, ...col((m) => sm(m.timing![`${rate}x`]!.introMs))],
          [`${rate}x CPU: interactive (Start)`, ...col((m) => sm(m.timing![`${rate}x`]!.interactiveMs))],
          [
            `${rate}x CPU: Start -> first scenario`,
            ...col((m) => sm(m.timing![`${rate}x`]!.firstScenarioAfterStartMs)),
          ],
          [
            `${rate}x CPU: interactive from LMS page load`,
            ...col((m) => sm(m.timing![`${rate}x`]!.interactiveFromLmsPageMs)),
          ],
          [
            `${rate}x CPU: html / scripts in / DOMContentLoaded`,
            ...col((m) => {
              const p = m.timing![`${rate}x`]!.phases;
              return [p.htmlMs, p.scriptsMs, p.domContentLoadedMs].map((x) => Math.round(x.median)).join(' / ');
            }),
          ],
        ]),
        ...(floor
          ? RATES.flatMap((rate) => [
              [
                `floor at ${rate}x CPU: interactive (one hand-written HTML file, same reads)`,
                ...col(() => sm((floor as Record<string, Stat>)[`${rate}x`])),
              ],
              [
                `${rate}x CPU: interactive over the floor (medians; run by run)`,
                ...col((m) =>
                  m.interactiveToFloor
                    ? `${m.interactiveToFloor[`${rate}x`]!.toFixed(2)}x; ${m.interactiveToFloorPaired?.[`${rate}x`]?.toFixed(2) ?? '-'}x`
                    : '-',
                ),
              ],
            ])
          : []),
        ['main-thread CPU to interactive, 1x (trace)', ...col((m) => sm(m.timing!.mainThreadCpu?.toInteractiveMs))],
        [
          '  the floor, the same (trace); module over floor',
          ...col((m) => `${sm(floorCpu ?? undefined)}; ${m.cpuToFloor?.toFixed(2) ?? '-'}x`),
        ],
        [
          '  script / compile / style / layout / paint',
          ...col((m) => {
            const b = m.timing!.mainThreadCpu?.breakdownMs ?? {};
            return ['script', 'compile', 'style', 'layout', 'paint'].map((k) => Math.round(b[k] ?? 0)).join(' / ');
          }),
        ],
        ...RATES.map((rate) => [
          `same first screen by hand, ${rate}x: interactive; over the floor; module over it`,
          ...col((m) =>
            m.byHand
              ? `${sm(m.byHand.interactiveMs[`${rate}x`])}; ${m.byHand.overFloor[`${rate}x`]!.toFixed(2)}x; ${m.byHand.moduleOverIt[`${rate}x`]!.toFixed(2)}x`
              : '-',
          ),
        ]),
        [
          'same first screen by hand, main-thread CPU (trace); module over it',
          ...col((m) =>
            m.byHand ? `${sm(m.byHand.mainThreadCpuMs)}; ${m.byHand.moduleOverIt.cpu!.toFixed(2)}x` : '-',
          ),
        ],
        ...(againstRef && against
          ? [
              ...RATES.map((rate) => [
                `before (${againstRef}), ${rate}x: interactive; Start -> first scenario; now over before`,
                ...col((m) => {
                  const f = m.before;
                  if (!f) return '-';
                  const r = `${rate}x`;
                  const now = `${f.nowOverBefore.interactive[r]!.toFixed(2)}x / ${f.nowOverBefore.firstScenario[r]!.toFixed(2)}x`;
                  return `${sm(f.interactiveMs[r])}; ${sm(f.firstScenarioAfterStartMs[r])}; ${now}`;
                }),
              ]),
              [
                `before (${againstRef}): requests / gzip before usable`,
                ...col((m) => (m.before ? requestsGz(m.before.fetchedBeforeUsable) : '-')),
              ],
              ...RATES.map((rate) => [
                `before (${againstRef}) in another language, ${rate}x: interactive; now over before`,
                ...col(
                  (m) =>
                    Object.entries(m.before?.languages ?? {})
                      .map(
                        ([l, f]) =>
                          `${l}: ${sm(f.interactiveMs[`${rate}x`])}; ${f.nowOverBefore[`${rate}x`]!.toFixed(2)}x`,
                      )
                      .join(', ') || '-',
                ),
              ]),
              [
                `before (${againstRef}) in another language: requests / gzip before usable`,
                ...col(
                  (m) =>
                    Object.entries(m.before?.languages ?? {})
                      .map(([l, f]) => `${l}: ${requestsGz(f.fetchedBeforeUsable)}`)
                      .join(', ') || '-',
                ),
              ],
            ]
          : []),
        ...RATES.map((rate) => [
          `in another language, ${rate}x: interactive; over the floor; over the module's own language`,
          ...col((m) =>
            m.languages
              ? Object.entries(m.languages)
                  .map(
                    ([l, f]) =>
                      `${l}: ${sm(f.interactiveMs[`${rate}x`])}; ${f.overFloor[`${rate}x`]!.toFixed(2)}x; ${f.overModule[`${rate}x`]!.toFixed(2)}x`,
                  )
                  .join(', ')
              : '-',
          ),
        ]),
        [
          'in another language: requests / gzip before usable',
          ...col((m) =>
            m.languages
              ? Object.entries(m.languages)
                  .map(([l, f]) => `${l}: ${requestsGz(f.fetchedBeforeUsable)}`)
                  .join(', ')
              : '-',
          ),
        ],
        [
          'JS heap after load: module alone / in LMS page',
          ...col((m) =>
            m.heap ? `${kb(m.heap.moduleAloneBytes.median)} / ${kb(m.heap.lmsPageWithModuleBytes.median)}` : '-',
          ),
        ],
      ],
    ),
  );
}
out.push(
  table(
    'suspend_data (characters)',
    ['', ...ids],
    [
      ['worst case (module)', ...col((m) => String(m.suspendData.worstCase))],
      ['typical: best answers (module)', ...col((m) => String(m.suspendData.typical))],
      ['measured in the LMS after completion', ...col((m) => String(m.suspendData.measured ?? '-'))],
      [
        'per scenario, worst case (min-max)',
        ...col((m) => {
          const w = m.suspendData.perScenario.map((s) => s.worstCase);
          return `${Math.min(...w)}-${Math.max(...w)}`;
        }),
      ],
      [
        'per scenario, typical (min-max)',
        ...col((m) => {
          const w = m.suspendData.perScenario.map((s) => s.typical);
          return `${Math.min(...w)}-${Math.max(...w)}`;
        }),
      ],
    ],
  ),
);
if (ids.every((id) => results[id]!.scorm)) {
  out.push(
    table(
      'SCORM calls for one full completion with the best answers (2004 | 1.2)',
      ['', ...ids],
      [
        ['decisions', ...col((m) => `${m.scorm!['2004']!.decisions} | ${m.scorm!['1.2']!.decisions}`)],
        ['calls in all', ...col((m) => `${m.scorm!['2004']!.total} | ${m.scorm!['1.2']!.total}`)],
        [
          'Initialize / GetValue / SetValue / Commit / Terminate',
          ...col((m) =>
            ['2004', '1.2']
              .map((v) => {
                const c = m.scorm![v]!.calls;
                const n = (a: string, b2: string) => (c[a] ?? 0) + (c[b2] ?? 0);
                return [
                  n('Initialize', 'LMSInitialize'),
                  n('GetValue', 'LMSGetValue'),
                  n('SetValue', 'LMSSetValue'),
                  n('Commit', 'LMSCommit'),
                  n('Terminate', 'LMSFinish'),
                ].join('/');
              })
              .join(' | '),
          ),
        ],
        [
          'commits during the scenarios',
          ...col((m) => `${m.scorm!['2004']!.commitsDuringScenarios} | ${m.scorm!['1.2']!.commitsDuringScenarios}`),
        ],
        [
          '  of which completed before passed (1.2, by design)',
          ...col(
            (m) => `${m.scorm!['2004']!.completedBeforePassed ?? 0} | ${m.scorm!['1.2']!.completedBeforePassed ?? 0}`,
          ),
        ],
        [
          'commits per decision',
          ...col((m) => `${m.scorm!['2004']!.commitsPerDecision} | ${m.scorm!['1.2']!.commitsPerDecision}`),
        ],
        [
          'SetValue per decision',
          ...col((m) => `${m.scorm!['2004']!.setValuesPerDecision} | ${m.scorm!['1.2']!.setValuesPerDecision}`),
        ],
        ['passed', ...col((m) => `${m.scorm!['2004']!.passed} | ${m.scorm!['1.2']!.passed}`)],
      ],
    ),
  );
}
const cpuCell = (n: number | null | undefined) => (n == null ? '-' : sec(n));
const buildRows: string[][] = [
  [
    `every module (npm run build, ${b.allModules.modules} modules)`,
    sec(b.allModules.ms),
    cpuCell(b.allModules.cpuMs),
    '1 run',
  ],
];
if (b.flagship) {
  buildRows.push([
    `flagship: npm run build -- ${FLAGSHIP}`,
    `${sec(b.flagship.wallMs.median)} (${sec(b.flagship.wallMs.min)}-${sec(b.flagship.wallMs.max)})`,
    cpuCell(b.flagship.cpuMs?.median),
    `median of ${FLAGSHIP_BUILDS}`,
  ]);
  buildRows.push([
    '  of which bundle + package (build.ts "built in")',
    sec(b.flagship.bundleAndPackageMs.median),
    '',
    '',
  ]);
}
if (b.library) {
  const p = b.library.phasesMs;
  buildRows.push([
    `library: ${b.library.scenarios} scenarios in ${b.library.modules} modules`,
    sec(b.library.wallMs),
    cpuCell(b.library.cpuMs),
    '1 run',
  ]);
  buildRows.push([
    '  imports / content check / app bundle / folders / packages',
    `${sec(p.importMs!)} / ${sec(p.checkMs!)} / ${sec(p.appBundleMs!)} / ${sec(p.foldersMs!)} / ${sec(p.packageMs!)}`,
    '',
    '',
  ]);
}
if (b.devRebuild) {
  buildRows.push([
    'dev server: ready / first page',
    `${sec(b.devRebuild.serverReadyMs)} / ${sec(b.devRebuild.firstLoadMs)}`,
    '',
    '',
  ]);
  buildRows.push([
    'dev server: edit -> change shown',
    `${ms(b.devRebuild.afterEditMs.median)} (${ms(b.devRebuild.afterEditMs.min)}-${ms(b.devRebuild.afterEditMs.max)})`,
    '',
    `median of ${DEV_EDITS}`,
  ]);
}
out.push(table('Build (wall time; CPU time of the process tree)', ['', 'wall', 'CPU', ''], buildRows));
{
  const f = lms.figures as Record<string, number | boolean | null> | undefined;
  out.push(
    table(
      'Local LMS under load (npm run bench:lms)',
      ['', ''],
      f
        ? [
            ['concurrent learners x commits each', `${f.learners} x ${f.commitsEach}`],
            ['commits per second', String(f.commitsPerSecond)],
            ['latency p50 / p99 / max', `${f.p50Ms} / ${f.p99Ms} / ${f.maxMs} ms`],
            ['server CPU per commit', `${f.serverCpuMsPerCommit} ms`],
            ['failed commits; stored = sent', `${f.failedCommits}; ${f.storedEqualsSent ? 'yes' : 'NO'}`],
          ]
        : [[String(lms.note ?? 'no figures'), '']],
    ),
  );
}
out.push(
  table(
    'Targets',
    ['target', 'limit', 'measured', ''],
    targets.map((t) => [t.target, t.limit, t.measured, t.met === null ? '-' : t.met ? 'met' : 'MISSED']),
  ),
);
if (Object.keys(failures).length)
  out.push(
    table(
      'Parts that failed (see results.json)',
      ['part', 'error'],
      Object.entries(failures).map(([k, v]) => [k, v.split('\n')[0]!.slice(0, 160)]),
    ),
  );
const loadEnd = loadavg();
out.push(
  `\nMachine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadStart[0]!.toFixed(1)} at start, ${loadEnd[0]!.toFixed(1)} at end; ${chromium || 'no browser'}; node ${process.version}. Bench took ${sec(process.uptime() * 1000)}.`,
);
console.log(out.join('\n'));

const resultsJson = {
  generated: new Date().toISOString(),
  // The commit of the tree measured: the snapshot is of this checkout; a --tree, its own ('' if it is not one).
  commit: measuredGit(['rev-parse', 'HEAD']),
  dirty:
    measuredGit([
      'status',
      '--porcelain',
      '--',
      'src',
      'scorm',
      'scripts',
      'content',
      'modules',
      'index.html',
      'package.json',
    ]) !== '',
  tree: treeArg ? PROJECT : null,
  // --against=<ref>: the commit each module's `before` was built from.
  against,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '',
    node: process.version,
    chromium,
    loadAverageAtStart: loadStart[0],
    loadAverageAtEnd: loadEnd[0],
  },
  method: {
    runs: RUNS,
    cpuRates: [...RATES],
    flagshipBuilds: FLAGSHIP_BUILDS,
    devEdits: DEV_EDITS,
    kb: KB,
    gzip: 'zlib level 6',
    notes: [
      "Cold run: a new browser context (no cache) opens /player/?module=<id>&version=2004 from scripts/serve.ts; times are on the module frame's clock (from its navigation start).",
      'first screen: the first animation frame with a laid-out h1 (the introduction). interactive: the Start button is laid out and enabled and a task posted after it has run.',
      "Bytes are the module frame's requests only (not the LMS page or scorm-again), as files on disk.",
      'JS heap: Runtime.getHeapUsage after a forced GC at 1x: the module opened on its own (median of 3), and the LMS page with the module (they share one heap; median of the 1x cold runs).',
      "Commits per decision = commits between Start and the results screen, less SCORM 1.2's commit of `completed` before `passed` (completedBeforePassed: Moodle's default completion needs it; docs/DESIGN.md), / decisions, with the best answers.",
      "byHand: the module's own index.html with the floor's script in place of its bootstrap, run cold with the others: the same first screen (HTML, styles, course data) with no code of the module's. byHand.overFloor = what showing that first screen costs over the floor; byHand.moduleOverIt = what the module's code costs over it (run by run per rate; cpu: medians of the traced runs).",
      'before (with --against=<ref>): each module built from that commit and run cold in turn with the others; nowOverBefore is run by run, today over it, in time to interactive and from Start to the first scenario.',
      "languages: the module launched in each other language it offers, as a learner who chose it on this computer before (the bootstrap puts that language's first screen, a data block in the page, in the page's place), in the same interleaved cold runs; overFloor and overModule are run by run against the floor and the module in its own language.",
      'The library build runs once in a fresh node process; the dev rebuild is from writing the file to the frame showing the new title.',
      "floor: the same cold runs, interleaved with the modules', of one hand-written HTML file in the module's place: an h1, a Start button and an inline script that finds the API (2004, then 1.2; parents, then opener), makes a new attempt's launch reads and enables Start. interactiveToFloor = a module's median over the floor's, per CPU rate (the target); interactiveToFloorPaired = the median of each run over the floor's run just before it; cpuToFloor = main-thread CPU to interactive (trace) over the floor's.",
      'fetched.beforeUsable: every request of the module frame started before the first screen was usable (Start enabled), with its initiator type and gzip size.',
    ],
  },
  failures,
  targets,
  floor: {
    what: 'one hand-written HTML file (no other request): an h1, a Start button and an inline script that finds the API, makes the launch reads and enables Start',
    interactiveMs: floor,
    fetchedBeforeUsable: floorFetched,
    mainThreadCpuToInteractiveMs: floorCpu,
  },
  modules: results,
  build,
  lms,
};
mkdirSync(BENCH, { recursive: true });
const outArg = args.find((a) => a.startsWith('--out='));
const outFile = outArg ? resolve(outArg.slice(6)) : join(BENCH, 'results.json');
writeFileSync(outFile, `${JSON.stringify(resultsJson, null, 2)}\n`);
log(`wrote ${relative(MAIN, outFile)}`);
