/**
 * The page's bootstrap, inline in every module's index.html (bundled on its own by
 * scripts/build.ts, allowed under the CSP by its hash: scorm/csp.ts), so the first screen is
 * usable after the page alone, like a hand-written SCO. It finds the LMS, makes the launch reads
 * the first screen needs, and for a new attempt at the introduction fills in the learner's name
 * and the profile question's preselection and enables the controls; a press is remembered until
 * the app has arrived. A launch in another language the module offers gets that language's first
 * screen (a data block in the page, like the course) in the page's place before it is drawn.
 * Then it loads the app's entry (data-entry) and the scenarios' structure (scenarios.js) side by
 * side; the app takes over the course it parsed, the reads it made (replayed, not asked again:
 * ScormDriver.replay) and the controls. A learner who leaves an attempt (new or resumed) before
 * the app has arrived has the session ended here (endOnLeaving). Anything else (drawing a resume
 * or review, no LMS) is left to the app, as before.
 */
import { launchLanguage } from './components/language.js';
import { defaultProfile, hintFromAddress } from './components/profile-default.js';
import type { PageCourse } from './core/content.js';
import { ELEMENTS, readFinished } from './core/scorm-names.js';
import { formatSpan } from './core/scorm-time.js';
import {
  bootHandoff,
  COURSE_DATA_ID,
  enableControls,
  firstScreen,
  firstScreenDataId,
  loadData,
  noteFailed,
  retryAddress,
  SCENARIOS_FILE,
  setBootHandoff,
  showLaunch,
  showNotLoaded,
  swapFirstScreen,
  type BootHandoff,
  type FirstScreenPack,
  type LaunchView,
} from './first-screen-controls.js';
import { ScormDriver } from './lms/driver.js';
import { findApi } from './lms/find-api.js';
import { Journal } from './lms/journal.js';

/** The launch reads that say whether the session may write, and what the rest need. */
interface OpenAttempt {
  get(element: string): string;
  entry: string;
  learnerName: string;
  learnerId: string;
}

/**
 * The launch reads, in the order LmsSession.launch() makes them, as far as whether this is an
 * attempt in normal mode and not finished (one the session writes to and ends); else null:
 * review, a finished attempt, or an LMS that did not start the session.
 */
function openAttempt(driver: ScormDriver): OpenAttempt | null {
  const names = ELEMENTS[driver.version];
  if (!driver.initialize()) return null;
  const get = (element: string) => driver.getValue(element);
  const entry = get(names.entry);
  const mode = get(names.mode);
  const learnerName = get(names.learnerName);
  const learnerId = get(names.learnerId);
  if ((mode && mode !== 'normal') || readFinished(driver.version, get) !== null) return null;
  return { get, entry, learnerName, learnerId };
}

/**
 * The rest of the launch reads, as far as the first screen needs: the view and its language when
 * the launch is a new attempt at the introduction, else null.
 */
function newAttempt(
  course: PageCourse,
  version: ScormDriver['version'],
  { get, entry, learnerName, learnerId }: OpenAttempt,
): { view: LaunchView; language: string } | null {
  const names = ELEMENTS[version];
  const language = launchLanguage(course, get(names.language));
  // Saved answers (or answers this browser's journal kept) are the app's to read and show.
  if ((version === '1.2' || entry === 'resume') && get(names.suspendData)) return null;
  const journal = new Journal({
    learner: learnerId,
    module: course.id,
    moduleVersion: course.version,
    scorm: version,
  }).read();
  if (journal && journal.decisions > 0 && !(journal.finished && journal.acknowledged && entry === 'ab-initio'))
    return null;
  return {
    view: {
      learnerName,
      continuing: false,
      percent: 0,
      profile: defaultProfile(course, language, undefined, hintFromAddress(location.search)),
    },
    language,
  };
}

/**
 * The first screen in the launch's language, from its data block in the page, in place of the
 * page's; null where the page has none (the app then draws the module in that language itself).
 */
function inLanguage(screen: HTMLElement, language: string): HTMLElement | null {
  const data = document.getElementById(firstScreenDataId(language))?.textContent;
  return data ? swapFirstScreen(screen, language, JSON.parse(data) as FirstScreenPack) : null;
}

/**
 * Ends the session, once, if the learner leaves before the app has arrived to do it (src/main.ts
 * then removes this listener and listens itself): a suspended exit and the time spent,
 * committed, then Terminate. Statuses, score and answers are the app's to write, so the LMS
 * keeps what it had: a new attempt has not started, and a resumed one is as it was saved.
 */
function endOnLeaving(handoff: BootHandoff, driver: ScormDriver, started: number): void {
  const names = ELEMENTS[driver.version];
  handoff.leave = () => {
    handoff.left = true;
    driver.setValue(names.exit, 'suspend');
    driver.setValue(names.sessionTime, formatSpan(driver.version, Date.now() - started));
    driver.commit();
    driver.terminate();
  };
  addEventListener('pagehide', handoff.leave, { once: true });
}

function boot(): void {
  const screen = firstScreen();
  const data = document.getElementById(COURSE_DATA_ID)?.textContent;
  if (!screen || !data) return;
  const course = JSON.parse(data) as PageCourse;
  const found = findApi(window);
  const handoff: BootHandoff = { course, driver: found ? new ScormDriver(found) : null, controls: null };
  setBootHandoff(handoff);
  if (!handoff.driver) return;
  handoff.driver.record();
  handoff.startedAt = Date.now();
  const open = openAttempt(handoff.driver);
  if (!open) return;
  endOnLeaving(handoff, handoff.driver, handoff.startedAt);
  const launch = newAttempt(course, handoff.driver.version, open);
  if (!launch) return;
  const shown = launch.language === course.language ? screen : inLanguage(screen, launch.language);
  if (!shown) return;
  showLaunch(shown, launch.view);
  handoff.controls = enableControls(shown);
}

/**
 * Loads the app's entry, and the scenarios beside it, once the first screen has been painted and
 * a click could be handled, so neither their download nor their running is between the learner
 * and the first screen. A page that never paints (hidden) still loads them within a second.
 */
function loadEntry(entry: string, handoff: BootHandoff | undefined): void {
  let started = false;
  const load = () => {
    if (started) return;
    started = true;
    if (handoff) {
      handoff.scenarios = loadData(SCENARIOS_FILE);
      // The app reports it if it does not come (src/content-loader.ts); not twice here.
      handoff.scenarios.catch(() => undefined);
    }
    appendEntry(entry);
  };
  requestAnimationFrame(() => setTimeout(load, 0));
  setTimeout(load, 1000);
}

/**
 * Adds the app's entry to the page. If it does not arrive, the first screen says so, and Try
 * again asks for it again in this page (under a new address: retryAddress): reloading would
 * end the LMS session, and an LMS such as Moodle does not let the reloaded page start another
 * (2004's Initialize fails with 104).
 */
function appendEntry(entry: string): void {
  const href = new URL(entry, document.baseURI).href;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = retryAddress(href);
  script.onerror = () => {
    script.remove();
    noteFailed(href);
    showNotLoaded(firstScreen(), new Error(`${entry} did not load`), () => appendEntry(entry));
  };
  document.head.append(script);
}

const entry = document.currentScript?.dataset.entry;
try {
  boot();
} catch (error) {
  // The app reads the launch itself then.
  console.error('[frontline] the first screen could not read the launch', error);
} finally {
  if (entry) loadEntry(entry, bootHandoff());
}
