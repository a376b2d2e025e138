/**
 * The first screen the page shows before the app runs (written into index.html at build
 * time: src/compiler/first-screen.ts). Once the LMS has been read, this fills in what depends on
 * the launch (the learner's name, Start or Continue, progress, the save status), enables the
 * buttons, and hands over to <fl-course> when one is pressed, so the framework's first render
 * is not between the learner and the introduction. No Lit here: this runs before it loads.
 */
import { launchLanguage } from './components/language.js';
import { defaultProfile, hintFromAddress } from './components/profile-default.js';
import type { Course } from './core/model.js';
import { isGroup, isNation, type Profile } from './core/profile.js';
import { progress } from './core/state.js';
import type { Launch, LmsSession, SaveStatus } from './lms/session.js';

/** A control of the first screen; <fl-course> has the same ones. */
export type FirstScreenControl = 'start' | 'language' | 'statement' | 'nation' | 'group';

/**
 * What the learner pressed on the first screen, for <fl-course> to carry on with, and the
 * profile its question shows (touched: the learner changed it there).
 */
export type FirstScreenAction = (
  | { type: 'start' }
  | { type: 'statement' }
  | { type: 'language'; language: string }
  /** Nothing pressed (the save status needs the full shell): keep the focus where it was. */
  | { type: 'none'; focus: FirstScreenControl | null }
) & { profile?: Profile; profileTouched?: boolean };

/** The id of the JSON data block in index.html that holds the course's structure (src/compiler/module-folder.ts). */
export const COURSE_DATA_ID = 'fl-course-data';

/** The marker the learner's name replaces in the welcome line (data-welcome). */
export const NAME_MARK = '{name}';

/** The first screen in the page, if the page has one (built packages; not the dev server). */
export function firstScreen(): HTMLElement | null {
  return document.getElementById('fl-first-screen');
}

/**
 * Whether the first screen shows this launch as it is: an attempt, new or resumed, at the
 * introduction, in the module's language, recorded by an LMS. Anything else (review, browse,
 * no LMS, another language, a resume at a scenario, answers a new version could not carry
 * over, an introduction tailored to the learner's saved profile) is drawn by <fl-course> at once.
 */
export function fitsFirstScreen(course: Course, session: LmsSession, launch: Launch): boolean {
  return (
    launch.mode === 'normal' &&
    launch.state.screen === 'intro' &&
    !launch.changes &&
    session.connected &&
    launchLanguage(course, launch.preferredLanguage) === course.language &&
    // The page holds the introduction everyone sees: a learner with a profile may have their own.
    !(launch.state.profile && course.introHtml.includes('<fl-variants>'))
  );
}

/** Which control has the focus, so <fl-course> can put it back. */
function focusedControl(screen: HTMLElement): FirstScreenControl | null {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !screen.contains(focused)) return null;
  if (focused.matches('[data-start]')) return 'start';
  if (focused.matches('[data-language]')) return 'language';
  if (focused.matches('[data-statement]')) return 'statement';
  if (focused.matches('#fl-nation')) return 'nation';
  if (focused.matches('#fl-group')) return 'group';
  return null;
}

/**
 * Logs that the app's code did not arrive and says so, with Try again, at the top of the
 * first screen's main (the words are in the page, in the module's language). Without a
 * first screen (the dev server) it only logs.
 */
export function showNotLoaded(screen: HTMLElement | null, error: unknown, retry: () => void): void {
  console.error('[frontline] could not load the module', error);
  if (!screen) return;
  const main = screen.querySelector('main')!;
  main.querySelector('.fl-first-screen__alert')?.remove();
  const alert = document.createElement('div');
  alert.className = 'fl-warning fl-first-screen__alert';
  alert.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = screen.dataset.notLoaded ?? '';
  const again = document.createElement('button');
  again.className = 'nhsuk-button nhsuk-button--secondary';
  again.textContent = screen.dataset.tryAgain ?? '';
  again.addEventListener('click', () => {
    alert.remove();
    retry();
  });
  alert.append(text, again);
  main.prepend(alert);
}

/** Replaces the introduction with "Loading…" while <fl-course> loads to show another screen. */
export function showLoading(screen: HTMLElement): void {
  const text = document.createElement('p');
  text.textContent = screen.dataset.loading ?? '';
  screen.querySelector('main')!.replaceChildren(text);
  for (const b of screen.querySelectorAll('button')) b.remove();
}

/**
 * Makes the first screen this launch's introduction and lets the learner use it. `handOver`
 * loads <fl-course> and puts it in the screen's place; if it fails, the learner is told and
 * can try again.
 */
export function enhanceFirstScreen(
  screen: HTMLElement,
  course: Course,
  session: LmsSession,
  launch: Launch,
  handOver: (action: FirstScreenAction) => Promise<void>,
): void {
  const { state } = launch;
  const data = screen.dataset;
  const start = screen.querySelector<HTMLButtonElement>('[data-start]')!;
  if (state.decisions.length > 0 || Object.keys(state.carried).length > 0) start.textContent = data.continue ?? '';
  if (launch.learnerName) {
    const welcome = screen.querySelector<HTMLElement>('.fl-welcome')!;
    welcome.textContent = (data.welcome ?? '').replace(NAME_MARK, launch.learnerName);
    welcome.hidden = false;
  }
  const percent = Math.round(Math.min(1, Math.max(0, progress(course, state.decisions))) * 100);
  if (percent > 0) {
    screen.querySelector('.progress__label')!.textContent = `${data.progress ?? ''}: ${percent}%`;
    screen.querySelector('[role="progressbar"]')!.setAttribute('aria-valuenow', String(percent));
    screen.querySelector<HTMLElement>('.progress__bar')!.style.width = `${percent}%`;
  }

  // The profile question starts at the learner's saved profile, or what the launch says of them.
  const nation = screen.querySelector<HTMLSelectElement>('#fl-nation');
  const group = screen.querySelector<HTMLSelectElement>('#fl-group');
  const profile = defaultProfile(course, course.language, state.profile, hintFromAddress(location.search));
  if (nation && group && profile) {
    nation.value = profile.nation;
    group.value = profile.group;
  }
  let profileTouched = false;
  for (const select of [nation, group]) select?.addEventListener('change', () => (profileTouched = true));
  const chosen = (): Profile | undefined =>
    nation && group && isNation(nation.value) && isGroup(group.value)
      ? { nation: nation.value, group: group.value }
      : undefined;

  let handing = false;
  const go = (pressed: FirstScreenAction) => {
    if (handing) return;
    handing = true;
    const profile = chosen();
    const action: FirstScreenAction = { ...pressed, ...(profile ? { profile } : {}), profileTouched };
    handOver(action).catch((error: unknown) => {
      handing = false;
      showNotLoaded(screen, error, () => go(pressed));
    });
  };

  // The save status line, as <fl-course> shows it; a failing save needs its Try saving again.
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

  start.addEventListener('click', () => go({ type: 'start' }));
  for (const b of screen.querySelectorAll<HTMLButtonElement>('[data-language]')) {
    b.addEventListener('click', () => go({ type: 'language', language: b.dataset.language ?? '' }));
  }
  screen.querySelector('[data-statement]')?.addEventListener('click', () => go({ type: 'statement' }));
  for (const b of screen.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button[disabled], select[disabled]'))
    b.disabled = false;
}
