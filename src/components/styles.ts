/** Shared styles: NHS.UK frontend (only the parts used), design tokens, type and focus. */
import { css, unsafeCSS } from 'lit';
import nhsukCss from 'virtual:nhsuk-css';

/** NHS.UK frontend's buttons and hidden text (every screen; the scenario screen adds styles-forms.ts). */
export const nhsuk = unsafeCSS(nhsukCss);

export const tokens = css`
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

export const base = css`
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
