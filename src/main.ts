/**
 * Boot: load the course, connect the LMS (or local storage), then let the learner use the
 * first screen already in the page (src/first-screen.ts) and load <fl-course> behind it, or
 * mount <fl-course> straight away where the page has none or it does not fit the launch. In a
 * built page the inline bootstrap (src/boot.ts) has run first and loaded this: the course, the
 * API and the launch reads come from it (bootHandoff), not read again.
 */
import type { FlCourse } from './components/fl-course.js';
import type { Course } from './core/model.js';
import { ensureLanguage, ensureScenario, ensureSummary, loadCourse } from './content-loader.js';
import {
  enhanceFirstScreen,
  firstScreen,
  fitsFirstScreen,
  showLoading,
  showNotLoaded,
  type FirstScreenAction,
} from './first-screen.js';
import { bootHandoff, screenLanguage } from './first-screen-controls.js';
import { findApi } from './lms/find-api.js';
import { ScormDriver, type Driver } from './lms/driver.js';
import { LmsSession, type Launch } from './lms/session.js';
import { initialState, nextStep, type CourseState } from './core/state.js';
import { rememberReturn, returnAfterEdit } from './dev-return.js';
import { END } from './core/model.js';

const loadCourseElement = () => import('./components/fl-course.js');
const loadScenarioElement = () => import('./components/fl-scenario.js');

const params = new URLSearchParams(location.search);
/** The state on screen once the module is running (for the dev preview's reload). */
let onScreen: () => CourseState | null = () => null;

function showContentErrors(contentErrors: { file: string; line: number; col: number; message: string }[]) {
  // Dev server only: the trainer sees what to fix, with file and line, in the page.
  const main = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'The content has errors';
  const list = document.createElement('ul');
  for (const e of contentErrors) {
    const item = document.createElement('li');
    item.textContent = `${e.file}:${e.line}:${e.col}: ${e.message}`;
    list.append(item);
  }
  const p = document.createElement('p');
  p.textContent = 'Fix them and save: this page reloads by itself.';
  main.append(h1, list, p);
  main.className = 'content-errors';
  document.body.replaceChildren(main);
}

/**
 * Runs work after the first screen has been painted, when the page is idle: a frame, then
 * an idle callback (or a task where there are none). A page that never paints (hidden) still
 * runs it within a second and a half.
 */
function afterFirstPaint(fn: () => void) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(once, { timeout: 500 });
    else setTimeout(once, 0);
  });
  setTimeout(once, 1500);
}

/**
 * The LMS's API (as the page's bootstrap found it, with the launch reads it made: src/boot.ts),
 * else (fetched only then) the driver that keeps progress in this browser.
 */
async function connect(course: Course): Promise<Driver> {
  const handoff = bootHandoff();
  const found = handoff ? null : findApi(window);
  const driver = handoff ? handoff.driver : found && new ScormDriver(found);
  driver?.replay();
  if (driver) return driver;
  const { StandaloneDriver } = await import('./lms/standalone-driver.js');
  return new StandaloneDriver(`frontline:${course.id}:${course.version}`);
}

function boot(course: Course, split: boolean, driver: Driver) {
  let debug = params.has('debug');
  try {
    debug ||= localStorage.getItem('frontline-debug') === '1';
  } catch {
    /* storage blocked */
  }
  // What the page's bootstrap (src/boot.ts) started: the session's start, its leave listener, the controls.
  const handoff = bootHandoff();
  const session = new LmsSession(driver, course, { debug, afterFirstPaint, startedAt: handoff?.startedAt });
  let launch = session.launch();
  const jump = import.meta.env.DEV ? params.get('jump') : null;
  if (jump && course.scenarios.some((s) => s.id === jump)) {
    // Dev preview: open any scenario directly, recording nothing.
    launch = {
      ...launch,
      mode: 'browse',
      state: { ...initialState(), screen: 'scenario', current: jump, shownAt: Date.now() },
    };
  }
  if (import.meta.env.DEV && !jump) launch = returnAfterEdit(course, launch, Date.now());
  const screen = firstScreen();
  // A built page has its first screen's language and title already (src/boot.ts may have put another language's in).
  if (!screen) {
    document.documentElement.lang = course.language;
    document.title = course.title;
  }
  const loader = split
    ? {
        ensureScenario: (id: string) => ensureScenario(course, id),
        ensureLanguage: (l: string) => ensureLanguage(course, l),
        ensureSummary: () => ensureSummary(course),
      }
    : null;

  let element: FlCourse | null = null;
  // Leaving the page ends the session with the state on screen; hiding it retries an unsaved decision now.
  const stateNow = () => element?.courseState ?? launch.state;
  onScreen = stateNow;
  if (handoff?.leave) window.removeEventListener('pagehide', handoff.leave);
  window.addEventListener('pagehide', () => session.terminate(stateNow()));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && session.saveStatus !== 'saved' && stateNow().decisions.length)
      session.retryNow();
  });

  const mount = async (action?: FirstScreenAction) => {
    await loadCourseElement();
    const shell = document.createElement('fl-course');
    shell.course = course;
    shell.session = session;
    shell.launch = launch;
    shell.loader = loader;
    document.body.replaceChildren(shell);
    element = shell;
    if (action) {
      await shell.updateComplete;
      await shell.continueFrom(action);
    }
  };

  const controls = handoff?.controls ?? null;
  if (screen && fitsFirstScreen(course, session, launch, screen)) {
    enhanceFirstScreen(screen, course, session, launch, mount, controls);
    // Load the course shell, the first scenario and the screen's language while the learner reads the introduction.
    afterFirstPaint(() => void warmUp(course, launch, loader, screenLanguage(screen, course)));
  } else {
    if (screen) showLoading(screen);
    const tryMount = () => mount().catch((error: unknown) => showNotLoaded(screen, error, () => void tryMount()));
    void tryMount();
  }
}

/** Fetches and prepares the code and text the first steps need, so Start shows the first scenario without waiting. */
async function warmUp(
  course: Course,
  launch: Launch,
  loader: { ensureScenario(id: string): Promise<void>; ensureLanguage(language: string): Promise<void> } | null,
  language: string,
) {
  try {
    await loadCourseElement();
    await loadScenarioElement();
    const first = launch.state.current ?? nextStep(course, launch.state.decisions);
    if (loader && first !== END) await loader.ensureScenario(first);
    if (loader && language !== course.language) await loader.ensureLanguage(language);
    await rehearse(course, launch);
  } catch {
    /* pressing Start loads them again, and says so if they still do not arrive */
  }
}

/**
 * Draws <fl-course> once where nobody can see or reach it (inside a hidden, closed shadow
 * root, with no session), then drops it. Lit parses an element's templates and styles once
 * per page, so the press that hands over does not wait for that work.
 */
async function rehearse(course: Course, launch: Launch) {
  const stage = document.createElement('div');
  stage.style.display = 'none';
  const rehearsal = document.createElement('fl-course');
  rehearsal.course = course;
  rehearsal.launch = launch;
  stage.attachShadow({ mode: 'closed' }).append(rehearsal);
  document.body.append(stage);
  try {
    await rehearsal.updateComplete;
  } finally {
    stage.remove();
  }
}

// Dev server: after a content edit, reload the LMS page around the module so it resumes the
// attempt, and come back to the scenario edited rather than the introduction.
if (import.meta.hot) {
  let edited: string | null = null;
  import.meta.hot.on('frontline:edited', (data: { scenario: string | null }) => {
    edited = data.scenario;
  });
  import.meta.hot.on('vite:beforeFullReload', () => {
    rememberReturn(edited, onScreen());
    try {
      if (window.parent !== window) window.parent.location.reload();
    } catch {
      /* a parent from another origin reloads the module only */
    }
  });
}

/**
 * Loads the course and connects, then boots. If the course or the standalone driver does not
 * arrive, the first screen says so, and Try again asks for them again in this page: reloading
 * would end the LMS session, and an LMS such as Moodle does not let the reloaded page start
 * another.
 */
function start(): void {
  loadCourse()
    .then(async ({ course, contentErrors }) => {
      // Only the dev server has content errors (a build stops on them): the check leaves this out of a build.
      if (import.meta.env.DEV && (contentErrors.length > 0 || !course)) showContentErrors(contentErrors);
      else if (course) return { course, driver: await connect(course) };
      return null;
    })
    .then(
      (ready) => {
        // A learner who left before the app arrived has had the session ended by the bootstrap.
        if (ready && !bootHandoff()?.left) boot(ready.course, !import.meta.env.DEV, ready.driver);
      },
      (error: unknown) => showNotLoaded(firstScreen(), error, start),
    );
}

start();
