/**
 * Dev preview only: after a content edit reloads the module, go back to the scenario the
 * trainer edited (or the one on screen) rather than the introduction, one click per save.
 * Only places on the learner's own path are reopened, so the attempt stays one a learner
 * could have made.
 */
import type { Course } from './core/model.js';
import { nextStep, type CourseState } from './core/state.js';
import type { Launch } from './lms/session.js';

const KEY = 'frontline:dev:return';

interface Return {
  /** The scenario whose file was saved, if it was a scenario file. */
  edited: string | null;
  /** The scenario on screen when the edit arrived. */
  current: string | null;
}

/** Notes where to come back to, just before the dev server reloads the page. */
export function rememberReturn(edited: string | null, state: CourseState | null): void {
  const back: Return = { edited, current: state?.screen === 'scenario' ? state.current : null };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(back));
  } catch {
    /* storage blocked: the preview opens at the introduction */
  }
}

function takeReturn(): Return | null {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return text ? (JSON.parse(text) as Return) : null;
  } catch {
    return null;
  }
}

/** The launch, moved to the edited scenario (or the one that was on screen) when that is on the learner's path. */
export function returnAfterEdit(course: Course, launch: Launch, now: number): Launch {
  const back = takeReturn();
  if (!back || launch.mode !== 'normal' || launch.state.screen !== 'intro') return launch;
  const { decisions } = launch.state;
  for (const id of [back.edited, back.current]) {
    if (!id) continue;
    if (decisions.at(-1)?.scenarioId === id)
      return { ...launch, state: { ...launch.state, screen: 'scenario', current: id, answered: true } };
    if (nextStep(course, decisions) === id)
      return { ...launch, state: { ...launch.state, screen: 'scenario', current: id, answered: false, shownAt: now } };
  }
  return launch;
}
