/**
 * The CSS of the course shell as plain text, with no Lit: the elements adopt it in their
 * shadow roots (styles.ts, fl-course, fl-progress-bar), and the build turns it into the
 * document stylesheet of the first screen (inline in index.html: src/compiler/nhsuk-css.ts), written as
 * plain HTML so the introduction shows before any script runs (src/compiler/first-screen.ts).
 * `:host` means the element; in the document it becomes the first screen's matching class.
 */

/** Colours, type and line height (every element). */
export const TOKENS_CSS = `
  :host {
    --fl-blue: #005eb8;
    --fl-dark-blue: #003087;
    --fl-text: #212b32;
    --fl-secondary-text: #4c6272;
    --fl-green: #007f3b;
    --fl-dark-green: #00401e;
    --fl-red: #d5281b;
    --fl-yellow: #ffeb3b;
    --fl-grey-4: #d8dde0;
    --fl-grey-5: #f0f4f5;
    --fl-white: #ffffff;
    --fl-border: #aeb7bd;
    --fl-font: 'Frutiger W01', Arial, Helvetica, sans-serif;
    font-family: var(--fl-font);
    color: var(--fl-text);
    line-height: 1.5;
  }
`;

/** Headings, paragraphs, links, focus, buttons' font, the warning callout, reduced motion. */
export const BASE_CSS = `
  :host { -webkit-text-size-adjust: 100%; }
  *, *::before, *::after { box-sizing: border-box; }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 16px; }
  h1 { font-size: 2rem; }
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.25rem; }
  h1:focus, h2:focus, h3:focus { outline: none; }
  p { margin: 0 0 16px; }
  a { color: var(--fl-blue); }
  a:visited { color: #330072; }
  a:focus { background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 -2px var(--fl-yellow), 0 4px var(--fl-text); outline: 4px solid transparent; text-decoration: none; }
  img { max-width: 100%; height: auto; }
  .fl-visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
    padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important;
    border: 0 !important; white-space: nowrap !important;
  }
  .nhsuk-button { font-family: inherit; margin-right: 16px; }
  .nhsuk-button:disabled { opacity: 0.5; cursor: not-allowed; }
  .fl-inset {
    border-left: 8px solid var(--fl-blue); padding: 16px; margin: 24px 0; background: var(--fl-white);
  }
  /* The NHS.UK warning callout pattern, written small (the full component is 3 KB). */
  .fl-warning { border: 1px solid #ffeb3b; background: #fff9c4; padding: 16px; margin: 16px 0; }
  .fl-warning__title { display: block; font-weight: 600; margin-bottom: 4px; }
  .fl-warning p { margin: 0; }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
  }
`;

/** The shell: header with the language switch, progress bar, save status, main, footer. */
export const SHELL_CSS = `
  :host { display: block; background: var(--fl-grey-5); min-height: 100vh; }
  .header { background: var(--fl-blue); color: var(--fl-white); padding: 12px 16px; }
  .header__inner, .main, .status, .footer__inner { max-width: 960px; margin: 0 auto; }
  .header__inner { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; justify-content: space-between; }
  .header__org { margin: 0; font-size: 1rem; }
  .header__title { margin: 0; font-size: 1.25rem; font-weight: 600; }
  .header__language { background: none; border: 2px solid var(--fl-white); color: var(--fl-white); border-radius: 4px;
    font: inherit; min-height: 44px; min-width: 44px; padding: 8px 12px; cursor: pointer; }
  .header__language:focus { outline: 4px solid transparent; background: var(--fl-yellow); color: var(--fl-text); border-color: var(--fl-text); }
  .bar { background: var(--fl-white); border-bottom: 1px solid var(--fl-grey-4); padding: 12px 16px; }
  .bar fl-progress-bar, .bar .fl-progress { max-width: 960px; margin: 0 auto; }
  .main { padding: 24px 16px 48px; }
  .status { padding: 0 16px; min-height: 1.5em; color: var(--fl-secondary-text); font-size: 1rem; }
  .status p { margin: 8px 0 0; }
  .status .nhsuk-button { margin: 8px 0 0; width: auto; }
  .intro__facts { margin: 0 0 24px; }
  .footer { border-top: 4px solid var(--fl-blue); background: var(--fl-white); padding: 16px; }
  .footer a, .link-button { color: var(--fl-blue); background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; min-height: 24px; }
  .link-button:focus { background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 -2px var(--fl-yellow), 0 4px var(--fl-text); outline: 4px solid transparent; text-decoration: none; }
  .fl-profile { margin: 0 0 24px; }
  .fl-field { margin: 0 0 16px; }
  .fl-field label { display: block; font-weight: 600; margin: 0 0 4px; }
  .fl-select { font: inherit; color: var(--fl-text); background: var(--fl-white); border: 2px solid var(--fl-text); min-height: 40px; padding: 4px 8px; max-width: 100%; }
  .fl-select:focus { outline: 4px solid var(--fl-yellow); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--fl-text); }
  @media print {
    :host { background: #fff; min-height: 0; }
    .header, .bar, .status, .footer, .fl-warning { display: none !important; }
    .main { padding: 0; }
  }
`;

/** The progress bar (fl-progress-bar; the first screen's copy has the class fl-progress). */
export const PROGRESS_CSS = `
  :host { display: block; }
  .progress__label { font-size: 1rem; margin: 0 0 4px; }
  .progress__track { height: 8px; background: var(--fl-grey-4); border-radius: 4px; overflow: hidden; }
  .progress__bar { height: 100%; width: 0; background: var(--fl-blue); transition: width 0.3s ease; }
  @media (prefers-reduced-motion: reduce) { .progress__bar { transition: none; } }
  @media (forced-colors: active) { .progress__track { border: 1px solid CanvasText; } .progress__bar { background: Highlight; } }
`;

/** The learner's profile under the bar, with its Change form (fl-course only: never on the first screen). */
export const PROFILE_BAR_CSS = `
  .profile-bar { max-width: 960px; margin: 0 auto; padding: 8px 16px 0; }
  .profile-bar p { margin: 0; }
  .profile-form { background: var(--fl-white); border: 1px solid var(--fl-grey-4); padding: 16px; margin: 8px 0 0; }
  @media print { .profile-bar { display: none !important; } }
`;

/**
 * The first screen's document stylesheet: the same rules, with `:host` made the first
 * screen's classes (.fl-shell for the shell, .fl-progress for the bar), after NHS.UK's.
 */
export function firstScreenCss(nhsukCss: string): string {
  const host = (text: string, selector: string) => text.replace(/:host\b/g, selector);
  return [
    nhsukCss,
    host(TOKENS_CSS, '.fl-shell'),
    host(BASE_CSS, '.fl-shell'),
    host(SHELL_CSS, '.fl-shell'),
    host(PROGRESS_CSS, '.fl-progress'),
  ]
    .join('\n')
    .replace(/\n\s*/g, '\n');
}
