/** Shared styles: NHS.UK design tokens, type, buttons, focus and feedback patterns. */
import { css } from 'lit';

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
  .fl-button {
    display: inline-block; min-height: 44px; min-width: 44px; padding: 12px 16px; margin: 0 16px 16px 0;
    border: 2px solid transparent; border-radius: 4px; box-shadow: 0 4px 0 var(--fl-dark-green);
    background: var(--fl-green); color: var(--fl-white); font: inherit; font-size: 1.1875rem; font-weight: 600;
    line-height: 1.2; cursor: pointer; text-align: center;
  }
  .fl-button:hover { background: #00662f; }
  .fl-button:focus { outline: none; }
  .fl-button:focus-visible, .fl-button:focus {
    background: var(--fl-yellow); color: var(--fl-text); box-shadow: 0 4px 0 var(--fl-text);
  }
  .fl-button:active { top: 4px; box-shadow: none; }
  .fl-button--secondary { background: var(--fl-white); color: var(--fl-blue); border-color: var(--fl-blue); box-shadow: 0 4px 0 var(--fl-blue); }
  .fl-button--secondary:hover { background: #e3ecf7; }
  .fl-inset {
    border-left: 8px solid var(--fl-blue); padding: 16px; margin: 24px 0; background: var(--fl-white);
  }
  .fl-warning {
    border: 1px solid var(--fl-border); background: #fff9c4; padding: 16px; margin: 16px 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
  }
`;
