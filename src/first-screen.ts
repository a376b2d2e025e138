/**
 * The first screen the page shows before the app runs (written into index.html at build
 * time: src/compiler/first-screen.ts). For a new attempt the page's bootstrap (src/boot.ts) has
 * already filled it in and enabled it; otherwise, once the LMS has been read, this fills in what
 * depends on the launch (the learner's name, Start or Continue, progress). Either way this
 * follows the save status and hands over to <fl-course> when a control is pressed, so the
 * framework's first render is not between the learner and the introduction. No Lit here: this
 * runs before it loads. The parts the bootstrap shares are in src/first-screen-controls.ts.
 */
import { launchLanguage } from './components/language.js';
import { defaultProfile, hintFromAddress } from './components/profile-default.js';
import type { Course } from './core/model.js';
import { progress } from './core/state.js';
import type { Launch, LmsSession, SaveStatus } from './lms/session.js';
import {
  enableControls,
  focusedControl,
  screenLanguage,
  showLaunch,
  showNotLoaded,
  type Controls,
  type FirstScreenAction,
} from './first-screen-controls.js';

export {
  COURSE_DATA_ID,
  NAME_MARK,
  firstScreen,
  showLoading,
  showNotLoaded,
  type FirstScreenAction,
  type FirstScreenControl,
} from './first-screen-controls.js';

/**
 * Whether the first screen shows this launch as it is: an attempt, new or resumed, at the
 * introduction, in the screen's language, recorded by an LMS. Anything else (review, browse,
 * no LMS, another language, a resume at a scenario, answers a new version could not carry
 * over, an introduction tailored to the learner's saved profile) is drawn by <fl-course> at once.
 */
export function fitsFirstScreen(course: Course, session: LmsSession, launch: Launch, screen: HTMLElement): boolean {
  return (
    launch.mode === 'normal' &&
    launch.state.screen === 'intro' &&
    !launch.changes &&
    session.connected &&
    launchLanguage(course, launch.preferredLanguage) === screenLanguage(screen, course) &&
    // The page holds the introduction everyone sees: a learner with a profile may have their own.
    !(launch.state.profile && course.introHtml.includes('<fl-variants>'))
  );
}

/**
 * Makes the first screen this launch's introduction and lets the learner use it, unless the
 * page's bootstrap already did (`controls`: src/boot.ts). `handOver` loads <fl-course> and puts
 * it in the screen's place; if it fails, the learner is told and can try again. A press made
 * before this ran is carried out now.
 */
export function enhanceFirstScreen(
  screen: HTMLElement,
  course: Course,
  session: LmsSession,
  launch: Launch,
  handOver: (action: FirstScreenAction) => Promise<void>,
  controls: Controls | null = null,
): void {
  const { state } = launch;
  if (!controls) {
    showLaunch(screen, {
      learnerName: launch.learnerName,
      continuing: state.decisions.length > 0 || Object.keys(state.carried).length > 0,
      percent: Math.round(Math.min(1, Math.max(0, progress(course, state.decisions))) * 100),
      // The profile question starts at the learner's saved profile, or what the launch says of them.
      profile: defaultProfile(course, screenLanguage(screen, course), state.profile, hintFromAddress(location.search)),
    });
    controls = enableControls(screen);
  }
  const { profile } = controls;

  let handing = false;
  const go = (pressed: FirstScreenAction) => {
    if (handing) return;
    handing = true;
    const action: FirstScreenAction = { ...pressed, ...profile() };
    handOver(action).catch((error: unknown) => {
      handing = false;
      showNotLoaded(screen, error, () => go(pressed));
    });
  };
  controls.handTo(go);

  // The save status line, as <fl-course> shows it; a failing save needs its Try saving again.
  const data = screen.dataset;
  const status = screen.querySelector('[data-save-status]')!;
  const showStatus = (saveStatus: SaveStatus) => {
    if (handing) return;
    // Saving and saved are shown, not announced; the live regions beside them are for failures, which <fl-course> shows.
    status.querySelector(':scope > p')?.remove();
    if (saveStatus === 'saving' || saveStatus === 'saved') {
      const line = document.createElement('p');
      line.textContent = (saveStatus === 'saving' ? data.saving : data.saved) ?? '';
      status.prepend(line);
    } else if (saveStatus !== 'idle') go({ type: 'none', focus: focusedControl(screen) });
  };
  // <fl-course> follows the status itself once it has taken over: this listener then stands down.
  session.addEventListener('status', (event) => showStatus(event.status));
  showStatus(session.saveStatus);
}
