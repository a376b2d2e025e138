/** NHS.UK frontend's radios, checkboxes, inset text and tags: only the scenario screen uses them, so they load with it. */
import { unsafeCSS } from 'lit';
import nhsukFormsCss from 'virtual:nhsuk-forms-css';

export const nhsukForms = unsafeCSS(nhsukFormsCss);
