/**
 * The first screen as plain HTML, written into each module's index.html at build time: the
 * shell and the introduction as <fl-course> draws them for a new attempt, so the learner sees
 * the introduction before any script has run. Its buttons are disabled until the LMS has been
 * read (by the page's bootstrap, src/boot.ts, for a new attempt; else by the app:
 * src/first-screen.ts), which fills in the learner's name and Start or Continue; the app hands
 * over to <fl-course> when a button is pressed.
 *
 * This is a second drawing of fl-course's introduction (render() and renderIntro()): change
 * both together. tests/e2e/first-screen.spec.ts fails when they differ in what a screen
 * reader meets (the accessibility tree of both, compared).
 *
 * A tailored introduction is drawn with its fallback (`::: otherwise`) passages: the page is
 * the same for every learner, and the app puts the learner's own variant in once it knows them.
 *
 * Each other language a module offers has its first screen too, as a data block in the page
 * (src/compiler/module-folder.ts): the bootstrap puts it in the page's place when the launch
 * opens in that language, before the page is drawn, so a Welsh learner's first screen needs no
 * more than an English learner's and does not show English first.
 */
import type { Course } from '../core/model.js';
import { LANGUAGE_NAMES, localCourse } from '../components/i18n.js';
import { en, type Strings } from '../components/strings.js';
import { cy } from '../components/strings-cy.js';
import { NAME_MARK, type FirstScreenPack } from '../first-screen-controls.js';
import { escapeHtml } from '../core/escape.js';
import { defaultProfile } from '../components/profile-default.js';

const STRINGS: Record<string, Strings> = { en, cy };

/**
 * The profile question as fl-course draws it (renderIntro, renderProfileFields), with the
 * default for a new learner selected; src/first-screen.ts selects a saved or hinted one.
 */
function profileQuestion(course: Course, language: string, t: Strings): string {
  const offered = course.profiles;
  const draft = defaultProfile(course, language, undefined);
  if (!offered || !draft) return '';
  const select = (name: 'nation' | 'group', label: string, options: [string, string][], selected: string) =>
    `<div class="fl-field"><label for="fl-${name}">${escapeHtml(label)}</label><select class="fl-select" id="fl-${name}" name="${name}" disabled>${options
      .map(([v, text]) => `<option value="${v}"${v === selected ? ' selected' : ''}>${escapeHtml(text)}</option>`)
      .join('')}</select></div>`;
  return `<div class="fl-profile"><h2>${escapeHtml(t.profileFormTitle)}</h2><p>${escapeHtml(t.profileHint)}</p>${select(
    'nation',
    t.profileNation,
    offered.nations.map((n) => [n, t.nations[n]]),
    draft.nation,
  )}${select(
    'group',
    t.profileGroup,
    offered.groups.map((g) => [g, t.groups[g]]),
    draft.group,
  )}</div>`;
}

/** The first screen's HTML for a course, in its own language or another it offers. */
export function firstScreenHtml(course: Course, language: string = course.language): string {
  const t = STRINGS[language.slice(0, 2).toLowerCase()] ?? en;
  const local = localCourse(course, language);
  const title = escapeHtml(local.title);
  const languages = course.languages
    .filter((l) => l !== language)
    .map(
      (l) =>
        `<button class="header__language" lang="${escapeHtml(l)}" data-language="${escapeHtml(l)}" disabled>${escapeHtml(LANGUAGE_NAMES[l.slice(0, 2)] ?? l)}</button>`,
    );
  // What the app puts in once it knows the launch, in this language.
  const words: Record<string, string> = {
    'data-language': language,
    'data-continue': t.continueWhereLeft,
    'data-welcome': t.welcome(NAME_MARK),
    'data-progress': t.progress,
    'data-saving': t.saving,
    'data-saved': t.saved,
    'data-not-loaded': t.partNotLoaded,
    'data-try-again': t.tryAgain,
    'data-loading': t.loading,
  };
  return `<div class="fl-shell" id="fl-first-screen" ${Object.entries(words)
    .map(([k, v]) => `${k}="${escapeHtml(v)}"`)
    .join(' ')}>
<header class="header"><div class="header__inner"><div>${course.organisation ? `<p class="header__org">${escapeHtml(course.organisation.name)}</p>` : ''}<p class="header__title">${title}</p></div>${languages.join('')}</div></header>
<div class="bar" role="region" aria-label="${escapeHtml(t.progress)}"><div class="fl-progress"><p class="progress__label" id="fl-progress-label" aria-hidden="true">${escapeHtml(t.progress)}: 0%</p><div class="progress__track" role="progressbar" aria-labelledby="fl-progress-label" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><div class="progress__bar"></div></div></div></div>
<div class="status" data-save-status><div role="status"></div></div>
<main class="main">
<h1 tabindex="-1">${title}</h1>
<p class="fl-welcome" hidden></p>
<div class="intro__text">${local.introHtml}</div>
<h2>${escapeHtml(t.objectivesHeading)}</h2>
<ul>${course.objectives.map((o) => `<li>${escapeHtml(local.objective(o.id))}</li>`).join('')}</ul>
<p class="intro__facts">${escapeHtml(t.facts(course.estimatedMinutes, course.passMark))}</p>
${profileQuestion(course, language, t)}
<button class="nhsuk-button" data-start disabled>${escapeHtml(t.start)}</button>
</main>
<footer class="footer"><div class="footer__inner"><button class="link-button" data-statement disabled>${escapeHtml(t.accessibilityLink)}</button></div></footer>
</div>`;
}

/** Another language's first screen, as its data block in the page holds it. */
export function firstScreenPack(course: Course, language: string): FirstScreenPack {
  return { title: localCourse(course, language).title, html: firstScreenHtml(course, language) };
}

/** The app's index.html (its stylesheet already inline: src/compiler/nhsuk-css.ts) with the course's first screen, language and title. */
export function withFirstScreen(page: string, course: Course): string {
  const placeholder = /<p>Loading the module…<\/p>/;
  if (!placeholder.test(page))
    throw new Error('index.html has no "Loading the module…" line to put the first screen in');
  return page
    .replace(/<html lang="[^"]*">/, `<html lang="${escapeHtml(course.language)}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(course.title)}</title>`)
    .replace(placeholder, () => firstScreenHtml(course));
}
