/**
 * Cueing: can a learner pass without reading? A clinical governance review found that the
 * best answer was usually the longest option, so "always pick the longest" passed. This
 * plays naive guessers through a module (every branch they take, as a learner would meet
 * it) and looks for the shapes that give the best answer away in a single scenario.
 */
import { END, type Choice, type Course, type Scenario } from '../core/model.js';

/** A guesser that ignores the words: it picks by length or by position on the screen. */
export type GuesserName = 'longest' | 'shortest' | 'first' | 'last';
export const GUESSERS: readonly GuesserName[] = ['longest', 'shortest', 'first', 'last'];

/** How much longer than every other option the best one must be to count as a cue (15%). */
export const CLEAR_MARGIN = 1.15;

export interface CueWarning {
  file: string;
  /** Where in the file the warning points. */
  pattern: RegExp;
  message: string;
}

export interface CueingReport {
  /** Each guesser's module score (0..100), by language, as the learner would be told it. */
  guessers: Record<string, Record<GuesserName, number>>;
  /** What a learner who picks at random scores on average (0..100). */
  chance: number;
  warnings: CueWarning[];
}

/** Random runs averaged for `chance`: enough for a whole per cent, from a fixed seed so the check is repeatable. */
const CHANCE_RUNS = 500;

/**
 * The choices in the order the learner meets them: actions sit on their blocks, block by
 * block, and plain choices come after every block. Without actions, the file's order.
 */
export function displayOrder(s: Scenario): Choice[] {
  if (s.select !== 'one' || !s.choices.some((c) => c.action)) return s.choices;
  const onBlocks = s.situation.flatMap((part) =>
    part.kind === 'html' ? [] : s.choices.filter((c) => c.action && c.target === part.id),
  );
  return [...onBlocks, ...s.choices.filter((c) => !c.action)];
}

/** The words of a choice the learner sees, in a language (the main language when untranslated). */
function wordsOf(s: Scenario, c: Choice, language: string | undefined): string {
  return (language && s.translations?.[language]?.choices[c.id]?.text) || c.text;
}

/** The one choice a guesser picks; ties go to the one met first. */
export function guess(s: Scenario, guesser: GuesserName, language?: string): Choice {
  const shown = displayOrder(s);
  if (guesser === 'first') return shown[0]!;
  if (guesser === 'last') return shown[shown.length - 1]!;
  const sign = guesser === 'longest' ? 1 : -1;
  return shown.reduce((a, b) =>
    sign * wordsOf(s, b, language).length > sign * wordsOf(s, a, language).length ? b : a,
  );
}

/** A decision's score (0..1): a feed marks each item ticked or not; otherwise against the best. */
export function decisionScore(s: Scenario, picks: readonly Choice[]): number {
  if (s.select === 'many')
    return s.choices.filter((c) => (c.rating === 'best') === picks.includes(c)).length / s.choices.length;
  const best = Math.max(...s.choices.map((c) => c.score));
  return best > 0 ? picks[0]!.score / best : 0;
}

/**
 * Plays a module with `pick`, following branches as the player does (a choice's `next`, then
 * the scenario's, then the main path after the last main-path scenario), and returns the
 * module score as a whole per cent.
 */
export function play(course: Course, pick: (s: Scenario) => Choice[]): number {
  const byId = new Map(course.scenarios.map((s) => [s.id, s]));
  let mainIndex = -1;
  let id: string | undefined = course.order[0];
  let total = 0;
  let decisions = 0;
  while (id && id !== END && decisions <= course.scenarios.length) {
    const s = byId.get(id);
    if (!s) break;
    const picks = pick(s);
    total += decisionScore(s, picks);
    decisions++;
    if (course.order.includes(s.id)) mainIndex = course.order.indexOf(s.id);
    id = (s.select === 'one' ? picks[0]?.next : undefined) ?? s.next ?? course.order[mainIndex + 1];
  }
  return decisions ? Math.round((total / decisions) * 100) : 0;
}

/** A learner who picks at random (in a feed, each item at even odds), averaged over many runs. */
export function chanceScore(course: Course, runs = CHANCE_RUNS): number {
  let seed = 0x2545f491;
  const next = () => {
    // xorshift32: small, seeded, and the same on every machine.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = (s: Scenario): Choice[] =>
    s.select === 'many' ? s.choices.filter(() => next() < 0.5) : [s.choices[Math.floor(next() * s.choices.length)]!];
  let total = 0;
  for (let i = 0; i < runs; i++) total += play(course, pick);
  return Math.round(total / runs);
}

function bestOf(s: Scenario): Choice[] {
  const top = Math.max(...s.choices.map((c) => c.score));
  return s.choices.filter((c) => c.score === top);
}

/** The best choice is longer than every other by the clear margin, in the given language. */
function longestByMargin(s: Scenario, language?: string): Choice | undefined {
  const best = bestOf(s);
  if (best.length !== 1 || s.choices.length < 2) return undefined;
  const length = (c: Choice) => wordsOf(s, c, language).length;
  const others = s.choices.filter((c) => c !== best[0]).map(length);
  return length(best[0]!) >= Math.max(...others) * CLEAR_MARGIN ? best[0] : undefined;
}

/** In a scenario with actions, the best choices are the only ones that are not an action. */
function onlyOutside(s: Scenario): boolean {
  if (s.select !== 'one' || !s.choices.some((c) => c.action)) return false;
  const best = bestOf(s);
  return best.every((c) => !c.action) && s.choices.filter((c) => !best.includes(c)).every((c) => c.action);
}

/** Guesser scores for every language of the module, and warnings for shapes that give the best answer away. */
export function analyseCueing(course: Course, moduleFile: string): CueingReport {
  const warnings: CueWarning[] = [];
  const guessers: CueingReport['guessers'] = {};
  const chance = chanceScore(course);
  for (const language of course.languages) {
    const translated = language === course.languages[0] ? undefined : language;
    const scores = {} as Record<GuesserName, number>;
    for (const g of GUESSERS) {
      scores[g] = play(course, (s) => [guess(s, g, translated)]);
      if (scores[g] >= course.passMark)
        warnings.push({
          file: moduleFile,
          pattern: /^pass-mark:/m,
          message: `a learner who always picks the ${g} option${translated ? ` (in ${language})` : ''} scores ${scores[g]}% and passes (pass mark ${course.passMark}%): vary the options' length and order so that only reading finds the best one`,
        });
      else if (scores[g] < chance / 2)
        warnings.push({
          file: moduleFile,
          pattern: /^pass-mark:/m,
          message: `a learner who always picks the ${g} option${translated ? ` (in ${language})` : ''} scores ${scores[g]}%, far below the ${chance}% of picking at random: the ${g} option is so rarely the best that learners can rule it out`,
        });
    }
    guessers[language] = scores;
  }
  for (const s of course.scenarios) {
    if (s.select !== 'one') continue;
    const long = longestByMargin(s);
    if (long)
      warnings.push({
        file: s.file,
        pattern: new RegExp(`^- id: ${long.id}\\s*$`, 'm'),
        message: `the best choice "${long.id}" is the longest by a clear margin: shorten it, or write a wrong choice that is as long and as reasonable`,
      });
    if (onlyOutside(s))
      warnings.push({
        file: s.file,
        pattern: /^## Choices/m,
        message:
          'the best choice is the only one outside the post: add a wrong choice that is also a plain button (not an action on a block)',
      });
  }
  return { guessers, chance, warnings };
}
