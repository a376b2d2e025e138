/**
 * The first screen's own parts that need nothing of the app: what it shows of a launch, its
 * controls, its "loading" and "did not load" lines, the bootstrap's handoff, and the loading of
 * the package's data modules (scenarios.js and the rest). Both the page's inline bootstrap
 * (src/boot.ts, which runs before the app's code has arrived) and the app (src/first-screen.ts)
 * use them, so each is written once. No Lit and no session code here: the bootstrap is inline
 * in every page and must stay small.
 */
import type { PageCourse } from './core/content.js';
import type { Scenario } from './core/model.js';
import { isGroup, isNation, type Profile } from './core/profile.js';
import type { ScormDriver } from './lms/driver.js';

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

/**
 * The id of the JSON data block in index.html that holds the course but its scenarios
 * (src/compiler/module-folder.ts): what the first screen needs.
 */
export const COURSE_DATA_ID = 'fl-course-data';

/** The scenarios' structure, beside index.html: the app fetches it with its code (src/content-loader.ts). */
export const SCENARIOS_FILE = 'scenarios.js';

/** The marker the learner's name replaces in the welcome line (data-welcome). */
export const NAME_MARK = '{name}';

/** Another language's first screen, as the build writes it (src/compiler/first-screen.ts: firstScreenPack). */
export interface FirstScreenPack {
  title: string;
  html: string;
}

/** The id of the JSON data block in index.html that holds another language's first screen. */
export const firstScreenDataId = (language: string) => `fl-first-screen-${language}`;

/** Puts another language's first screen (its title and language too) in the place of `screen`, and returns it. */
export function swapFirstScreen(screen: HTMLElement, language: string, pack: FirstScreenPack): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = pack.html;
  const shown = template.content.firstElementChild as HTMLElement;
  screen.replaceWith(shown);
  document.documentElement.lang = language;
  document.title = pack.title;
  return shown;
}

/** The language the first screen in the page is in. */
export function screenLanguage(screen: HTMLElement, course: PageCourse): string {
  return screen.dataset.language ?? course.language;
}

/** The first screen in the page, if the page has one (built packages; not the dev server). */
export function firstScreen(): HTMLElement | null {
  return document.getElementById('fl-first-screen');
}

/** What the first screen shows of a launch. */
export interface LaunchView {
  learnerName: string;
  /** Continue rather than Start: the attempt has answers. */
  continuing: boolean;
  /** Progress so far, 0 to 100. */
  percent: number;
  /** The profile the question starts at (none when the module asks none). */
  profile: Profile | undefined;
}

/** Fills in what depends on the launch: the learner's name, Start or Continue, progress and the profile question. */
export function showLaunch(screen: HTMLElement, view: LaunchView): void {
  const data = screen.dataset;
  if (view.continuing) screen.querySelector('[data-start]')!.textContent = data.continue ?? '';
  if (view.learnerName) {
    const welcome = screen.querySelector<HTMLElement>('.fl-welcome')!;
    welcome.textContent = (data.welcome ?? '').replace(NAME_MARK, view.learnerName);
    welcome.hidden = false;
  }
  if (view.percent > 0) {
    screen.querySelector('.progress__label')!.textContent = `${data.progress ?? ''}: ${view.percent}%`;
    screen.querySelector('[role="progressbar"]')!.setAttribute('aria-valuenow', String(view.percent));
    screen.querySelector<HTMLElement>('.progress__bar')!.style.width = `${view.percent}%`;
  }
  const nation = screen.querySelector<HTMLSelectElement>('#fl-nation');
  const group = screen.querySelector<HTMLSelectElement>('#fl-group');
  if (nation && group && view.profile) {
    nation.value = view.profile.nation;
    group.value = view.profile.group;
  }
}

/** The first screen's controls once enabled. */
export interface Controls {
  /**
   * Sends presses to `go` from now on, starting with one made before (carried out now). Until
   * then a press is remembered and the screen says it is loading.
   */
  handTo(go: (pressed: FirstScreenAction) => void): void;
  /** The profile the question shows now, and whether the learner changed it. */
  profile(): { profile?: Profile; profileTouched: boolean };
}

/** Which control has the focus, so <fl-course> can put it back. */
export function focusedControl(screen: HTMLElement): FirstScreenControl | null {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !screen.contains(focused)) return null;
  if (focused.matches('[data-start]')) return 'start';
  if (focused.matches('[data-language]')) return 'language';
  if (focused.matches('[data-statement]')) return 'statement';
  if (focused.matches('#fl-nation')) return 'nation';
  if (focused.matches('#fl-group')) return 'group';
  return null;
}

/** Lets the learner use the first screen's buttons and selects. */
export function enableControls(screen: HTMLElement): Controls {
  const nation = screen.querySelector<HTMLSelectElement>('#fl-nation');
  const group = screen.querySelector<HTMLSelectElement>('#fl-group');
  let profileTouched = false;
  for (const select of [nation, group]) select?.addEventListener('change', () => (profileTouched = true));

  let go: ((pressed: FirstScreenAction) => void) | null = null;
  let waiting: FirstScreenAction | null = null;
  const press = (pressed: FirstScreenAction) => {
    if (go) return go(pressed);
    if (waiting) return;
    // The app's code has not arrived yet: say so where the save status shows, and keep the focus where it is.
    waiting = pressed;
    const line = document.createElement('p');
    line.textContent = screen.dataset.loading ?? '';
    screen.querySelector('[data-save-status]')?.prepend(line);
  };
  screen.querySelector('[data-start]')?.addEventListener('click', () => press({ type: 'start' }));
  for (const b of screen.querySelectorAll<HTMLButtonElement>('[data-language]')) {
    b.addEventListener('click', () => press({ type: 'language', language: b.dataset.language ?? '' }));
  }
  screen.querySelector('[data-statement]')?.addEventListener('click', () => press({ type: 'statement' }));
  for (const b of screen.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button[disabled], select[disabled]'))
    b.disabled = false;

  return {
    handTo(to) {
      go = to;
      const pressed = waiting;
      waiting = null;
      if (pressed) to(pressed);
    },
    profile() {
      const chosen =
        nation && group && isNation(nation.value) && isGroup(group.value)
          ? { nation: nation.value, group: group.value }
          : undefined;
      return { ...(chosen ? { profile: chosen } : {}), profileTouched };
    },
  };
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
 * What the page's bootstrap (src/boot.ts) hands the app, so it reads and parses nothing twice:
 * the course it parsed (all but the scenarios), the LMS it found (null: none, so the standalone
 * driver) with the launch reads it made, and the first screen's controls if it enabled them.
 * `scenarios` is the scenarios' structure (SCENARIOS_FILE), asked for beside the app's code.
 */
export interface BootHandoff {
  course: PageCourse;
  driver: ScormDriver | null;
  controls: Controls | null;
  scenarios?: Promise<Scenario[]>;
  /** When the bootstrap called Initialize (Date.now()): the session's time counts from it. */
  startedAt?: number;
  /** Ends the session if the learner leaves before the app has arrived (a pagehide listener the app removes). */
  leave?: () => void;
  /** The learner left before the app arrived: the session is over, and the app does not start. */
  left?: boolean;
}

/**
 * How many times each module address this page asked for failed to arrive, shared by the
 * bootstrap and the app (each bundles this file). A browser may keep a module that failed to
 * arrive failed for the page's life, without asking again: Chromium 150 does, as the HTML
 * standard did before whatwg/html#10327. So a retry asks under another address (`?retry=N`).
 */
const FAILED = '__frontlineFailed';
const failures = (): Record<string, number> =>
  ((window as unknown as Record<string, Record<string, number>>)[FAILED] ??= {});

/** The address to ask for a module at: `href`, or after N failures `href?retry=N`. */
export function retryAddress(href: string): string {
  const times = failures()[href] ?? 0;
  if (!times) return href;
  const url = new URL(href);
  url.searchParams.set('retry', String(times));
  return url.href;
}

/** Notes that a module at `href` did not arrive: the next `retryAddress(href)` is a new one. */
export function noteFailed(href: string): void {
  failures()[href] = (failures()[href] ?? 0) + 1;
}

/** Fetches a data module beside the page (`export default <json>;`): its value. */
export async function loadData<T>(path: string): Promise<T> {
  // Relative to the page, so the package works wherever the LMS serves it.
  const href = new URL(path, document.baseURI).href;
  try {
    return ((await import(/* @vite-ignore */ retryAddress(href))) as { default: T }).default;
  } catch (error) {
    noteFailed(href);
    throw error;
  }
}

const HANDOFF = '__frontlineBoot';

export function setBootHandoff(handoff: BootHandoff): void {
  (window as unknown as Record<string, BootHandoff>)[HANDOFF] = handoff;
}

/** The bootstrap's handoff: undefined in the dev server and where the bootstrap did not run. */
export function bootHandoff(): BootHandoff | undefined {
  return (window as unknown as Record<string, BootHandoff | undefined>)[HANDOFF];
}
