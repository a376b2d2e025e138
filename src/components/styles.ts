/** Shared styles: NHS.UK frontend (only the parts used), design tokens, type and focus. */
import { unsafeCSS } from 'lit';
import { BASE_CSS, TOKENS_CSS } from './shell-css.js';
import nhsukCss from 'virtual:nhsuk-css';

/** NHS.UK frontend's buttons and hidden text (every screen; the scenario screen adds styles-forms.ts). */
export const nhsuk = unsafeCSS(nhsukCss);

export const tokens = unsafeCSS(TOKENS_CSS);

export const base = unsafeCSS(BASE_CSS);
