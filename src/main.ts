/** Boot: load the course, connect the LMS (or local storage), mount <fl-course>. */
import type { Course } from './core/model.js';
import { ensureLanguage, ensureScenario, ensureSummary, loadCourse } from './content-loader.js';
import { findApi } from './lms/find-api.js';
import { ScormDriver, StandaloneDriver } from './lms/driver.js';
import { LmsSession } from './lms/session.js';
import { initialState } from './core/state.js';
import './components/fl-course.js';

const params = new URLSearchParams(location.search);

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

function boot(course: Course, split: boolean) {
  let debug = params.has('debug');
  try {
    debug ||= localStorage.getItem('frontline-debug') === '1';
  } catch {
    /* storage blocked */
  }
  const found = findApi(window);
  const driver = found ? new ScormDriver(found) : new StandaloneDriver(`frontline:${course.id}:${course.version}`);
  const session = new LmsSession(driver, course, { debug, afterFirstPaint });
  let launch = session.launch();
  const jump = import.meta.env.DEV ? params.get('jump') : null;
  if (jump && course.scenarios.some((s) => s.id === jump)) {
    // Dev preview: open any scenario directly, recording nothing.
    launch = { ...launch, mode: 'browse', state: { ...initialState(), screen: 'scenario', current: jump, shownAt: Date.now() } };
  }
  document.documentElement.lang = course.language;
  document.title = course.title;
  const element = document.createElement('fl-course');
  element.course = course;
  element.session = session;
  element.launch = launch;
  if (split) {
    element.loader = {
      ensureScenario: (id) => ensureScenario(course, id),
      ensureLanguage: (l) => ensureLanguage(course, l),
      ensureSummary: () => ensureSummary(course),
    };
  }
  document.body.replaceChildren(element);
}

// Dev server: after a content edit, reload the LMS page around the module so it resumes the attempt.
if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', () => {
    try {
      if (window.parent !== window) window.parent.location.reload();
    } catch {
      /* a parent from another origin reloads the module only */
    }
  });
}

void loadCourse().then(({ course, contentErrors }) => {
  if (contentErrors.length > 0 || !course) showContentErrors(contentErrors);
  else boot(course, !import.meta.env.DEV);
});
